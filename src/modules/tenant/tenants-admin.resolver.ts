import { Args, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { ConnectionArgs, connectionType } from '../../shared/connection.types';

@ObjectType({ simpleResolvers: true, description: 'A tenant as the platform operator (SUPER_ADMIN) sees it.' })
export class TenantSummary {
  @Field(() => ID, { description: "The tenant's id: send it as X-Tenant-Id to act in it." }) id!: string;
  @Field({ description: 'Its display name.' }) name!: string;
  @Field({ description: 'Its public handle.' }) slug!: string;
  @Field({ description: 'Whether customers may register themselves.' }) allowCustomerSignup!: boolean;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: string;
}

/** Workspaces by cursor (workspacesConnection), by name. */
export const WorkspaceConnection = connectionType(TenantSummary, 'Workspace', 'workspaces');

@Resolver()
export class TenantsAdminResolver {
  @Query(() => [TenantSummary], { description: 'SUPER_ADMIN: every workspace; act in one by sending X-Tenant-Id with its id.' })
  workspaces(@Ctx() ctx: Context) {
    return ctx.services.tenants.listAll(staffViewer(ctx));
  }

  @Query(() => WorkspaceConnection, { description: 'SUPER_ADMIN: every workspace (tenant) as a cursor connection (first/after, last/before), by name.' })
  workspacesConnection(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return ctx.services.tenants.listAllConnection(staffViewer(ctx), args);
  }

  @Query(() => [TenantSummary], {
    description: 'SUPER_ADMIN: every tenant; act in one by sending X-Tenant-Id with its id.',
    deprecationReason: "Use workspaces (the schema's word for a tenant is workspace).",
  })
  tenants(@Ctx() ctx: Context) {
    return this.workspaces(ctx);
  }
}
