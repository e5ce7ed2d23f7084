import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { updatesFor } from './incident.read';
import type { IncidentUpdateView } from './incident.types';

/**
 * Per-request loaders: the updates of every incident on a page in one statement, scoped to the viewer; one
 * loader per `last` asked for (all of them, or each incident's `last` newest), so a page stays one statement.
 */
export function createIncidentLoaders(em: EntityManager, viewer: Viewer) {
  const byLast = new Map<number | undefined, DataLoader<string, IncidentUpdateView[]>>();
  const updates = (last?: number): DataLoader<string, IncidentUpdateView[]> => {
    let loader = byLast.get(last);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        if (viewer.kind === 'anonymous') return ids.map(() => []);
        const map = await updatesFor(em, viewer, ids, last);
        return ids.map((id) => map.get(id) ?? []);
      });
      byLast.set(last, loader);
    }
    return loader;
  };
  return {
    updates,
    /** Forgets what was read: a subscription reads each event afresh. */
    clearAll: () => byLast.forEach((loader) => loader.clearAll()),
  };
}

export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;
