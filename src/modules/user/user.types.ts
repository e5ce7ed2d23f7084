import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { STAFF_ROLES } from './user.entity';
import { connectionType } from '../../shared/connection.types';

export const StaffRoleEnum = Object.fromEntries(STAFF_ROLES.map((r) => [r, r])) as { [K in (typeof STAFF_ROLES)[number]]: K };
registerEnumType(StaffRoleEnum, {
  name: 'StaffRole',
  description: 'Staff roles, from most to least powerful.',
  valuesConfig: {
    SUPER_ADMIN: { description: 'The platform operator: every workspace, acting in one with X-Tenant-Id.' },
    ADMIN: { description: 'Runs the workspace: settings, staff, audit log, webhooks.' },
    MANAGER: { description: 'Assigns incidents, manages customers, portal users and SLA targets.' },
    ENGINEER: { description: 'Works incidents through their whole life, writes articles.' },
    RESPONDER: { description: 'Acknowledges incidents and comments on them.' },
    VIEWER: { description: 'Reads.' },
  },
});
export type StaffRoleValue = (typeof STAFF_ROLES)[number];

@ObjectType({ simpleResolvers: true, description: 'The signed-in staff member, as returned with tokens.' })
export class AuthUser {
  @Field(() => ID, { description: "The staff member's id." }) id!: string;
  @Field({ description: 'Their sign-in address.' }) email!: string;
  @Field(() => String, { nullable: true, description: 'Their first name.' }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'Their last name.' }) lastName!: string | null;
  @Field(() => StaffRoleEnum, { description: 'Their role in the workspace.' }) role!: StaffRoleValue;
}

@ObjectType({ simpleResolvers: true, description: 'A signed-in staff session: its tokens and the staff member.' })
export class AuthPayload {
  @Field({ description: 'Short-lived JWT for the Authorization: Bearer header.' }) accessToken!: string;
  @Field({ description: 'Single-use token for sessionRefresh (or the deprecated refreshToken); a reused one ends the session.' }) refreshToken!: string;
  @Field(() => AuthUser, { description: 'The staff member signed in.' }) user!: AuthUser;
}

@ObjectType({ simpleResolvers: true, description: 'The tokens of a refreshed session.' })
export class TokenPair {
  @Field({ description: 'A new access token for the Authorization: Bearer header.' }) accessToken!: string;
  @Field({ description: 'The refresh token to use next time (the one sent is spent, unless rotation is off for this door).' }) refreshToken!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The owner account just registered, still to verify its address.' })
export class RegisteredUser {
  @Field(() => ID, { description: "The account's id." }) id!: string;
  @Field({ description: 'Its address, where the code went.' }) email!: string;
  @Field(() => StaffRoleEnum, { description: 'Its role: ADMIN of the new workspace.' }) role!: StaffRoleValue;
}

@ObjectType({ simpleResolvers: true, description: 'A workspace (tenant) as its owner sees it.' })
export class Business {
  @Field(() => ID, { description: "The workspace's id." }) id!: string;
  @Field({ description: 'Its name.' }) name!: string;
  @Field({ description: "Its public handle (a `workspace` at portal sign-in; the portal's tenantSlug); assigned once the owner verified the address." }) slug!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A registration: the owner account and its new workspace.' })
export class RegistrationPayload {
  @Field(() => RegisteredUser, { description: 'The owner account.' }) user!: RegisteredUser;
  @Field(() => Business, { description: 'The new workspace.' }) business!: Business;
}

@ObjectType({ simpleResolvers: true, description: 'The signed-in staff member\'s own profile.' })
export class Me {
  @Field(() => ID, { description: "The staff member's id." }) id!: string;
  @Field({ description: 'Their sign-in address.' }) email!: string;
  @Field(() => String, { nullable: true, description: 'Their first name.' }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'Their last name.' }) lastName!: string | null;
  @Field(() => StaffRoleEnum, { description: 'Their role in the workspace.' }) role!: StaffRoleValue;
  @Field(() => ID, { description: 'The workspace (tenant) id.' }) businessId!: string;
  @Field(() => String, { nullable: true, description: 'Their phone number in E.164 (+442079460000), if given.' }) phone!: string | null;
  @Field({ description: 'Whether they verified the address.' }) emailVerified!: boolean;
  @Field(() => Date, { description: 'When the account was created.' }) createdAt!: Date | string;
}

@ObjectType({ simpleResolvers: true, description: 'A password-reset token that can still be used.' })
export class ResetTokenStatus {
  @Field({ description: 'Always true (an unusable token is an error).' }) valid!: boolean;
  @Field(() => Date, { description: 'When it stops working.' }) expiresAt!: Date | string;
}

@ObjectType({ simpleResolvers: true, description: 'A member of the workspace\'s staff.' })
export class StaffMember {
  @Field(() => ID, { description: "The member's id." }) id!: string;
  @Field({ description: 'Their sign-in address.' }) email!: string;
  @Field(() => String, { nullable: true, description: 'Their first name.' }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'Their last name.' }) lastName!: string | null;
  @Field(() => StaffRoleEnum, { description: 'Their role.' }) role!: StaffRoleValue;
  @Field({ description: 'False once deactivated.' }) isActive!: boolean;
  @Field({ description: 'False until the member verified the e-mail or accepted the invitation.' }) emailVerified!: boolean;
  @Field(() => Date, { description: 'When the account was created.' }) createdAt!: Date | string;
}

