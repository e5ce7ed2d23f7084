import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SHARING_MODES, type SharingMode } from './customer.entity';

export const SharingModeEnum = Object.fromEntries(SHARING_MODES.map((m) => [m, m])) as { [K in SharingMode]: K };
registerEnumType(SharingModeEnum, {
  name: 'SharingMode',
  description: 'OWN: members see the tickets they reported. ORGANIZATION: members see every ticket of their organization.',
});

@ObjectType({ simpleResolvers: true, description: 'A customer portal account as its owner sees it.' })
export class PortalAccount {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: 'Same as displayName (the Scrubbe documents call it name).', deprecationReason: 'Use displayName. Kept for the Scrubbe documents\' REST routes.' }) name!: string;
  @Field(() => ID, { description: 'The tenant (company) the account belongs to.' }) tenantId!: string;
  @Field(() => ID, { description: 'Same as tenantId (the Scrubbe documents call it companyId).', deprecationReason: 'Use tenantId. Kept for the Scrubbe documents\' REST routes.' })
  companyId!: string;
  @Field(() => ID, { nullable: true, description: 'The customer organization, when the account belongs to one.' }) customerId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PortalAuthPayload {
  @Field({ description: 'Portal access token (audience portal); grants nothing on staff operations.' }) accessToken!: string;
  @Field() refreshToken!: string;
  @Field(() => PortalAccount) account!: PortalAccount;
}

@ObjectType({ simpleResolvers: true })
export class PortalTenant {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
}

@ObjectType({ simpleResolvers: true })
export class PortalOrganization {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The signed-in customer: own profile, tenant and organization.' })
export class PortalMe {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => PortalTenant) tenant!: PortalTenant;
  @Field(() => PortalOrganization, { nullable: true }) customer!: PortalOrganization | null;
}

@ObjectType({ simpleResolvers: true })
export class CustomerRegistration {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => ID) companyId!: string;
}

@ObjectType({ simpleResolvers: true })
export class Pagination {
  @Field(() => Int) page!: number;
  @Field(() => Int) limit!: number;
  @Field(() => Int, { description: 'How many items the list has, at most 10,000 (see totalIsExact). Counted only when selected.' }) total!: number | Promise<number>;
  @Field(() => Int) totalPages!: number | Promise<number>;
  @Field(() => Boolean, { description: 'False when the list has more than 10,000 items: `total` is then 10,000 (show "10,000+").' }) totalIsExact!: boolean | Promise<boolean>;
}
