import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import type { ClientInfo } from '../../auth/sessions';
import { can } from '../../authz/policies';
import { inTenantTransaction } from '../../db/tenant-transaction';
import { sqlRows } from '../../db/read';
import type { Runtime } from '../../runtime';
import { ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { IdempotencyKeyReusedError, IncidentNotFoundError, TicketClosedError } from '../incident/incident.errors';
import { findIncident } from '../incident/incident.read';
import { emitEvent } from '../outbox/outbox.service';
import { attachmentVisible } from './attachment.columns';
import { AttachmentDeleteRefusedError, AttachmentNotFoundError, AttachmentTicketFullError, AttachmentTooLargeError, AttachmentTypeRefusedError, TooManyAttachmentsError } from './attachment.errors';
import { SNIFF_BYTES, sanitizeFileName, sniff } from './attachment.sniff';
import { PgChunkStore, type AttachmentStore } from './attachment.storage';

export type AttachmentViewer = StaffViewer | CustomerViewer;

/** One part of an upload as the transport hands it over: a form field, or a file and its bytes as they arrive. */
export type UploadPart = { kind: 'field'; name: string; value: string } | { kind: 'file'; fileName: string | undefined; content: AsyncIterable<Buffer> };

/** An attachment as callers see it (the transport adds where to download it). */
export interface AttachmentView {
  id: string;
  incidentId: string;
  updateId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** The form fields an upload takes besides its files. */
export const UPLOAD_FIELDS = ['updateId'] as const;
const IDEMPOTENCY_KEY_MAX = 200;

const VIEW_COLUMNS = `a.id, a.incident_id AS "incidentId", a.update_id AS "updateId", a.file_name AS "fileName", a.content_type AS "contentType",
  a.size, a.sha256, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** The first `bytes` bytes of a stream (fewer when it is shorter), and the whole stream again from its start. */
async function peek(source: AsyncIterable<Buffer>, bytes: number): Promise<{ head: Buffer; whole: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const read: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    read.push(next.value);
    length += next.value.length;
  }
  const start = Buffer.concat(read, length);
  const whole = (async function* () {
    if (start.length) yield start;
    if (ended) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  })();
  return { head: start.subarray(0, bytes), whole };
}

/** The bytes of a stream only hashed (a replayed upload: the first one's files are answered, nothing stored). */
async function hashOnly(source: AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of source) hash.update(piece);
  return hash.digest('hex');
}

/**
 * Files attached to tickets and their updates. Everything an upload writes (metadata, bytes, audit entry) is
 * one transaction as the tenant: a refused upload (too large, too many, an executable, a ticket full) leaves
 * nothing. The ticket's visibility is the read model's (findIncident: customerMaySee for customers), so a
 * ticket a caller may not see answers like a missing one; a customer sees an attachment on the ticket itself
 * or on a PUBLIC update only, and any other answers like a missing attachment.
 */
export class AttachmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'config' | 'requestTransactions'>,
    private readonly store: AttachmentStore = new PgChunkStore(),
  ) {}

  /**
   * A transaction of its own as the viewer's tenant, holding one of the request transactions' slots
   * (db/tenant-transaction.ts requestTransactionSlots) like a request does, so uploads cannot take the whole pool.
   * Called from a GraphQL operation, whose request transaction (as the tenant) is open already: a savepoint in it
   * instead, so the operation holds one slot and one connection, and a refused upload rolls back to the savepoint.
   */
  private async inTenant<T>(viewer: AttachmentViewer, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (this.em.isInTransaction()) return this.em.transactional(work);
    const release = await this.rt.requestTransactions.acquire();
    try {
      return await inTenantTransaction(this.em, viewer.tenantId, work);
    } finally {
      release();
    }
  }

  /**
   * Stores the files of one upload on ticket `ticketRef` (id or number), or on one of its updates (the form
   * field `updateId`, sent before the files): staff on any update, a customer on a comment of their own. With
   * an Idempotency-Key, a retry of the same upload (same target and bytes) answers with the first one's files
   * and stores nothing; the key with another upload is refused. Uploads to one ticket queue one after the other
   * (the per-ticket limit counts what the others stored).
   */
  async upload(
    viewer: AttachmentViewer,
    ticketRef: string,
    parts: AsyncIterable<UploadPart>,
    options: { idempotencyKey?: string; client?: ClientInfo } = {},
  ): Promise<{ attachments: AttachmentView[]; replayed: boolean }> {
    const key = options.idempotencyKey?.trim() || null;
    if (key && key.length > IDEMPOTENCY_KEY_MAX) throw ValidationError.field('Idempotency-Key', `must be at most ${IDEMPOTENCY_KEY_MAX} characters`);
    const limits = this.rt.config.attachments;

    return this.inTenant(viewer, async (tx) => {
      const incident = await findIncident(tx, viewer, ticketRef);
      if (!incident) throw new IncidentNotFoundError();
      if (viewer.kind === 'customer' && incident.status === 'CLOSED') throw new TicketClosedError();
      // One upload per ticket at a time: the ticket's total and an idempotency key's files are then settled.
      await sqlRows(tx, 'SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`attachments:${incident.id}`]);

      const earlier = key
        ? await sqlRows<AttachmentView & { idempotencyHash: string | null }>(
            tx,
            `SELECT ${VIEW_COLUMNS}, a.idempotency_hash AS "idempotencyHash" FROM attachments a WHERE a.tenant_id = ? AND a.incident_id = ? AND a.idempotency_key = ? ORDER BY a.position`,
            [viewer.tenantId, incident.id, key],
          )
        : [];
      const [{ used }] = await sqlRows<{ used: string }>(tx, 'SELECT COALESCE(sum(size), 0)::bigint AS used FROM attachments WHERE tenant_id = ? AND incident_id = ? AND deleted_at IS NULL', [
        viewer.tenantId,
        incident.id,
      ]);
      let ticketBytes = Number(used);

      let updateId: string | null = null;
      /** Who may learn of the files: the ticket's own are PUBLIC, an update's as the update. */
      let visibility = 'PUBLIC';
      const stored: AttachmentView[] = [];
      const hashes: string[] = [];
      let files = 0;
      for await (const part of parts) {
        if (part.kind === 'field') {
          if (part.name !== 'updateId') throw ValidationError.field(part.name, `is not a known field; uploads take ${UPLOAD_FIELDS.join(', ')} and files`);
          if (files > 0 || updateId !== null) throw ValidationError.field('updateId', 'must come once, before the files');
          const target = await this.targetUpdate(tx, viewer, incident.id, part.value);
          updateId = target.id;
          visibility = target.visibility;
          continue;
        }
        files += 1;
        if (files > limits.maxFiles) throw new TooManyAttachmentsError(limits.maxFiles);
        if (files === 1 && updateId !== null && !earlier.length) {
          const [{ n }] = await sqlRows<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM attachments WHERE tenant_id = ? AND update_id = ? AND deleted_at IS NULL', [viewer.tenantId, updateId]);
          if (n >= limits.maxFiles) throw new TooManyAttachmentsError(limits.maxFiles);
          files += n; // the update's own count from here on
        }
        if (earlier.length) {
          hashes.push(await hashOnly(part.content));
          continue;
        }
        const fileName = sanitizeFileName(part.fileName);
        const { head, whole } = await peek(part.content, SNIFF_BYTES);
        const sniffed = await sniff(head, fileName);
        if (sniffed.refused) throw new AttachmentTypeRefusedError(sniffed.kind);
        const [row] = await sqlRows<{ id: string }>(
          tx,
          `INSERT INTO attachments (tenant_id, incident_id, update_id, uploader_kind, uploader_staff_id, uploader_customer_id, file_name, content_type, position, idempotency_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [
            viewer.tenantId,
            incident.id,
            updateId,
            viewer.kind === 'staff' ? 'STAFF' : 'CUSTOMER',
            viewer.kind === 'staff' ? viewer.userId : null,
            viewer.kind === 'customer' ? viewer.customerUserId : null,
            fileName,
            sniffed.contentType,
            stored.length,
            key,
          ],
        );
        const before = ticketBytes;
        const file = await this.store.put(tx, { tenantId: viewer.tenantId, attachmentId: row.id }, whole, (total) => {
          if (total > limits.maxBytes) throw new AttachmentTooLargeError(limits.maxBytes);
          if (before + total > limits.maxTicketBytes) throw new AttachmentTicketFullError(limits.maxTicketBytes);
        });
        ticketBytes += file.size;
        hashes.push(file.sha256);
        const [view] = await sqlRows<AttachmentView>(
          tx,
          `UPDATE attachments a SET size = ?, sha256 = ?, chunk_count = ? WHERE a.tenant_id = ? AND a.id = ? RETURNING ${VIEW_COLUMNS}`,
          [file.size, file.sha256, file.chunkCount, viewer.tenantId, row.id],
        );
        stored.push({ ...view, size: Number(view.size) });
      }
      if (files === 0) throw ValidationError.field('file', 'is required: send at least one file');

      const requestHash = createHash('sha256').update(JSON.stringify([updateId, hashes])).digest('hex');
      if (earlier.length) {
        if (earlier[0].idempotencyHash !== requestHash) throw new IdempotencyKeyReusedError();
        return { attachments: earlier.map(({ idempotencyHash: _h, ...view }) => ({ ...view, size: Number(view.size) })), replayed: true };
      }
      if (key) await sqlRows(tx, 'UPDATE attachments SET idempotency_hash = ? WHERE tenant_id = ? AND id = ANY(?::uuid[])', [requestHash, viewer.tenantId, `{${stored.map((s) => s.id).join(',')}}`]);
      for (const a of stored) {
        this.rt.audit.record(tx, {
          action: 'attachment.uploaded',
          tenantId: viewer.tenantId,
          actorKind: viewer.kind,
          actorId: viewer.kind === 'staff' ? viewer.userId : viewer.customerUserId,
          targetType: 'attachment',
          targetId: a.id,
          ip: options.client?.ip ?? null,
          metadata: { incidentId: incident.id, updateId, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256 },
        });
      }
      // Announced after the commit by the notifications worker: e-mails list them as links, webhooks as metadata.
      emitEvent(tx, viewer.tenantId, 'incident.attachments_added', {
        incidentId: incident.id,
        number: incident.number,
        updateId,
        visibility,
        uploaderKind: viewer.kind === 'staff' ? 'STAFF' : 'CUSTOMER',
        uploaderId: viewer.kind === 'staff' ? viewer.userId : viewer.customerUserId,
        attachmentIds: stored.map((a) => a.id),
      });
      await tx.flush();
      return { attachments: stored, replayed: false };
    });
  }

  /** The update an upload hangs on: of this incident; for a customer, a PUBLIC comment of their own. Anything else is refused alike. */
  private async targetUpdate(tx: EntityManager, viewer: AttachmentViewer, incidentId: string, given: string): Promise<{ id: string; visibility: string }> {
    const refused = () => ValidationError.field('updateId', 'is not an update of this ticket that you may attach files to');
    if (!isUuid(given)) throw refused();
    const own = viewer.kind === 'customer' ? "AND u.visibility = 'PUBLIC' AND u.author_customer_id = ?" : '';
    const rows = await sqlRows<{ id: string; visibility: string }>(tx, `SELECT u.id, u.visibility FROM incident_updates u WHERE u.tenant_id = ? AND u.incident_id = ? AND u.id = ? ${own}`, [
      viewer.tenantId,
      incidentId,
      given.toLowerCase(),
      ...(viewer.kind === 'customer' ? [viewer.customerUserId] : []),
    ]);
    if (!rows[0]) throw refused();
    return rows[0];
  }

  /** The attachments of a ticket the viewer may see, oldest first; a ticket it may not see answers like a missing one. */
  async list(viewer: AttachmentViewer, ticketRef: string): Promise<AttachmentView[]> {
    return this.inTenant(viewer, async (tx) => {
      const incident = await findIncident(tx, viewer, ticketRef);
      if (!incident) throw new IncidentNotFoundError();
      return (await this.visible(tx, viewer, incident.id)).map((a) => ({ ...a, size: Number(a.size) }));
    });
  }

  /**
   * The incident's attachments the viewer may see, by the timelines' rule (attachment.columns.ts attachmentVisible: a
   * customer, those on the ticket itself or on a PUBLIC update); the ticket itself is checked first (findIncident).
   */
  private visible(tx: EntityManager, viewer: AttachmentViewer, incidentId: string, attachmentId?: string) {
    return sqlRows<AttachmentView & { chunkCount: number; uploaderStaffId: string | null; uploaderCustomerId: string | null; at: Date }>(
      tx,
      `SELECT ${VIEW_COLUMNS}, a.chunk_count AS "chunkCount", a.uploader_staff_id AS "uploaderStaffId", a.uploader_customer_id AS "uploaderCustomerId", a.created_at AS at
       FROM attachments a WHERE a.tenant_id = ? AND a.incident_id = ? ${attachmentId ? 'AND a.id = ?' : ''} AND ${attachmentVisible(viewer.kind)}
       ORDER BY a.created_at, a.position, a.id`,
      [viewer.tenantId, incidentId, ...(attachmentId ? [attachmentId.toLowerCase()] : [])],
    );
  }

  /** One attachment the viewer may see, or ATTACHMENT_NOT_FOUND: missing, deleted, hidden and on a hidden ticket alike. */
  private async findVisible(tx: EntityManager, viewer: AttachmentViewer, ticketRef: string, attachmentId: string) {
    if (!isUuid(attachmentId)) throw new AttachmentNotFoundError();
    const incident = await findIncident(tx, viewer, ticketRef);
    if (!incident) throw new AttachmentNotFoundError();
    const [row] = await this.visible(tx, viewer, incident.id, attachmentId);
    if (!row) throw new AttachmentNotFoundError();
    return row;
  }

  /** An attachment's metadata and its bytes, read piece by piece as the answer is sent. */
  async open(viewer: AttachmentViewer, ticketRef: string, attachmentId: string): Promise<{ attachment: AttachmentView; content: AsyncIterable<Buffer> }> {
    const row = await this.inTenant(viewer, (tx) => this.findVisible(tx, viewer, ticketRef, attachmentId));
    const { chunkCount, uploaderStaffId: _s, uploaderCustomerId: _c, at: _at, ...attachment } = row;
    const content = this.store.get({ tenantId: viewer.tenantId, attachmentId: row.id, chunkCount }, (work) => this.inTenant(viewer, work));
    return { attachment: { ...attachment, size: Number(attachment.size) }, content };
  }

  /**
   * Deletes an attachment: staff who may update incidents, or its uploader within ATTACHMENT_DELETE_WINDOW_MINUTES.
   * Its bytes go; its metadata stays, marked deleted, for the audit entry and the ticket's total.
   */
  async delete(viewer: AttachmentViewer, ticketRef: string, attachmentId: string, client?: ClientInfo): Promise<AttachmentView> {
    return this.inTenant(viewer, async (tx) => {
      const row = await this.findVisible(tx, viewer, ticketRef, attachmentId);
      const uploader = viewer.kind === 'staff' ? row.uploaderStaffId === viewer.userId : row.uploaderCustomerId === viewer.customerUserId;
      const withinWindow = Date.now() - new Date(row.at).getTime() <= this.rt.config.attachments.deleteWindowMinutes * 60_000;
      if (!can(viewer, 'incident.update') && !(uploader && withinWindow)) throw new AttachmentDeleteRefusedError();
      await sqlRows(tx, 'UPDATE attachments SET deleted_at = now() WHERE tenant_id = ? AND id = ?', [viewer.tenantId, row.id]);
      await this.store.delete(tx, { tenantId: viewer.tenantId, attachmentId: row.id });
      this.rt.audit.record(tx, {
        action: 'attachment.deleted',
        tenantId: viewer.tenantId,
        actorKind: viewer.kind,
        actorId: viewer.kind === 'staff' ? viewer.userId : viewer.customerUserId,
        targetType: 'attachment',
        targetId: row.id,
        ip: client?.ip ?? null,
        metadata: { incidentId: row.incidentId, updateId: row.updateId, fileName: row.fileName, size: Number(row.size), sha256: row.sha256, byUploader: uploader },
      });
      await tx.flush();
      const { chunkCount: _n, uploaderStaffId: _s, uploaderCustomerId: _c, at: _at, ...view } = row;
      return { ...view, size: Number(view.size) };
    });
  }
}
