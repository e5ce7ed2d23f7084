import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { attachmentsFor } from '../attachment/attachment.read';
import type { AttachmentTimelineView } from '../attachment/attachment.types';
import { participantsFor } from '../participants/participant.read';
import type { ParticipantView } from '../participants/participant.types';
import { ratingsFor } from '../satisfaction/satisfaction.read';
import type { IncidentRatingView } from '../satisfaction/satisfaction.types';
import { updatesConnectionFor, updatesFor, type IncidentInclude, type IncidentRow } from './incident.read';
import { emptyConnection, type ConnectionRequest, type ConnectionView } from '../../shared/connection';
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
  // Each incident's timeline as a connection, one loader per page asked for (the same arguments on every incident
  // of a page: one statement for the page).
  const byPage = new Map<string, DataLoader<string, ConnectionView<IncidentUpdateView>>>();
  const updatesConnection = (req: ConnectionRequest): DataLoader<string, ConnectionView<IncidentUpdateView>> => {
    const key = JSON.stringify(req);
    let loader = byPage.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        if (viewer.kind === 'anonymous') return ids.map(() => emptyConnection<IncidentUpdateView>());
        const map = await updatesConnectionFor(em, viewer, ids, req);
        return ids.map((id) => map.get(id) ?? emptyConnection<IncidentUpdateView>());
      });
      byPage.set(key, loader);
    }
    return loader;
  };
  // Staff only (shield's rule on Incident.rating): a page's ratings in one statement.
  const rating = new DataLoader<string, IncidentRatingView | null>(async (ids) => {
    if (viewer.kind !== 'staff') return ids.map(() => null);
    const map = await ratingsFor(em, viewer, ids);
    return ids.map((id) => map.get(id) ?? null);
  });
  // A page's attachments in one statement, scoped like the download route (attachment.read.ts).
  const attachments = new DataLoader<string, AttachmentTimelineView[]>(async (ids) => {
    if (viewer.kind === 'anonymous') return ids.map(() => []);
    const map = await attachmentsFor(em, viewer, ids);
    return ids.map((id) => map.get(id) ?? []);
  });
  // A page's participants in one statement, as the viewer may see them (participant.read.ts).
  const participants = new DataLoader<string, ParticipantView[]>(async (ids) => {
    if (viewer.kind === 'anonymous') return ids.map(() => []);
    const map = await participantsFor(em, viewer, ids);
    return ids.map((id) => map.get(id) ?? []);
  });
  return {
    updates,
    updatesConnection,
    rating,
    attachments,
    participants,
    /**
     * Hands the loaders the updates, rating and participants a read fetched with the incidents themselves
     * (`include`, incident.read.ts `preloadedUpdates`, `preloadedRating`, `preloadedParticipants`), so the
     * `updates`, `comments`, `rating` and `participants` fields
     * read nothing more. Returns what it was given (an incident or a page of them), its rows no longer carrying them.
     */
    primed<T extends IncidentRow | { items: IncidentRow[] } | { nodes: IncidentRow[] }>(read: T, include: IncidentInclude): T {
      const rows: IncidentRow[] = 'items' in read ? read.items : 'nodes' in read ? read.nodes : [read as IncidentRow];
      for (const row of rows) {
        if (row.preloadedUpdates) updates(include.updates?.last).prime(row.id, row.preloadedUpdates);
        if (row.preloadedRating !== undefined) rating.prime(row.id, row.preloadedRating);
        if (row.preloadedAttachments) attachments.prime(row.id, row.preloadedAttachments);
        if (row.preloadedParticipants) participants.prime(row.id, row.preloadedParticipants);
        delete row.preloadedUpdates;
        delete row.preloadedRating;
        delete row.preloadedAttachments;
        delete row.preloadedParticipants;
      }
      return read;
    },
    /** Forgets what was read: a subscription reads each event afresh. */
    clearAll: () => {
      byLast.forEach((loader) => loader.clearAll());
      byPage.forEach((loader) => loader.clearAll());
      rating.clearAll();
      attachments.clearAll();
      participants.clearAll();
    },
  };
}

export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;
