import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from '../modules/tenant/tenant.entity';

/** Demo tenants for development: two open to customer sign-up, one closed. Idempotent. */
const DEMO_TENANTS = [
  { slug: 'acme-cloud', name: 'Acme Cloud', allowCustomerSignup: true },
  { slug: 'globex-support', name: 'Globex Support', allowCustomerSignup: true },
  { slug: 'initech-internal', name: 'Initech Internal', allowCustomerSignup: false },
];

/** Seeds the demo data (development only) and returns lines describing it, for the start-up log. */
export async function seedDemo(em: EntityManager): Promise<string[]> {
  const lines: string[] = [];
  await em.transactional(async (tx) => {
    for (const t of DEMO_TENANTS) {
      let tenant = await tx.findOne(Tenant, { slug: t.slug });
      if (!tenant) tenant = tx.create(Tenant, t);
      lines.push(`tenant ${t.name} (slug ${t.slug}, customer sign-up ${t.allowCustomerSignup ? 'open' : 'closed'})`);
    }
  });
  return lines;
}
