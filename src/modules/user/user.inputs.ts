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

@InputType()
export class RegisterBusinessInput {
  @Field() @TextLength({ min: 1, max: 100 }) businessName!: string;
  @Field() @email() email!: string;
  @Field() @password() password!: string;
}

@InputType()
export class RegisterDeveloperInput {
  @Field() @email() email!: string;
  @Field() @password() password!: string;
}

@InputType()
export class VerifyEmailInput {
  @Field() @email() email!: string;
  @Field() @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the e-mail' }) otp!: string;
}

@InputType()
export class EmailInput {
  @Field() @email() email!: string;
}

@InputType()
export class LoginInput {
  @Field() @email() email!: string;
  @Field() @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) password!: string;
}

@InputType()
export class RefreshTokenInput {
  @Field() @IsString() @TextLength({ max: 200 }, { message: 'is not a refresh token' }) refreshToken!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @TextLength({ max: 1024 }, { message: 'is too long' }) currentPassword!: string;
  @Field() @password() newPassword!: string;
}

@InputType()
export class ResetTokenInput {
  @Field() @IsString() @TextLength({ max: 200 }, { message: 'is not a reset token' }) token!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field() @IsString() @TextLength({ max: 200 }, { message: 'is not a reset token' }) token!: string;
  @Field() @password() password!: string;
}

@InputType({ description: 'Profile fields. The e-mail address cannot be changed here.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ min: 1, max: 100 }) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ min: 1, max: 100 }) lastName?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'In any common notation (+44 20 7946 0000, or national with PHONE_DEFAULT_COUNTRY); stored and answered as E.164. null clears it.',
  })
  @IsOptional()
  @TextLength({ max: 40 }, { message: 'is not a phone number' })
  phone?: string | null;
}

@InputType()
export class InviteStaffInput {
  @Field() @email() email!: string;
  @Field(() => StaffRoleEnum) @IsIn(['ADMIN', 'MANAGER', 'ENGINEER', 'RESPONDER', 'VIEWER'], { message: 'must be ADMIN, MANAGER, ENGINEER, RESPONDER or VIEWER' }) role!: StaffRoleValue;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @TextLength({ max: 200 }, { message: 'is not an invitation token' }) token!: string;
  @Field() @password() password!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ min: 1, max: 100 }) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ min: 1, max: 100 }) lastName?: string | null;
}

@InputType()
export class ChangeStaffRoleInput {
  @Field(() => ID) @IsString() userId!: string;
  @Field(() => StaffRoleEnum) @IsIn(['ADMIN', 'MANAGER', 'ENGINEER', 'RESPONDER', 'VIEWER'], { message: 'must be ADMIN, MANAGER, ENGINEER, RESPONDER or VIEWER' }) role!: StaffRoleValue;
}
