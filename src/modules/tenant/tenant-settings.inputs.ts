import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';

@InputType({ description: 'Settings to change; omitted fields stay as they are.' })
export class UpdateTenantSettingsInput {
  @Field(() => String, { nullable: true, description: 'A new display name, 1 to 100 characters.' }) @IsOptional() @IsString() @TextLength({ min: 1, max: 100 }) name?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True lets customers register themselves (and lists the workspace in `companies`).' }) @IsOptional() @IsBoolean() allowCustomerSignup?: boolean | null;
}

/** Issue 15: the input of workspaceSettingsUpdate, the old input's fields and validation under the new name. */
@InputType({ description: 'Workspace settings to change (workspaceSettingsUpdate); omitted fields stay as they are.' })
export class WorkspaceSettingsUpdateInput extends UpdateTenantSettingsInput {}
