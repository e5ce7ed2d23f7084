import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseCronItem } from 'graphile-worker';
import { z } from 'zod';

/** The project's root: where package.json, migrations/ and .data/ live (src/config → ../..; dist/src/config → ../../..). */
export const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const secret = z.string().min(32, 'must be at least 32 characters');

/** Comma-separated keys that still verify tokens but no longer sign them (key rotation). */
const secretList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(32, 'each key must be at least 32 characters')))
  .default([]);

/** `https://app.example.com` or `http://localhost:3000`: what a browser sends as Origin. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** A crontab time as graphile-worker reads it (UTC). */
function isCrontab(value: string): boolean {
  try {
    parseCronItem({ task: 'check', match: value });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino level (fatal … trace) or silent' }).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  EMBEDDED_PG_DIR: z.string().default(path.join(projectRoot, '.data', 'postgres')),
  EMBEDDED_PG_PORT: port.default(54329),
  DB_POOL_MAX: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(10),
  BODY_LIMIT_BYTES: z.coerce.number({ message: 'must be a number' }).int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  JWT_STAFF_SECRET: secret.optional(),
  JWT_PORTAL_SECRET: secret.optional(),
  JWT_STAFF_PREVIOUS_SECRETS: secretList,
  JWT_PORTAL_PREVIOUS_SECRETS: secretList,
  SEED_DEMO: bool.optional(),
  GRAPHQL_PLAYGROUND: bool.optional(),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_MAX_DEPTH: int(1, 100).default(8),
  GRAPHQL_MAX_ALIASES: int(0, 1000).default(15),
  GRAPHQL_MAX_DIRECTIVES: int(0, 1000).default(50),
  GRAPHQL_MAX_TOKENS: int(50, 100_000).default(1000),
  GRAPHQL_MAX_COST: int(1, 100_000_000).default(5000),
  GRAPHQL_ASSUMED_LIST_SIZE: int(1, 10_000).default(20),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL' }).optional(),
  TRUST_PROXY: bool.optional(),
  HSTS: z.enum(['auto', 'always', 'off'], { message: 'must be auto, always or off' }).default('auto'),
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isOrigin, { message: 'must be a comma-separated list of origins like https://app.example.com (scheme, host and port only; no *)' })))
    .default([]),
  JWT_ISSUER: z.string().min(1).default('incident-desk'),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 24 * 3600).default(15 * 60),
  REFRESH_TOKEN_TTL_DAYS: int(1, 365).default(7),
  ARGON2_MEMORY_KIB: int(1024, 1024 * 1024).default(19 * 1024),
  ARGON2_TIME_COST: int(1, 20).default(2),
  ARGON2_PARALLELISM: int(1, 16).default(1),
  ARGON2_MAX_CONCURRENT: int(1, 64).default(4),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Incident Desk <no-reply@localhost>'),
  OTP_TTL_MINUTES: int(1, 60).default(10),
  OTP_RESEND_PER_MINUTE: int(1, 100).default(3),
  LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: int(1, 100000).default(100),
  LOGIN_FAILURES_PER_IP_PER_HOUR: int(1, 1000000).default(500),
  REGISTRATIONS_PER_IP_PER_HOUR: int(1, 1000000).default(20),
  MAIL_REQUESTS_PER_IP_PER_HOUR: int(1, 1000000).default(60),
  MUTATIONS_PER_VIEWER_PER_MINUTE: int(1, 1000000).default(120),
  SLA_CHECK_INTERVAL_MS: int(0, 3_600_000).default(60_000),
  WORKER_ENABLED: bool.optional(),
  WORKER_CONCURRENCY: int(1, 100).default(4),
  WORKER_POLL_INTERVAL_MS: int(50, 60_000).default(2000),
  WORKER_HEARTBEAT_MS: int(50, 600_000).default(10_000),
  DELIVERY_MAX_ATTEMPTS: int(1, 50).default(8),
  DELIVERY_RETRY_BASE_MS: int(10, 3_600_000).default(30_000),
  DELIVERY_RETRY_MAX_MS: int(10, 7 * 24 * 3_600_000).default(6 * 3_600_000),
  RETENTION_SCHEDULE: z
    .string()
    .refine((v) => v === 'off' || isCrontab(v), { message: 'must be a crontab time (five fields, e.g. `17 * * * *`) or off' })
    .default('17 * * * *'),
  RETENTION_DAYS: int(1, 3650).default(30),
  RETENTION_DEAD_LETTER_DAYS: int(1, 3650).default(90),
  RETENTION_AUTH_GRACE_HOURS: int(1, 24 * 365).default(24),
  RETENTION_BATCH_SIZE: int(100, 100_000).default(5000),
  WEBHOOK_TIMEOUT_MS: int(100, 60_000).default(5000),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.optional(),
  WEBHOOK_SECRETS_KEY: secret.optional(),
  WEBHOOK_SECRETS_PREVIOUS_KEYS: secretList,
  GOOGLE_ISSUER: z.url({ message: 'must be an absolute URL' }).default('https://accounts.google.com'),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_REDIRECT_URI: z.url({ message: 'must be an absolute URL' }).optional(),
  GOOGLE_ALLOW_INSECURE_ISSUER: bool.optional(),
  EZRA_PROVIDER_URL: z.url({ message: 'must be an absolute URL' }).optional(),
  EZRA_API_KEY: z.string().min(1).optional(),
  EZRA_MODEL: z.string().min(1).optional(),
  EZRA_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  EZRA_AUTO_ANALYZE: bool.optional(),
  EZRA_MAX_CONCURRENT: int(1, 32).default(2),
  EZRA_RUNS_PER_TENANT_PER_HOUR: int(1, 1_000_000).default(60),
});

