import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SETTINGS, settingsSchema as schema, type SettingName } from './settings';
import { defaultHashSlots } from '../shared/threadpool';
import { readTrustedDocuments } from './trusted-documents';

export { projectRoot, type Env } from './settings';

/**
 * The paths of the pages this server serves for links in e-mails (src/pages/): the links' default targets,
 * under PUBLIC_URL. Reset and invitation keep the paths of the links sent before the pages existed.
 */
export const LINK_PAGE_PATHS = {
  staff: { resetPassword: '/reset-password', invitation: '/accept-invitation', verifyEmail: '/verify-email' },
  portal: {
    resetPassword: '/portal/reset-password',
    invitation: '/portal/accept-invitation',
    verifyEmail: '/portal/verify-email',
    signIn: '/portal/sign-in',
    rating: '/portal/rate-ticket',
  },
} as const;

/** Every environment variable the server reads (settings.ts declares each; docs/configuration.md's table is made from it). */
export const CONFIG_VARIABLES = Object.keys(SETTINGS) as SettingName[];

/**
 * The validated settings as the rest of the code reads them (config.graphql.maxDepth, ...): the type of what
 * `loadConfig` returns, so the shape is written once, there, with each part's documentation.
 */
export type Config = ReturnType<typeof loadConfig>;

