import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { isUuid } from '../../shared/ids';
import { pageArgs, pageInfo, type PageInfo } from '../../shared/listing';
import { connectionArgs, keysetConnection, offsetPage, type ConnectionArgsInput, type ConnectionView, type KeysetOrder, type ListQuery } from '../../shared/connection';
import { checkLength } from '../../shared/text';
import type { DeliveryChannel, DeliveryStatus } from './notification.entity';
import { DeliveryNotFailedError, DeliveryNotFoundError } from './notification.errors';
import type { DeliveryView } from './notification.types';
import { enqueue, TASKS } from './queue';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const COLUMNS = `d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.channel,
  CASE d.channel WHEN 'EMAIL' THEN d.target ELSE COALESCE(e.url, '(deleted endpoint)') END AS target,
  d.endpoint_id AS "webhookEndpointId", d.message->>'subject' AS subject, d.status, d.attempts, d.max_attempts AS "maxAttempts",
  d.last_error AS "lastError", d.response_status AS "responseStatus", d.response_excerpt AS "responseExcerpt",
  ${iso('d.next_attempt_at')} AS "nextAttemptAt", ${iso('d.delivered_at')} AS "deliveredAt",
  ${iso('d.created_at')} AS "createdAt", ${iso('d.updated_at')} AS "updatedAt"`;
const FROM = 'FROM notification_deliveries d LEFT JOIN webhook_endpoints e ON e.id = d.endpoint_id';

export interface DeliveryFilter {
  status?: DeliveryStatus | null;
  channel?: DeliveryChannel | null;
  eventType?: string | null;
}

/** The tenant's deliveries matching the filter: the query of both `deliveries` and `deliveriesConnection`. */
function deliveriesQuery(viewer: StaffViewer, filter: DeliveryFilter): ListQuery {
  if (filter.eventType) checkLength('eventType', filter.eventType, { max: 100 });
  const where = ['d.tenant_id = ?'];
  const params: unknown[] = [viewer.tenantId];
  for (const [column, value] of [
    ['d.status', filter.status],
    ['d.channel', filter.channel],
    ['d.event_type', filter.eventType],
  ] as const) {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  return { columns: COLUMNS, from: FROM.replace(/^FROM /, ''), where, params };
}
/** Newest first, then the id: the order of both forms (index notification_deliveries_tenant_id_created_at_id_index). */
const DELIVERY_ORDER: KeysetOrder = {
  tag: 'delivery:createdAt',
  keys: [
    { sql: 'd.created_at', type: 'timestamp' },
    { sql: 'd.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

/** The tenant's deliveries for its ADMINs: list them (failed ones above all) and send a failed one again. */
export class DeliveryService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'config'>,
  ) {}

  async list(viewer: StaffViewer, filter: DeliveryFilter, rawPage?: number | null, rawLimit?: number | null): Promise<{ items: DeliveryView[]; pagination: PageInfo }> {
    const at = pageArgs(rawPage, rawLimit);
    const { page, limit } = at;
    const { items, total } = await offsetPage<DeliveryView>(this.em, deliveriesQuery(viewer, filter), DELIVERY_ORDER, page, limit);
    return { items, pagination: pageInfo(at, total) };
  }

  /** The same list as a cursor connection (deliveriesConnection): the same filter and query, newest first. */
  connection(viewer: StaffViewer, filter: DeliveryFilter, args: ConnectionArgsInput): Promise<ConnectionView<DeliveryView>> {
    const req = connectionArgs(args);
    return keysetConnection(this.em, deliveriesQuery(viewer, filter), DELIVERY_ORDER, req);
  }

  async get(viewer: StaffViewer, id: string): Promise<DeliveryView> {
    const [row] = isUuid(id) ? await this.em.execute<DeliveryView[]>(`SELECT ${COLUMNS} ${FROM} WHERE d.id = ? AND d.tenant_id = ?`, [id, viewer.tenantId]) : [];
    if (!row) throw new DeliveryNotFoundError();
    return row;
  }

  /**
   * Sends a FAILED delivery again: back to PENDING with a fresh round of tries, queued at once (the job
   * and the change commit together). The same message is sent; webhooks get a new signature timestamp.
   */
  async retry(viewer: StaffViewer, id: string, client: ClientInfo): Promise<DeliveryView> {
    const current = await this.get(viewer, id);
    await this.em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `UPDATE notification_deliveries SET status = 'PENDING', attempts = 0, max_attempts = ?, next_attempt_at = now(), updated_at = now()
         WHERE id = ? AND tenant_id = ? AND status = 'FAILED' RETURNING id`,
        [this.rt.config.delivery.maxAttempts, id, viewer.tenantId],
        'all',
        tx.getTransactionContext(),
      );
      if (!rows.length) throw new DeliveryNotFailedError(current.status === 'FAILED' ? 'no longer FAILED' : current.status);
      await enqueue(tx, TASKS.send, { deliveryId: id }, { jobKey: `delivery:${id}` });
      this.rt.audit.record(tx, {
        action: 'delivery.retried',
        tenantId: viewer.tenantId,
        actorKind: 'staff',
        actorId: viewer.userId,
        targetType: 'delivery',
        targetId: id,
        ip: client.ip,
        metadata: { channel: current.channel, eventType: current.eventType, attempts: current.attempts, lastError: current.lastError },
      });
    });
    return this.get(viewer, id);
  }
}
