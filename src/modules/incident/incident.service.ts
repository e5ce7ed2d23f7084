import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { sha256 } from '../../auth/secrets';
import type { CustomerViewer } from '../../auth/viewer';
import { CustomerUser } from '../customer/customer.entity';
import { emitEvent } from '../outbox/outbox.service';
import { Tenant } from '../tenant/tenant.entity';
import { Incident as IncidentEntity, IncidentUpdate, type IncidentType, type Priority } from './incident.entity';
import { IdempotencyKeyReusedError, IncidentNotFoundError, TicketClosedError } from './incident.errors';
import { findIncident, incidentConnection, listIncidents, type IncidentFilter, type IncidentInclude, type IncidentPageView, type IncidentRow, type ReadViewer } from './incident.read';
import type { Incident, IncidentUpdateView } from './incident.types';
import { slaDueTimes } from './sla';
import { cursorPageArgs } from '../../shared/listing';
import { connectionArgs, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import { checkLength, requiredText } from '../../shared/text';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 10_000;
const COMMENT_MAX = 5_000;

/** Next number for a tenant, prefix and UTC day, race-free: the upsert holds the row lock until commit. */
export async function nextNumber(em: EntityManager, tenantId: string, type: IncidentType, at: Date): Promise<string> {
  const prefix = type === 'CHANGE' ? 'CHG' : 'INC';
  const day = at.toISOString().slice(0, 10);
  const [{ last }] = await em.execute<{ last: number }[]>(
    `INSERT INTO incident_counters (tenant_id, prefix, day, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (tenant_id, prefix, day) DO UPDATE SET last = incident_counters.last + 1 RETURNING last`,
    [tenantId, prefix, day],
    'all',
    em.getTransactionContext(),
  );
  return `${prefix}-${day.replaceAll('-', '')}-${String(last).padStart(4, '0')}`;
}

/**
 * Marks activity on an incident (updatedAt) without bumping its version, which MikroORM would do. By its whole
 * key (tenant, id): one shard under Citus.
 */
export async function touch(em: EntityManager, tenantId: string, incidentId: string): Promise<void> {
  await em.execute('UPDATE incidents SET updated_at = now() WHERE tenant_id = ? AND id = ?', [tenantId, incidentId], 'run');
}

export interface TicketInput {
  type: IncidentType;
  title: string;
  description: string;
  priority: Priority;
}

/**
 * Incidents as customers (and, through the same read model, staff) see them. Every read is scoped in SQL
 * by the viewer; a ticket the viewer may not see answers exactly like one that does not exist.
 */
export class IncidentService {
  constructor(private readonly em: EntityManager) {}

  /** `include`: what the caller will read of it too (its updates), fetched in the same statement. */
  async get(viewer: ReadViewer, idOrNumber: string, include?: IncidentInclude): Promise<IncidentRow> {
    const incident = await findIncident(this.em, viewer, idOrNumber.trim(), include);
    if (!incident) throw new IncidentNotFoundError();
    return incident;
  }

  list(viewer: ReadViewer, filter: IncidentFilter, page?: number | null, limit?: number | null, after?: string | null, include?: IncidentInclude): Promise<IncidentPageView> {
    return listIncidents(this.em, viewer, filter, cursorPageArgs(page, limit, after), undefined, include);
  }

  /**
   * The same list as a cursor connection, for any reader (the portal's `ticketsConnection`).
   */
  connection(viewer: ReadViewer, filter: IncidentFilter, args: ConnectionArgsInput, include?: IncidentInclude): Promise<ConnectionView<IncidentRow>> {
    return incidentConnection(this.em, viewer, filter, connectionArgs(args), undefined, include);
  }

  /**
   * A customer reports a ticket: source PORTAL; reporter, organization and tenant from the token; SLA due
   * times from the tenant's policy; an event for the staff in the same transaction (its dispatch also queues
   * Ezra's automatic run). A repeated request with the same idempotency key returns the first ticket and
   * creates nothing.
   */
  async createTicket(viewer: CustomerViewer, input: TicketInput, idempotencyKey?: string | null): Promise<Incident> {
    return (await this.submitTicket(viewer, input, idempotencyKey)).incident;
  }

  /** createTicket, also telling whether the answer is the first ticket of a repeated idempotency key (`replayed`). */
  async submitTicket(viewer: CustomerViewer, input: TicketInput, idempotencyKey?: string | null): Promise<{ incident: IncidentRow; replayed: boolean }> {
    const title = requiredText('title', input.title, TITLE_MAX);
    const description = requiredText('description', input.description, DESCRIPTION_MAX);
    const key = idempotencyKey?.trim() || null;
    if (key) checkLength('idempotencyKey', key, { max: 200 });
    const requestHash = key ? sha256(JSON.stringify([input.type, title, description, input.priority])) : null;

    const replay = async () => {
      const first = key ? await this.em.fork({ keepTransactionContext: true }).findOne(IncidentEntity, { tenant: viewer.tenantId, reporterCustomer: viewer.customerUserId, idempotencyKey: key }) : null;
      if (!first) return null;
      if (first.idempotencyHash !== requestHash) throw new IdempotencyKeyReusedError();
      return this.get(viewer, first.id);
    };
    const earlier = await replay();
    if (earlier) return { incident: earlier, replayed: true };

    let id: string;
    try {
      id = await this.em.transactional(async (tx) => {
        const reporter = await tx.findOneOrFail(CustomerUser, { id: viewer.customerUserId, tenant: viewer.tenantId });
        const now = new Date();
        const incident = tx.create(IncidentEntity, {
          tenant: tx.getReference(Tenant, viewer.tenantId),
          number: await nextNumber(tx, viewer.tenantId, input.type, now),
          type: input.type,
          title,
          description,
          priority: input.priority,
          status: 'OPEN',
          source: 'PORTAL',
          reporterCustomer: reporter,
          customer: reporter.customer ?? null,
          idempotencyKey: key,
          idempotencyHash: requestHash,
          createdAt: now,
          updatedAt: now,
          ...(await slaDueTimes(tx, viewer.tenantId, input.priority, now)),
        });
        await tx.flush();
        emitEvent(tx, viewer.tenantId, 'incident.created_by_customer', {
          incidentId: incident.id,
          number: incident.number,
          title,
          priority: input.priority,
          reporterId: reporter.id,
        });
        return incident.id;
      });
    } catch (e) {
      // Two requests with the same key at once: the unique index let one through; answer as it did.
      if (e instanceof UniqueConstraintViolationException && key) {
        const winner = await replay();
        if (winner) return { incident: winner, replayed: true };
      }
      throw e;
    }
    return { incident: await this.get(viewer, id), replayed: false };
  }

  /**
   * A customer comment: always PUBLIC. Refused on a CLOSED ticket (it is final; a RESOLVED one still takes
   * comments). Notifies the staff through the outbox.
   */
  async addCustomerComment(viewer: CustomerViewer, idOrNumber: string, rawBody: string): Promise<IncidentUpdateView> {
    const body = requiredText('body', rawBody, COMMENT_MAX);
    const visible = await this.get(viewer, idOrNumber);
    const update = await this.em.transactional(async (tx) => {
      const incident = await tx.findOneOrFail(IncidentEntity, { id: visible.id, tenant: viewer.tenantId });
      if (incident.status === 'CLOSED') throw new TicketClosedError();
      const author = await tx.findOneOrFail(CustomerUser, { id: viewer.customerUserId, tenant: viewer.tenantId });
      const created = tx.create(IncidentUpdate, {
        tenant: tx.getReference(Tenant, viewer.tenantId),
        incident,
        kind: 'COMMENT',
        visibility: 'PUBLIC',
        body,
        authorKind: 'CUSTOMER',
        authorCustomer: author,
      });
      await tx.flush();
      // Activity, not an edit: touch updatedAt without bumping the version staff editors hold.
      await touch(tx, viewer.tenantId, incident.id);
      emitEvent(tx, viewer.tenantId, 'incident.customer_comment', { incidentId: incident.id, number: incident.number, updateId: created.id });
      return { created, author };
    });
    return {
      id: update.created.id,
      kind: 'COMMENT',
      body,
      status: null,
      visibility: 'PUBLIC',
      author: { displayName: update.author.displayName, kind: 'CUSTOMER' },
      createdAt: update.created.createdAt.toISOString(),
    };
  }
}