export type Env = z.infer<typeof schema>;

/** Every environment variable the server reads (the README's configuration table documents each). */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof Env)[];

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  isDevelopment: boolean;
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  /** Unset: an embedded PostgreSQL is started under `embedded.dataDir`. */
  databaseUrl?: string;
  embedded: { dataDir: string; port: number };
  dbPoolMax: number;
  bodyLimitBytes: number;
  /** Token keys: the signing key of each audience and the keys that only verify (during a rotation). */
  secrets: { staffJwt: string; portalJwt: string; staffJwtPrevious: string[]; portalJwtPrevious: string[] };
  /** Secrets the process generated itself (development and test only). */
  generatedSecrets: string[];
  seedDemo: boolean;
  playground: boolean;
  /** Limits on one GraphQL operation (graphql/limits.ts) and whether introspection is answered. */
  graphql: {
    introspection: boolean;
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    assumedListSize: number;
  };
  shutdownTimeoutMs: number;
  /** Where users reach this server: links in e-mails and the OAuth callback are built from it. */
  publicUrl: string;
  trustProxy: boolean;
  security: {
    /** Strict-Transport-Security: `auto` on requests that came over TLS (X-Forwarded-Proto with TRUST_PROXY). */
    hsts: 'auto' | 'always' | 'off';
    /** Origins allowed to call the API from a browser (CORS); empty: none. */
    corsOrigins: string[];
  };
  tokens: { issuer: string; accessTtlSeconds: number; refreshTtlDays: number };
  argon2: { memoryKib: number; timeCost: number; parallelism: number; maxConcurrent: number };
  /** Unset: e-mails are written to the log (development and test only). */
  smtpUrl?: string;
  mailFrom: string;
  otp: { ttlMinutes: number; resendPerMinute: number };
  loginLimits: { failuresPerAccountPerHour: number; failuresPerIpPerHour: number };
  registrationsPerIpPerHour: number;
  /** Verification codes and reset e-mails one client IP may ask for per hour (every address together). */
  mailRequestsPerIpPerHour: number;
  /** Mutation fields one signed-in viewer (staff user or portal customer, per tenant) may execute per minute. */
  mutationsPerViewerPerMinute: number;
  /** How often this process marks SLA breaches; 0 turns the check off here. */
  slaCheckIntervalMs: number;
  /** The notifications worker (graphile-worker): in this process unless `inProcess` is false. */
  /** heartbeatMs: how often a worker says it is alive; the jobs of one silent for six beats are freed. */
  worker: { inProcess: boolean; concurrency: number; pollIntervalMs: number; heartbeatMs: number };
  /** E-mail and webhook deliveries: tries before the dead-letter state, and the exponential backoff between them. */
  delivery: { maxAttempts: number; retryBaseMs: number; retryMaxMs: number };
  /**
   * Housekeeping (a cron job of the notifications worker): when it runs (`schedule`, a crontab time in UTC,
   * or undefined: never), and how long finished rows are kept. Audit entries are never purged.
   */
  retention: {
    schedule?: string;
    /** Processed outbox events and SENT deliveries. */
    days: number;
    /** FAILED deliveries (dead letters), which ADMINs inspect and retry. */
    deadLetterDays: number;
    /** Sessions, codes, action tokens and rate-limit rows: this long after they expired or were used. */
    authGraceHours: number;
    /** Rows per DELETE statement. */
    batchSize: number;
  };
  webhooks: {
    timeoutMs: number;
    /** Lets endpoints resolve to loopback, private, link-local or metadata addresses (tests, on-premises). */
    allowPrivateTargets: boolean;
    /**
     * Keys encrypting endpoint secrets at rest (modules/notifications/webhook-secrets.ts): `current` seals,
     * `previous` only open. In development, unset, `current` is null and the key lives in `developmentKeyFile`.
     */
    secretKeys: { current: string | null; previous: string[]; developmentKeyFile: string | null };
  };
  google: {
    issuer: string;
    clientId?: string;
    clientSecret?: string;
    /** Where Google sends the browser back: `${publicUrl}/api/v1/auth/oauth/callback` unless set. */
    redirectUri: string;
    /** Lets the issuer be plain http (a local test provider only); refused in production. */
    allowInsecureIssuer: boolean;
  };
  ezra: {
    /** An OpenAI-compatible chat-completions API; unset, Ezra makes no outbound call at all. */
    provider?: { baseUrl: string; apiKey?: string; model: string; timeoutMs: number };
    /** Queue Ezra's run of every portal-created incident when its outbox event is dispatched (read by the worker). */
    autoAnalyze: boolean;
    /** Ezra's jobs (automatic runs, staff runs' provider calls) one worker runs at once; the rest wait in the queue. */
    maxConcurrent: number;
    /** Staff-requested runs one workspace may start per hour (every staff member together). */
    runsPerTenantPerHour: number;
  };
}

