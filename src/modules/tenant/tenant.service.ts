import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer, Viewer } from '../../auth/viewer';
import { Tenant } from './tenant.entity';
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

export class TenantService {
  constructor(private readonly em: EntityManager) {}

  /** Public: the tenants open to customer self-registration. Anyone may call it. */
  listCompanies(_viewer: Viewer): Promise<Company[]> {
    return listOpenCompanies(this.em);
  }

  /** Every tenant (the platform operator's view; the shield rule allows SUPER_ADMIN only). */
  listAll(_viewer: StaffViewer): Promise<{ id: string; name: string; slug: string; allowCustomerSignup: boolean; createdAt: string }[]> {
    return this.em.execute(
      `SELECT id, name, slug, allow_customer_signup AS "allowCustomerSignup",
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM tenants ORDER BY name, id`,
    );
  }

  /**
   * Creates a tenant with a unique slug derived from its name (`acme`, `acme-2`, ...). Runs inside the
   * caller's transaction; the unique index settles any race. A registration passes the id and slug it
   * already answered with.
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
