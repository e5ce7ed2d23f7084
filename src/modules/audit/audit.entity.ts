import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

/**
 * A security-relevant event or administrative change: logins, failures, lockouts, password changes, resets,
 * role changes, customer and portal-user administration, settings. Read by ADMINs through `auditLog`.
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({ properties: ['actorId', 'createdAt'] })
@Index({ properties: ['tenantId', 'targetId', 'createdAt'] })
export class AuditEntry {
  [OptionalProps]?: 'id' | 'createdAt' | 'tenantId' | 'actorKind' | 'actorId' | 'targetType' | 'targetId' | 'ip' | 'metadata';

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
}
