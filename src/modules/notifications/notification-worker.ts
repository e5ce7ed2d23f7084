import type { MikroORM } from '@mikro-orm/postgresql';
import { run, type Runner, type TaskList } from 'graphile-worker';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import type { Mailer } from '../../shared/mailer';
import { dispatchEvent } from './dispatch';
import { QUEUE_SCHEMA, queueLogger, TASKS } from './queue';
import { sendDelivery } from './send';

export interface NotificationWorkerDeps {
  config: Config;
  orm: MikroORM;
  log: Logger;
  mailer: Mailer;
}

const idOf = (payload: unknown, key: string): string => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') throw new Error(`job payload without ${key}`);
  return value;
};

/**
 * The notifications worker: graphile-worker running the dispatch and send tasks, in the server process
 * (WORKER_ENABLED, the default) or in `npm run worker`. Any number of them may run on one database; each
 * job runs in one of them at a time. Stopping waits for the jobs in progress (graphile-worker's graceful
 * shutdown), so nothing is cut off half-sent.
 */
export class NotificationWorker {
  private runner?: Runner;
  private pool?: Pool;
  private readonly log: Logger;

  constructor(private readonly deps: NotificationWorkerDeps) {
    this.log = deps.log.child({ component: 'worker' });
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
    return {
      [TASKS.dispatch]: async (payload) => {
        await dispatchEvent(orm.em.fork(), idOf(payload, 'eventId'), config.delivery.maxAttempts);
      },
      [TASKS.send]: async (payload) => {
        await sendDelivery(orm.em.fork(), { mailer, log: this.log, settings }, idOf(payload, 'deliveryId'));
      },
    };
  }

  /**
   * Queues a dispatch for every event not yet dispatched (written before this version, or whose dispatch
   * job ran out of tries); the job key keeps it to one waiting job per event.
   */
  private async requeueUndispatched(): Promise<number> {
    const rows = await this.deps.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        `SELECT count(${QUEUE_SCHEMA}.add_job('${TASKS.dispatch}', json_build_object('eventId', id), job_key := 'outbox:' || id::text, job_key_mode := 'preserve_run_at'))::int AS n
         FROM outbox_events WHERE processed_at IS NULL`,
      );
    return rows[0]?.n ?? 0;
  }

  async start(): Promise<void> {
    if (this.runner) return;
    const { config, orm } = this.deps;
    const pool = new Pool({ connectionString: orm.config.get('clientUrl')!, max: config.worker.concurrency + 2 });
    pool.on('error', (err) => this.log.warn({ err }, 'queue connection error'));
    this.pool = pool;
    try {
      // Not fatal: on a database whose migrations are pending (readiness says 503) the server still starts.
      const requeued = await this.requeueUndispatched().catch((err) => {
        this.log.warn({ err }, 'could not look for undispatched outbox events');
        return 0;
      });
      if (requeued) this.log.info({ events: requeued }, 'queued outbox events that were not dispatched yet');
      this.runner = await run({
        pgPool: pool,
        schema: QUEUE_SCHEMA,
        taskList: this.tasks(),
        parsedCronItems: [],
        concurrency: config.worker.concurrency,
        pollInterval: config.worker.pollIntervalMs,
        noHandleSignals: true,
        logger: queueLogger(this.log),
      });
    } catch (e) {
      this.runner = undefined;
      this.pool = undefined;
      await pool.end().catch(() => undefined);
      throw e;
    }
    this.runner.promise.catch((err) => this.log.error({ err }, 'notifications worker stopped on an error'));
    this.log.info({ concurrency: config.worker.concurrency }, 'notifications worker started');
  }

  /** Lets the jobs in progress finish, then stops taking jobs and closes its connections. */
  async stop(): Promise<void> {
    const runner = this.runner;
    const pool = this.pool;
    this.runner = undefined;
    this.pool = undefined;
    if (runner) await runner.stop().catch((err) => this.log.warn({ err }, 'error while stopping the notifications worker'));
    if (pool) await pool.end().catch(() => undefined);
  }
}
