import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';

@ObjectType({ simpleResolvers: true, description: 'A tenant as the platform operator (SUPER_ADMIN) sees it.' })
export class TenantSummary {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field() allowCustomerSignup!: boolean;
  @Field(() => Date) createdAt!: string;
}

@Resolver()
export class TenantsAdminResolver {
  @Query(() => [TenantSummary], { description: 'SUPER_ADMIN: every tenant; act in one by sending X-Tenant-Id with its id.' })
  tenants(@Ctx() ctx: Context) {
    return ctx.services.tenants.listAll(staffViewer(ctx));
  }
}
