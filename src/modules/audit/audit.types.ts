import { IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
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

@InputType({ description: 'All given conditions must hold.' })
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'Actions starting with this, e.g. "portal_user." or "auth.login".' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  action?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries by this staff member or portal user.' }) @IsOptional() @IsString() actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. customer, portal_user, incident, user, tenant.' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: 'must be at most 50 characters' })
  targetType?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() targetId?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive).' }) to?: Date | null;
}
