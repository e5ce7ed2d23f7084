import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';

/**
 * Records a change made by a staff member, in the caller's transaction: who (actor), when, what (action,
 * target) and, in metadata, the state before and after.
 */
export function auditStaffChange(
  rt: Pick<Runtime, 'audit'>,
  tx: EntityManager,
  viewer: StaffViewer,
  client: ClientInfo,
  entry: { action: string; targetType: string; targetId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; extra?: Record<string, unknown> },
): void {
  rt.audit.record(tx, {
    action: entry.action,
    tenantId: viewer.tenantId,
    actorKind: 'staff',
    actorId: viewer.userId,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: client.ip,
    metadata: { before: entry.before, after: entry.after, ...entry.extra },
  });
}

/** The keys whose values differ between two snapshots. */
export const changedKeys = (before: Record<string, unknown>, after: Record<string, unknown>): string[] =>
  Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
