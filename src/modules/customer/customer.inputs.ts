import { IsEmail, IsOptional, IsString, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';
import { RefreshTokenInput, ResetPasswordInput, ResetTokenInput } from '../user/user.inputs';

const EMAIL = { message: 'must be a valid e-mail address' };

/**
 * Issue 15: every sign-in input names its workspace `workspace` (its id or its slug; read by
 * resolveWorkspaceChoice). The deprecated `companyId` (the id, Scrubbe) and `tenantSlug` (the slug, OpsWeave)
 * stay for GraphQL clients during the deprecation window; the REST bodies keep those names and send them as
 * `workspace` (inputNames, rest/routes/values.ts).
 */
const WORKSPACE = 'Its id or its slug.';
const USE_WORKSPACE = 'Use `workspace`.';
const workspace = (description: string) => Field(() => String, { nullable: true, description: `${description} ${WORKSPACE}` });
const companyId = (description: string) => Field(() => ID, { nullable: true, description, deprecationReason: USE_WORKSPACE });
const tenantSlug = (description: string) => Field(() => String, { nullable: true, description, deprecationReason: USE_WORKSPACE });

@InputType({ description: 'Customer self-registration in a company open to sign-up (Scrubbe).' })
export class RegisterCustomerInput {
  @Field({ description: 'The sign-in address; the code to verify it is e-mailed there.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The password: 8 to 128 characters, not a common one.' }) @IsString() password!: string;
  @Field({ description: "The customer's display name, 1 to 100 characters." }) @TextLength({ min: 1, max: 100 }) name!: string;
  @workspace('The workspace to register with, one open to sign-up (`signupWorkspaces`); required.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @companyId('A company id from `companies`.') @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: 'Customer login. Without a workspace, the one account whose e-mail and password match signs in.' })
export class CustomerLoginInput {
  @Field({ description: 'The sign-in address.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The password.' }) @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
  @workspace('The workspace to sign in to; needed only when the address has accounts in several.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @companyId('The company (workspace) to sign in to, by id (Scrubbe).') @IsOptional() @IsString() companyId?: string | null;
  @tenantSlug('The workspace to sign in to, by slug (OpsWeave).') @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

@InputType({ description: "Verifying a customer's address with the code e-mailed at registration." })
export class CustomerVerifyEmailInput {
  @Field({ description: 'The registered address.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The 6-digit code from the e-mail.' }) @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the e-mail' }) otp!: string;
  @workspace('The workspace registered with, when the address has accounts in several.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @companyId('The company registered with, when the address has accounts in several.') @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: "A customer's address, and the workspace when it has accounts in several." })
export class CustomerEmailInput {
  @Field({ description: "The account's address." }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @workspace('The workspace of the account; none: every workspace with the address.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @companyId('The company (workspace) of the account; none: every company with the address.') @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: 'Portal login (OpsWeave): the workspace is required.' })
export class PortalLoginInput {
  @workspace('The workspace to sign in to; required.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @tenantSlug("The workspace's slug.") @IsOptional() @IsString() @TextLength({ min: 1, max: 100 }) tenantSlug?: string | null;
  @Field({ description: 'The sign-in address.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The password.' }) @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
}

@InputType({ description: 'Asks for a sign-in link by e-mail, in the workspace named or, without one, from each workspace where the address has an account.' })
export class SignInLinkRequestInput {
  @Field({ description: 'The address the link goes to.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @workspace('The workspace; none: each workspace where the address has an account.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @companyId('The workspace, by id (Scrubbe).') @IsOptional() @IsString() companyId?: string | null;
  @tenantSlug('The workspace, by slug (OpsWeave).') @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

@InputType({ description: 'Signs in with the token of a sign-in link; naming the workspace refuses a link of another one.' })
export class SignInWithLinkInput {
  @Field({ description: 'The token from the e-mail (its link carries it as `token`).' }) @IsString() @TextLength({ min: 1, max: 200 }) token!: string;
  @workspace('The workspace the link must be of.') @IsOptional() @IsString() @TextLength({ max: 100 }) workspace?: string | null;
  @companyId('The workspace the link must be of, by id.') @IsOptional() @IsString() companyId?: string | null;
  @tenantSlug('The workspace the link must be of, by slug.') @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

// ---- Issue 15: the inputs of the new-style customer sign-in mutations. Each extends the old mutation's input
// class, so the fields, their descriptions and their validation have one home.

@InputType({ description: 'Customer self-registration in a company open to sign-up (customerRegister).' })
export class CustomerRegisterInput extends RegisterCustomerInput {}

@InputType({ description: "Verifying a customer's address with the code e-mailed at registration (customerEmailVerify)." })
export class CustomerEmailVerifyInput extends CustomerVerifyEmailInput {}

@InputType({ description: 'The customer address to send a new code to, and the workspace when it has accounts in several (customerEmailOtpResend).' })
export class CustomerEmailOtpResendInput extends CustomerEmailInput {}

@InputType({ description: "The customer account's address to e-mail a reset token to, and the workspace when it has accounts in several (customerPasswordResetRequest)." })
export class CustomerPasswordResetRequestInput extends CustomerEmailInput {}

@InputType({ description: 'Asks for a portal sign-in link by e-mail (customerSignInLinkRequest), in the workspace named or in each where the address has an account.' })
export class CustomerSignInLinkRequestInput extends SignInLinkRequestInput {}

@InputType({ description: 'A portal refresh token to exchange for a new access token (customerSessionRefresh).' })
export class CustomerSessionRefreshInput extends RefreshTokenInput {}

@InputType({ description: 'A portal password-reset token to check (customerPasswordResetTokenCheck).' })
export class CustomerPasswordResetTokenCheckInput extends ResetTokenInput {}

@InputType({ description: 'A new portal password set with a reset token (customerPasswordReset).' })
export class CustomerPasswordResetInput extends ResetPasswordInput {}
