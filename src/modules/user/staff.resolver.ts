import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { AcceptInvitationInput, ChangeStaffRoleInput, InviteStaffInput, StaffDeactivateInput, StaffInviteInput, StaffRoleChangeInput } from './user.inputs';
import { AuthPayload, Invitation, StaffDeactivatePayload, StaffInvitePayload, StaffMember, StaffMemberConnection, StaffRoleChangePayload } from './user.types';
import { replacedBy } from '../../graphql/replaced-by';
import { ConnectionArgs } from '../../shared/connection.types';

@Resolver()
export class StaffResolver {
  @Query(() => [StaffMember], { description: 'The staff of the caller\'s workspace.' })
  staffMembers(@Ctx() ctx: Context) {
    return ctx.services.staff.list(staffViewer(ctx));
  }

  @Query(() => StaffMemberConnection, { description: "The staff of the caller's workspace as a cursor connection (first/after, last/before), oldest account first." })
  staffMembersConnection(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return ctx.services.staff.connection(staffViewer(ctx), args);
  }

  @Mutation(() => Invitation, { description: 'ADMIN: invites a member by e-mail with a role.', deprecationReason: replacedBy('staffInvite') })
  inviteStaff(@Arg('input', { description: 'The address and the role.' }) input: InviteStaffInput, @Ctx() ctx: Context) {
    return ctx.services.staff.invite(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => AuthPayload, { description: 'Accepts an invitation by setting a password; signs in.' })
  acceptInvitation(@Arg('input', { description: 'The invitation token, a password and names.' }) input: AcceptInvitationInput, @Ctx() ctx: Context) {
    return ctx.services.staff.acceptInvitation(input, ctx.client);
  }

  @Mutation(() => StaffMember, { description: 'ADMIN: changes a member\'s role (never the last ADMIN\'s); ends their sessions.', deprecationReason: replacedBy('staffRoleChange') })
  changeStaffRole(@Arg('input', { description: 'The member and their new role.' }) input: ChangeStaffRoleInput, @Ctx() ctx: Context) {
    return ctx.services.staff.changeRole(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => StaffMember, { description: 'ADMIN: deactivates a member (never the last ADMIN) and ends their sessions.', deprecationReason: replacedBy('staffDeactivate') })
  deactivateStaff(@Arg('userId', () => ID, { description: "The member's id." }) userId: string, @Ctx() ctx: Context) {
    return ctx.services.staff.deactivate(staffViewer(ctx), userId, ctx.client);
  }

  // ---- Issue 15: the new-style mutations, the same service calls.

  @Mutation(() => StaffInvitePayload, { description: 'ADMIN: invites a member by e-mail with a role.' })
  async staffInvite(@Arg('input', { description: 'The address and the role.' }) input: StaffInviteInput, @Ctx() ctx: Context): Promise<StaffInvitePayload> {
    return { invitation: await ctx.services.staff.invite(staffViewer(ctx), input, ctx.client) };
  }

  @Mutation(() => StaffRoleChangePayload, { description: "ADMIN: changes a member's role (never the last ADMIN's); ends their sessions." })
  async staffRoleChange(@Arg('input', { description: 'The member and their new role.' }) input: StaffRoleChangeInput, @Ctx() ctx: Context): Promise<StaffRoleChangePayload> {
    return { staffMember: await ctx.services.staff.changeRole(staffViewer(ctx), input, ctx.client) };
  }

  @Mutation(() => StaffDeactivatePayload, { description: 'ADMIN: deactivates a member (never the last ADMIN) and ends their sessions.' })
  async staffDeactivate(@Arg('input', { description: 'The member.' }) input: StaffDeactivateInput, @Ctx() ctx: Context): Promise<StaffDeactivatePayload> {
    return { staffMember: await ctx.services.staff.deactivate(staffViewer(ctx), input.userId, ctx.client) };
  }
}
