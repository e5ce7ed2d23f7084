import { Field, ID, ObjectType } from 'type-graphql';

/** A tenant as the public sees it: what a sign-up form needs to pick a company. */
@ObjectType('Company', { simpleResolvers: true, description: 'A company (tenant) open to customer self-registration.' })
export class Company {
  @Field(() => ID, { description: "The company's id: a `workspace` for sign-up and sign-in (REST: companyId)." })
  id!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field({ description: 'Public handle: a `workspace` for sign-up and sign-in (REST: the portal login `tenantSlug`).' })
  slug!: string;
}
