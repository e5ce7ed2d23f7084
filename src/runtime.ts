import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from './config/config';
import { AuditService } from './modules/audit/audit.service';
import { createMailer, devMailboxFor, type DevMailbox, type Mailer } from './shared/mailer';
import { Semaphore } from './shared/semaphore';
import { requestTransactionSlots } from './db/tenant-transaction';
import { scheduleSlaCheck } from './modules/incident/sla-check';
import { NotificationWorker } from './modules/notifications/notification-worker';
import { LiveEvents } from './modules/live/live-events';
import { sealStoredWebhookSecrets, webhookSecretBox, type WebhookSecretBox } from './modules/notifications/webhook-secrets';
import { CodeStore } from './auth/codes';
import { OAuthProviders } from './auth/oauth';
import { PasswordHasher } from './auth/passwords';
import { RateLimits } from './auth/rate-limits';
import { RevocationCache } from './auth/revocation';
import { CodeHasher } from './auth/secrets';
import { SessionStore } from './auth/sessions';
import { TokenService } from './auth/tokens';
import { sessionUrl } from './db/session-url';
import { ReadRouting } from './db/read-routing';

/**
 * The process-wide parts of identity, built once at start and shared by every request: keys, the password
 * hasher and its queue, the revocation cache, rate limiters, the mailer.
 */
export interface Runtime {
  config: Config;
  log: Logger;
  tokens: TokenService;
  passwords: PasswordHasher;
  revocations: RevocationCache;
  sessions: SessionStore;
  codes: CodeStore;
  rateLimits: RateLimits;
  mailer: Mailer;
  /** Development without SMTP_URL: the mails this process would have sent (GET /dev/mail). */
  devMailbox?: DevMailbox;
  audit: AuditService;
  /** The OpenID providers for "sign in with ..." (Google), discovered on first use. */
  oauth: OAuthProviders;
  /** Work started by a request that finishes after the answer (e-mails): awaited on shutdown and in tests. */
  background: Pick<BackgroundTasks, 'run' | 'drain'>;
  /** Bounds the tenant requests holding a database connection for their transaction (db/tenant-transaction.ts). */
  requestTransactions: Semaphore;
  /** Which queries read the replica (DATABASE_READ_URL) and which sessions read the primary after a write. */
  reads: ReadRouting;
  /** Encrypts webhook secrets for their rows and decrypts them to sign (WEBHOOK_SECRETS_KEY). */
  webhookSecrets: WebhookSecretBox;
  /** The notifications worker when it runs in this process (WORKER_ENABLED, the default). */
  worker?: NotificationWorker;
  /** Every outbox event as it commits, heard over LISTEN: for GraphQL subscriptions. */
  live: LiveEvents;
  stop(): Promise<void>;
}

/** Tracks fire-and-forget work so nothing is cut off at shutdown and tests can wait for it. */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<unknown>>();
  constructor(private readonly log: Logger) {}

  /**
   * Starts the job once `after` settles: for a request, once its answer has been sent (the request runtime
   * passes that), so work done only for some callers (mail for an address that has an account) never
   * lengthens their answer, which would tell an observer that the address exists. Without it, on a later
   * turn of the event loop. Counted as pending from now, so `drain` waits for jobs not started yet.
   */
  run(name: string, job: () => Promise<unknown>, after?: Promise<void>, requestId?: string): void {
    const p = (after ?? new Promise<void>((resolve) => setImmediate(resolve)))
      .then(job)
      // With the request that left the work, so a failure can be traced to what its caller was answered.
      .catch((err) => this.log.error({ err, task: name, requestId }, 'background task failed'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}

export async function createRuntime(config: Config, orm: MikroORM, log: Logger): Promise<Runtime> {
  const databaseUrl = sessionUrl(config, orm);
  const webhookSecrets = webhookSecretBox(config, log);
  // Before anything serves or sends: secrets written before encryption at rest get encrypted now.
  await sealStoredWebhookSecrets(orm.em.fork(), webhookSecrets, log);
  const tokens = new TokenService(config.secrets, { issuer: config.tokens.issuer, accessTtlSeconds: config.tokens.accessTtlSeconds });
  const revocations = new RevocationCache(databaseUrl, config.tokens.accessTtlSeconds, log);
  await revocations.start(orm.em.fork());
  const devMailbox = devMailboxFor(config);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log, devMailbox });
  const background = new BackgroundTasks(log);
  const stopSlaCheck = config.slaCheckIntervalMs ? scheduleSlaCheck(() => orm.em.fork(), config.slaCheckIntervalMs, log) : () => undefined;
  if (config.webhooks.allowPrivateTargets && !config.isDevelopment && config.env !== 'test') {
    log.warn('WEBHOOK_ALLOW_PRIVATE_TARGETS is on: webhooks may reach loopback, private and cloud metadata addresses');
  }
  const live = new LiveEvents(databaseUrl, log);
  await live.start();
  const worker = config.worker.inProcess ? new NotificationWorker({ config, orm, log, mailer, secrets: webhookSecrets }) : undefined;
  try {
    await worker?.start();
  } catch (e) {
    stopSlaCheck();
    await live.stop();
    await revocations.stop();
    mailer.close();
    throw e;
  }
  return {
    config,
    log,
    tokens,
    webhookSecrets,
    passwords: new PasswordHasher(config.argon2),
    revocations,
    sessions: new SessionStore(revocations, config.tokens.refreshTtlDays),
    codes: new CodeStore(new CodeHasher(config.secrets.staffJwt, config.secrets.staffJwtPrevious), config.otp.ttlMinutes),
    rateLimits: RateLimits.create(orm.em.getConnection().getKnex(), config),
    mailer,
    devMailbox,
    audit: new AuditService(),
    oauth: new OAuthProviders(config, log),
    background,
    requestTransactions: requestTransactionSlots(orm.config.get('pool')?.max ?? 10),
    reads: new ReadRouting((orm.config.get('replicas') ?? []).length > 0, config.readReplica.stickyMs, log),
    worker,
    live,
    stop: async () => {
      stopSlaCheck();
      await background.drain();
      await worker?.stop();
      await live.stop();
      await revocations.stop();
      mailer.close();
    },
  };
}
