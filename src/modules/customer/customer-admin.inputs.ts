import { IsBoolean, IsEmail, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { SharingMode } from './customer.entity';
import { SharingModeEnum } from './customer.types';
import { TextLength } from '../../shared/text';

const EMAIL = { message: 'must be a valid e-mail address' };

@InputType({ description: 'A new customer organization.' })
export class CreateCustomerInput {
  @Field({ description: "The organization's name, 1 to 200 characters." }) @IsString() @TextLength({ min: 1, max: 200 }) name!: string;
  @Field(() => SharingModeEnum, { defaultValue: 'OWN', description: 'OWN (default) or ORGANIZATION.' }) sharingMode!: SharingMode;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true, description: 'A new name, 1 to 200 characters.' }) @IsOptional() @IsString() @TextLength({ min: 1, max: 200 }) name?: string | null;
  @Field(() => SharingModeEnum, { nullable: true, description: 'Applies to the members\' ticket lists at once.' }) sharingMode?: SharingMode | null;
}

@InputType({ description: 'Which organizations to list.' })
export class CustomerFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' }) @IsOptional() @IsString() @TextLength({ max: 200 }) q?: string | null;
}

@InputType({ description: 'A portal user created by staff: an invitation e-mail lets them set a password.' })
export class CreatePortalUserInput {
  @Field({ description: 'The address the invitation goes to; unique in the workspace.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The name staff and colleagues see, 1 to 100 characters.' }) @IsString() @TextLength({ min: 1, max: 100 }) displayName!: string;
  @Field(() => ID, { nullable: true, description: 'The customer organization to put the user in.' }) @IsOptional() @IsString() customerId?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdatePortalUserInput {
  @Field(() => String, { nullable: true, description: 'A new display name, 1 to 100 characters.' }) @IsOptional() @IsString() @TextLength({ min: 1, max: 100 }) displayName?: string | null;
  @Field(() => ID, { nullable: true, description: 'Moves the user to this organization; null takes them out of any.' })
  @IsOptional()
  @IsString()
  customerId?: string | null;
}

@InputType({ description: 'Which portal users to list; all given conditions must hold.' })
export class PortalUserFilterInput {
  @Field(() => ID, { nullable: true, description: 'Users of this organization.' }) @IsOptional() @IsString() customerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Active (true) or deactivated (false) users only.' }) @IsOptional() @IsBoolean() active?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the e-mail address or display name, any case.' })
  @IsOptional()
  @IsString()
  @TextLength({ max: 200 })
  q?: string | null;
}

@InputType({ description: 'Accepting a portal invitation: the token from its e-mail and the password to sign in with.' })
export class AcceptPortalInvitationInput {
  @Field({ description: 'The token from the invitation link.' }) @IsString() @TextLength({ max: 200 }, { message: 'is not an invitation token' }) token!: string;
  // Password rules (length, common passwords) live in the service, as for every other password.
  @Field({ description: 'The password to sign in with: 8 to 128 characters, not a common one.' }) @IsString({ message: 'must be a string' }) password!: string;
}

// ---- Issue 15: the inputs of the new-style organization and portal-user mutations. The old input classes are
// extended (one home for the fields and their validation); the former `id` argument moves in beside them.

@InputType({ description: 'A new customer organization (organizationCreate).' })
export class OrganizationCreateInput extends CreateCustomerInput {}

@InputType({ description: 'The organization to change and the fields to change (organizationUpdate); omitted fields stay as they are.' })
export class OrganizationUpdateInput extends UpdateCustomerInput {
  @Field(() => ID, { description: "The organization's id." }) @IsString() id!: string;
}

@InputType({ description: 'The organization to delete (organizationDelete).' })
export class OrganizationDeleteInput {
  @Field(() => ID, { description: "The organization's id." }) @IsString() id!: string;
}

@InputType({ description: 'A portal user created by staff (portalUserCreate): an invitation e-mail lets them set a password.' })
export class PortalUserCreateInput extends CreatePortalUserInput {}

@InputType({ description: 'The portal user to change and the fields to change (portalUserUpdate); omitted fields stay as they are.' })
export class PortalUserUpdateInput extends UpdatePortalUserInput {
  @Field(() => ID, { description: "The portal user's id." }) @IsString() id!: string;
}

@InputType({ description: 'The portal user to deactivate (portalUserDeactivate).' })
export class PortalUserDeactivateInput {
  @Field(() => ID, { description: "The portal user's id." }) @IsString() id!: string;
}

@InputType({ description: 'The portal user to let sign in again (portalUserReactivate).' })
export class PortalUserReactivateInput {
  @Field(() => ID, { description: "The portal user's id." }) @IsString() id!: string;
}

@InputType({ description: 'The portal user to e-mail a password reset link to (portalUserPasswordResetSend).' })
export class PortalUserPasswordResetSendInput {
  @Field(() => ID, { description: "The portal user's id." }) @IsString() id!: string;
}