@ObjectType({ simpleResolvers: true, description: 'A staff invitation just sent.' })
export class Invitation {
  @Field(() => ID, { description: 'The invited member\'s user id.' }) userId!: string;
  @Field({ description: 'The address it went to.' }) email!: string;
  @Field(() => StaffRoleEnum, { description: 'The role the member gets.' }) role!: StaffRoleValue;
  @Field(() => Date, { description: 'When the invitation link stops working.' }) expiresAt!: Date | string;
}

@ObjectType({ simpleResolvers: true, description: 'The start of a sign-in with an OAuth provider.' })
export class OAuthStart {
  @Field({ description: 'Send the browser here to sign in with the provider.' }) authorizationUrl!: string;
}

// ---- Issue 15: the payloads of the new-style mutations (`<Name>Payload`). The sign-in ones extend the old
// answers' types (the same fields, one home for their descriptions); Boolean answers get a named field.

@ObjectType({ simpleResolvers: true, description: 'The answer to emailVerify.' })
export class EmailVerifyPayload {
  @Field({ description: 'True: the address is verified (a wrong or expired code is an error).' }) verified!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to emailOtpResend: the same for unknown addresses.' })
export class EmailOtpResendPayload {
  @Field({ description: 'Always true: a new code went out if the address has an unverified account.' }) sent!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The tokens of a refreshed staff session (sessionRefresh).' })
export class SessionRefreshPayload extends TokenPair {}

@ObjectType({ simpleResolvers: true, description: 'The answer to sessionEnd.' })
export class SessionEndPayload {
  @Field({ description: 'True: the session ended; its tokens stop working at once.' }) ended!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to passwordResetRequest: the same for unknown addresses.' })
export class PasswordResetRequestPayload {
  @Field({ description: 'Always true: a reset token went out if the address has an account.' }) sent!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A staff password-reset token that can still be used (passwordResetTokenCheck).' })
export class PasswordResetTokenCheckPayload extends ResetTokenStatus {}

@ObjectType({ simpleResolvers: true, description: 'The answer to passwordReset.' })
export class PasswordResetPayload {
  @Field({ description: 'True: the new password is set and every session of the account ended.' }) reset!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to passwordChange.' })
export class PasswordChangePayload {
  @Field({ description: 'True: the password changed and every other session ended.' }) changed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to profileUpdate.' })
export class ProfileUpdatePayload {
  @Field(() => Me, { description: 'The profile as it is now.' }) me!: Me;
}

@ObjectType({ simpleResolvers: true, description: 'The start of a sign-in with an OAuth provider (oauthStart).' })
export class OauthStartPayload extends OAuthStart {}

@ObjectType({ simpleResolvers: true, description: 'A staff session signed in with a provider (oauthComplete): its tokens and the staff member.' })
export class OauthCompletePayload extends AuthPayload {}

@ObjectType({ simpleResolvers: true, description: 'The answer to staffInvite.' })
export class StaffInvitePayload {
  @Field(() => Invitation, { description: 'The invitation sent.' }) invitation!: Invitation;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to staffRoleChange.' })
export class StaffRoleChangePayload {
  @Field(() => StaffMember, { description: 'The member with the new role.' }) staffMember!: StaffMember;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to staffDeactivate.' })
export class StaffDeactivatePayload {
  @Field(() => StaffMember, { description: 'The member, deactivated.' }) staffMember!: StaffMember;
}
/** Staff members by cursor (staffMembersConnection), oldest account first. */
export const StaffMemberConnection = connectionType(StaffMember, 'StaffMember', 'staff members');
