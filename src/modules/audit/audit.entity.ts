import { BeforeCreate, Entity, Index, OptionalProps, PrimaryKey, Property, type EventArgs } from '@mikro-orm/postgresql';
import { appendToChain } from './audit.chain';

/**
 * A security-relevant event or administrative change: logins, failures, lockouts, password changes, resets,
 * role changes, customer and portal-user administration, settings. Read by ADMINs through `auditLog`. Entries
 * form one hash chain per tenant (audit.chain.ts): the chain fields are filled in when the entry is
 * inserted, inside the inserting transaction.
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({ properties: ['actorId', 'createdAt'] })
@Index({ properties: ['tenantId', 'chainSeq'] })
@Index({ properties: ['tenantId', 'targetId', 'createdAt'] })
// The order of `auditLog` and auditLogConnection (audit.read.ts AUDIT_ORDER): the id breaks ties of created_at.
@Index({ properties: ['tenantId', 'createdAt', 'id'] })
export class AuditEntry {
  [OptionalProps]?: 'id' | 'createdAt' | 'tenantId' | 'actorKind' | 'actorId' | 'targetType' | 'targetId' | 'ip' | 'metadata' | 'chainSeq' | 'prevHash' | 'hash';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid', nullable: true })
  tenantId?: string | null;

  @Property({ type: 'text', nullable: true })
  actorKind?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** e.g. auth.login.succeeded, auth.login.failed, auth.password.changed, staff.role.changed */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  targetType?: string | null;

  @Property({ type: 'uuid', nullable: true })
  targetId?: string | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Property({ type: 'jsonb', nullable: true })
  metadata?: Record<string, unknown> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** Position in its chain (1, 2, ...). Null only for an entry written around the chain: verification flags it. */
  @Property({ type: 'bigint', nullable: true })
  chainSeq?: string | null;

  /** The hash of the previous entry of the chain; null for the first. */
  @Property({ type: 'text', nullable: true })
  prevHash?: string | null;

  /** SHA-256 of this entry's content, position and prevHash (audit.chain.ts, entryHash). */
  @Property({ type: 'text', nullable: true })
  hash?: string | null;

  @BeforeCreate()
  async linkIntoChain(args: EventArgs<AuditEntry>): Promise<void> {
    await appendToChain(args.em, this);
  }
}

/** The last position and hash of each chain; its row is the lock that orders a chain's writers. */
@Entity({ tableName: 'audit_chain_heads' })
export class AuditChainHead {
  [OptionalProps]?: 'seq' | 'hash' | 'updatedAt';

  /** `tenant:<id>`, or `global` for entries without a tenant. */
  @PrimaryKey({ type: 'text' })
  chain!: string;

  @Property({ type: 'bigint', default: 0 })
  seq: string = '0';

  @Property({ type: 'text', nullable: true })
  hash?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