/** Thrown with every problem found, so the user fixes them in one go. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the settings once; throws ConfigError naming each bad or missing setting. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env) {
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
  const pageOf = <A extends keyof typeof LINK_PAGE_PATHS>(audience: A, link: keyof (typeof LINK_PAGE_PATHS)[A]) =>
    `${publicUrl}${(LINK_PAGE_PATHS[audience] as Record<typeof link, string>)[link]}`;
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
  // Cheaper hashing is for test runs (tests/setup/app.ts); production never hashes below OWASP's weakest
  // recommended trade of memory for passes (7 MiB × 5; the defaults are 19 MiB × 2).
  if (isProduction && (env.ARGON2_MEMORY_KIB < 7 * 1024 || env.ARGON2_MEMORY_KIB * env.ARGON2_TIME_COST < 7 * 1024 * 5)) {
    problems.push('ARGON2_MEMORY_KIB: with ARGON2_TIME_COST, below the OWASP minimum for production (at least 7168 KiB, and memory × passes at least 35840, as 19456 × 2 or 47104 × 1)');
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
  const trusted = env.GRAPHQL_TRUSTED_DOCUMENTS ? readTrustedDocuments(path.resolve(env.GRAPHQL_TRUSTED_DOCUMENTS)) : undefined;
  if (trusted && 'problem' in trusted) problems.push(`GRAPHQL_TRUSTED_DOCUMENTS: ${trusted.problem}`);
  if (problems.length) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    isProduction,
    isDevelopment: env.NODE_ENV === 'development',
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
    /** Unset: an embedded PostgreSQL is started under `embedded.dataDir`. */
    databaseUrl: env.DATABASE_URL,
    databaseDirectUrl: env.DATABASE_DIRECT_URL,
    /**
     * A streaming replica for the reads that need not see the caller's own writes (db/read-routing.ts), and
     * how long a session that wrote keeps reading the primary.
     */
    readReplica: { url: env.DATABASE_READ_URL, stickyMs: env.DATABASE_READ_STICKY_SECONDS * 1000 },
    embedded: { dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT, portIsDefault: !source.EMBEDDED_PG_PORT },
    dbPoolMax: env.DB_POOL_MAX,
    /** Whether a query's reads are named prepared statements (db/request-connection.ts). */
    dbPreparedStatements: env.DB_PREPARED_STATEMENTS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    /** Token keys: the signing key of each audience and the keys that only verify (during a rotation). */
    secrets,
    /** Secrets the process generated itself (development and test only). */
    generatedSecrets,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV === 'development',
    playground: env.GRAPHQL_PLAYGROUND ?? !isProduction,
    /** Limits on one GraphQL operation (graphql/limits.ts) and whether introspection is answered. */
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? !isProduction,
      jit: env.GRAPHQL_JIT,
      jitThreshold: env.GRAPHQL_JIT_THRESHOLD,
      /** Set: /graphql runs only these operations, by the sha256 of their text (graphql/documents.ts). */
      trustedDocuments: trusted && 'documents' in trusted ? trusted.documents : undefined,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
      assumedListSize: env.GRAPHQL_ASSUMED_LIST_SIZE,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    /** Where users reach this server: links in e-mails and the OAuth callback are built from it. */
    publicUrl,
    /** Phone numbers without a country code are read as this country's. */
    phoneDefaultCountry: env.PHONE_DEFAULT_COUNTRY,
    /** Where links in e-mails point (the token or address is added by shared/email-links.ts): a frontend's pages, or ours. */
    links: {
      staff: {
        resetPassword: env.STAFF_RESET_PASSWORD_URL ?? pageOf('staff', 'resetPassword'),
        invitation: env.STAFF_INVITATION_URL ?? pageOf('staff', 'invitation'),
        verifyEmail: env.STAFF_VERIFY_EMAIL_URL ?? pageOf('staff', 'verifyEmail'),
      },
      portal: {
        resetPassword: env.PORTAL_RESET_PASSWORD_URL ?? pageOf('portal', 'resetPassword'),
        invitation: env.PORTAL_INVITATION_URL ?? pageOf('portal', 'invitation'),
        verifyEmail: env.PORTAL_VERIFY_EMAIL_URL ?? pageOf('portal', 'verifyEmail'),
        signIn: env.PORTAL_SIGN_IN_URL ?? pageOf('portal', 'signIn'),
        rating: env.PORTAL_RATING_URL ?? pageOf('portal', 'rating'),
      },
    },
    trustProxy: env.TRUST_PROXY,
    /** GET /metrics: served unless in production without a token; the token, when set, is required. */
    metrics: { served: !isProduction || Boolean(env.METRICS_TOKEN), token: env.METRICS_TOKEN },
    security: {
      /** Strict-Transport-Security: `auto` on requests that came over TLS (X-Forwarded-Proto with TRUST_PROXY). */
      hsts: env.HSTS,
      /** Origins allowed to call the API from a browser (CORS); empty: none. */
      corsOrigins: env.CORS_ORIGINS,
    },
    tokens: {
      issuer: env.JWT_ISSUER,
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      /** The doors whose refresh rotates the refresh token (auth/sessions.ts). */
      refreshRotation: env.REFRESH_TOKEN_ROTATION,
    },
    argon2: {
      memoryKib: env.ARGON2_MEMORY_KIB,
      timeCost: env.ARGON2_TIME_COST,
      parallelism: env.ARGON2_PARALLELISM,
      maxConcurrent: env.ARGON2_MAX_CONCURRENT ?? defaultHashSlots(),
    },
    /** Unset: e-mails are written to the log (development and test only). */
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    otp: { ttlMinutes: env.OTP_TTL_MINUTES, resendPerMinute: env.OTP_RESEND_PER_MINUTE },
    loginLimits: {
      failuresPerAccountPerHour: env.LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR,
      failuresPerIpPerHour: env.LOGIN_FAILURES_PER_IP_PER_HOUR,
    },
    registrationsPerIpPerHour: env.REGISTRATIONS_PER_IP_PER_HOUR,
    /** Verification codes and reset e-mails one client IP may ask for per hour (every address together). */
    mailRequestsPerIpPerHour: env.MAIL_REQUESTS_PER_IP_PER_HOUR,
    /** Mutation fields one signed-in viewer (staff user or portal customer, per tenant) may execute per minute. */
    mutationsPerViewerPerMinute: env.MUTATIONS_PER_VIEWER_PER_MINUTE,
    /** How often this process marks SLA breaches; 0 turns the check off here. */
    slaCheckIntervalMs: env.SLA_CHECK_INTERVAL_MS,
    /** Satisfaction ratings: how long after its resolution a ticket may be rated; whether its participants may rate it too. */
    csat: { windowDays: env.CSAT_WINDOW_DAYS, participantsMayRate: env.CSAT_PARTICIPANTS_MAY_RATE },
    /** Attachments (modules/attachment): limits per file, per ticket and per upload or update; the uploader's delete window. */
    attachments: {
      maxBytes: env.ATTACHMENT_MAX_BYTES,
      maxTicketBytes: env.ATTACHMENT_MAX_TICKET_BYTES,
      maxFiles: env.ATTACHMENT_MAX_FILES,
      deleteWindowMinutes: env.ATTACHMENT_DELETE_WINDOW_MINUTES,
    },
    /**
     * The notifications worker (graphile-worker): in this process unless `inProcess` is false. heartbeatMs: how
     * often a worker says it is alive; the jobs of one silent for six beats are freed.
     */
    worker: { inProcess: env.WORKER_ENABLED, concurrency: env.WORKER_CONCURRENCY, pollIntervalMs: env.WORKER_POLL_INTERVAL_MS, heartbeatMs: env.WORKER_HEARTBEAT_MS },
    /** E-mail and webhook deliveries: tries before the dead-letter state, and the exponential backoff between them. */
    delivery: { maxAttempts: env.DELIVERY_MAX_ATTEMPTS, retryBaseMs: env.DELIVERY_RETRY_BASE_MS, retryMaxMs: Math.max(env.DELIVERY_RETRY_MAX_MS, env.DELIVERY_RETRY_BASE_MS) },
    /**
     * Housekeeping (a cron job of the notifications worker): when it runs (`schedule`, a crontab time in UTC,
     * or undefined: never), and how long finished rows are kept. Audit entries are never purged.
     */
    retention: {
      schedule: env.RETENTION_SCHEDULE === 'off' ? undefined : env.RETENTION_SCHEDULE,
      /** Processed outbox events and SENT deliveries. */
      days: env.RETENTION_DAYS,
      /** FAILED deliveries (dead letters), which ADMINs inspect and retry. */
      deadLetterDays: env.RETENTION_DEAD_LETTER_DAYS,
      /** Sessions, codes, action tokens and rate-limit rows: this long after they expired or were used. */
      authGraceHours: env.RETENTION_AUTH_GRACE_HOURS,
      /** Rows per DELETE statement. */
      batchSize: env.RETENTION_BATCH_SIZE,
    },
    webhooks: {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      /** Lets endpoints resolve to loopback, private, link-local or metadata addresses (tests, on-premises). */
      allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      /**
       * Keys encrypting endpoint secrets at rest (modules/notifications/webhook-secrets.ts): `current` seals,
       * `previous` only open. In development, unset, `current` is null and the key lives in `developmentKeyFile`.
       */
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
      /** Where Google sends the browser back: `${publicUrl}/api/v1/auth/oauth/callback` unless set. */
      redirectUri: env.GOOGLE_REDIRECT_URI ?? `${publicUrl}/api/v1/auth/oauth/callback`,
      /** Lets the issuer be plain http (a local test provider only); refused in production. */
      allowInsecureIssuer: env.GOOGLE_ALLOW_INSECURE_ISSUER,
    },
    ezra: {
      /** An OpenAI-compatible chat-completions API; unset, Ezra makes no outbound call at all. */
      provider: env.EZRA_PROVIDER_URL
        ? { baseUrl: env.EZRA_PROVIDER_URL.replace(/\/+$/, ''), apiKey: env.EZRA_API_KEY, model: env.EZRA_MODEL!, timeoutMs: env.EZRA_TIMEOUT_MS }
        : undefined,
      /** Queue Ezra's run of every portal-created incident when its outbox event is dispatched (read by the worker). */
      autoAnalyze: env.EZRA_AUTO_ANALYZE,
      /** Ezra's jobs (automatic runs, staff runs' provider calls) one worker runs at once; the rest wait in the queue. */
      maxConcurrent: env.EZRA_MAX_CONCURRENT,
      /** Staff-requested runs one workspace may start per hour (every staff member together). */
      runsPerTenantPerHour: env.EZRA_RUNS_PER_TENANT_PER_HOUR,
    },
  };
}
