import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const EMAIL = { message: 'must be a valid e-mail address' };

@InputType()
export class RegisterCustomerInput {
  @Field() @IsEmail({}, EMAIL) @MaxLength(254) email!: string;
  @Field() @IsString() password!: string;
  @Field() @Length(1, 100, { message: 'must be 1 to 100 characters' }) name!: string;
  @Field(() => ID, { description: 'A company id from `companies`.' }) @IsString() companyId!: string;
}

@InputType({ description: 'Customer login. Without companyId or tenantSlug, the one account whose e-mail and password match signs in.' })
export class CustomerLoginInput {
  @Field() @IsEmail({}, EMAIL) @MaxLength(254) email!: string;
  @Field() @IsString() @MaxLength(1024, { message: 'is too long' }) password!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) tenantSlug?: string | null;
}

@InputType()
export class CustomerVerifyEmailInput {
  @Field() @IsEmail({}, EMAIL) @MaxLength(254) email!: string;
  @Field() @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the e-mail' }) otp!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
}

@InputType()
export class CustomerEmailInput {
  @Field() @IsEmail({}, EMAIL) @MaxLength(254) email!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() companyId?: string | null;
}

@InputType({ description: 'Portal login (OpsWeave): the tenant is named by its slug.' })
export class PortalLoginInput {
  @Field() @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) tenantSlug!: string;
  @Field() @IsEmail({}, EMAIL) @MaxLength(254) email!: string;
  @Field() @IsString() @MaxLength(1024, { message: 'is too long' }) password!: string;
}
