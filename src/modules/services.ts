import type { EntityManager } from '@mikro-orm/postgresql';
import { TenantService } from './tenant/tenant.service';

/** The per-request set of services, each bound to the request's EntityManager. */
export interface Services {
  tenants: TenantService;
}

export function createServices(em: EntityManager): Services {
  return {
    tenants: new TenantService(em),
  };
}
