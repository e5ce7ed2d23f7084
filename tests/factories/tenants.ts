import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { Tenant } from '../../src/modules/tenant/tenant.entity';

export async function createTenant(em: EntityManager, overrides: Partial<Pick<Tenant, 'name' | 'slug' | 'allowCustomerSignup'>> = {}): Promise<Tenant> {
  const suffix = randomBytes(3).toString('hex');
  const tenant = em.create(Tenant, {
    name: overrides.name ?? `Tenant ${suffix}`,
    slug: overrides.slug ?? `tenant-${suffix}`,
    allowCustomerSignup: overrides.allowCustomerSignup ?? false,
  });
  await em.flush();
  return tenant;
}
