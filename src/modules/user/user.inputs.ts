import { IsEmail, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { StaffRoleEnum, type StaffRoleValue } from './user.types';
import { TextLength } from '../../shared/text';

const EMAIL = { message: 'must be a valid e-mail address' };
const email = () => (target: object, key: string) => {
  IsEmail({}, EMAIL)(target, key);
  TextLength({ max: 254 })(target, key);
};
// Password rules (length, common passwords) live in the service, so REST, GraphQL and every flow agree.
const password = () => IsString({ message: 'must be a string' });

@InputType({ description: 'A new business workspace and its ADMIN owner (Scrubbe).' })
export class RegisterBusinessInput {
  @Field({ description: "The workspace's name, 1 to 100 characters." }) @TextLength({ min: 1, max: 100 }) businessName!: string;
  @Field({ description: "The owner's sign-in address; a code to verify it is e-mailed there." }) @email() email!: string;
  @Field({ description: 'The password: 8 to 128 characters, not a common one.' }) @password() password!: string;
}

@InputType({ description: 'A new developer account with a workspace of its own.' })
export class RegisterDeveloperInput {
  @Field({ description: 'The sign-in address; a code to verify it is e-mailed there.' }) @email() email!: string;
  @Field({ description: 'The password: 8 to 128 characters, not a common one.' }) @password() password!: string;
}

@InputType({ description: 'Verifying a staff address with the e-mailed code.' })
export class VerifyEmailInput {
  @Field({ description: 'The registered address.' }) @email() email!: string;
  @Field({ description: 'The 6-digit code from the e-mail.' }) @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the e-mail' }) otp!: string;
}

@InputType({ description: "A staff account's address." })
export class EmailInput {
  @Field({ description: 'The address.' }) @email() email!: string;
}

@InputType({ description: 'Staff credentials.' })
export class LoginInput {
  @Field({ description: 'The sign-in address.' }) @email() email!: string;
  @Field({ description: 'The password.' }) @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
}

@InputType({ description: 'A refresh token to exchange for a new access token.' })
export class RefreshTokenInput {
  @Field({ description: 'The refresh token from the sign-in (or the last refresh).' }) @IsString() @TextLength({ max: 200 }, { message: 'is not a refresh token' }) refreshToken!: string;
}

@InputType({ description: 'A password change by the signed-in staff member.' })
export class ChangePasswordInput {
  @Field({ description: 'The password now.' }) @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) currentPassword!: string;
  @Field({ description: 'The new password: 8 to 128 characters, not a common one.' }) @password() newPassword!: string;
}

@InputType({ description: 'A password-reset token from an e-mail.' })
export class ResetTokenInput {
  @Field({ description: 'The token from the reset link.' }) @IsString() @TextLength({ max: 200 }, { message: 'is not a reset token' }) token!: string;
}

@InputType({ description: 'A new password set with a reset token.' })
export class ResetPasswordInput {
  @Field({ description: 'The token from the reset link.' }) @IsString() @TextLength({ max: 200 }, { message: 'is not a reset token' }) token!: string;
  @Field({ description: 'The new password: 8 to 128 characters, not a common one.' }) @password() password!: string;
}

@InputType({ description: 'Profile fields. The e-mail address cannot be changed here.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'A new first name, 1 to 100 characters.' }) @IsOptional() @TextLength({ min: 1, max: 100 }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'A new last name, 1 to 100 characters.' }) @IsOptional() @TextLength({ min: 1, max: 100 }) lastName?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'In any common notation (+44 20 7946 0000, or national with PHONE_DEFAULT_COUNTRY); stored and answered as E.164. null clears it.',
  })
  @IsOptional()
  @TextLength({ max: 40 }, { message: 'is not a phone number' })
  phone?: string | null;
}

