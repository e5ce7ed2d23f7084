import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { CreateCustomerInput, CustomerFilterInput, UpdateCustomerInput } from './customer-admin.inputs';
import { CustomerOrganization, CustomerOrganizationPage, OrganizationConnection } from './customer-admin.types';
import { ConnectionArgs } from '../../shared/connection.types';
import { LimitArg, PageArg } from '../../shared/listing';

/** Customer organizations for staff. Thin: arguments in, one service call, result out. */
@Resolver()
export class CustomerAdminResolver {
  @Query(() => CustomerOrganizationPage, { description: 'Staff: the workspace\'s customer organizations by name, paginated.' })
  customers(
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

  @Query(() => CustomerOrganization, { description: 'Staff: one customer organization of the workspace.' })
  customer(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.get(staffViewer(ctx), id);
  }

  @Mutation(() => CustomerOrganization, { description: 'MANAGER: creates a customer organization.' })
  createCustomer(@Arg('input', { description: 'The new organization.' }) input: CreateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => CustomerOrganization, { description: 'MANAGER: renames an organization or changes its sharing mode.' })
  updateCustomer(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.update(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => ID, { description: 'MANAGER: deletes an organization without portal users (else CUSTOMER_HAS_PORTAL_USERS); returns its id.' })
  deleteCustomer(@Arg('id', () => ID, { description: "The organization's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.customerAdmin.delete(staffViewer(ctx), id, ctx.client);
  }
}
