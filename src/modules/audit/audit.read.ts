import type { EntityManager } from '@mikro-orm/postgresql';
import { isoSql, likePattern } from '../../shared/listing';
import { offsetPage, type KeysetOrder, type ListQuery } from '../../shared/connection';
import type { AuditLogEntry } from './audit.types';

export interface AuditFilter {
  action?: string | null;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Actors named from the tenant's own staff and portal users only. */
const COLUMNS = `a.id::text AS id, a.action, ${isoSql('a.created_at')} AS "createdAt",
  CASE WHEN a.actor_id IS NULL THEN NULL ELSE json_build_object(
    'kind', a.actor_kind, 'id', a.actor_id,
    'email', COALESCE(s.email, p.email),
    'displayName', COALESCE(NULLIF(trim(concat_ws(' ', s.first_name, s.last_name)), ''), s.email, p.display_name)) END AS actor,
  a.target_type AS "targetType", a.target_id AS "targetId", a.ip, a.metadata`;
const FROM = `audit_log a
  LEFT JOIN users s ON a.actor_kind = 'staff' AND s.id = a.actor_id AND s.tenant_id = a.tenant_id
  LEFT JOIN customer_portal_users p ON a.actor_kind = 'customer' AND p.id = a.actor_id AND p.tenant_id = a.tenant_id`;

/** One tenant's audit entries matching the filter: the query of both `auditLog` and `auditLogConnection`. */
export function auditEntriesQuery(tenantId: string, filter: AuditFilter): ListQuery {
  const where = ['a.tenant_id = ?'];
  const params: unknown[] = [tenantId];
  if (filter.action) {
    where.push('a.action LIKE ?');
    params.push(likePattern(filter.action, 'prefix'));
  }
  const equals: [string, unknown][] = [
    ['a.actor_id', filter.actorId],
    ['a.target_type', filter.targetType],
    ['a.target_id', filter.targetId],
  ];
  for (const [column, value] of equals) {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.from) {
    where.push('a.created_at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('a.created_at < ?');
    params.push(filter.to);
  }
  return { columns: COLUMNS, from: FROM, where, params };
}
/** Newest first, then the id: the order of both forms (index audit_log_tenant_id_created_at_id_index). */
export const AUDIT_ORDER: KeysetOrder = {
  tag: 'audit:createdAt',
  keys: [
    { sql: 'a.created_at', type: 'timestamp' },
    { sql: 'a.id', type: 'bigint' },
  ],
  direction: 'DESC',
};

/** A page of one tenant's audit log, newest first, with the total in the same statement. */
export async function listAuditEntries(
  em: EntityManager,
  tenantId: string,
  filter: AuditFilter,
  page: number,
  limit: number,
): Promise<{ items: AuditLogEntry[]; total: number }> {
  return offsetPage<AuditLogEntry>(em, auditEntriesQuery(tenantId, filter), AUDIT_ORDER, page, limit);
}
