import type { EntityManager } from '@mikro-orm/postgresql';
import { customerMaySee, customerViewOf, type CustomerIncidentView } from '../incident/incident.read';
import type { IncidentUpdateView } from '../incident/incident.types';
import type { DeliveryChannel, DeliveryMessage, NotificationKind } from './notification.entity';
import { isCustomerVisibleEvent } from './kinds';
import { enqueue, TASKS } from './queue';
import * as mails from './templates';
import type { AttachmentView } from '../attachment/attachment.service';
import type { MailedAttachment } from './templates';

export interface OutboxEventRow {
  id: string;
  tenantId: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface PlannedDelivery {
  channel: DeliveryChannel;
  target: string;
  endpointId: string | null;
  message: DeliveryMessage;
}

/**
 * A job an event causes besides its deliveries (Ezra's automatic run of a new portal ticket): queued in the
 * transaction that marks the event dispatched, so it exists exactly when the event was dispatched.
 */
export interface FollowUpJob {
  task: string;
  payload: Record<string, unknown>;
  /** At most one waiting job per key. */
  jobKey: string;
  maxAttempts: number;
}

export type FollowUps = (event: OutboxEventRow) => FollowUpJob[];

interface Recipient {
  email: string;
  name: string;
  isReporter?: boolean;
  /** Customers: a participant of the ticket (incident_participants). */
  isParticipant?: boolean;
  /** Customers: the portal account. */
  customerUserId?: string;
}

/**
 * The link of a resolution e-mail to rate the ticket (satisfaction/rating-links.ts ratingLinkMaker), for its
 * reporter, and for its participants when they may rate (`participant`: null unless CSAT_PARTICIPANTS_MAY_RATE);
 * the worker makes it from its configuration. Without one, resolution e-mails carry no link.
 */
export type RatingLinkFor = (to: { tenantId: string; incidentId: string; customerUserId: string; resolvedAt: string; participant?: boolean }) => string | null;

const DISPLAY_NAME = `COALESCE(NULLIF(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email)`;
/** SQL: the owner (alias `owner`) has not turned `kind` off. */
const notOptedOut = (owner: string) => `NOT EXISTS (SELECT 1 FROM notification_preferences p WHERE p.owner_id = ${owner} AND p.kind = ?::notification_kind AND NOT p.enabled)`;

/**
 * The tenant's on-call recipients for a staff kind: the configured addresses, or with none configured the
 * active, verified MANAGERs and ADMINs. An address of a staff member of the tenant is dropped when that
 * member is deactivated or turned the kind off; other addresses (team lists) always receive.
 */
async function onCall(em: EntityManager, tenantId: string, kind: NotificationKind): Promise<Recipient[]> {
  return em.execute<Recipient[]>(
    `WITH configured AS (SELECT email FROM notification_oncall_recipients WHERE tenant_id = ?),
          targets AS (
            SELECT email FROM configured
            UNION
            SELECT lower(u.email) FROM users u
            WHERE u.tenant_id = ? AND u.is_active AND u.email_verified_at IS NOT NULL AND u.role IN ('MANAGER', 'ADMIN')
              AND NOT EXISTS (SELECT 1 FROM configured))
     SELECT t.email, CASE WHEN u.id IS NULL THEN t.email ELSE ${DISPLAY_NAME} END AS name
     FROM targets t LEFT JOIN users u ON lower(u.email) = t.email AND u.tenant_id = ?
     WHERE u.id IS NULL OR (u.is_active AND ${notOptedOut('u.id')})
     ORDER BY t.email`,
    [tenantId, tenantId, tenantId, kind],
  );
}

async function staffMember(em: EntityManager, tenantId: string, userId: unknown, kind: NotificationKind): Promise<Recipient[]> {
  if (typeof userId !== 'string') return [];
  return em.execute<Recipient[]>(
    `SELECT lower(u.email) AS email, ${DISPLAY_NAME} AS name FROM users u
     WHERE u.id = ? AND u.tenant_id = ? AND u.is_active AND ${notOptedOut('u.id')}`,
    [userId, tenantId, kind],
  );
}

/**
 * The customers who follow an incident: of those who may see it (the read model's rule, customerMaySee), its
 * reporter, its participants and the organization's members who opted in (ORGANIZATION_TICKETS); active,
 * verified accounts that did not turn `kind` off. Read now, like the rule itself: a removed participant is
 * told nothing more.
 */
async function followers(em: EntityManager, tenantId: string, incidentId: string, kind: NotificationKind): Promise<Recipient[]> {
  const sees = customerMaySee('i', { column: 'c.id' }, { column: 'i.tenant_id' });
  return em.execute<Recipient[]>(
    `SELECT lower(c.email) AS email, c.display_name AS name, (c.id = i.reporter_customer_id) AS "isReporter", c.id AS "customerUserId",
            EXISTS (SELECT 1 FROM incident_participants fp WHERE fp.tenant_id = i.tenant_id AND fp.incident_id = i.id AND fp.customer_user_id = c.id) AS "isParticipant"
     FROM incidents i
     JOIN customer_portal_users c ON c.tenant_id = i.tenant_id
     WHERE i.id = ? AND i.tenant_id = ? AND c.is_active AND c.email_verified_at IS NOT NULL
       AND ${sees.sql}
       AND (c.id = i.reporter_customer_id
            OR EXISTS (SELECT 1 FROM incident_participants fp WHERE fp.tenant_id = i.tenant_id AND fp.incident_id = i.id AND fp.customer_user_id = c.id)
            OR EXISTS (SELECT 1 FROM notification_preferences p WHERE p.owner_id = c.id AND p.kind = 'ORGANIZATION_TICKETS' AND p.enabled))
       AND ${notOptedOut('c.id')}
     ORDER BY c.email`,
    [incidentId, tenantId, ...sees.params, kind],
  );
}

async function reporterName(em: EntityManager, tenantId: string, customerUserId: unknown): Promise<string> {
  if (typeof customerUserId !== 'string') return 'A customer';
  const [row] = await em.execute<{ name: string }[]>(
      `SELECT c.display_name || COALESCE(' (' || o.name || ')', '') AS name FROM customer_portal_users c LEFT JOIN customers o ON o.id = c.customer_id
       WHERE c.id = ? AND c.tenant_id = ?`,
      [customerUserId, tenantId],
    );
  return row?.name ?? 'A customer';
}

/** Why a customer follows the ticket, for the e-mail's footer. */
const roleOf = (r: Recipient): mails.FollowerRole => (r.isReporter ? true : r.isParticipant ? 'participant' : false);

const email = (to: Recipient, mail: mails.RenderedMail): PlannedDelivery => ({
  channel: 'EMAIL',
  target: to.email,
  endpointId: null,
  message: { kind: 'email', to: to.email, ...mail },
});

/** The PUBLIC update an event is about, from the customer view (never an internal one). */
function publicUpdateOf(updates: IncidentUpdateView[], payload: Record<string, unknown>): IncidentUpdateView | null {
  if (typeof payload.updateId === 'string') return updates.find((u) => u.id === payload.updateId) ?? null;
  if (typeof payload.to === 'string') return [...updates].reverse().find((u) => u.kind === 'STATUS' && u.status === payload.to) ?? null;
  return null;
}

/** An attached file as e-mails and webhooks give it: metadata only, never the bytes. */
export type AttachmentMeta = Omit<AttachmentView, 'incidentId'>;

/**
 * The files of an `incident.attachments_added` event still there (not deleted since), when the event is one
 * customers may learn of (on the ticket or a PUBLIC update): the same customer view as everything else here.
 */
async function attachmentsOf(em: EntityManager, event: OutboxEventRow): Promise<AttachmentMeta[]> {
  const ids = event.payload.attachmentIds;
  if (event.type !== 'incident.attachments_added' || !Array.isArray(ids) || !isCustomerVisibleEvent(event.type, event.payload.visibility)) return [];
  return em.execute<AttachmentMeta[]>(
    `SELECT a.id, a.update_id AS "updateId", a.file_name AS "fileName", a.content_type AS "contentType", a.size, a.sha256,
            to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
     FROM attachments a WHERE a.tenant_id = ? AND a.id = ANY(?::uuid[]) AND a.deleted_at IS NULL ORDER BY a.created_at, a.position, a.id`,
    [event.tenantId, `{${ids.map(String).join(',')}}`],
  );
}

/** A participant as webhooks give them: the id and display name customers see of each other, nothing more. */
export interface ParticipantMeta {
  id: string;
  displayName: string | null;
}

/** The portal user an `incident.participant_added` / `_removed` event is about (a null display name: the account is gone). */
async function participantOf(em: EntityManager, event: OutboxEventRow): Promise<ParticipantMeta | undefined> {
  const id = event.payload.participantId;
  if ((event.type !== 'incident.participant_added' && event.type !== 'incident.participant_removed') || typeof id !== 'string') return undefined;
  const [row] = await em.execute<{ displayName: string }[]>('SELECT display_name AS "displayName" FROM customer_portal_users WHERE tenant_id = ? AND id = ?', [event.tenantId, id]);
  return { id, displayName: row?.displayName ?? null };
}

/** Where a recipient downloads a file: the staff door or the portal's, on this server (`publicUrl`). */
const downloadLink = (publicUrl: string, door: 'staff' | 'portal', incidentId: string, a: AttachmentMeta): MailedAttachment => ({
  fileName: a.fileName,
  size: a.size,
  url: `${publicUrl}${door === 'staff' ? '/api/v1/incidents/' : '/api/v1/portal/tickets/'}${incidentId}/attachments/${a.id}`,
});

/** The e-mails an event causes. Everything in them comes from the customer view. */
async function plannedEmails(
  em: EntityManager,
  event: OutboxEventRow,
  incident: CustomerIncidentView,
  updates: IncidentUpdateView[],
  ratingLink?: RatingLinkFor,
  attachments: AttachmentMeta[] = [],
  publicUrl = '',
): Promise<PlannedDelivery[]> {
  const { tenantId, payload } = event;
  switch (event.type) {
    case 'incident.attachments_added': {
      if (!attachments.length) return [];
      if (payload.uploaderKind === 'CUSTOMER') {
        const mail = mails.customerAttachments(incident, await reporterName(em, tenantId, payload.uploaderId), attachments.map((a) => downloadLink(publicUrl, 'staff', incident.id, a)));
        return (await onCall(em, tenantId, 'CUSTOMER_COMMENT')).map((r) => email(r, mail));
      }
      const files = attachments.map((a) => downloadLink(publicUrl, 'portal', incident.id, a));
      return (await followers(em, tenantId, incident.id, 'TICKET_PUBLIC_UPDATE')).map((r) => email(r, mails.teamAttachments(incident, files, r.name, Boolean(r.isReporter))));
    }
    case 'incident.created_by_customer': {
      const mail = mails.newCustomerTicket(incident, await reporterName(em, tenantId, payload.reporterId));
      return (await onCall(em, tenantId, 'NEW_CUSTOMER_TICKET')).map((r) => email(r, mail));
    }
    case 'incident.customer_comment': {
      const comment = publicUpdateOf(updates, payload);
      if (!comment) return [];
      const mail = mails.customerComment(incident, comment);
      return (await onCall(em, tenantId, 'CUSTOMER_COMMENT')).map((r) => email(r, mail));
    }
    case 'incident.sla_breached': {
      const mail = mails.slaBreach(incident, String(payload.target));
      return (await onCall(em, tenantId, 'SLA_BREACH')).map((r) => email(r, mail));
    }
    case 'incident.assigned':
      return (await staffMember(em, tenantId, payload.assigneeId, 'INCIDENT_ASSIGNED')).map((r) => email(r, mails.assigned(incident, r.name)));
    case 'incident.status_changed': {
      if (!isCustomerVisibleEvent(event.type, payload.visibility)) return []; // an internal status change is not announced to customers
      const update = publicUpdateOf(updates, payload);
      // Resolved (and still so): the reporter's e-mail invites a rating (a participant's too, when they may rate).
      const resolvedAt = payload.to === 'RESOLVED' && incident.status === 'RESOLVED' ? incident.resolvedAt : null;
      const linkFor = (r: Recipient) =>
        ratingLink && resolvedAt && (r.isReporter || r.isParticipant) && r.customerUserId
          ? ratingLink({ tenantId, incidentId: incident.id, customerUserId: r.customerUserId, resolvedAt, participant: !r.isReporter })
          : null;
      return (await followers(em, tenantId, incident.id, 'TICKET_STATUS_CHANGE')).map((r) =>
        email(r, mails.statusChanged(incident, update, r.name, roleOf(r), linkFor(r))),
      );
    }
    case 'incident.public_update': {
      const update = publicUpdateOf(updates, payload);
      if (!update) return [];
      return (await followers(em, tenantId, incident.id, 'TICKET_PUBLIC_UPDATE')).map((r) =>
        email(r, mails.publicUpdate(incident, update, r.name, roleOf(r))),
      );
    }
    default:
      return [];
  }
}

/**
 * The webhook body: `{ id, type, timestamp, payload }`. The payload carries the customer view of the
 * incident, the PUBLIC update the event is about, and the event's own non-internal facts.
 */
export function webhookBody(
  event: OutboxEventRow,
  incident: CustomerIncidentView | null,
  updates: IncidentUpdateView[],
  facts: { attachments?: AttachmentMeta[]; participant?: ParticipantMeta } = {},
): string {
  const p = event.payload;
  const payload: Record<string, unknown> = { incident };
  const { attachments = [] } = facts;
  switch (event.type) {
    case 'incident.participant_added':
      Object.assign(payload, { participant: facts.participant ?? null, by: p.by });
      break;
    case 'incident.participant_removed':
      // `left`: the participant removed themselves.
      Object.assign(payload, { participant: facts.participant ?? null, by: p.by, left: p.left === true });
      break;
    case 'incident.attachments_added':
      // Metadata only (never the bytes), and only of files customers may see; an INTERNAL update's files: none.
      Object.assign(payload, { updateId: p.visibility === 'PUBLIC' ? (p.updateId ?? null) : null, attachments });
      break;
    case 'incident.customer_comment':
    case 'incident.public_update':
      payload.update = publicUpdateOf(updates, p);
      break;
    case 'incident.status_changed':
      Object.assign(payload, { from: p.from, to: p.to, update: p.visibility === 'PUBLIC' ? publicUpdateOf(updates, p) : null });
      break;
    case 'incident.sla_breached':
      Object.assign(payload, { target: p.target, breachedAt: p.at });
      break;
    case 'incident.assigned':
      payload.assigneeId = p.assigneeId;
      break;
  }
  return JSON.stringify({ id: event.id, type: event.type, timestamp: event.createdAt, payload });
}

/** Everything an event should cause: e-mails and one POST per subscribed, active webhook endpoint. */
export async function planDeliveries(em: EntityManager, event: OutboxEventRow, ratingLink?: RatingLinkFor, publicUrl?: string): Promise<PlannedDelivery[]> {
  const incidentId = event.payload.incidentId;
  const view = typeof incidentId === 'string' ? await customerViewOf(em, event.tenantId, incidentId) : null;
  const attachments = await attachmentsOf(em, event);
  const participant = await participantOf(em, event);
  const planned = view ? await plannedEmails(em, event, view.incident, view.updates, ratingLink, attachments, publicUrl) : [];
  const endpoints = await em.execute<{ id: string }[]>(`SELECT id FROM webhook_endpoints WHERE tenant_id = ? AND is_active AND ? = ANY(event_types) ORDER BY created_at`, [
      event.tenantId,
      event.type,
    ]);
  if (endpoints.length) {
    const body = webhookBody(event, view?.incident ?? null, view?.updates ?? [], { attachments, participant });
    for (const e of endpoints) planned.push({ channel: 'WEBHOOK', target: e.id, endpointId: e.id, message: { kind: 'webhook', body } });
  }
  return planned;
}

/**
 * The `outbox.dispatch` job: plans the event's deliveries, then in one transaction records them, queues a
 * `delivery.send` job for each and the event's follow-up jobs, and marks the event processed. Run twice (a
 * retry after a crash), it adds nothing twice: the event row is locked and checked, and deliveries are unique
 * per event and target.
 */
export async function dispatchEvent(
  em: EntityManager,
  eventId: string,
  maxAttempts: number,
  followUps: FollowUps = () => [],
  ratingLink?: RatingLinkFor,
  publicUrl?: string,
): Promise<number> {
  const [event] = await em.execute<(OutboxEventRow & { processed: boolean })[]>(
    `SELECT id, tenant_id AS "tenantId", type, payload, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            processed_at IS NOT NULL AS processed
     FROM outbox_events WHERE id = ?`,
    [eventId],
  );
  if (!event || event.processed) return 0;
  const planned = await planDeliveries(em, event, ratingLink, publicUrl);
  return em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const [locked] = await conn.execute<{ processed: boolean }[]>(
      'SELECT processed_at IS NOT NULL AS processed FROM outbox_events WHERE id = ? FOR UPDATE',
      [eventId],
      'all',
      ctx,
    );
    if (!locked || locked.processed) return 0;
    let created = 0;
    for (const d of planned) {
      const rows = await conn.execute<{ id: string }[]>(
        `INSERT INTO notification_deliveries (tenant_id, event_id, event_type, channel, target, endpoint_id, message, max_attempts)
         VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (event_id, channel, target) DO NOTHING RETURNING id`,
        [event.tenantId, event.id, event.type, d.channel, d.target, d.endpointId, JSON.stringify(d.message), maxAttempts],
        'all',
        ctx,
      );
      if (!rows[0]) continue;
      created += 1;
      await enqueue(tx, TASKS.send, { deliveryId: rows[0].id }, { jobKey: `delivery:${rows[0].id}` });
    }
    for (const job of followUps(event)) await enqueue(tx, job.task, job.payload, { jobKey: job.jobKey, maxAttempts: job.maxAttempts });
    await conn.execute('UPDATE outbox_events SET processed_at = now() WHERE id = ?', [eventId], 'run', ctx);
    return created;
  });
}
