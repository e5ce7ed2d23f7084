import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';

@ObjectType({ simpleResolvers: true, description: 'Who did it: a staff member or portal user of the workspace, by name and e-mail.' })
export class AuditActor {
  @Field({ description: 'staff or customer (portal user).' }) kind!: string;
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Null when the account no longer exists.' }) email!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One audit log entry: who, when, what, and before/after in metadata.' })
export class AuditLogEntry {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. customer.updated, portal_user.deactivated, auth.login.failed.' }) action!: string;
  @Field(() => Date) createdAt!: string;
  @Field(() => AuditActor, { nullable: true, description: 'Null for events without an actor (e.g. a failed login).' }) actor!: AuditActor | null;
  @Field(() => String, { nullable: true }) targetType!: string | null;
  @Field(() => ID, { nullable: true }) targetId!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Details, usually { before, after }.' }) metadata!: Record<string, unknown> | null;
}

@ObjectType({ simpleResolvers: true })
export class AuditLogPage {
  @Field(() => [AuditLogEntry]) items!: AuditLogEntry[];
  @Field(() => Pagination) pagination!: Pagination;
}
