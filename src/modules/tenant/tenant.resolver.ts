import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Company } from './tenant.types';

@Resolver()
export class TenantResolver {
  @Query(() => [Company], { description: 'Workspaces open to customer self-registration (public): what a sign-up form offers.' })
  signupWorkspaces(@Ctx() ctx: Context): Promise<Company[]> {
    return ctx.services.tenants.listCompanies(ctx.viewer);
  }

  @Query(() => [Company], {
    description: 'Companies open to customer self-registration (public).',
    deprecationReason: "Use signupWorkspaces (the schema's word for a tenant is workspace).",
  })
  companies(@Ctx() ctx: Context): Promise<Company[]> {
    return this.signupWorkspaces(ctx);
  }
}
