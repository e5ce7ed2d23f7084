import type { EntityManager } from '@mikro-orm/postgresql';
import { isoSql, likePattern } from '../../shared/listing';
import { offsetPage, type KeysetOrder, type ListQuery } from '../../shared/connection';
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

/** The tenant's organizations matching the filter: the query of both `customers` and `organizationsConnection`. */
export function customerOrgsQuery(tenantId: string, filter: { q?: string | null }): ListQuery {
  const where = ['c.tenant_id = ?'];
  const params: unknown[] = [tenantId];
  if (filter.q) {
    where.push('c.name ILIKE ?');
    params.push(likePattern(filter.q));
  }
  return { columns: ORG_COLUMNS, from: 'customers c', where, params };
}
/** By name (case-insensitive: name_key), then id: the order of both forms (index customers_tenant_id_name_key_id_index). */
export const ORG_ORDER: KeysetOrder = {
  tag: 'organization:name',
  keys: [
    { sql: 'c.name_key', type: 'text' },
    { sql: 'c.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/** A page of the tenant's organizations by name, with the total in the same statement. */
export async function listCustomerOrgs(
  em: EntityManager,
  tenantId: string,
  filter: { q?: string | null },
  page: number,
  limit: number,
): Promise<{ items: CustomerOrganization[]; total: number }> {
  return offsetPage<CustomerOrganization>(em, customerOrgsQuery(tenantId, filter), ORG_ORDER, page, limit);
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

/** The tenant's portal users matching the filter: the query of both `portalUsers` and `portalUsersConnection`. */
export function portalUsersQuery(tenantId: string, filter: PortalUserFilter): ListQuery {
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
  return { columns: USER_COLUMNS, from: USER_FROM, where, params };
}
/** By display name (case-insensitive: display_name_key), e-mail, id: the order of both forms (index portal_users_tenant_id_display_name_key_email_id_index). */
export const PORTAL_USER_ORDER: KeysetOrder = {
  tag: 'portalUser:name',
  keys: [
    { sql: 'u.display_name_key', type: 'text' },
    { sql: 'u.email', type: 'text' },
    { sql: 'u.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/** A page of the tenant's portal users by display name, with the total in the same statement. */
export async function listPortalUsers(
  em: EntityManager,
  tenantId: string,
  filter: PortalUserFilter,
  page: number,
  limit: number,
): Promise<{ items: PortalUser[]; total: number }> {
  return offsetPage<PortalUser>(em, portalUsersQuery(tenantId, filter), PORTAL_USER_ORDER, page, limit);
}
