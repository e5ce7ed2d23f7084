import { Tenant } from '../modules/tenant/tenant.entity';

/** Every ORM entity, listed explicitly so the same list works from TypeScript (tests, scripts) and compiled JS. */
export const entities = [Tenant];
