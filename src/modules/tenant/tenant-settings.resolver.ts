import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { UpdateTenantSettingsInput, WorkspaceSettingsUpdateInput } from './tenant-settings.inputs';
import { TenantSettings, WorkspaceSettingsUpdatePayload } from './tenant-settings.types';
import { replacedBy } from '../../graphql/replaced-by';

@Resolver()
export class TenantSettingsResolver {
  @Query(() => TenantSettings, { description: 'ADMIN: the settings of the caller\'s workspace.' })
  workspaceSettings(@Ctx() ctx: Context) {
    return ctx.services.tenantSettings.get(staffViewer(ctx));
  }

  @Query(() => TenantSettings, {
    description: 'ADMIN: the settings of the caller\'s workspace.',
    deprecationReason: "Use workspaceSettings (the schema's word for a tenant is workspace).",
  })
  tenantSettings(@Ctx() ctx: Context) {
    return this.workspaceSettings(ctx);
  }

  @Mutation(() => TenantSettings, { description: 'ADMIN: renames the workspace and/or opens or closes customer self-registration.', deprecationReason: replacedBy('workspaceSettingsUpdate') })
  updateTenantSettings(@Arg('input', { description: 'What to change.' }) input: UpdateTenantSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.tenantSettings.update(staffViewer(ctx), input, ctx.client);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => WorkspaceSettingsUpdatePayload, { description: 'ADMIN: renames the workspace and/or opens or closes customer self-registration.' })
  async workspaceSettingsUpdate(@Arg('input', { description: 'What to change.' }) input: WorkspaceSettingsUpdateInput, @Ctx() ctx: Context): Promise<WorkspaceSettingsUpdatePayload> {
    return { settings: await ctx.services.tenantSettings.update(staffViewer(ctx), input, ctx.client) };
  }
}
