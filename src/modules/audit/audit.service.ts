import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry } from './audit.entity';

export interface AuditRecord {
  action: string;
  tenantId?: string | null;
  actorKind?: 'staff' | 'customer' | 'system' | null;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  metadata?: Record<string, unknown> | null;
}

/**
 * Records security-relevant events. `record` joins the caller's unit of work (flushed with its change);
 * `recordNow` writes at once, for events that must survive a refusal (failed logins, lockouts).
 */
export class AuditService {
  record(em: EntityManager, entry: AuditRecord): void {
    em.persist(em.create(AuditEntry, entry));
  }

  async recordNow(em: EntityManager, entry: AuditRecord): Promise<void> {
    const fork = em.fork();
    fork.persist(fork.create(AuditEntry, entry));
    await fork.flush();
  }
}
