import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger as QueueLogger, runMigrations } from 'graphile-worker';
import type { Logger } from 'pino';

/**
 * The job queue is graphile-worker (PostgreSQL-backed, LISTEN/NOTIFY for new jobs), in its own schema of
 * the application's database. Jobs are added with its SQL function `add_job`, so adding one joins the
 * caller's transaction: it exists if and only if the change that caused it committed.
 */
export const QUEUE_SCHEMA = 'graphile_worker';

export const TASKS = {
  /** Turns one outbox event into deliveries (one per e-mail recipient and webhook endpoint). */
  dispatch: 'outbox.dispatch',
  /** Tries one delivery. */
  send: 'delivery.send',
  /** Deletes rows past their retention (src/modules/housekeeping/retention.ts); a cron item, RETENTION_SCHEDULE. */
  housekeeping: 'housekeeping.purge',
} as const;

/** graphile-worker's messages in our log: its per-job chatter at debug, warnings and errors as they are. */
export function queueLogger(log: Logger): QueueLogger {
  return new QueueLogger((scope) => (level, message, meta) => {
    const fields: Record<string, unknown> = { component: 'queue' };
    if (scope.taskIdentifier) fields.task = scope.taskIdentifier;
    if (scope.jobId) fields.jobId = scope.jobId;
    if (meta && 'error' in meta) fields.err = meta.error;
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else log.debug(fields, message);
  });
}

const silent = new QueueLogger(() => () => undefined);

/**
 * Installs or upgrades the queue's schema (graphile-worker's own migrations, tracked in
 * graphile_worker.migrations). Run right after the application's migrations, by the server, the worker
 * process, `migration:create` and the tests' template database: outbox_events' trigger calls into it.
 */
export async function installQueueSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, schema: QUEUE_SCHEMA, logger: silent, maxPoolSize: 1 });
}

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one waiting job per key: adding again replaces the waiting one instead of adding another. */
  jobKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction (when there is one), through `enqueue_job`, our SECURITY DEFINER
 * door to the queue's `add_job`: a tenant request runs as a role with no rights on the queue's schema.
 */
export async function enqueue(em: EntityManager, task: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  await em.execute(`SELECT enqueue_job(?::text, ?::json, ?::timestamptz, ?::int, ?::text)`, [
    task,
    JSON.stringify(payload),
    options.runAt ?? null,
    options.maxAttempts ?? null,
    options.jobKey ?? null,
  ]);
}
