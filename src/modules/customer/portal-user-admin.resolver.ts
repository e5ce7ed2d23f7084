import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { CreatePortalUserInput, PortalUserCreateInput, PortalUserDeactivateInput, PortalUserFilterInput, PortalUserPasswordResetSendInput, PortalUserReactivateInput, PortalUserUpdateInput, UpdatePortalUserInput } from './customer-admin.inputs';
import { PortalUser, PortalUserConnection, PortalUserCreatePayload, PortalUserDeactivatePayload, PortalUserPage, PortalUserPasswordResetSendPayload, PortalUserReactivatePayload, PortalUserUpdatePayload } from './customer-admin.types';
import { ConnectionArgs } from '../../shared/connection.types';
import { LimitArg, PageArg } from '../../shared/listing';
import { replacedBy } from '../../graphql/replaced-by';

/** Portal users administered by staff (MANAGER and above). Thin: arguments in, one service call, result out. */
@Resolver()
export class PortalUserAdminResolver {
  @Query(() => PortalUserPage, { description: 'MANAGER: the workspace\'s portal users, filtered and paginated.' })
  portalUsers(
    @Ctx() ctx: Context,
    @Arg('filter', () => PortalUserFilterInput, { nullable: true, description: 'Which portal users; none: all of them.' }) filter?: PortalUserFilterInput | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return ctx.services.portalUserAdmin.list(staffViewer(ctx), filter ?? {}, page, limit);
  }

  @Query(() => PortalUserConnection, { description: 'MANAGER: the workspace\'s portal users as a cursor connection (first/after, last/before), by display name, filtered like `portalUsers`.' })
  portalUsersConnection(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => PortalUserFilterInput, { nullable: true, description: 'Which portal users; none: all of them.' }) filter?: PortalUserFilterInput | null,
  ) {
    return ctx.services.portalUserAdmin.connection(staffViewer(ctx), filter ?? {}, args);
  }

  @Query(() => PortalUser, { description: 'MANAGER: one portal user of the workspace.' })
  portalUser(@Arg('id', () => ID, { description: "The portal user's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.portalUserAdmin.get(staffViewer(ctx), id);
  }

  @Mutation(() => PortalUser, { description: 'MANAGER: creates a portal user and e-mails an invitation to set a password.', deprecationReason: replacedBy('portalUserCreate') })
  createPortalUser(@Arg('input', { description: 'The new portal user.' }) input: CreatePortalUserInput, @Ctx() ctx: Context) {
    return ctx.services.portalUserAdmin.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => PortalUser, { description: 'MANAGER: renames a portal user and/or moves them to another organization (or none).', deprecationReason: replacedBy('portalUserUpdate') })
  updatePortalUser(@Arg('id', () => ID, { description: "The portal user's id." }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdatePortalUserInput, @Ctx() ctx: Context) {
    return ctx.services.portalUserAdmin.update(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => PortalUser, { description: 'MANAGER: deactivates a portal user; their sessions end at once.', deprecationReason: replacedBy('portalUserDeactivate') })
  deactivatePortalUser(@Arg('id', () => ID, { description: "The portal user's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.portalUserAdmin.deactivate(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => PortalUser, { description: 'MANAGER: lets a deactivated portal user sign in again.', deprecationReason: replacedBy('portalUserReactivate') })
  reactivatePortalUser(@Arg('id', () => ID, { description: "The portal user's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.portalUserAdmin.reactivate(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'MANAGER: e-mails the portal user a password reset link.', deprecationReason: replacedBy('portalUserPasswordResetSend') })
  sendPortalUserPasswordReset(@Arg('id', () => ID, { description: "The portal user's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.portalUserAdmin.sendPasswordReset(staffViewer(ctx), id, ctx.client);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => PortalUserCreatePayload, { description: 'MANAGER: creates a portal user and e-mails an invitation to set a password.' })
  async portalUserCreate(@Arg('input', { description: 'The new portal user.' }) input: PortalUserCreateInput, @Ctx() ctx: Context): Promise<PortalUserCreatePayload> {
    return { portalUser: await ctx.services.portalUserAdmin.create(staffViewer(ctx), input, ctx.client) };
  }

  @Mutation(() => PortalUserUpdatePayload, { description: 'MANAGER: renames a portal user and/or moves them to another organization (or none).' })
  async portalUserUpdate(@Arg('input', { description: 'The portal user and what to change.' }) input: PortalUserUpdateInput, @Ctx() ctx: Context): Promise<PortalUserUpdatePayload> {
    return { portalUser: await ctx.services.portalUserAdmin.update(staffViewer(ctx), input.id, input, ctx.client) };
  }

  @Mutation(() => PortalUserDeactivatePayload, { description: 'MANAGER: deactivates a portal user; their sessions end at once.' })
  async portalUserDeactivate(@Arg('input', { description: 'The portal user.' }) input: PortalUserDeactivateInput, @Ctx() ctx: Context): Promise<PortalUserDeactivatePayload> {
    return { portalUser: await ctx.services.portalUserAdmin.deactivate(staffViewer(ctx), input.id, ctx.client) };
  }

  @Mutation(() => PortalUserReactivatePayload, { description: 'MANAGER: lets a deactivated portal user sign in again.' })
  async portalUserReactivate(@Arg('input', { description: 'The portal user.' }) input: PortalUserReactivateInput, @Ctx() ctx: Context): Promise<PortalUserReactivatePayload> {
    return { portalUser: await ctx.services.portalUserAdmin.reactivate(staffViewer(ctx), input.id, ctx.client) };
  }

  @Mutation(() => PortalUserPasswordResetSendPayload, { description: 'MANAGER: e-mails the portal user a password reset link.' })
  async portalUserPasswordResetSend(
    @Arg('input', { description: 'The portal user.' }) input: PortalUserPasswordResetSendInput,
    @Ctx() ctx: Context,
  ): Promise<PortalUserPasswordResetSendPayload> {
    return { sent: await ctx.services.portalUserAdmin.sendPasswordReset(staffViewer(ctx), input.id, ctx.client) };
  }
}
