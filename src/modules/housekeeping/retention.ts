import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export interface RetentionSettings {
  /** Processed outbox events and SENT deliveries are kept this many days. */
  days: number;
  /** FAILED deliveries (dead letters) are kept this many days, for ADMINs to inspect and retry. */
  deadLetterDays: number;
  /** Auth rows (sessions, codes, action tokens, rate-limit rows) are kept this long once expired or used. */
  authGraceHours: number;
  /** Rows per DELETE statement: a big backlog goes in many short statements, never one long lock. */
  batchSize: number;
  /** Access token lifetime: a revoked session must outlive every access token it issued (RevocationCache). */
  accessTtlSeconds: number;
}

/** Rows deleted per table by one run. */
export type PurgeCounts = Record<PurgedTable, number>;
type PurgedTable = 'notification_deliveries' | 'outbox_events' | 'refresh_tokens' | 'sessions' | 'one_time_codes' | 'action_tokens' | 'rate_limits';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Deletes rows nobody needs any more, in batches of `batchSize`, each batch its own short transaction:
 *
 * - deliveries: SENT ones `days` after their last change, FAILED ones (dead letters) after `deadLetterDays`;
 *   PENDING ones (queued, or between tries) never;
 * - outbox events: processed ones `days` after processing, once none of their deliveries is left (a dead
 *   letter still waiting for an ADMIN keeps its event); unprocessed ones never;
 * - sessions, with their refresh tokens: `authGraceHours` after the session's end (`expires_at`), revoked
 *   or not. Until then a reused refresh token is still recognised (sessions.ts: `refresh`), and a revoked
 *   session is still found by every process's revocation poll while its access tokens live. The grace
 *   is never shorter than an access token's lifetime plus a few minutes, whatever it is set to;
 * - one-time codes and action tokens: `authGraceHours` after they expired or were used (neither is ever
 *   looked at again: `codes.ts` only finds unused, unexpired ones);
 * - rate-limit rows: `authGraceHours` after their window ended (rate-limiter-flexible treats an expired
 *   row as a fresh window, so it carries nothing).
 *
 * The audit log is never touched: its entries are hash-chained. Runs as the tables' owner (the worker's
 * connection): row-level security does not restrict the owner, and `row_security = off` makes PostgreSQL
 * refuse with an error, rather than quietly delete nothing, should it ever run under a role that RLS
 * restricts. Rows are claimed `FOR UPDATE SKIP LOCKED`, so two runs at once (or a run beside an ADMIN's
 * retry of the same dead letter) never wait on each other or deadlock: each deletes what it claimed.
 */
export async function purgeExpiredRows(em: EntityManager, settings: RetentionSettings, now: Date, log?: Logger): Promise<PurgeCounts> {
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const finished = at(settings.days * DAY_MS);
  const deadLetters = at(settings.deadLetterDays * DAY_MS);
  const authGrace = at(settings.authGraceHours * HOUR_MS);
  const sessionsEnded = at(Math.max(settings.authGraceHours * HOUR_MS, settings.accessTtlSeconds * 1000 + 5 * 60_000));

  const batches = async (table: string, key: string, where: string, params: unknown[]): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await em.transactional(async (tx) => {
        await tx.execute('SET LOCAL row_security = off', [], 'run');
        const [row] = await tx.execute<{ n: number }[]>(
          `WITH gone AS (
             DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING 1
           ) SELECT count(*)::int AS n FROM gone`,
          [...params, settings.batchSize],
        );
        return row.n;
      });
      total += n;
      if (n < settings.batchSize) return total;
    }
  };

  // Deliveries before events: an event goes only once no delivery of it is left.
  const counts: PurgeCounts = {
    notification_deliveries:
      (await batches('notification_deliveries', 'id', `status = 'SENT' AND updated_at < ?`, [finished])) +
      (await batches('notification_deliveries', 'id', `status = 'FAILED' AND updated_at < ?`, [deadLetters])),
    outbox_events: await batches(
      'outbox_events',
      'id',
      `processed_at < ? AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.event_id = outbox_events.id)`,
      [finished],
    ),
    // A session's tokens first, in batches of their own: one long session has a token per refresh.
    refresh_tokens: await batches(
      'refresh_tokens',
      'id',
      `session_id IN (SELECT id FROM sessions WHERE expires_at < ?)`,
      [sessionsEnded],
    ),
    sessions: await batches('sessions', 'id', `expires_at < ?`, [sessionsEnded]),
    one_time_codes: await batches('one_time_codes', 'id', `(expires_at < ? OR consumed_at < ?)`, [authGrace, authGrace]),
    action_tokens: await batches('action_tokens', 'id', `(expires_at < ? OR used_at < ?)`, [authGrace, authGrace]),
    rate_limits: await batches('rate_limits', 'key', `expire < ?`, [authGrace.getTime()]),
  };
  log?.info({ deleted: counts }, 'housekeeping: deleted rows past their retention');
  return counts;
}
