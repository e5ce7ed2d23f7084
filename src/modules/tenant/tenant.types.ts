import { Field, ID, ObjectType } from 'type-graphql';

/** A tenant as the public sees it: what a sign-up form needs to pick a company. */
@ObjectType('Company', { simpleResolvers: true, description: 'A company (tenant) open to customer self-registration.' })
export class Company {
  @Field(() => ID, { description: "The company's id (companyId in sign-up and sign-in)." })
  id!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field({ description: 'Public handle, used as the portal login `tenantSlug`.' })
  slug!: string;
}
