import type { Logger } from 'pino';

/**
 * Which database a signed-in caller's query reads, when DATABASE_READ_URL names a streaming replica: the one
 * home of that rule. The pipeline (graphql/pipeline.ts) asks it for every query's request transaction; the
 * transaction (db/tenant-transaction.ts) acquires there and falls back to the primary when it cannot.
 *
 * - A GraphQL `query` (so every REST GET, over any transport) reads the replica; mutations, subscriptions'
 *   per-event reads, the worker and the system paths (owner role) never do.
 * - Read your own writes: once a session's mutation has run (or an attachment was stored or deleted), its
 *   queries read the primary for `stickyMs`, and so do those of a token issued less than `stickyMs` ago (a
 *   sign-in, sign-up or refresh wrote as the anonymous caller it was then). Kept in this process only: with
 *   several processes the window holds only while the replica lags less than it, or with sticky load balancing.
 * - A replica that cannot be reached is left alone for `REPLICA_RETRY_MS` (said once at warn per outage),
 *   and queries read the primary meanwhile.
 */

/** How long queries read the primary after the replica could not be reached, before it is tried again. */
const REPLICA_RETRY_MS = 5000;
/** Sessions remembered at once; past it the oldest window ends early (those sessions read the replica again). */
const MAX_SESSIONS = 50_000;

/** The replica's side of one request transaction (db/tenant-transaction.ts). */
export interface ReplicaUse {
  /** A connection of the replica was acquired. */
  reached(): void;
  /** The replica could not be reached (or went away under the request). */
  unreachable(error: unknown): void;
}

/** One caller's view: whether its query reads the replica, and that it wrote. */
export interface CallerReads {
  /** For a query's transaction: the replica to read, or undefined for the primary. */
  replica(): ReplicaUse | undefined;
  /** The caller's session wrote: its queries read the primary for the sticky window. */
  wrote(): void;
}

export class ReadRouting {
  /** Session id → when its window ends; in order of that end, since every window is as long. */
  private readonly stickyUntil = new Map<string, number>();
  private replicaDownUntil = 0;
  private warned = false;
  /** Request transactions that ran on the replica, for /metrics. */
  private onReplica = 0;
  private readonly use: ReplicaUse = {
    reached: () => {
      this.onReplica += 1;
      if (!this.warned) return;
      this.warned = false;
      this.log.info('read replica reachable again: queries read it');
    },
    unreachable: (error) => {
      this.replicaDownUntil = this.now() + REPLICA_RETRY_MS;
      if (this.warned) return;
      this.warned = true;
      this.log.warn({ err: error }, 'read replica unreachable: queries read the primary until it answers again');
    },
  };

  constructor(
    /** Whether the ORM has a replica (DATABASE_READ_URL). */
    private readonly hasReplica: boolean,
    private readonly stickyMs: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly maxSessions = MAX_SESSIONS,
  ) {}

  /** `sessionId` and `tokenIssuedAt` (seconds) of the caller's verified token; none for anonymous callers. */
  forCaller(sessionId: string | undefined, tokenIssuedAt: number | undefined): CallerReads {
    return {
      replica: () => (this.mayReadReplica(sessionId, tokenIssuedAt) ? this.use : undefined),
      wrote: () => {
        if (sessionId !== undefined) this.wrote(sessionId);
      },
    };
  }

  /** For /metrics: transactions on the replica so far, and whether it is in use (not backed off); undefined without one. */
  stats(): { transactions: number; up: boolean } | undefined {
    return this.hasReplica ? { transactions: this.onReplica, up: this.now() >= this.replicaDownUntil } : undefined;
  }

  private mayReadReplica(sessionId: string | undefined, tokenIssuedAt: number | undefined): boolean {
    if (!this.hasReplica) return false;
    const now = this.now();
    if (now < this.replicaDownUntil) return false;
    if (tokenIssuedAt !== undefined && now - tokenIssuedAt * 1000 < this.stickyMs) return false;
    const until = sessionId === undefined ? undefined : this.stickyUntil.get(sessionId);
    return until === undefined || until <= now;
  }

  private wrote(sessionId: string): void {
    if (!this.hasReplica || this.stickyMs === 0) return;
    const now = this.now();
    // Ended windows are at the front: drop them, then move this session to the back with a new end.
    for (const [id, until] of this.stickyUntil) {
      if (until > now) break;
      this.stickyUntil.delete(id);
    }
    this.stickyUntil.delete(sessionId);
    this.stickyUntil.set(sessionId, now + this.stickyMs);
    if (this.stickyUntil.size > this.maxSessions) this.stickyUntil.delete(this.stickyUntil.keys().next().value!);
  }
}
