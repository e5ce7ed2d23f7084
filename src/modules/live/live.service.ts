import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import { isDatabaseUnavailable } from '../../db/errors';
import { inTenantTransaction } from '../../db/tenant-transaction';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import { IncidentNotFoundError } from '../incident/incident.errors';
import { findIncident } from '../incident/incident.read';
import type { Incident } from '../incident/incident.types';
import { isCustomerVisibleEvent } from '../notifications/kinds';
import type { LiveEvent } from './live-events';

export interface IncidentChangeView {
  eventType: string;
  incident: Incident;
}

/**
 * Maps a stream of events to what the viewer may see: each event's incident is read with the viewer's own
 * scope and columns (a portal viewer gets the customer view of its own and its organization's shared tickets
 * only; anything else is skipped). Ending the stream (`return`) ends the source at once, even while waiting.
 * The stream also ends when the viewer's session is revoked.
 */
function visibleChanges(
  source: AsyncIterableIterator<LiveEvent>,
  read: (event: LiveEvent) => Promise<IncidentChangeView | null>,
  stillValid: () => boolean,
): AsyncIterableIterator<IncidentChangeView> {
  const stream: AsyncIterableIterator<IncidentChangeView> = {
    async next(): Promise<IteratorResult<IncidentChangeView>> {
      for (;;) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        if (!stillValid()) {
          await source.return!();
          return { value: undefined, done: true };
        }
        const change = await read(r.value);
        if (change) return { value: change, done: false };
      }
    },
    return: async () => {
      await source.return!();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

/** How long a subscription waits for the database to come back to read an event it heard of, before dropping it. */
const READ_RETRY_MS = 30_000;

/**
 * `read`, tried again with growing pauses while the database is away (a restart): the event is known, so
 * the subscriber gets it late rather than losing it or its socket. Other failures are thrown at once.
 */
async function readWhileAway<T>(read: () => Promise<T>, stillWanted: () => boolean): Promise<T | null> {
  const deadline = Date.now() + READ_RETRY_MS;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
    try {
      return await read();
    } catch (e) {
      if (!isDatabaseUnavailable(e) || Date.now() + pause > deadline || !stillWanted()) {
        if (isDatabaseUnavailable(e)) return null; // dropped, as when no process heard it
        throw e;
      }
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/** Live updates of incidents (GraphQL subscriptions), for staff and portal viewers. */
export class LiveService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'live' | 'revocations'>,
    /** A subscription outlives any request transaction: each read gets a short one of its own, as this tenant. */
    private readonly rlsTenant?: string,
  ) {}

  private stream(viewer: StaffViewer | CustomerViewer, incidentId?: string): AsyncIterableIterator<IncidentChangeView> {
    const source = this.rt.live.subscribe(
      (e) =>
        e.tenantId === viewer.tenantId &&
        e.incidentId !== null &&
        (!incidentId || e.incidentId === incidentId) &&
        // A customer hears only of what its own timeline shows (no assignments, no internal status changes).
        (viewer.kind === 'staff' || isCustomerVisibleEvent(e.type, e.visibility)),
    );
    return visibleChanges(
      source,
      async (e) => {
        const incident = await readWhileAway(
          () => inTenantTransaction(this.em, this.rlsTenant, (tx) => findIncident(tx, viewer, e.incidentId!)),
          () => !this.rt.revocations.isRevoked(viewer.sessionId),
        );
        return incident ? { eventType: e.type, incident } : null;
      },
      () => !this.rt.revocations.isRevoked(viewer.sessionId),
    );
  }

  /** Every change to an incident the viewer may see. */
  changes(viewer: StaffViewer | CustomerViewer): AsyncIterableIterator<IncidentChangeView> {
    return this.stream(viewer);
  }

  /** Changes to one incident (by id or number), which the viewer must be able to see now. */
  async changesOf(viewer: StaffViewer | CustomerViewer, idOrNumber: string): Promise<AsyncIterableIterator<IncidentChangeView>> {
    const incident = await inTenantTransaction(this.em, this.rlsTenant, (tx) => findIncident(tx, viewer, idOrNumber.trim()));
    if (!incident) throw new IncidentNotFoundError();
    return this.stream(viewer, incident.id);
  }
}
