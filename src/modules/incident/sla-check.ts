import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export interface Breach {
  incidentId: string;
  tenantId: string;
  number: string;
  target: 'response' | 'resolution';
}

/**
 * Marks SLA breaches as of `now` and records one outbox event per breach, in one transaction. Each breach
 * is marked by an UPDATE ... WHERE breached_at IS NULL, so however many processes run the check, and however
 * often, an incident breaches each target exactly once.
 */
export async function runSlaCheck(em: EntityManager, now: Date = new Date()): Promise<Breach[]> {
  return em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const marked = await conn.execute<{ id: string; tenant_id: string; number: string; target: 'response' | 'resolution' }[]>(
      `WITH response AS (
         UPDATE incidents SET response_breached_at = ?
         WHERE response_breached_at IS NULL AND acknowledged_at IS NULL AND status = 'OPEN' AND response_due_at < ?
         RETURNING id, tenant_id, number, 'response' AS target),
       resolution AS (
         UPDATE incidents SET resolution_breached_at = ?
         WHERE resolution_breached_at IS NULL AND resolved_at IS NULL AND status NOT IN ('RESOLVED', 'CLOSED') AND resolution_due_at < ?
         RETURNING id, tenant_id, number, 'resolution' AS target)
       SELECT * FROM response UNION ALL SELECT * FROM resolution`,
      [now, now, now, now],
      'all',
      ctx,
    );
    for (const b of marked) {
      await conn.execute(
        `INSERT INTO outbox_events (tenant_id, type, payload) VALUES (?, 'incident.sla_breached', ?::jsonb)`,
        [b.tenant_id, JSON.stringify({ incidentId: b.id, number: b.number, target: b.target, at: now.toISOString() })],
        'run',
        ctx,
      );
    }
    return marked.map((b) => ({ incidentId: b.id, tenantId: b.tenant_id, number: b.number, target: b.target }));
  });
}

/** Runs the SLA check every `intervalMs` in this process; returns a stop function. */
export function scheduleSlaCheck(fork: () => EntityManager, intervalMs: number, log: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSlaCheck(fork())
      .then((breaches) => breaches.length && log.info({ breaches: breaches.length }, 'SLA breaches marked'))
      .catch((err) => log.warn({ err }, 'SLA check failed'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
