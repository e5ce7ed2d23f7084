import type { EntityManager } from '@mikro-orm/postgresql';
import { isoSql, likePattern } from '../../shared/listing';
import type { CustomerOrganization, PortalUser } from './customer-admin.types';

/**
 * Read models for staff administration of customers: plain rows from SQL, scoped by the tenant taken from
 * the viewer's token. A row of another tenant is simply not found.
 */

const ORG_COLUMNS = `c.id, c.name, c.sharing_mode AS "sharingMode",
  (SELECT count(*)::int FROM customer_portal_users u WHERE u.tenant_id = c.tenant_id AND u.customer_id = c.id) AS "portalUserCount",
  ${isoSql('c.created_at')} AS "createdAt", ${isoSql('c.updated_at')} AS "updatedAt"`;

export async function findCustomerOrg(em: EntityManager, tenantId: string, id: string): Promise<CustomerOrganization | null> {
  const rows = await em.execute<CustomerOrganization[]>(`SELECT ${ORG_COLUMNS} FROM customers c WHERE c.tenant_id = ? AND c.id = ?`, [tenantId, id]);
  return rows[0] ?? null;
}

/** A page of the tenant's organizations by name, with the total in the same statement. */
export async function listCustomerOrgs(
  em: EntityManager,
  tenantId: string,
  filter: { q?: string | null },
  page: number,
  limit: number,
): Promise<{ items: CustomerOrganization[]; total: number }> {
  const where = ['c.tenant_id = ?'];
  const params: unknown[] = [tenantId];
  if (filter.q) {
    where.push('c.name ILIKE ?');
    params.push(likePattern(filter.q));
  }
  const rows = await em.execute<(CustomerOrganization & { total: string })[]>(
      `SELECT ${ORG_COLUMNS}, count(*) OVER () AS total FROM customers c WHERE ${where.join(' AND ')}
       ORDER BY lower(c.name), c.id LIMIT ? OFFSET ?`,
      [...params, limit, (page - 1) * limit],
    );
  const total = rows.length ? Number(rows[0].total) : page === 1 ? 0 : await countWhere(em, 'customers c', where, params);
  return { items: rows.map(({ total: _t, ...row }) => row), total };
}

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.customer_id AS "customerId",
  CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name) END AS customer,
  u.is_active AS "isActive", u.email_verified_at IS NOT NULL AS "emailVerified", u.password_hash IS NULL AS "invitationPending",
  ${isoSql('u.created_at')} AS "createdAt", ${isoSql('u.updated_at')} AS "updatedAt"`;
const USER_FROM = 'customer_portal_users u LEFT JOIN customers c ON c.id = u.customer_id AND c.tenant_id = u.tenant_id';

export async function findPortalUser(em: EntityManager, tenantId: string, id: string): Promise<PortalUser | null> {
  const rows = await em.execute<PortalUser[]>(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.tenant_id = ? AND u.id = ?`, [tenantId, id]);
  return rows[0] ?? null;
}

export interface PortalUserFilter {
  customerId?: string | null;
  active?: boolean | null;
  q?: string | null;
}

/** A page of the tenant's portal users by display name, with the total in the same statement. */
export async function listPortalUsers(
  em: EntityManager,
  tenantId: string,
  filter: PortalUserFilter,
  page: number,
  limit: number,
): Promise<{ items: PortalUser[]; total: number }> {
  const where = ['u.tenant_id = ?'];
  const params: unknown[] = [tenantId];
  if (filter.customerId) {
    where.push('u.customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.active != null) {
    where.push('u.is_active = ?');
    params.push(filter.active);
  }
  if (filter.q) {
    where.push('(u.email ILIKE ? OR u.display_name ILIKE ?)');
    const like = likePattern(filter.q);
    params.push(like, like);
  }
  const rows = await em.execute<(PortalUser & { total: string })[]>(
      `SELECT ${USER_COLUMNS}, count(*) OVER () AS total FROM ${USER_FROM} WHERE ${where.join(' AND ')}
       ORDER BY lower(u.display_name), u.email, u.id LIMIT ? OFFSET ?`,
      [...params, limit, (page - 1) * limit],
    );
  const total = rows.length ? Number(rows[0].total) : page === 1 ? 0 : await countWhere(em, 'customer_portal_users u', where, params);
  return { items: rows.map(({ total: _t, ...row }) => row), total };
}

/** The total when the page itself is empty (past the end): count(*) OVER () has no row to ride on. */
async function countWhere(em: EntityManager, from: string, where: string[], params: unknown[]): Promise<number> {
  const [{ n }] = await em.execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`, params);
  return Number(n);
}
