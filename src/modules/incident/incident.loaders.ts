import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { updatesFor } from './incident.read';
import type { IncidentUpdateView } from './incident.types';

/** Per-request loaders: the updates of every incident on a page in one statement, scoped to the viewer. */
export function createIncidentLoaders(em: EntityManager, viewer: Viewer) {
  return {
    updates: new DataLoader<string, IncidentUpdateView[]>(async (ids) => {
      if (viewer.kind === 'anonymous') return ids.map(() => []);
      const map = await updatesFor(em, viewer, ids);
      return ids.map((id) => map.get(id) ?? []);
    }),
  };
}

export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;
