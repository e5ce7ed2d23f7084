import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../auth/runtime';
import { TenantService } from './tenant/tenant.service';
import { AuthService } from './user/auth.service';
import { OAuthService } from './user/oauth.service';
import { StaffService } from './user/staff.service';

/** The per-request set of services, each bound to the request's EntityManager. */
export interface Services {
  tenants: TenantService;
  auth: AuthService;
  oauth: OAuthService;
  staff: StaffService;
}

export function createServices(em: EntityManager, runtime: Runtime): Services {
  return {
    tenants: new TenantService(em),
    auth: new AuthService(em, runtime),
    oauth: new OAuthService(em, runtime),
    staff: new StaffService(em, runtime),
  };
}
