import { EventEmitter } from 'node:events';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parseCronItems, run, type ParsedCronItem, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import type { Mailer } from '../../shared/mailer';
import { sessionUrl } from '../../db/session-url';
import { AUTO_TASK, autoAnalysisJobs, runAutoAnalysis } from '../ezra/ezra.auto';
import { PROVIDER_TASK, runProviderCall } from '../ezra/ezra.provider-job';
import { purgeExpiredRows, type RetentionSettings } from '../housekeeping/retention';
import { dispatchEvent } from './dispatch';
import { ratingLinkMaker } from '../satisfaction/rating-links';
import { QUEUE_SCHEMA, queueLogger, TASKS } from './queue';
import { QueuePool } from './queue-pool';
import { sendDelivery } from './send';
import { sealStoredWebhookSecrets, webhookSecretBox, type WebhookSecretBox } from './webhook-secrets';

export interface NotificationWorkerDeps {
  config: Config;
  orm: MikroORM;
  log: Logger;
  mailer: Mailer;
  /** Opens the endpoints' secrets; built from the config when not given. */
  secrets?: WebhookSecretBox;
}

const idOf = (payload: unknown, key: string): string => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') throw new Error(`job payload without ${key}`);
  return value;
};

export const retentionSettings = ({ retention, tokens }: Config): RetentionSettings => ({
  days: retention.days,
  deadLetterDays: retention.deadLetterDays,
  authGraceHours: retention.authGraceHours,
  batchSize: retention.batchSize,
  accessTtlSeconds: tokens.accessTtlSeconds,
});

/**
 * Housekeeping as a graphile-worker cron item: every worker schedules it, and the queue's `known_crontabs`
 * row lets exactly one of them add the job for each tick. One queue name runs such jobs one after another,
 * and the job key keeps at most one waiting; a tick missed while no worker ran is not made up (no
 * backfill): the next run deletes what is due by then. RETENTION_SCHEDULE=off: none.
 */
export function housekeepingCronItems(config: Config): ParsedCronItem[] {
  const { schedule } = config.retention;
  if (!schedule) return [];
  return parseCronItems([
    {
      task: TASKS.housekeeping,
      match: schedule,
      identifier: TASKS.housekeeping,
      options: { backfillPeriod: 0, queueName: 'housekeeping', jobKey: TASKS.housekeeping, maxAttempts: 3 },
    },
  ]);
}

/**
 * The notifications worker: graphile-worker running the dispatch and send tasks and the housekeeping cron
 * job, in the server process (WORKER_ENABLED, the default) or in `npm run worker`, and beside them Ezra's jobs
 * (automatic runs, staff runs' provider calls) on a runner of their own (EZRA_MAX_CONCURRENT jobs at once; a
 * runner takes only the tasks it knows), so Ezra jobs never take the slots of deliveries. Any number of workers may run on one database;
 * each job runs in one of them at a time. Stopping waits for the jobs in progress (graphile-worker's graceful
 * shutdown), so nothing is cut off half-sent.
 */
export class NotificationWorker {
  private runner?: Runner;
  private ezraRunner?: Runner;
  private pool?: Pool;
  private heartbeat?: NodeJS.Timeout;
  /** graphile-worker's ids of this process's workers: what their jobs are locked by. */
  private readonly workerIds = new Set<string>();
  private readonly reviving = new Set<'notifications' | 'ezra'>();
  private readonly log: Logger;
  private readonly secrets: WebhookSecretBox;

  constructor(private readonly deps: NotificationWorkerDeps) {
    this.log = deps.log.child({ component: 'worker' });
    this.secrets = deps.secrets ?? webhookSecretBox(deps.config, deps.log);
  }

  get running(): boolean {
    return Boolean(this.runner);
  }

  private tasks(): TaskList {
    const { config, orm, mailer } = this.deps;
    const settings = {
      retryBaseMs: config.delivery.retryBaseMs,
      retryMaxMs: config.delivery.retryMaxMs,
      webhookTimeoutMs: config.webhooks.timeoutMs,
      allowPrivateTargets: config.webhooks.allowPrivateTargets,
    };
    const ratingLink = ratingLinkMaker(config);
    return {
      [TASKS.dispatch]: async (payload) => {
        await dispatchEvent(orm.em.fork(), idOf(payload, 'eventId'), config.delivery.maxAttempts, (event) => autoAnalysisJobs(config, event), ratingLink, config.publicUrl);
      },
      [TASKS.send]: async (payload, helpers) => {
        await sendDelivery(orm.em.fork(), { mailer, log: this.log, settings, secrets: this.secrets }, idOf(payload, 'deliveryId'), helpers.abortSignal);
      },
      [TASKS.housekeeping]: async () => {
        await purgeExpiredRows(orm.em.fork(), retentionSettings(config), new Date(), this.log);
        // Rows a process still on the previous key sealed after this one started: re-sealed within the hour,
        // while that key is still listed, rather than only at the next start.
        await sealStoredWebhookSecrets(orm.em.fork(), this.secrets, this.log);
      },
    };
  }

