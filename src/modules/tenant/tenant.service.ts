import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUniqueViolation } from '../../db/errors';
import type { StaffViewer, Viewer } from '../../auth/viewer';
import { Tenant } from './tenant.entity';
import { sqlRows } from '../../db/read';
import { isoSql } from '../../shared/listing';
import { connectionArgs, keysetConnection, orderByOf, type ConnectionArgsInput, type ConnectionView, type KeysetOrder, type ListQuery } from '../../shared/connection';
import { listOpenCompanies } from './tenant.read';
import type { Company } from './tenant.types';

/** Lower-case, ASCII, hyphen-separated; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'workspace';
}

/** A tenant as the platform operator lists it. */
export interface WorkspaceRow {
  id: string;
  name: string;
  slug: string;
  allowCustomerSignup: boolean;
  createdAt: string;
}
/** Every tenant: the query of both `tenants` and `workspacesConnection` (SUPER_ADMIN, across tenants). */
const WORKSPACES: ListQuery = {
  columns: `t.id, t.name, t.slug, t.allow_customer_signup AS "allowCustomerSignup", ${isoSql('t.created_at')} AS "createdAt"`,
  from: 'tenants t',
  where: ['TRUE'],
  params: [],
};
/** By name, then id (index tenants_name_id_index). */
const WORKSPACE_ORDER: KeysetOrder = {
  tag: 'workspace:name',
  keys: [
    { sql: 't.name', type: 'text' },
    { sql: 't.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/**
 * The slug of a workspace whose owner has not verified the address yet: random, so no public lookup by slug
 * finds it, and with `--`, which slugify never makes. The workspace claims a slug from its name when the owner
 * verifies (`claimSlug`): a slug taken at sign-up would tell a second sign-up of that name, or a portal sign-in
 * under it, whether the first address was new (only a new one gets a workspace).
 */
export const pendingSlug = (): string => `pending--${randomBytes(12).toString('hex')}`;
const isPendingSlug = (slug: string): boolean => slug.startsWith('pending--');

export class TenantService {
  constructor(private readonly em: EntityManager) {}

  /** Public: the tenants open to customer self-registration. Anyone may call it. */
  listCompanies(_viewer: Viewer): Promise<Company[]> {
    return listOpenCompanies(this.em);
  }

  /** Every tenant (the platform operator's view; the shield rule allows SUPER_ADMIN only). */
  listAll(_viewer: StaffViewer): Promise<WorkspaceRow[]> {
    return sqlRows<WorkspaceRow>(this.em, `SELECT ${WORKSPACES.columns} FROM ${WORKSPACES.from} ORDER BY ${orderByOf(WORKSPACE_ORDER)}`);
  }

  /** The same tenants as a cursor connection (workspacesConnection), by name. */
  listAllConnection(_viewer: StaffViewer, args: ConnectionArgsInput): Promise<ConnectionView<WorkspaceRow>> {
    return keysetConnection(this.em, WORKSPACES, WORKSPACE_ORDER, connectionArgs(args));
  }

  /**
   * Creates a tenant with a unique slug derived from its name (`acme`, `acme-2`, ...). Runs inside the
   * caller's transaction; the unique index settles any race. A registration passes the id it answered with,
   * and a pending slug (`pendingSlug`).
   */
  async createTenant(em: EntityManager, input: { name: string; allowCustomerSignup?: boolean; id?: string; slug?: string }): Promise<Tenant> {
    const slug = input.slug ?? (await this.nextFreeSlug(em, input.name));
    const tenant = em.create(Tenant, {
      ...(input.id ? { id: input.id } : {}),
      name: input.name.trim(),
      slug,
      allowCustomerSignup: input.allowCustomerSignup ?? false,
    });
    await em.flush();
    return tenant;
  }

  /**
   * Gives a workspace still on its pending slug the slug its name gets now (`acme`, or `acme-2`, ... when
   * taken), in the caller's transaction: when its owner verifies the address. A race for the same slug is
   * settled by the unique index; the loser takes the next one.
   */
  async claimSlug(em: EntityManager, tenantId: string): Promise<void> {
    const [tenant] = await em.execute<{ name: string; slug: string }[]>('SELECT name, slug FROM tenants WHERE id = ? FOR UPDATE', [tenantId]);
    if (!tenant || !isPendingSlug(tenant.slug)) return;
    for (let tries = 1; ; tries++) {
      const slug = await this.nextFreeSlug(em, tenant.name);
      try {
        await em.transactional((savepoint) => savepoint.execute('UPDATE tenants SET slug = ? WHERE id = ?', [slug, tenantId]));
        return;
      } catch (e) {
        if (!isUniqueViolation(e, 'tenants_slug_unique') || tries >= 5) throw e;
      }
    }
  }

  /** The slug a tenant of this name would get now: derived from the name, `-2`, `-3`, ... when taken. */
  async nextFreeSlug(em: EntityManager, name: string): Promise<string> {
    const base = slugify(name);
    const taken = await em.execute<{ slug: string }[]>(`SELECT slug FROM tenants WHERE slug = ? OR slug LIKE ?`, [base, `${base}-%`]);
    const used = new Set(taken.map((r) => r.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }
}
