import type { EntityManager } from '@mikro-orm/postgresql';
import type { PasswordHasher } from '../auth/passwords';
import type { StaffRole } from '../auth/viewer';
import { Tenant } from '../modules/tenant/tenant.entity';
import { User } from '../modules/user/user.entity';

/** Shown in the start-up log of development servers only; never used outside `SEED_DEMO`. */
export const DEMO_PASSWORD = 'Demo-Incident-Desk-2026';

/** Demo tenants for development: two open to customer sign-up, one closed. */
const DEMO_TENANTS = [
  { slug: 'acme-cloud', name: 'Acme Cloud', allowCustomerSignup: true },
  { slug: 'globex-support', name: 'Globex Support', allowCustomerSignup: true },
  { slug: 'initech-internal', name: 'Initech Internal', allowCustomerSignup: false },
];

const DEMO_STAFF: { tenant: string; email: string; role: StaffRole; firstName: string; lastName: string }[] = [
  { tenant: 'acme-cloud', email: 'admin@acme-cloud.test', role: 'ADMIN', firstName: 'Alice', lastName: 'Admin' },
  { tenant: 'acme-cloud', email: 'manager@acme-cloud.test', role: 'MANAGER', firstName: 'Max', lastName: 'Manager' },
  { tenant: 'acme-cloud', email: 'engineer@acme-cloud.test', role: 'ENGINEER', firstName: 'Erin', lastName: 'Engineer' },
  { tenant: 'acme-cloud', email: 'viewer@acme-cloud.test', role: 'VIEWER', firstName: 'Vic', lastName: 'Viewer' },
  { tenant: 'globex-support', email: 'admin@globex.test', role: 'ADMIN', firstName: 'Gus', lastName: 'Globex' },
];

/** Seeds the demo data (development only, idempotent) and returns lines describing it for the start-up log. */
export async function seedDemo(em: EntityManager, hasher: PasswordHasher): Promise<string[]> {
  const lines: string[] = [];
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    const tenants = new Map<string, Tenant>();
    for (const t of DEMO_TENANTS) {
      const tenant = (await tx.findOne(Tenant, { slug: t.slug })) ?? tx.create(Tenant, t);
      tenants.set(t.slug, tenant);
      lines.push(`tenant ${t.name} (slug ${t.slug}, customer sign-up ${t.allowCustomerSignup ? 'open' : 'closed'})`);
    }
    for (const s of DEMO_STAFF) {
      if (!(await tx.findOne(User, { email: s.email }))) {
        tx.create(User, { ...s, tenant: tenants.get(s.tenant)!, passwordHash, emailVerifiedAt: new Date() });
      }
      lines.push(`staff ${s.email} (${s.role}, ${s.tenant}) password ${DEMO_PASSWORD}`);
    }
  });
  return lines;
}
