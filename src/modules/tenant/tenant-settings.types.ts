import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Workspace settings (ADMIN).' })
export class TenantSettings {
  @Field(() => ID, { description: "The workspace's id." }) id!: string;
  @Field({ description: 'Display name, shown in the public company list and in e-mails to customers.' }) name!: string;
  @Field({ description: 'Public handle (a `workspace` at sign-in; the portal\'s tenantSlug). Not changed by renaming, so portal logins keep working.' }) slug!: string;
  @Field({ description: 'Whether customers may register themselves; only such workspaces are listed by `companies`.' }) allowCustomerSignup!: boolean;
  @Field(() => Date, { description: 'When the settings last changed.' }) updatedAt!: Date | string;
}

/** Issue 15: the payload of workspaceSettingsUpdate. */
@ObjectType({ simpleResolvers: true, description: 'The answer to workspaceSettingsUpdate.' })
export class WorkspaceSettingsUpdatePayload {
  @Field(() => TenantSettings, { description: 'The workspace settings as they are now.' }) settings!: TenantSettings;
}
