import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SharingMode } from './customer.entity';
import { Pagination, PortalOrganization, SharingModeEnum } from './customer.types';

@ObjectType({ simpleResolvers: true, description: 'A customer organization (staff view): a group of portal users of one company.' })
export class CustomerOrganization {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => SharingModeEnum) sharingMode!: SharingMode;
  @Field(() => Int, { description: 'Portal users in the organization.' }) portalUserCount!: number;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class CustomerOrganizationPage {
  @Field(() => [CustomerOrganization]) items!: CustomerOrganization[];
  @Field(() => Pagination) pagination!: Pagination;
}

@ObjectType({ simpleResolvers: true, description: 'A customer portal account as staff manage it.' })
export class PortalUser {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => ID, { nullable: true }) customerId!: string | null;
  @Field(() => PortalOrganization, { nullable: true, description: 'The organization the user belongs to, if any.' }) customer!: PortalOrganization | null;
  @Field({ description: 'False once deactivated: the user cannot sign in and their sessions are ended.' }) isActive!: boolean;
  @Field() emailVerified!: boolean;
  @Field({ description: 'True until the user set a password (from the invitation or a reset e-mail).' }) invitationPending!: boolean;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class PortalUserPage {
  @Field(() => [PortalUser]) items!: PortalUser[];
  @Field(() => Pagination) pagination!: Pagination;
}
