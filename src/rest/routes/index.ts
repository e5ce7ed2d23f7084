import type { AnyRestRoute } from '../executor';
import { adminRoutes } from './admin';
import { authRoutes } from './auth';
import { incidentsRoutes } from './incidents';
import { kbRoutes } from './kb';
import { notificationsRoutes } from './notifications';
import { portalRoutes } from './portal';

/**
 * The REST adapter: each documented /api/v1 path, the GraphQL operation it runs (src/rest/operations/),
 * how the request becomes variables and how the result becomes the envelope's `data`. One file per area.
 */
export const restRoutes: readonly AnyRestRoute[] = [...authRoutes, ...portalRoutes, ...incidentsRoutes, ...kbRoutes, ...adminRoutes, ...notificationsRoutes];
