import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Company } from './tenant.types';

@Resolver()
export class TenantResolver {
  @Query(() => [Company], { description: 'Companies open to customer self-registration (public).' })
  companies(@Ctx() ctx: Context): Promise<Company[]> {
    return ctx.services.tenants.listCompanies(ctx.viewer);
  }
}
