import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config/config';
import { openDatabase, type Database } from './db/database';
import { NotificationWorker } from './modules/notifications/notification-worker';
import { createLogger } from './shared/logger';
import { createMailer } from './shared/mailer';
import { StartupError } from './shared/startup-error';

/**
 * `npm run worker`: the notifications worker as a process of its own, for scaling delivery out (run the
 * servers with WORKER_ENABLED=false, or not: any number of workers share the queue). Same settings as the
 * server; it needs DATABASE_URL, since the embedded PostgreSQL belongs to the server process that
 * started it. Applies pending migrations like the server. SIGINT/SIGTERM let the jobs in progress finish.
 */
function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  if (!config.databaseUrl) {
    fail('DATABASE_URL: must be set for `npm run worker` (the embedded PostgreSQL belongs to the server process; without DATABASE_URL the server runs the worker itself)');
  }
  const log = createLogger(config.logLevel);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  let db: Database | undefined;
  let worker: NotificationWorker | undefined;
  try {
    db = await openDatabase(config, (m) => log.info(m));
    worker = new NotificationWorker({ config, orm: db.orm, log, mailer });
    await worker.start();
  } catch (e) {
    await worker?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    mailer.close();
    if (e instanceof StartupError) fail(e.message);
    throw e;
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: finishing the jobs in progress, then stopping`);
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await worker?.stop();
      await db?.close();
      mailer.close();
      log.info('stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  process.stderr.write(`error: could not start: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
