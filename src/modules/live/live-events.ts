import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { PgListener } from '../../db/listener';

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

/**
 * Live updates for GraphQL subscriptions, across every server process on the database: each process
 * LISTENs on one connection, and every outbox event is announced with pg_notify by a trigger, delivered
 * when its transaction commits. Only ids travel; subscribers read what their viewer may see.
 * The connection reconnects with backoff until it succeeds (db/listener.ts). Best effort: an event
 * announced while the connection is down is missed (the outbox and the worker, not this, are what never
 * lose anything).
 */
export class LiveEvents {
  private readonly emitter = new EventEmitter();
  private readonly listener: PgListener;

  constructor(databaseUrl: string, log: Logger) {
    this.emitter.setMaxListeners(0);
    this.listener = new PgListener({
      databaseUrl,
      channels: [LIVE_CHANNEL],
      name: 'live updates',
      log,
      onNotification: (_channel, payload) => {
        try {
          this.emitter.emit('event', JSON.parse(payload) as LiveEvent);
        } catch {
          /* not ours */
        }
      },
    });
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
