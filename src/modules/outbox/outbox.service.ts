import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox.entity';

/**
 * Records an event in the caller's unit of work: it commits with the change that caused it, or not at all.
 * A trigger on outbox_events queues its dispatch job in the same transaction (the notifications worker,
 * src/modules/notifications/), so a plain SQL insert (the SLA check) is delivered just the same.
 */
export function emitEvent(em: EntityManager, tenantId: string, type: string, payload: Record<string, unknown>): void {
  em.persist(em.create(OutboxEvent, { tenantId, type, payload }));
}
