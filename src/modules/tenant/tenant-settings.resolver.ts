import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { UpdateTenantSettingsInput } from './tenant-settings.inputs';
import { TenantSettings } from './tenant-settings.types';

@Resolver()
export class TenantSettingsResolver {
  @Query(() => TenantSettings, { description: 'ADMIN: the settings of the caller\'s workspace.' })
  workspaceSettings(@Ctx() ctx: Context) {
    return ctx.services.tenantSettings.get(staffViewer(ctx));
  }

  @Query(() => TenantSettings, {
    description: 'ADMIN: the settings of the caller\'s workspace.',
    deprecationReason: "Use workspaceSettings (the schema's word for a tenant is workspace). Kept for the REST route.",
  })
  tenantSettings(@Ctx() ctx: Context) {
    return this.workspaceSettings(ctx);
  }

  @Mutation(() => TenantSettings, { description: 'ADMIN: renames the workspace and/or opens or closes customer self-registration.' })
  updateTenantSettings(@Arg('input', { description: 'What to change.' }) input: UpdateTenantSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.tenantSettings.update(staffViewer(ctx), input, ctx.client);
  }
}
