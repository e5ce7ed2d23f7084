import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ResetTokenStatus, TokenPair } from '../user/user.types';
import { SHARING_MODES, type SharingMode } from './customer.entity';

export const SharingModeEnum = Object.fromEntries(SHARING_MODES.map((m) => [m, m])) as { [K in SharingMode]: K };
registerEnumType(SharingModeEnum, {
  name: 'SharingMode',
  description: 'OWN: members see the tickets they reported. ORGANIZATION: members see every ticket of their organization.',
  valuesConfig: {
    OWN: { description: 'Members see the tickets they reported (or take part in).' },
    ORGANIZATION: { description: 'Members see every ticket of their organization.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A customer portal account as its owner sees it.' })
export class PortalAccount {
  @Field(() => ID, { description: "The portal user's id." }) id!: string;
  @Field({ description: 'The sign-in address.' }) email!: string;
  @Field({ description: 'The name staff and colleagues see.' }) displayName!: string;
  @Field({ description: 'Same as displayName (the Scrubbe documents call it name).', deprecationReason: 'Use displayName.' }) name!: string;
  @Field(() => ID, { description: 'The tenant (company) the account belongs to.' }) tenantId!: string;
  @Field(() => ID, { description: 'Same as tenantId (the Scrubbe documents call it companyId).', deprecationReason: 'Use tenantId.' })
  companyId!: string;
  @Field(() => ID, { nullable: true, description: 'The customer organization, when the account belongs to one.' }) customerId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A signed-in portal session: its tokens and the account.' })
export class PortalAuthPayload {
  @Field({ description: 'Portal access token (audience portal); grants nothing on staff operations.' }) accessToken!: string;
  @Field({ description: 'Exchanged for a new access token (customerSessionRefresh, or the deprecated customerRefreshToken); rotates on each use.' }) refreshToken!: string;
  @Field(() => PortalAccount, { description: 'The account signed in.' }) account!: PortalAccount;
}

@ObjectType({ simpleResolvers: true, description: 'The workspace a portal user belongs to.' })
export class PortalTenant {
  @Field(() => ID, { description: "The workspace's id, one way to name it as `workspace` (the Scrubbe documents call it companyId)." }) id!: string;
  @Field({ description: 'Its name.' }) name!: string;
  @Field({ description: 'Its slug, the other way to name it as `workspace` (the OpsWeave documents call it tenantSlug).' }) slug!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A customer organization as a portal user sees it: its name only.' })
export class PortalOrganization {
  @Field(() => ID, { description: "The organization's id." }) id!: string;
  @Field({ description: 'Its name.' }) name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The signed-in customer: own profile, tenant and organization.' })
export class PortalMe {
  @Field(() => ID, { description: "The portal user's id." }) id!: string;
  @Field({ description: 'The sign-in address.' }) email!: string;
  @Field({ description: 'The name staff and colleagues see.' }) displayName!: string;
  @Field(() => PortalTenant, { description: 'The workspace of the account.' }) tenant!: PortalTenant;
  @Field(() => PortalOrganization, { nullable: true, description: 'The organization of the account, if any.' }) customer!: PortalOrganization | null;
}

@ObjectType({ simpleResolvers: true, description: 'A customer account just registered, still to verify its address.' })
export class CustomerRegistration {
  @Field(() => ID, { description: "The new account's id." }) id!: string;
  @Field({ description: 'Its address, where the code went.' }) email!: string;
  @Field({ description: 'Its display name.' }) name!: string;
  @Field(() => ID, { description: 'The company (workspace) it belongs to.' }) companyId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Where a page is in its list (page numbers).' })
export class Pagination {
  @Field(() => Int, { description: "This page's number, from 1." }) page!: number;
  @Field(() => Int, { description: 'Items per page.' }) limit!: number;
  @Field(() => Int, { description: 'How many items the list has, at most 10,000 (see totalIsExact). Counted only when selected.' }) total!: number | Promise<number>;
  @Field(() => Int, { description: 'How many pages the list has at this limit (counted like total).' }) totalPages!: number | Promise<number>;
  @Field(() => Boolean, { description: 'False when the list has more than 10,000 items: `total` is then 10,000 (show "10,000+").' }) totalIsExact!: boolean | Promise<boolean>;
}

// ---- Issue 15: the payloads of the new-style customer sign-in mutations (`<Name>Payload`); Boolean answers get a
// named field, token answers extend the old answers' types.

@ObjectType({ simpleResolvers: true, description: 'The answer to customerRegister: the account, still to verify its address.' })
export class CustomerRegisterPayload {
  @Field(() => CustomerRegistration, { description: 'The new account; a code to verify its address went to it.' }) account!: CustomerRegistration;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to customerEmailVerify.' })
export class CustomerEmailVerifyPayload {
  @Field({ description: 'True: the address is verified (a wrong or expired code is an error).' }) verified!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to customerEmailOtpResend: the same for unknown addresses.' })
export class CustomerEmailOtpResendPayload {
  @Field({ description: 'Always true: a new code went out if the address has an unverified account.' }) sent!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The tokens of a refreshed portal session (customerSessionRefresh).' })
export class CustomerSessionRefreshPayload extends TokenPair {}

@ObjectType({ simpleResolvers: true, description: 'The answer to customerSessionEnd.' })
export class CustomerSessionEndPayload {
  @Field({ description: 'True: the session ended; its refresh token stops working, its access tokens at once.' }) ended!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to customerPasswordResetRequest: the same for unknown addresses.' })
export class CustomerPasswordResetRequestPayload {
  @Field({ description: 'Always true: a reset token went out for each company where the address has an account.' }) sent!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A portal password-reset token that can still be used (customerPasswordResetTokenCheck).' })
export class CustomerPasswordResetTokenCheckPayload extends ResetTokenStatus {}

@ObjectType({ simpleResolvers: true, description: 'The answer to customerPasswordReset.' })
export class CustomerPasswordResetPayload {
  @Field({ description: 'True: the new password is set and every session of the account ended.' }) reset!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to customerSignInLinkRequest: the same for unknown addresses.' })
export class CustomerSignInLinkRequestPayload {
  @Field({ description: 'Always true: a link went out from each matching workspace where the address has an account.' }) sent!: boolean;
}
