import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { PgListener, type ListenerQuery } from '../../db/listener';

/** The channel a trigger on outbox_events notifies (on commit) for every event. */
export const LIVE_CHANNEL = 'incident_events';

export interface LiveEvent {
  eventId: string;
  tenantId: string;
  incidentId: string | null;
  type: string;
  /** The visibility of the update the event is about, when it is about one (status changes). */
  visibility?: string | null;
}

/** How many events one slow subscriber may have waiting; older ones are dropped beyond that. */
const BUFFER = 100;
/** How many delivered event ids are remembered, so an event both announced and re-read is delivered once. */
const RECENT = 2000;

/**
 * The events committed after snapshot $1 and before snapshot $2, as the trigger announces them
 * (migrations: outbox_events_announce). Bounded by the snapshots' xmin and xmax, so the index on tx_id applies.
 */
const MISSED = `SELECT id AS "eventId", tenant_id AS "tenantId", payload->>'incidentId' AS "incidentId", type, payload->>'visibility' AS visibility
  FROM outbox_events
  WHERE tx_id >= pg_snapshot_xmin($1::pg_snapshot) AND tx_id < pg_snapshot_xmax($2::pg_snapshot)
    AND NOT pg_visible_in_snapshot(tx_id, $1::pg_snapshot) AND pg_visible_in_snapshot(tx_id, $2::pg_snapshot)
  ORDER BY tx_id, created_at`;

/**
 * Live updates for GraphQL subscriptions, across every server process on the database: each process
 * LISTENs on one connection, and every outbox event is announced with pg_notify by a trigger, delivered
 * when its transaction commits. Only ids travel; subscribers read what their viewer may see.
 * The connection reconnects with backoff until it succeeds (db/listener.ts), and then delivers the events
 * announced while it was down: each connection notes the database's snapshot once it listens; on a new one,
 * the events committed between the old snapshot and the new are read from the outbox (by their transaction
 * id) and delivered, those already announced skipped. Subscribers of this process then miss nothing, only
 * hear it late.
 */
export class LiveEvents {
  private readonly emitter = new EventEmitter();
  private readonly listener: PgListener;
  /** The snapshot taken once the current (or last) connection listened: what it has covered. */
  private snapshot?: string;
  private readonly recent = new Set<string>();

  constructor(databaseUrl: string, log: Logger) {
    this.emitter.setMaxListeners(0);
    this.listener = new PgListener({
      databaseUrl,
      channels: [LIVE_CHANNEL],
      name: 'live updates',
      log,
      onNotification: (_channel, payload) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(payload) as LiveEvent;
        } catch {
          return; // not ours
        }
        this.deliver(event);
      },
      onListening: (query, reconnected) => this.catchUp(query, reconnected),
    });
  }

  /** Every commit after the new snapshot is announced to this connection; those before it since the old one are read. */
  private async catchUp(query: ListenerQuery, reconnected: boolean): Promise<void> {
    const [{ snapshot }] = await query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot');
    if (reconnected && this.snapshot) {
      for (const event of await query<LiveEvent & Record<string, unknown>>(MISSED, [this.snapshot, snapshot])) this.deliver(event);
    }
    this.snapshot = snapshot;
  }

  private deliver(event: LiveEvent): void {
    if (this.recent.has(event.eventId)) return;
    this.recent.add(event.eventId);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.values().next().value!);
    this.emitter.emit('event', event);
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.listener.connected;
  }

  async start(): Promise<void> {
    await this.listener.start();
  }

  /** How many subscriptions this process serves now. */
  get subscribers(): number {
    return this.emitter.listenerCount('event');
  }

  /** The events `accept` lets through, as they come, until the consumer stops (or the process does). */
  subscribe(accept: (event: LiveEvent) => boolean): AsyncIterableIterator<LiveEvent> {
    const queue: LiveEvent[] = [];
    let wake: ((r: IteratorResult<LiveEvent>) => void) | undefined;
    let done = false;
    const onEvent = (event: LiveEvent) => {
      if (done || !accept(event)) return;
      if (wake) {
        const w = wake;
        wake = undefined;
        w({ value: event, done: false });
        return;
      }
      queue.push(event);
      if (queue.length > BUFFER) queue.shift();
    };
    const finish = (): Promise<IteratorResult<LiveEvent>> => {
      done = true;
      this.emitter.off('event', onEvent);
      this.emitter.off('stop', finish);
      wake?.({ value: undefined, done: true });
      wake = undefined;
      return Promise.resolve({ value: undefined, done: true });
    };
    this.emitter.on('event', onEvent);
    this.emitter.on('stop', finish);
    return {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      throw: (err?: unknown) => finish().then(() => Promise.reject(err)),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async stop(): Promise<void> {
    this.emitter.emit('stop');
    await this.listener.stop();
  }
}