@InputType({ description: "An invitation to join the workspace's staff." })
export class InviteStaffInput {
  @Field({ description: 'The address the invitation goes to.' }) @email() email!: string;
  @Field(() => StaffRoleEnum, { description: 'The role the member gets (not SUPER_ADMIN).' }) @IsIn(['ADMIN', 'MANAGER', 'ENGINEER', 'RESPONDER', 'VIEWER'], { message: 'must be ADMIN, MANAGER, ENGINEER, RESPONDER or VIEWER' }) role!: StaffRoleValue;
}

@InputType({ description: 'Accepting a staff invitation.' })
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' }) @IsString() @TextLength({ max: 200 }, { message: 'is not an invitation token' }) token!: string;
  @Field({ description: 'The password to sign in with: 8 to 128 characters, not a common one.' }) @password() password!: string;
  @Field(() => String, { nullable: true, description: "The member's first name." }) @IsOptional() @TextLength({ min: 1, max: 100 }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: "The member's last name." }) @IsOptional() @TextLength({ min: 1, max: 100 }) lastName?: string | null;
}

@InputType({ description: 'A new role for a staff member.' })
export class ChangeStaffRoleInput {
  @Field(() => ID, { description: "The member's id." }) @IsString() userId!: string;
  @Field(() => StaffRoleEnum, { description: 'The new role (not SUPER_ADMIN).' }) @IsIn(['ADMIN', 'MANAGER', 'ENGINEER', 'RESPONDER', 'VIEWER'], { message: 'must be ADMIN, MANAGER, ENGINEER, RESPONDER or VIEWER' }) role!: StaffRoleValue;
}

// ---- Issue 15: the inputs of the new-style mutations (one `input: <Name>Input!` each). Each extends the old
// mutation's input class, so the fields, their descriptions and their validation have one home.

@InputType({ description: 'Verifying a staff address with the e-mailed code (emailVerify).' })
export class EmailVerifyInput extends VerifyEmailInput {}

@InputType({ description: 'The staff address to send a new code to (emailOtpResend).' })
export class EmailOtpResendInput extends EmailInput {}

@InputType({ description: 'A staff refresh token to exchange for a new access token (sessionRefresh).' })
export class SessionRefreshInput extends RefreshTokenInput {}

@InputType({ description: "The staff account's address to e-mail a reset token to (passwordResetRequest)." })
export class PasswordResetRequestInput extends EmailInput {}

@InputType({ description: 'A staff password-reset token to check (passwordResetTokenCheck).' })
export class PasswordResetTokenCheckInput extends ResetTokenInput {}

@InputType({ description: 'A new staff password set with a reset token (passwordReset).' })
export class PasswordResetInput extends ResetPasswordInput {}

@InputType({ description: 'A password change by the signed-in staff member (passwordChange).' })
export class PasswordChangeInput extends ChangePasswordInput {}

@InputType({ description: 'Profile fields to change (profileUpdate). The e-mail address cannot be changed here.' })
export class ProfileUpdateInput extends UpdateProfileInput {}

@InputType({ description: 'The provider to sign in with (oauthStart).' })
export class OauthStartInput {
  // Unknown providers and overlong parameters are the service's to refuse (oauth.service.ts), as for the old arguments.
  @Field({ description: 'The provider: google.' }) @IsString() provider!: string;
}

@InputType({ description: "The parameters of the provider's redirect back (oauthComplete)." })
export class OauthCompleteInput {
  @Field({ description: "The `code` parameter of the provider's redirect." }) @IsString() code!: string;
  @Field({ description: "The `state` parameter of the provider's redirect." }) @IsString() state!: string;
  @Field(() => String, { nullable: true, description: 'The `iss` parameter of the redirect, when the provider sends one.' }) @IsOptional() @IsString() iss?: string | null;
}

@InputType({ description: "An invitation to join the workspace's staff (staffInvite)." })
export class StaffInviteInput extends InviteStaffInput {}

@InputType({ description: 'A new role for a staff member (staffRoleChange).' })
export class StaffRoleChangeInput extends ChangeStaffRoleInput {}

@InputType({ description: 'The staff member to deactivate (staffDeactivate).' })
export class StaffDeactivateInput {
  @Field(() => ID, { description: "The member's id." }) @IsString() userId!: string;
}
