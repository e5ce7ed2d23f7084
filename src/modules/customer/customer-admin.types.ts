import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SharingMode } from './customer.entity';
import { connectionType } from '../../shared/connection.types';
import { Pagination, PortalOrganization, SharingModeEnum } from './customer.types';

@ObjectType({ simpleResolvers: true, description: 'A customer organization (staff view): a group of portal users of one company.' })
export class CustomerOrganization {
  @Field(() => ID, { description: "The organization's id." }) id!: string;
  @Field({ description: 'Its name, unique in the workspace.' }) name!: string;
  @Field(() => SharingModeEnum, { description: "Whether its members see each other's tickets." }) sharingMode!: SharingMode;
  @Field(() => Int, { description: 'Portal users in the organization.' }) portalUserCount!: number;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: string;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of customer organizations, by name.' })
export class CustomerOrganizationPage {
  @Field(() => [CustomerOrganization], { description: 'The organizations of this page.' }) items!: CustomerOrganization[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
}

@ObjectType({ simpleResolvers: true, description: 'A customer portal account as staff manage it.' })
export class PortalUser {
  @Field(() => ID, { description: "The portal user's id." }) id!: string;
  @Field({ description: 'Their sign-in address, unique in the workspace.' }) email!: string;
  @Field({ description: 'The name staff and colleagues see.' }) displayName!: string;
  @Field(() => ID, { nullable: true, description: 'The id of their organization; null: none.' }) customerId!: string | null;
  @Field(() => PortalOrganization, { nullable: true, description: 'The organization the user belongs to, if any.' }) customer!: PortalOrganization | null;
  @Field({ description: 'False once deactivated: the user cannot sign in and their sessions are ended.' }) isActive!: boolean;
  @Field({ description: 'Whether they confirmed the address (a code, or by accepting an invitation).' }) emailVerified!: boolean;
  @Field({ description: 'True until the user set a password (from the invitation or a reset e-mail).' }) invitationPending!: boolean;
  @Field(() => Date, { description: 'When the account was created.' }) createdAt!: string;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of portal users.' })
export class PortalUserPage {
  @Field(() => [PortalUser], { description: 'The portal users of this page.' }) items!: PortalUser[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
}

// ---- Issue 15: the payloads of the new-style organization and portal-user mutations (`<Name>Payload`).

@ObjectType({ simpleResolvers: true, description: 'The answer to organizationCreate.' })
export class OrganizationCreatePayload {
  @Field(() => CustomerOrganization, { description: 'The new organization.' }) organization!: CustomerOrganization;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to organizationUpdate.' })
export class OrganizationUpdatePayload {
  @Field(() => CustomerOrganization, { description: 'The organization as it is now.' }) organization!: CustomerOrganization;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to organizationDelete.' })
export class OrganizationDeletePayload {
  @Field(() => ID, { description: 'The id of the organization deleted.' }) deletedId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to portalUserCreate.' })
export class PortalUserCreatePayload {
  @Field(() => PortalUser, { description: 'The new portal user; an invitation went to their address.' }) portalUser!: PortalUser;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to portalUserUpdate.' })
export class PortalUserUpdatePayload {
  @Field(() => PortalUser, { description: 'The portal user as they are now.' }) portalUser!: PortalUser;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to portalUserDeactivate.' })
export class PortalUserDeactivatePayload {
  @Field(() => PortalUser, { description: 'The portal user, deactivated; their sessions ended.' }) portalUser!: PortalUser;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to portalUserReactivate.' })
export class PortalUserReactivatePayload {
  @Field(() => PortalUser, { description: 'The portal user, active again.' }) portalUser!: PortalUser;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to portalUserPasswordResetSend.' })
export class PortalUserPasswordResetSendPayload {
  @Field({ description: 'Always true: the reset link went to the portal user.' }) sent!: boolean;
}
/** Organizations by cursor (organizationsConnection), by name. */
export const OrganizationConnection = connectionType(CustomerOrganization, 'Organization', 'customer organizations');
/** Portal users by cursor (portalUsersConnection), by display name. */
export const PortalUserConnection = connectionType(PortalUser, 'PortalUser', 'portal users');
