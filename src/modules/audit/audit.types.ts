import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Pagination } from '../customer/customer.types';
import { connectionType } from '../../shared/connection.types';
import { CHAIN_BREAK_MESSAGES, CHAIN_BREAKS, type ChainBreakReason } from './audit.service';

@ObjectType({ simpleResolvers: true, description: 'Who did it: a staff member or portal user of the workspace, by name and e-mail.' })
export class AuditActor {
  @Field({ description: 'staff or customer (portal user).' }) kind!: string;
  @Field(() => ID, { description: "The staff member's or portal user's id." }) id!: string;
  @Field(() => String, { nullable: true, description: 'Null when the account no longer exists.' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Their name; null when the account no longer exists.' }) displayName!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One audit log entry: who, when, what, and before/after in metadata.' })
export class AuditLogEntry {
  @Field(() => ID, { description: "The entry's id." }) id!: string;
  @Field({ description: 'e.g. customer.updated, portal_user.deactivated, auth.login.failed.' }) action!: string;
  @Field(() => Date, { description: 'When it happened.' }) createdAt!: string;
  @Field(() => AuditActor, { nullable: true, description: 'Null for events without an actor (e.g. a failed login).' }) actor!: AuditActor | null;
  @Field(() => String, { nullable: true, description: 'What kind of row it is about: customer, portal_user, incident, user, tenant...; null for events about no row.' }) targetType!: string | null;
  @Field(() => ID, { nullable: true, description: 'The id of the row it is about.' }) targetId!: string | null;
  @Field(() => String, { nullable: true, description: 'The client address the request came from, as the server saw it (TRUST_PROXY).' }) ip!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Details, usually { before, after }.' }) metadata!: Record<string, unknown> | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of audit log entries, newest first.' })
export class AuditLogPage {
  @Field(() => [AuditLogEntry], { description: 'The entries of this page.' }) items!: AuditLogEntry[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
}

export const ChainBreakReasonEnum = Object.fromEntries(CHAIN_BREAKS.map((r) => [r, r])) as { [K in ChainBreakReason]: K };
registerEnumType(ChainBreakReasonEnum, {
  name: 'AuditChainBreakReason',
  description: 'Why an audit entry does not fit its chain.',
  valuesConfig: Object.fromEntries(CHAIN_BREAKS.map((r) => [r, { description: CHAIN_BREAK_MESSAGES[r] }])),
});

/** Audit entries by cursor (auditLogConnection), newest first. */
export const AuditLogEntryConnection = connectionType(AuditLogEntry, 'AuditLogEntry', 'audit log entries');

@ObjectType('AuditChainBreak', { simpleResolvers: true, description: 'The first audit entry that does not fit the hash chain.' })
export class AuditChainBreakType {
  @Field(() => ID, { nullable: true, description: 'The entry; null when entries are missing from the end.' }) entryId!: string | null;
  @Field({ description: 'Its position in the chain (1 is the first entry).' }) sequence!: string;
  @Field(() => ChainBreakReasonEnum, { description: 'What is wrong with the entry.' }) reason!: ChainBreakReason;
  @Field({ description: 'The same, in a sentence for people.' }) message!: string;
}

@ObjectType('AuditChainVerification', { simpleResolvers: true, description: "The result of recomputing the workspace's audit log hash chain." })
export class AuditChainVerificationType {
  @Field({ description: 'True when every entry is intact and in place.' }) ok!: boolean;
  @Field(() => Int, { description: 'Entries checked before the first break (all of them when ok).' }) checkedEntries!: number;
  @Field({ description: 'The position of the newest entry (0 for an empty chain). Keep it and headHash outside the database and pass them as the anchor of a later verification.' })
  headSequence!: string;
  @Field(() => String, { nullable: true, description: 'The hash of the newest entry; with headSequence, an anchor that detects even a rewrite of the whole chain.' })
  headHash!: string | null;
  @Field(() => AuditChainBreakType, { nullable: true, description: 'The first entry that does not fit; null when ok.' }) firstBroken!: AuditChainBreakType | null;
}