/** Thrown with every problem found, so the user fixes them in one go. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the settings once; throws ConfigError naming each bad or missing setting. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset: `FOO= npm start` should not be a validation error.
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // Report missing production secrets in the same message rather than after the next attempt.
    if (input.NODE_ENV === 'production') {
      for (const name of ['JWT_STAFF_SECRET', 'JWT_PORTAL_SECRET', 'WEBHOOK_SECRETS_KEY']) {
        if (!input[name]) problems.push(`${name}: must be set in production (at least 32 random characters)`);
      }
    }
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';

  const problems: string[] = [];
  const generatedSecrets: string[] = [];
  const secretOf = (name: 'JWT_STAFF_SECRET' | 'JWT_PORTAL_SECRET'): string => {
    const value = env[name];
    if (value) return value;
    if (isProduction) {
      problems.push(`${name}: must be set in production (at least 32 random characters)`);
      return '';
    }
    generatedSecrets.push(name);
    return randomBytes(32).toString('base64url');
  };
  const publicUrl = (env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`).replace(/\/+$/, '');
  const secrets = {
    staffJwt: secretOf('JWT_STAFF_SECRET'),
    portalJwt: secretOf('JWT_PORTAL_SECRET'),
    staffJwtPrevious: env.JWT_STAFF_PREVIOUS_SECRETS,
    portalJwtPrevious: env.JWT_PORTAL_PREVIOUS_SECRETS,
  };
  // Stored webhook secrets depend on this key, so outside production it must outlive a restart: in
  // development a file beside the embedded database keeps it (webhook-secrets.ts); tests get one per run.
  let webhookKey: string | null = env.WEBHOOK_SECRETS_KEY ?? null;
  if (!webhookKey && isProduction) problems.push('WEBHOOK_SECRETS_KEY: must be set in production (at least 32 random characters; it encrypts webhook secrets at rest)');
  if (!webhookKey && env.NODE_ENV === 'test') webhookKey = randomBytes(32).toString('base64url');
  const webhookKeys = [webhookKey, ...env.WEBHOOK_SECRETS_PREVIOUS_KEYS].filter(Boolean);
  if ([secrets.staffJwt, secrets.portalJwt, ...secrets.staffJwtPrevious, ...secrets.portalJwtPrevious].some((k) => k && webhookKeys.includes(k))) {
    problems.push('WEBHOOK_SECRETS_KEY: must differ from every token key (one key, one purpose)');
  }
  if (isProduction && !env.SMTP_URL) problems.push('SMTP_URL: must be set in production (verification codes and resets are e-mailed)');
  if (Boolean(env.GOOGLE_CLIENT_ID) !== Boolean(env.GOOGLE_CLIENT_SECRET)) {
    problems.push(`${env.GOOGLE_CLIENT_ID ? 'GOOGLE_CLIENT_SECRET' : 'GOOGLE_CLIENT_ID'}: must be set together with the other Google setting`);
  }
  if (isProduction && env.GOOGLE_ALLOW_INSECURE_ISSUER) {
    problems.push('GOOGLE_ALLOW_INSECURE_ISSUER: must not be true in production (it lets the OpenID provider be reached over plain http)');
  }
  if (env.EZRA_PROVIDER_URL) {
    if (!env.EZRA_MODEL) problems.push('EZRA_MODEL: must be set together with EZRA_PROVIDER_URL (the model name the provider expects)');
    const url = new URL(env.EZRA_PROVIDER_URL);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      problems.push('EZRA_PROVIDER_URL: must be https (plain http only for a provider on localhost, 127.0.0.1 or [::1])');
    }
  } else {
    for (const name of ['EZRA_MODEL', 'EZRA_API_KEY'] as const) {
      if (env[name]) problems.push(`${name}: has no effect without EZRA_PROVIDER_URL; set both or neither`);
    }
  }
  if (env.RETENTION_DEAD_LETTER_DAYS < env.RETENTION_DAYS) {
    problems.push('RETENTION_DEAD_LETTER_DAYS: must be at least RETENTION_DAYS (failed deliveries are the ones ADMINs still need to inspect and retry)');
  }
  if (secrets.staffJwt && secrets.staffJwt === secrets.portalJwt) {
    problems.push('JWT_PORTAL_SECRET: must differ from JWT_STAFF_SECRET (staff and portal tokens are signed with separate keys)');
  } else {
    // A key of one audience must never verify tokens of the other, not even during a rotation.
    const staffKeys = new Set([secrets.staffJwt, ...secrets.staffJwtPrevious]);
    if ([secrets.portalJwt, ...secrets.portalJwtPrevious].some((k) => k && staffKeys.has(k))) {
      problems.push('JWT_PORTAL_PREVIOUS_SECRETS: staff and portal keys must all differ (a key shared by both audiences would let one kind of token pass as the other)');
    }
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    isProduction,
    isDevelopment: env.NODE_ENV === 'development',
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    embedded: { dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT },
    dbPoolMax: env.DB_POOL_MAX,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    secrets,
    generatedSecrets,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV === 'development',
    playground: env.GRAPHQL_PLAYGROUND ?? !isProduction,
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? !isProduction,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
      assumedListSize: env.GRAPHQL_ASSUMED_LIST_SIZE,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    publicUrl,
    trustProxy: env.TRUST_PROXY ?? false,
    security: { hsts: env.HSTS, corsOrigins: env.CORS_ORIGINS },
    tokens: { issuer: env.JWT_ISSUER, accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS, refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS },
    argon2: {
      memoryKib: env.ARGON2_MEMORY_KIB,
      timeCost: env.ARGON2_TIME_COST,
      parallelism: env.ARGON2_PARALLELISM,
      maxConcurrent: env.ARGON2_MAX_CONCURRENT,
    },
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    otp: { ttlMinutes: env.OTP_TTL_MINUTES, resendPerMinute: env.OTP_RESEND_PER_MINUTE },
    loginLimits: {
      failuresPerAccountPerHour: env.LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR,
      failuresPerIpPerHour: env.LOGIN_FAILURES_PER_IP_PER_HOUR,
    },
    registrationsPerIpPerHour: env.REGISTRATIONS_PER_IP_PER_HOUR,
    mailRequestsPerIpPerHour: env.MAIL_REQUESTS_PER_IP_PER_HOUR,
    mutationsPerViewerPerMinute: env.MUTATIONS_PER_VIEWER_PER_MINUTE,
    slaCheckIntervalMs: env.SLA_CHECK_INTERVAL_MS,
    worker: { inProcess: env.WORKER_ENABLED ?? true, concurrency: env.WORKER_CONCURRENCY, pollIntervalMs: env.WORKER_POLL_INTERVAL_MS, heartbeatMs: env.WORKER_HEARTBEAT_MS },
    delivery: { maxAttempts: env.DELIVERY_MAX_ATTEMPTS, retryBaseMs: env.DELIVERY_RETRY_BASE_MS, retryMaxMs: Math.max(env.DELIVERY_RETRY_MAX_MS, env.DELIVERY_RETRY_BASE_MS) },
    retention: {
      schedule: env.RETENTION_SCHEDULE === 'off' ? undefined : env.RETENTION_SCHEDULE,
      days: env.RETENTION_DAYS,
      deadLetterDays: env.RETENTION_DEAD_LETTER_DAYS,
      authGraceHours: env.RETENTION_AUTH_GRACE_HOURS,
      batchSize: env.RETENTION_BATCH_SIZE,
    },
    webhooks: {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? false,
      secretKeys: {
        current: webhookKey,
        previous: env.WEBHOOK_SECRETS_PREVIOUS_KEYS,
        developmentKeyFile: webhookKey ? null : `${path.resolve(env.EMBEDDED_PG_DIR)}.webhook-key`,
      },
    },
    google: {
      issuer: env.GOOGLE_ISSUER,
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
      redirectUri: env.GOOGLE_REDIRECT_URI ?? `${publicUrl}/api/v1/auth/oauth/callback`,
      allowInsecureIssuer: env.GOOGLE_ALLOW_INSECURE_ISSUER ?? false,
    },
    ezra: {
      provider: env.EZRA_PROVIDER_URL
        ? { baseUrl: env.EZRA_PROVIDER_URL.replace(/\/+$/, ''), apiKey: env.EZRA_API_KEY, model: env.EZRA_MODEL!, timeoutMs: env.EZRA_TIMEOUT_MS }
        : undefined,
      autoAnalyze: env.EZRA_AUTO_ANALYZE ?? true,
      maxConcurrent: env.EZRA_MAX_CONCURRENT,
      runsPerTenantPerHour: env.EZRA_RUNS_PER_TENANT_PER_HOUR,
    },
  };
}
