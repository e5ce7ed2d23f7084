import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { PgListener } from '../db/listener';

export const REVOCATION_CHANNEL = 'session_revoked';

/** How far before the last read the next one reaches back (see poll). */
const READ_MARGIN_MS = 10_000;

/**
 * The set of revoked sessions whose access tokens could still be unexpired, held in memory so that the
 * check on every request is a Set lookup (well under a microsecond), not a query.
 *
 * Every server process on the database keeps it current: revocations are announced with pg_notify in the
 * revoking transaction (delivered on commit) and heard over LISTEN. The listening connection reconnects
 * until it succeeds (db/listener.ts) and then re-reads the revocations since the last read, so one lost
 * while it was down is caught at once; a poll every few seconds is the backstop. The revoking process adds
 * the id itself at once, so its own next request is refused with no wait at all.
 */
export class RevocationCache {
  private readonly revoked = new Map<string, number>(); // session id → when it may be forgotten (ms)
  private readonly listeners = new Set<(sessionIds: string[]) => void>();
  private listener?: PgListener;
  private poller?: NodeJS.Timeout;
  /** The database's clock at the last successful read: the next one starts a margin before it. */
  private lastRead?: Date;

  constructor(
    private readonly databaseUrl: string,
    private readonly accessTtlSeconds: number,
    private readonly log: Logger,
    private readonly pollMs = 5000,
  ) {}

  isRevoked(sessionId: string): boolean {
    return this.revoked.has(sessionId);
  }

  add(sessionIds: Iterable<string>): void {
    const forgetAt = Date.now() + this.accessTtlSeconds * 1000 + 60_000;
    const added: string[] = [];
    for (const id of sessionIds) {
      if (!this.revoked.has(id)) added.push(id);
      this.revoked.set(id, forgetAt);
    }
    if (!added.length) return;
    for (const listener of this.listeners) {
      try {
        listener(added);
      } catch (err) {
        this.log.error({ err }, 'a revocation listener failed');
      }
    }
  }

  /** Calls `listener` with the sessions newly known to be revoked (what long-lived connections close on). */
  onRevoked(listener: (sessionIds: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Inside the revoking transaction: tells every process (including this one, after commit). */
  static async announce(em: EntityManager, sessionIds: string[]): Promise<void> {
    for (const id of sessionIds) await em.execute('SELECT pg_notify(?, ?)', [REVOCATION_CHANNEL, id]);
  }

  /** True while the LISTEN connection is up (announcements arrive at once); false: only the poll catches them. */
  get listening(): boolean {
    return this.listener?.connected ?? false;
  }

  async start(em: EntityManager): Promise<void> {
    // A database that is not ready yet (readiness says 503) must not stop the process; the poll retries.
    const poll = () => this.poll(em).catch((e) => this.log.warn({ err: e }, 'revocation poll failed'));
    await poll();
    this.listener = new PgListener({
      databaseUrl: this.databaseUrl,
      channels: [REVOCATION_CHANNEL],
      name: 'revocation',
      log: this.log,
      onNotification: (_channel, payload) => this.add([payload]),
      // Announcements made while no connection listened are lost: read what was revoked since the last read.
      onListening: async (_query, reconnected) => {
        if (reconnected) await this.poll(em);
      },
    });
    await this.listener.start();
    this.poller = setInterval(() => void poll(), this.pollMs);
    this.poller.unref();
  }

  /**
   * Loads revocations since the last read (all recent ones at start) and forgets those past any token's life.
   * Times are the database's: `revoked_at` is its revoking transaction's start, so the read reaches back a
   * margin for transactions that committed after a later read began. The mark moves only on success, so a
   * read that fails during an outage loses nothing.
   */
  private async poll(em: EntityManager): Promise<void> {
    const since = this.lastRead ? new Date(this.lastRead.getTime() - READ_MARGIN_MS) : new Date(Date.now() - this.accessTtlSeconds * 1000 - 60_000);
    const [row] = await em
      .fork()
      .execute<{ now: Date; ids: string[] }[]>(`SELECT now() AS now, coalesce(array_agg(id::text), '{}') AS ids FROM sessions WHERE revoked_at >= ?`, [since]);
    this.add(row.ids);
    this.lastRead = new Date(row.now);
    const now = Date.now();
    for (const [id, forgetAt] of this.revoked) if (forgetAt < now) this.revoked.delete(id);
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.listener?.stop();
    this.listener = undefined;
  }
}
