import type { EntityManager } from '@mikro-orm/postgresql';
import { isoSql, likePattern } from '../../shared/listing';
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

/** A page of one tenant's audit log, newest first, with the total in the same statement. */
export async function listAuditEntries(
  em: EntityManager,
  tenantId: string,
  filter: AuditFilter,
  page: number,
  limit: number,
): Promise<{ items: AuditLogEntry[]; total: number }> {
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
  const rows = await em.execute<(AuditLogEntry & { total: string })[]>(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM ${FROM} WHERE ${where.join(' AND ')}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`,
      [...params, limit, (page - 1) * limit],
    );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page > 1) {
    const [{ n }] = await em.execute<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log a WHERE ${where.join(' AND ')}`, params);
    total = Number(n);
  }
  return { items: rows.map(({ total: _t, ...row }) => row), total };
}
