import { Client } from 'pg';
import type { Logger } from 'pino';

export type ListenerQuery = <R extends Record<string, unknown>>(sql: string, values?: unknown[]) => Promise<R[]>;

export interface ListenerOptions {
  databaseUrl: string;
  channels: readonly string[];
  /** What the listener serves, for the logs ("revocations", "live updates"). */
  name: string;
  log: Logger;
  onNotification(channel: string, payload: string): void;
  /**
   * Once LISTEN is in place on a connection: the first (`reconnected` false), or a new one after a lost
   * connection or a failed first attempt, to re-read what may have been announced while none listened.
   * `query` runs on the listening connection itself. A failure is logged; the listener stays connected.
   */
  onListening?(query: ListenerQuery, reconnected: boolean): Promise<void>;
  /** The first retry's delay; each failed attempt doubles it, up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * One LISTEN connection that stays: when it is lost (a database restart, a terminated backend, a network
 * fault) it reconnects with exponential backoff and jitter until it succeeds, however long the outage, and
 * then calls `onListening` so its owner catches up on what it missed. Notifications are delivered only to a
 * connection listening at commit, so that catch-up is what makes the feed complete.
 */
export class PgListener {
  private client?: Client;
  private retry?: NodeJS.Timeout;
  /** Failed or lost connections since the last one that listened. */
  private attempt = 0;
  private stopped = false;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: ListenerOptions) {
    this.minDelayMs = options.minDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 2000;
  }

  /** True while a connection is listening. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /**
   * Connects and listens; resolves after the first attempt either way (a database that is not there yet must
   * not stop the process: attempts go on in the background).
   */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { log, name } = this.options;
    const client = new Client({ connectionString: this.options.databaseUrl, keepAlive: true });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      log.warn({ err, attempt: this.attempt }, `${name} listener: connection lost; reconnecting`);
      this.schedule();
    };
    client.on('notification', (msg) => {
      if (msg.payload !== undefined && this.options.channels.includes(msg.channel)) this.options.onNotification(msg.channel, msg.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (lost) return; // lost between LISTEN and here: already rescheduled
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    const reconnected = this.attempt > 0;
    if (reconnected) log.info({ attempts: this.attempt }, `${name} listener: reconnected`);
    this.attempt = 0;
    if (this.options.onListening) {
      const query: ListenerQuery = async (sql, values) => (await client.query(sql, values)).rows;
      await this.options.onListening(query, reconnected).catch((err: unknown) => log.warn({ err }, `${name} listener: catching up failed`));
    }
  }

  private schedule(): void {
    if (this.stopped || this.retry) return;
    const ceiling = Math.min(this.maxDelayMs, this.minDelayMs * 2 ** this.attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2); // jitter: processes do not reconnect in step
    this.attempt++;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
