import { IsEmail, IsOptional, IsString, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';
import { RefreshTokenInput, ResetPasswordInput, ResetTokenInput } from '../user/user.inputs';

const EMAIL = { message: 'must be a valid e-mail address' };

@InputType({ description: 'Customer self-registration in a company open to sign-up (Scrubbe).' })
export class RegisterCustomerInput {
  @Field({ description: 'The sign-in address; the code to verify it is e-mailed there.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The password: 8 to 128 characters, not a common one.' }) @IsString() password!: string;
  @Field({ description: "The customer's display name, 1 to 100 characters." }) @TextLength({ min: 1, max: 100 }) name!: string;
  @Field(() => ID, { description: 'A company id from `companies`.' }) @IsString() companyId!: string;
}

@InputType({ description: 'Customer login. Without companyId or tenantSlug, the one account whose e-mail and password match signs in.' })
export class CustomerLoginInput {
  @Field({ description: 'The sign-in address.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The password.' }) @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
  @Field(() => ID, { nullable: true, description: 'The company (workspace) to sign in to, by id (Scrubbe).' }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true, description: 'The workspace to sign in to, by slug (OpsWeave).' }) @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

@InputType({ description: "Verifying a customer's address with the code e-mailed at registration." })
export class CustomerVerifyEmailInput {
  @Field({ description: 'The registered address.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The 6-digit code from the e-mail.' }) @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the e-mail' }) otp!: string;
  @Field(() => ID, { nullable: true, description: 'The company registered with, when the address has accounts in several.' }) @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: "A customer's address, and the company when it has accounts in several." })
export class CustomerEmailInput {
  @Field({ description: "The account's address." }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field(() => ID, { nullable: true, description: 'The company (workspace) of the account; none: every company with the address.' }) @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: 'Portal login (OpsWeave): the tenant is named by its slug.' })
export class PortalLoginInput {
  @Field({ description: "The workspace's slug." }) @IsString() @TextLength({ min: 1, max: 100 }) tenantSlug!: string;
  @Field({ description: 'The sign-in address.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field({ description: 'The password.' }) @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
}

@InputType({ description: 'Asks for a sign-in link by e-mail: the workspace named by companyId or tenantSlug, or neither (a link from each workspace where the address has an account).' })
export class SignInLinkRequestInput {
  @Field({ description: 'The address the link goes to.' }) @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field(() => ID, { nullable: true, description: 'The workspace, by id (Scrubbe).' }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true, description: 'The workspace, by slug (OpsWeave).' }) @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

@InputType({ description: 'Signs in with the token of a sign-in link; naming the workspace (companyId or tenantSlug) refuses a link of another one.' })
export class SignInWithLinkInput {
  @Field({ description: 'The token from the e-mail (its link carries it as `token`).' }) @IsString() @TextLength({ min: 1, max: 200 }) token!: string;
  @Field(() => ID, { nullable: true, description: 'The workspace the link must be of, by id.' }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true, description: 'The workspace the link must be of, by slug.' }) @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

// ---- Issue 15: the inputs of the new-style customer sign-in mutations. Each extends the old mutation's input
// class, so the fields, their descriptions and their validation have one home.

@InputType({ description: 'Customer self-registration in a company open to sign-up (customerRegister).' })
export class CustomerRegisterInput extends RegisterCustomerInput {}

@InputType({ description: "Verifying a customer's address with the code e-mailed at registration (customerEmailVerify)." })
export class CustomerEmailVerifyInput extends CustomerVerifyEmailInput {}

@InputType({ description: 'The customer address to send a new code to, and the company when it has accounts in several (customerEmailOtpResend).' })
export class CustomerEmailOtpResendInput extends CustomerEmailInput {}

@InputType({ description: "The customer account's address to e-mail a reset token to, and the company when it has accounts in several (customerPasswordResetRequest)." })
export class CustomerPasswordResetRequestInput extends CustomerEmailInput {}

@InputType({ description: 'Asks for a portal sign-in link by e-mail (customerSignInLinkRequest): the workspace named by companyId or tenantSlug, or neither.' })
export class CustomerSignInLinkRequestInput extends SignInLinkRequestInput {}

@InputType({ description: 'A portal refresh token to exchange for a new access token (customerSessionRefresh).' })
export class CustomerSessionRefreshInput extends RefreshTokenInput {}

@InputType({ description: 'A portal password-reset token to check (customerPasswordResetTokenCheck).' })
export class CustomerPasswordResetTokenCheckInput extends ResetTokenInput {}

@InputType({ description: 'A new portal password set with a reset token (customerPasswordReset).' })
export class CustomerPasswordResetInput extends ResetPasswordInput {}
