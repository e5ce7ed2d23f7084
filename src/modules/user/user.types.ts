import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { STAFF_ROLES } from './user.entity';

export const StaffRoleEnum = Object.fromEntries(STAFF_ROLES.map((r) => [r, r])) as { [K in (typeof STAFF_ROLES)[number]]: K };
registerEnumType(StaffRoleEnum, { name: 'StaffRole', description: 'Staff roles, from most to least powerful.' });
export type StaffRoleValue = (typeof STAFF_ROLES)[number];

@ObjectType({ simpleResolvers: true, description: 'The signed-in staff member, as returned with tokens.' })
export class AuthUser {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => StaffRoleEnum) role!: StaffRoleValue;
}

@ObjectType({ simpleResolvers: true })
export class AuthPayload {
  @Field({ description: 'Short-lived JWT for the Authorization: Bearer header.' }) accessToken!: string;
  @Field({ description: 'Single-use token for refreshToken; a reused one ends the session.' }) refreshToken!: string;
  @Field(() => AuthUser) user!: AuthUser;
}

@ObjectType({ simpleResolvers: true })
export class TokenPair {
  @Field() accessToken!: string;
  @Field() refreshToken!: string;
}

@ObjectType({ simpleResolvers: true })
export class RegisteredUser {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => StaffRoleEnum) role!: StaffRoleValue;
}

@ObjectType({ simpleResolvers: true, description: 'A workspace (tenant) as its owner sees it.' })
export class Business {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
}

@ObjectType({ simpleResolvers: true })
export class RegistrationPayload {
  @Field(() => RegisteredUser) user!: RegisteredUser;
  @Field(() => Business) business!: Business;
}

@ObjectType({ simpleResolvers: true, description: 'The signed-in staff member\'s own profile.' })
export class Me {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => StaffRoleEnum) role!: StaffRoleValue;
  @Field(() => ID, { description: 'The workspace (tenant) id.' }) businessId!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() emailVerified!: boolean;
  @Field(() => Date) createdAt!: Date | string;
}

@ObjectType({ simpleResolvers: true })
export class ResetTokenStatus {
  @Field() valid!: boolean;
  @Field(() => Date) expiresAt!: Date | string;
}

@ObjectType({ simpleResolvers: true, description: 'A member of the workspace\'s staff.' })
export class StaffMember {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => StaffRoleEnum) role!: StaffRoleValue;
  @Field() isActive!: boolean;
  @Field({ description: 'False until the member verified the e-mail or accepted the invitation.' }) emailVerified!: boolean;
  @Field(() => Date) createdAt!: Date | string;
}

@ObjectType({ simpleResolvers: true })
export class Invitation {
  @Field(() => ID, { description: 'The invited member\'s user id.' }) userId!: string;
  @Field() email!: string;
  @Field(() => StaffRoleEnum) role!: StaffRoleValue;
  @Field(() => Date) expiresAt!: Date | string;
}

@ObjectType({ simpleResolvers: true })
export class OAuthStart {
  @Field({ description: 'Send the browser here to sign in with the provider.' }) authorizationUrl!: string;
}
