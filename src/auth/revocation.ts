import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export const REVOCATION_CHANNEL = 'session_revoked';

/**
 * The set of revoked sessions whose access tokens could still be unexpired, held in memory so that the
 * check on every request is a Set lookup (well under a microsecond), not a query.
 *
 * Every server process on the database keeps it current: revocations are announced with pg_notify in the
 * revoking transaction (delivered on commit) and heard over LISTEN; a poll every few seconds catches
 * anything missed while the listening connection was down. The revoking process adds the id itself at
 * once, so its own next request is refused with no wait at all.
 */
export class RevocationCache {
  private readonly revoked = new Map<string, number>(); // session id → when it may be forgotten (ms)
  private readonly listeners = new Set<(sessionIds: string[]) => void>();
  private listener?: Client;
  private poller?: NodeJS.Timeout;
  private lastPoll = new Date(0);
  private stopped = false;

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

  async start(em: EntityManager): Promise<void> {
    // A database that is not ready yet (readiness says 503) must not stop the process; the poll retries.
    await this.poll(em).catch((e) => this.log.warn({ err: e }, 'revocation poll failed'));
    await this.listen();
    this.poller = setInterval(() => void this.poll(em).catch((e) => this.log.warn({ err: e }, 'revocation poll failed')), this.pollMs);
    this.poller.unref();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', (msg) => {
      if (msg.channel === REVOCATION_CHANNEL && msg.payload) this.add([msg.payload]);
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'revocation listener lost its connection; reconnecting');
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
    this.listener = client;
  }

  /** Loads revocations since the last poll (all recent ones at start) and forgets those past any token's life. */
  private async poll(em: EntityManager): Promise<void> {
    const since = this.lastPoll.getTime() ? new Date(this.lastPoll.getTime() - 10_000) : new Date(Date.now() - this.accessTtlSeconds * 1000 - 60_000);
    this.lastPoll = new Date();
    const rows = await em
      .fork().execute<{ id: string }[]>('SELECT id FROM sessions WHERE revoked_at >= ?', [since]);
    this.add(rows.map((r) => r.id));
    const now = Date.now();
    for (const [id, forgetAt] of this.revoked) if (forgetAt < now) this.revoked.delete(id);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }
}
