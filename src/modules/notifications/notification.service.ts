import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import { ValidationError } from '../../shared/errors';
import { lengthProblem } from '../../shared/text';
import { KIND_INFO } from './kinds';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification.entity';
import type { NotificationPreferenceView, OnCallRecipientsView } from './notification.types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_ON_CALL = 50;

/** Notification preferences (each user's own) and the tenant's on-call recipients (ADMIN). */
export class NotificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
  ) {}

  /** The caller's kinds (staff kinds for staff, customer kinds for portal users), with defaults filled in. */
  async preferences(viewer: StaffViewer | CustomerViewer): Promise<NotificationPreferenceView[]> {
    const owner = viewer.kind === 'staff' ? 'STAFF' : 'CUSTOMER';
    const ownerId = viewer.kind === 'staff' ? viewer.userId : viewer.customerUserId;
    const rows = await this.em.execute<{ kind: NotificationKind; enabled: boolean }[]>('SELECT kind, enabled FROM notification_preferences WHERE owner_id = ? AND tenant_id = ?', [
        ownerId,
        viewer.tenantId,
      ]);
    return NOTIFICATION_KINDS.filter((k) => KIND_INFO[k].owner === owner).map((kind) => {
      const own = rows.find((r) => r.kind === kind);
      return { kind, enabled: own?.enabled ?? KIND_INFO[kind].default, isDefault: !own, description: KIND_INFO[kind].description };
    });
  }

  async setPreference(viewer: StaffViewer | CustomerViewer, kind: NotificationKind, enabled: boolean): Promise<NotificationPreferenceView[]> {
    const owner = viewer.kind === 'staff' ? 'STAFF' : 'CUSTOMER';
    if (KIND_INFO[kind]?.owner !== owner) {
      const valid = NOTIFICATION_KINDS.filter((k) => KIND_INFO[k].owner === owner).join(', ');
      throw ValidationError.field('kind', `is not a kind of e-mail you receive; yours are ${valid}`);
    }
    const ownerId = viewer.kind === 'staff' ? viewer.userId : viewer.customerUserId;
    await this.em.execute(
      `INSERT INTO notification_preferences (owner_id, kind, owner_kind, tenant_id, enabled) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, owner_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [ownerId, kind, owner, viewer.tenantId, enabled],
    );
    return this.preferences(viewer);
  }

  async onCall(viewer: StaffViewer): Promise<OnCallRecipientsView> {
    const configured = await this.em.execute<{ email: string; staffUserId: string | null; displayName: string | null }[]>(
      `SELECT r.email, u.id AS "staffUserId", CASE WHEN u.id IS NULL THEN NULL ELSE COALESCE(NULLIF(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email) END AS "displayName"
       FROM notification_oncall_recipients r LEFT JOIN users u ON lower(u.email) = r.email AND u.tenant_id = r.tenant_id
       WHERE r.tenant_id = ? ORDER BY r.email`,
      [viewer.tenantId],
    );
    if (configured.length) return { isDefault: false, recipients: configured };
    const managers = await this.em.execute<{ email: string; staffUserId: string; displayName: string }[]>(
      `SELECT lower(u.email) AS email, u.id AS "staffUserId", COALESCE(NULLIF(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email) AS "displayName"
       FROM users u WHERE u.tenant_id = ? AND u.is_active AND u.email_verified_at IS NOT NULL AND u.role IN ('MANAGER', 'ADMIN') ORDER BY lower(u.email)`,
      [viewer.tenantId],
    );
    return { isDefault: true, recipients: managers };
  }

  /** Replaces the list; an empty list returns to the default (the MANAGERs and ADMINs). Audited. */
  async setOnCall(viewer: StaffViewer, emails: string[], client: ClientInfo): Promise<OnCallRecipientsView> {
    const list = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    if (list.length > MAX_ON_CALL) throw ValidationError.field('emails', `must list at most ${MAX_ON_CALL} addresses`);
    const bad = list.find((e) => !EMAIL.test(e) || lengthProblem(e, { max: 254 }) !== null);
    if (bad) throw ValidationError.field('emails', `has an address that is not valid: ${bad}`);
    const before = await this.onCall(viewer);
    await this.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      await conn.execute('DELETE FROM notification_oncall_recipients WHERE tenant_id = ?', [viewer.tenantId], 'run', ctx);
      for (const email of list) {
        await conn.execute('INSERT INTO notification_oncall_recipients (tenant_id, email) VALUES (?, ?)', [viewer.tenantId, email], 'run', ctx);
      }
      this.rt.audit.record(tx, {
        action: 'notifications.oncall.set',
        tenantId: viewer.tenantId,
        actorKind: 'staff',
        actorId: viewer.userId,
        targetType: 'tenant',
        targetId: viewer.tenantId,
        ip: client.ip,
        metadata: { before: before.isDefault ? null : before.recipients.map((r) => r.email), after: list.length ? list : null },
      });
    });
    return this.onCall(viewer);
  }
}