  private ezraTasks(): TaskList {
    const { config, orm } = this.deps;
    const log = this.log.child({ component: 'ezra' });
    return {
      [AUTO_TASK]: async (payload, helpers) => {
        const job = { tenantId: idOf(payload, 'tenantId'), incidentId: idOf(payload, 'incidentId'), eventId: idOf(payload, 'eventId') };
        const outcome = await runAutoAnalysis(orm.em.fork(), { config, log }, job, helpers.abortSignal);
        log.debug({ ...job, outcome, attempt: helpers.job.attempts }, 'ezra automatic run done');
      },
      [PROVIDER_TASK]: async (payload, helpers) => {
        const job = { tenantId: idOf(payload, 'tenantId'), analysisId: idOf(payload, 'analysisId') };
        const outcome = await runProviderCall(orm.em.fork(), { config, log }, job, helpers.abortSignal);
        log.debug({ ...job, outcome, attempt: helpers.job.attempts }, 'ezra provider call done');
      },
    };
  }

  /**
   * Queues a dispatch for every event not yet dispatched (written before this version, or whose dispatch
   * job ran out of tries); the job key keeps it to one waiting job per event.
   */
  private async requeueUndispatched(): Promise<number> {
    const rows = await this.deps.orm.em
      .fork().execute<{ n: number }[]>(
        `SELECT count(${QUEUE_SCHEMA}.add_job('${TASKS.dispatch}', json_build_object('eventId', id), job_key := 'outbox:' || id::text, job_key_mode := 'preserve_run_at'))::int AS n
         FROM outbox_events WHERE processed_at IS NULL`,
      );
    return rows[0]?.n ?? 0;
  }

