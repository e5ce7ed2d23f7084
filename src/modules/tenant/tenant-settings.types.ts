import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Workspace settings (ADMIN).' })
export class TenantSettings {
  @Field(() => ID) id!: string;
  @Field({ description: 'Display name, shown in the public company list and in e-mails to customers.' }) name!: string;
  @Field({ description: 'Public handle (the portal\'s tenantSlug). Not changed by renaming, so portal logins keep working.' }) slug!: string;
  @Field({ description: 'Whether customers may register themselves; only such workspaces are listed by `companies`.' }) allowCustomerSignup!: boolean;
  @Field(() => Date) updatedAt!: Date | string;
}

@InputType({ description: 'Settings to change; omitted fields stay as they are.' })
export class UpdateTenantSettingsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() allowCustomerSignup?: boolean | null;
}
