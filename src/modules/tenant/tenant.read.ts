import type { EntityManager } from '@mikro-orm/postgresql';
import type { Company } from './tenant.types';

/** Read model for tenants: plain rows, no entity hydration. */
export async function listOpenCompanies(em: EntityManager): Promise<Company[]> {
  return em.execute<Company[]>('SELECT id, name, slug FROM tenants WHERE allow_customer_signup ORDER BY name, id');
}