  private sql<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.deps.orm.em.fork().execute<T[]>(sql, params);
  }

  /**
   * One beat: says this process's workers are alive, and frees the jobs of workers silent for six beats
   * (killed, not stopped), which graphile-worker itself would leave locked for 4 hours. A job freed from a
   * worker that was merely stalled may run twice: delivery is at least once.
   */
  async beat(): Promise<number> {
    const ids = [...this.workerIds];
    if (ids.length) {
      await this.sql(
        `INSERT INTO queue_worker_heartbeats (worker_id, seen_at) SELECT unnest(?::text[]), now() ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`,
        [`{${ids.join(',')}}`],
      );
    }
    const staleMs = this.deps.config.worker.heartbeatMs * 6;
    const stale = await this.sql<{ id: string }>(
      `SELECT DISTINCT j.locked_by AS id FROM ${QUEUE_SCHEMA}.jobs j
       WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - ?::int * interval '1 millisecond'
         AND NOT EXISTS (SELECT 1 FROM queue_worker_heartbeats h WHERE h.worker_id = j.locked_by AND h.seen_at > now() - ?::int * interval '1 millisecond')`,
      [staleMs, staleMs],
    );
    if (stale.length) {
      const list = `{${stale.map((s) => s.id).join(',')}}`;
      await this.sql(`SELECT ${QUEUE_SCHEMA}.force_unlock_workers(?::text[])`, [list]);
      this.log.warn({ workers: stale.map((s) => s.id) }, 'freed the jobs of queue workers that stopped answering');
    }
    await this.sql(`DELETE FROM queue_worker_heartbeats WHERE seen_at < now() - interval '1 day'`);
    return stale.length;
  }

  async start(): Promise<void> {
    if (this.runner) return;
    const { config, orm } = this.deps;
    // Each runner holds a LISTEN connection and briefly one per job taken or finished.
    const pool = new QueuePool({ connectionString: sessionUrl(config, orm), max: config.worker.concurrency + config.ezra.maxConcurrent + 4 }, (stack) =>
      this.log.debug({ stack }, 'a queue connection was released twice; the second release was dropped'),
    );
    pool.on('error', (err) => this.log.warn({ err }, 'queue connection error'));
    this.pool = pool;
    try {
      // Not fatal: on a database whose migrations are pending (readiness says 503) the server still starts.
      const requeued = await this.requeueUndispatched().catch((err) => {
        this.log.warn({ err }, 'could not look for undispatched outbox events');
        return 0;
      });
      if (requeued) this.log.info({ events: requeued }, 'queued outbox events that were not dispatched yet');
      this.runner = await this.startRunner('notifications', pool);
      this.ezraRunner = await this.startRunner('ezra', pool);
      await this.beat().catch((err) => this.log.warn({ err }, 'queue heartbeat failed'));
      this.heartbeat = setInterval(() => void this.beat().catch((err) => this.log.warn({ err }, 'queue heartbeat failed')), config.worker.heartbeatMs);
      this.heartbeat.unref();
    } catch (e) {
      await Promise.all([this.runner, this.ezraRunner].map((r) => r?.stop().catch(() => undefined)));
      this.runner = undefined;
      this.ezraRunner = undefined;
      this.pool = undefined;
      await pool.end().catch(() => undefined);
      throw e;
    }
    this.log.info({ concurrency: config.worker.concurrency, ezraConcurrency: config.ezra.maxConcurrent }, 'notifications worker started');
  }

  private async startRunner(which: 'notifications' | 'ezra', pool: Pool): Promise<Runner> {
    const { config } = this.deps;
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => void this.workerIds.add(worker.workerId));
    // A worker that could not release its job (the database went away mid-job) exits, and graphile-worker
    // does not replace it: without this the runner would be left with fewer workers, or none, for good.
    // Its id stops beating, so the heartbeat frees the job it left locked (see beat).
    events.on('worker:fatalError', ({ worker }) => {
      this.workerIds.delete(worker.workerId);
      this.revive(which);
    });
    const common = { pgPool: pool, schema: QUEUE_SCHEMA, pollInterval: config.worker.pollIntervalMs, noHandleSignals: true, logger: queueLogger(this.log), events };
    const runner =
      which === 'notifications'
        ? await run({ ...common, taskList: this.tasks(), parsedCronItems: housekeepingCronItems(config), concurrency: config.worker.concurrency })
        : await run({ ...common, taskList: this.ezraTasks(), parsedCronItems: [], concurrency: config.ezra.maxConcurrent });
    runner.promise.catch((err) => this.log.error({ err }, `the worker's ${which} runner stopped on an error`));
    return runner;
  }

  /**
   * Replaces a runner that lost a worker with a fresh one, once the database answers again (tried with
   * growing pauses). The job the dead worker left locked is freed by the heartbeat once its id has been
   * silent for six beats, and then runs again.
   */
  private revive(which: 'notifications' | 'ezra'): void {
    if (this.reviving.has(which) || !this.pool) return;
    this.reviving.add(which);
    const pool = this.pool;
    void (async () => {
      const old = which === 'notifications' ? this.runner : this.ezraRunner;
      await old?.stop().catch(() => undefined);
      for (let pause = 200; this.pool === pool; pause = Math.min(pause * 2, 5000)) {
        try {
          const runner = await this.startRunner(which, pool);
          if (this.pool !== pool) return void (await runner.stop().catch(() => undefined)); // stopped meanwhile
          if (which === 'notifications') this.runner = runner;
          else this.ezraRunner = runner;
          this.log.info({ runner: which }, 'worker runner restarted after losing a worker');
          return;
        } catch (err) {
          this.log.warn({ err, runner: which }, 'worker runner could not restart yet');
          await new Promise((r) => setTimeout(r, pause));
        }
      }
    })().finally(() => this.reviving.delete(which));
  }

  /** Lets the jobs in progress finish, then stops taking jobs and closes its connections. */
  async stop(): Promise<void> {
    const runners = [this.runner, this.ezraRunner].filter((r) => r !== undefined);
    const pool = this.pool;
    this.runner = undefined;
    this.ezraRunner = undefined;
    this.pool = undefined;
    clearInterval(this.heartbeat);
    await Promise.all(runners.map((r) => r.stop().catch((err) => this.log.warn({ err }, 'error while stopping the notifications worker'))));
    if (pool) await pool.end().catch(() => undefined);
    const ids = [...this.workerIds];
    this.workerIds.clear();
    if (runners.length && ids.length) await this.sql('DELETE FROM queue_worker_heartbeats WHERE worker_id = ANY(?::text[])', [`{${ids.join(',')}}`]).catch(() => undefined);
  }
}
