import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { CreateCustomerInput, CustomerFilterInput, OrganizationCreateInput, OrganizationDeleteInput, OrganizationUpdateInput, UpdateCustomerInput } from './customer-admin.inputs';
import { CustomerOrganization, CustomerOrganizationPage, OrganizationConnection, OrganizationCreatePayload, OrganizationDeletePayload, OrganizationUpdatePayload } from './customer-admin.types';
import { ConnectionArgs } from '../../shared/connection.types';
import { LimitArg, PageArg } from '../../shared/listing';
import { replacedBy } from '../../graphql/replaced-by';

/** Customer organizations for staff. Thin: arguments in, one service call, result out. */
@Resolver()
export class CustomerAdminResolver {
  @Query(() => CustomerOrganizationPage, { description: 'Staff: the workspace\'s customer organizations by name, paginated.' })
  organizations(
    @Ctx() ctx: Context,
    @Arg('filter', () => CustomerFilterInput, { nullable: true, description: 'Which organizations; none: all of them.' }) filter?: CustomerFilterInput | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return ctx.services.customerAdmin.list(staffViewer(ctx), filter ?? {}, page, limit);
  }

  @Query(() => OrganizationConnection, { description: 'Staff: the workspace\'s customer organizations as a cursor connection (first/after, last/before), by name, filtered like `customers`.' })
  organizationsConnection(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => CustomerFilterInput, { nullable: true, description: 'Which organizations; none: all of them.' }) filter?: CustomerFilterInput | null,
  ) {
    return ctx.services.customerAdmin.connection(staffViewer(ctx), filter ?? {}, args);
  }

  @Query(() => CustomerOrganization, { description: 'Staff: one customer organization of the workspace; CUSTOMER_NOT_FOUND for any other id.' })
  organization(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.get(staffViewer(ctx), id);
  }

  @Query(() => CustomerOrganizationPage, {
    description: 'Staff: the workspace\'s customer organizations by name, paginated.',
    deprecationReason: "Use organizations (the schema's word for a customer's company is organization).",
  })
  customers(
    @Ctx() ctx: Context,
    @Arg('filter', () => CustomerFilterInput, { nullable: true, description: 'Which organizations; none: all of them.' }) filter?: CustomerFilterInput | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return this.organizations(ctx, filter, page, limit);
  }

  @Query(() => CustomerOrganization, {
    description: 'Staff: one customer organization of the workspace.',
    deprecationReason: "Use organization (the schema's word for a customer's company is organization).",
  })
  customer(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Ctx() ctx: Context) {
    return this.organization(id, ctx);
  }

  @Mutation(() => CustomerOrganization, { description: 'MANAGER: creates a customer organization.', deprecationReason: replacedBy('organizationCreate') })
  createCustomer(@Arg('input', { description: 'The new organization.' }) input: CreateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => CustomerOrganization, { description: 'MANAGER: renames an organization or changes its sharing mode.', deprecationReason: replacedBy('organizationUpdate') })
  updateCustomer(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.update(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => ID, { description: 'MANAGER: deletes an organization without portal users (else CUSTOMER_HAS_PORTAL_USERS); returns its id.', deprecationReason: replacedBy('organizationDelete') })
  deleteCustomer(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.delete(staffViewer(ctx), id, ctx.client);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => OrganizationCreatePayload, { description: 'MANAGER: creates a customer organization.' })
  async organizationCreate(@Arg('input', { description: 'The new organization.' }) input: OrganizationCreateInput, @Ctx() ctx: Context): Promise<OrganizationCreatePayload> {
    return { organization: await ctx.services.customerAdmin.create(staffViewer(ctx), input, ctx.client) };
  }

  @Mutation(() => OrganizationUpdatePayload, { description: 'MANAGER: renames an organization or changes its sharing mode.' })
  async organizationUpdate(@Arg('input', { description: 'The organization and what to change.' }) input: OrganizationUpdateInput, @Ctx() ctx: Context): Promise<OrganizationUpdatePayload> {
    return { organization: await ctx.services.customerAdmin.update(staffViewer(ctx), input.id, input, ctx.client) };
  }

  @Mutation(() => OrganizationDeletePayload, { description: 'MANAGER: deletes an organization without portal users (else CUSTOMER_HAS_PORTAL_USERS).' })
  async organizationDelete(@Arg('input', { description: 'The organization.' }) input: OrganizationDeleteInput, @Ctx() ctx: Context): Promise<OrganizationDeletePayload> {
    return { deletedId: await ctx.services.customerAdmin.delete(staffViewer(ctx), input.id, ctx.client) };
  }
}
