import './size-thread-pool';
import 'reflect-metadata';
import { configOrExit, fail, runMain, stopOnSignals } from './shared/process-lifecycle';
import { openDatabase, type Database } from './db/database';
import { NotificationWorker } from './modules/notifications/notification-worker';
import { sealStoredWebhookSecrets, webhookSecretBox } from './modules/notifications/webhook-secrets';
import { createLogger } from './shared/logger';
import { createMailer, devMailboxFor } from './shared/mailer';
import { StartupError } from './shared/startup-error';

/**
 * `npm run worker`: the notifications worker (deliveries, and Ezra's jobs: automatic runs of new portal tickets
 * and staff runs' provider calls) as a process of its own, for scaling out (run the servers with
 * WORKER_ENABLED=false, or not: any number of workers share the queue). Same settings as the server (its
 * EZRA_* settings decide the automatic runs and which provider answers). Without DATABASE_URL it joins the
 * embedded PostgreSQL a server of this checkout is running (never starting one: the database belongs to
 * the server process that started it). Applies pending migrations like the server. SIGINT/SIGTERM let the jobs in progress finish.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel, undefined, config.logFormat);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log, devMailbox: devMailboxFor(config) });
  let db: Database | undefined;
  let worker: NotificationWorker | undefined;
  // Before anything starts: a SIGTERM right after "notifications worker started" must find its handler.
  stopOnSignals(log, config.shutdownTimeoutMs, 'finishing the jobs in progress', async () => {
    await worker?.stop();
    await db?.close();
    mailer.close();
  });
  try {
    db = await openDatabase(config, (m) => log.info(m), { embedded: 'join' });
    const secrets = webhookSecretBox(config, log);
    await sealStoredWebhookSecrets(db.orm.em.fork(), secrets, log);
    worker = new NotificationWorker({ config, orm: db.orm, log, mailer, secrets });
    await worker.start();
  } catch (e) {
    await worker?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    mailer.close();
    if (e instanceof StartupError) fail(e.message);
    throw e;
  }

}

runMain(main);
