import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

/**
 * An event written in the same transaction as the change that caused it (transactional outbox); the
 * notifications worker delivers it after commit, so a crash in between loses nothing.
 */
@Entity({ tableName: 'outbox_events' })
@Index({ properties: ['processedAt', 'createdAt'] })
@Index({ properties: ['txId'] })
export class OutboxEvent {
  [OptionalProps]?: 'id' | 'createdAt' | 'processedAt' | 'txId';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  /** e.g. incident.created_by_customer, incident.customer_comment */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  processedAt?: Date | null;

  /**
   * The writing transaction's id. A LISTEN connection that was down re-reads the events committed between
   * two snapshots by it (modules/live/live-events.ts): unlike `createdAt` (the transaction's start) or any
   * sequence (taken at insert), visibility in a snapshot follows commit order. Never read otherwise.
   */
  @Property({ type: 'string', columnType: 'xid8', defaultRaw: 'pg_current_xact_id()', lazy: true })
  txId?: string;
}
