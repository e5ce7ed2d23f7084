import { IsEmail, IsOptional, IsString, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';

const EMAIL = { message: 'must be a valid e-mail address' };

@InputType()
export class RegisterCustomerInput {
  @Field() @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field() @IsString() password!: string;
  @Field() @TextLength({ min: 1, max: 100 }) name!: string;
  @Field(() => ID, { description: 'A company id from `companies`.' }) @IsString() companyId!: string;
}

@InputType({ description: 'Customer login. Without companyId or tenantSlug, the one account whose e-mail and password match signs in.' })
export class CustomerLoginInput {
  @Field() @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field() @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

@InputType()
export class CustomerVerifyEmailInput {
  @Field() @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field() @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the e-mail' }) otp!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
}

@InputType()
export class CustomerEmailInput {
  @Field() @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: 'Portal login (OpsWeave): the tenant is named by its slug.' })
export class PortalLoginInput {
  @Field() @IsString() @TextLength({ min: 1, max: 100 }) tenantSlug!: string;
  @Field() @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field() @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
}

@InputType({ description: 'Asks for a sign-in link by e-mail: the workspace named by companyId or tenantSlug, or neither (a link from each workspace where the address has an account).' })
export class SignInLinkRequestInput {
  @Field() @IsEmail({}, EMAIL) @TextLength({ max: 254 }) email!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}

@InputType({ description: 'Signs in with the token of a sign-in link; naming the workspace (companyId or tenantSlug) refuses a link of another one.' })
export class SignInWithLinkInput {
  @Field({ description: 'The token from the e-mail (its link carries it as `token`).' }) @IsString() @TextLength({ min: 1, max: 200 }) token!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @TextLength({ max: 100 }) tenantSlug?: string | null;
}
