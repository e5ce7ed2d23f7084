import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHAIN_BREAKS, type ChainBreakReason } from './audit.service';

export const ChainBreakReasonEnum = Object.fromEntries(CHAIN_BREAKS.map((r) => [r, r])) as { [K in ChainBreakReason]: K };
registerEnumType(ChainBreakReasonEnum, {
  name: 'AuditChainBreakReason',
  description: 'Why an audit entry does not fit its chain.',
});

@ObjectType('AuditChainBreak', { simpleResolvers: true, description: 'The first audit entry that does not fit the hash chain.' })
export class AuditChainBreakType {
  @Field(() => ID, { nullable: true, description: 'The entry; null when entries are missing from the end.' }) entryId!: string | null;
  @Field({ description: 'Its position in the chain (1 is the first entry).' }) sequence!: string;
  @Field(() => ChainBreakReasonEnum) reason!: ChainBreakReason;
  @Field() message!: string;
}

@ObjectType('AuditChainVerification', { simpleResolvers: true, description: "The result of recomputing the workspace's audit log hash chain." })
export class AuditChainVerificationType {
  @Field({ description: 'True when every entry is intact and in place.' }) ok!: boolean;
  @Field(() => Int, { description: 'Entries checked before the first break (all of them when ok).' }) checkedEntries!: number;
  @Field(() => String, { nullable: true, description: 'The hash of the newest entry; keep it elsewhere to detect a rewrite of the whole chain.' })
  headHash!: string | null;
  @Field(() => AuditChainBreakType, { nullable: true }) firstBroken!: AuditChainBreakType | null;
}
