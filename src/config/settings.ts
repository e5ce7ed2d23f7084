import path from 'node:path';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js/max';
import { isPhoneCountry } from '../shared/phone';

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

/**
 * A crontab time as graphile-worker reads it (UTC). graphile-worker is required here, not imported: only a
 * schedule that is set is checked (a default is not parsed), and a start then loads the queue while the
 * embedded PostgreSQL boots, not before.
 */
function isCrontab(value: string): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('graphile-worker') as typeof import('graphile-worker')).parseCronItem({ task: 'check', match: value });
    return true;
  } catch {
    return false;
  }
}

const absoluteUrl = z.url({ message: 'must be an absolute URL' });

/** A page a browser opens from an e-mail: http or https only (no `javascript:`, no `data:`). */
const pageUrl = z.url({ protocol: /^https?$/, message: 'must be an absolute http:// or https:// URL' });

/** The doc of one e-mail link setting: which link, and the parameters added to the page's URL. */
const linkDoc = (what: string, params: string) => `${what} link in e-mails: the page it opens, with ${params} added to its query (its own query kept); see "E-mail links"`;

/**
 * One environment variable: how it is checked and what it defaults to (`schema`, with `.default(...)` or
 * `.optional()`), and what it means (`doc`, Markdown for the configuration table of docs/configuration.md).
 */
export interface Setting {
  schema: z.ZodType;
  doc: string;
  /**
   * The default cell (Markdown) of docs/configuration.md's table where the schema's default is not the whole story: a default that
   * loadConfig derives from other settings, or one that depends on where the project lives. Without it the
   * cell shows the schema's default value, or "unset".
   */
  defaultDoc?: string;
}

/**
 * Every setting the server reads, once: the key is the environment variable. The TypeScript type of the
 * parsed values (`Env`) is inferred from the schemas, `loadConfig` (config.ts) arranges them into `Config`,
 * and `npm run docs` writes the configuration table of docs/configuration.md from the docs here, in this order.
 */
export const SETTINGS = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
    doc: '`development`, `test` or `production`',
  },
  HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    doc: 'address to listen on (`0.0.0.0` for all interfaces)',
  },
  PORT: {
    schema: port.default(4000),
    doc: 'HTTP port (`0` picks a free one)',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino level (fatal … trace) or silent' }).default('info'),
    doc: 'pino level: `fatal` … `trace`, or `silent`',
  },
  LOG_FORMAT: {
    schema: z.enum(['json', 'pretty'], { message: 'must be json or pretty' }).optional(),
    defaultDoc: '`pretty` in development, else `json`',
    doc: '`json`: one JSON object a line, for log collectors. `pretty`: readable lines (pino-pretty), e-mails and the demo accounts as blocks',
  },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    doc: '`postgresql://user:pass@host:5432/db`; unset starts the embedded PostgreSQL',
  },
  DATABASE_DIRECT_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    defaultDoc: '`DATABASE_URL`',
    doc: 'the same database reached directly, not through a connection pooler: behind PgBouncer in transaction mode `DATABASE_URL` names the pooler and this the server, for the connections that hold session state (LISTEN for revocations and live events, the job queue\'s workers); see docs/operations.md',
  },
  DATABASE_READ_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    doc: "a streaming replica of the database (hot standby): signed-in callers' GraphQL queries (REST `GET`s too) read it, unless their session wrote within `DATABASE_READ_STICKY_SECONDS`; mutations, subscriptions' events, the worker and the system paths stay on `DATABASE_URL`. Unreachable, queries read the primary; see docs/operations.md",
  },
  DATABASE_READ_STICKY_SECONDS: {
    schema: int(0, 3600).default(10),
    doc: "with `DATABASE_READ_URL`: how long after a session's mutation its queries still read the primary, so it sees its own writes; longer than the replica's usual lag. Kept per process: with several processes, see docs/operations.md",
  },
  EMBEDDED_PG_DIR: {
    schema: z.string().default(path.join(projectRoot, '.data', 'postgres')),
    defaultDoc: '`.data/postgres`',
    doc: 'data directory of the embedded PostgreSQL',
  },
  EMBEDDED_PG_PORT: {
    schema: port.default(54329),
    doc: 'its port (it listens on 127.0.0.1 only). Unset and 54329 taken by another program: a free port, remembered in `EMBEDDED_PG_DIR` + `.port` for the next start and for `npm run worker`. Set and taken: the start stops with an error naming it',
  },
  DB_POOL_MAX: {
    schema: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(10),
    doc: "database connections per process; a tenant's request holds one for its whole transaction, and at most `DB_POOL_MAX` − 2 such requests run at once (the rest queue), so paths that briefly need a second connection always get one",
  },
  DB_PREPARED_STATEMENTS: {
    schema: bool.default(true),
    doc: "a query's reads run as named prepared statements, parsed and planned once per connection; set `false` behind a PgBouncer older than 1.21 (or without `max_prepared_statements`) in transaction mode: each read is then parsed and planned every time, still in one round trip",
  },
  BODY_LIMIT_BYTES: {
    schema: z.coerce.number({ message: 'must be a number' }).int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
    doc: 'largest request body; larger gets 413 `PAYLOAD_TOO_LARGE`. Uploads are bounded by the `ATTACHMENT_*` settings instead (of a GraphQL multipart request, `operations` and `map` by this)',
  },
  JWT_STAFF_SECRET: {
    schema: secret.optional(),
    defaultDoc: 'generated in development',
    doc: 'key for staff tokens, at least 32 characters; required in production',
  },
  JWT_PORTAL_SECRET: {
    schema: secret.optional(),
    defaultDoc: 'generated in development',
    doc: 'key for customer-portal tokens; must differ from the staff key; required in production',
  },
  JWT_STAFF_PREVIOUS_SECRETS: {
    schema: secretList,
    doc: 'comma-separated staff keys that still verify tokens (and e-mail codes) but no longer sign: key rotation, below',
  },
  JWT_PORTAL_PREVIOUS_SECRETS: {
    schema: secretList,
    doc: 'comma-separated portal keys that still verify tokens (and e-mail codes) but no longer sign: key rotation, below',
  },
  SEED_DEMO: {
    schema: bool.optional(),
    defaultDoc: '`true` in development',
    doc: 'create the demo tenants on start (printed in the log)',
  },
  GRAPHQL_PLAYGROUND: {
    schema: bool.optional(),
    defaultDoc: '`true` outside production',
    doc: 'serve the playground at `GET /graphql`',
  },
  GRAPHQL_INTROSPECTION: {
    schema: bool.optional(),
    defaultDoc: '`true` outside production',
    doc: 'answer introspection (`__schema`, `__type`); off, such queries get 400',
  },
  GRAPHQL_TRUSTED_DOCUMENTS: {
    schema: z.string().min(1).optional(),
    doc: "a trusted-documents manifest (a JSON file `{ \"<sha256>\": \"<document>\" }`, as codegen's client preset writes it with `persistedDocuments: { hashAlgorithm: 'sha256' }`): `/graphql` (POST, GET, WebSocket) then runs only its operations, sent by hash (`documentId`, or `extensions.persistedQuery.sha256Hash`), and refuses any other with 400 `PERSISTED_QUERY_NOT_ALLOWED`; the REST routes' own operations always run. Unset: any operation, and automatic persisted queries; see [Schema conventions and checks](api.md#schema-conventions-and-checks)",
  },
  GRAPHQL_JIT: {
    schema: bool.default(true),
    doc: 'run HTTP and REST operations compiled by graphql-jit (each document once, after `GRAPHQL_JIT_THRESHOLD` runs) instead of interpreted by graphql-js; the answers are the same, only faster',
  },
  GRAPHQL_JIT_THRESHOLD: {
    schema: int(0, 1000).default(1),
    doc: 'runs of a document on graphql-js before graphql-jit compiles it: compiling costs several runs, so a document sent once (a one-off query, inline values that change every time) is best not compiled; 0 compiles on the first run',
  },
  GRAPHQL_MAX_DEPTH: {
    schema: int(1, 100).default(8),
    doc: 'deepest field nesting of one operation (fragments are not a level); deeper: 400 `QUERY_TOO_DEEP`',
  },
  GRAPHQL_MAX_ALIASES: {
    schema: int(0, 1000).default(15),
    doc: 'aliases in one operation; more: 400 `TOO_MANY_ALIASES`',
  },
  GRAPHQL_MAX_DIRECTIVES: {
    schema: int(0, 1000).default(50),
    doc: 'directives in one operation; more: 400 `TOO_MANY_DIRECTIVES`',
  },
  GRAPHQL_MAX_TOKENS: {
    schema: int(50, 100_000).default(1000),
    doc: 'tokens in one document, checked while parsing; more: 400 `TOO_MANY_TOKENS`',
  },
  GRAPHQL_MAX_COST: {
    schema: int(1, 100_000_000).default(5000),
    doc: 'cost of one operation: 1 per object returned, lists counted at their `limit` (see [design.md](design.md)); more: 400 `QUERY_TOO_COMPLEX`',
  },
  GRAPHQL_ASSUMED_LIST_SIZE: {
    schema: int(1, 10_000).default(20),
    doc: "items the cost assumes for a list without a `limit` argument (an incident's updates)",
  },
  SHUTDOWN_TIMEOUT_MS: {
    schema: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10000),
    doc: 'how long SIGINT/SIGTERM waits for in-flight requests before exiting 1',
  },
  PUBLIC_URL: {
    schema: absoluteUrl.optional(),
    defaultDoc: '`http://HOST:PORT`',
    doc: "where users reach the server: links in e-mails open this server's pages under it unless their own settings (below) point elsewhere; the Google callback too",
  },
  STAFF_RESET_PASSWORD_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/reset-password`',
    doc: linkDoc('the staff password-reset', '`token`'),
  },
  STAFF_INVITATION_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/accept-invitation`',
    doc: linkDoc('the staff invitation', '`token`'),
  },
  STAFF_VERIFY_EMAIL_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/verify-email`',
    doc: linkDoc("the staff verification code's", '`email` (never the code)'),
  },
  PORTAL_RESET_PASSWORD_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/portal/reset-password`',
    doc: linkDoc('the portal password-reset', '`token`'),
  },
  PORTAL_INVITATION_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/portal/accept-invitation`',
    doc: linkDoc('the portal invitation', '`token`'),
  },
  PORTAL_VERIFY_EMAIL_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/portal/verify-email`',
    doc: linkDoc("the portal verification code's", '`email` and `companyId` (never the code)'),
  },
  PORTAL_SIGN_IN_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/portal/sign-in`',
    doc: linkDoc('the portal sign-in', '`token` and `tenantSlug`'),
  },
  PORTAL_RATING_URL: {
    schema: pageUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/portal/rate-ticket`',
    doc: linkDoc("the resolution e-mail's rating", '`token`'),
  },
  PHONE_DEFAULT_COUNTRY: {
    schema: z
      .string()
      .transform((v) => v.trim().toUpperCase())
      .pipe(z.custom<CountryCode>((v) => typeof v === 'string' && isPhoneCountry(v), { message: 'must be a two-letter country code such as GB or US' }))
      .optional(),
    doc: 'the country of phone numbers written without a country code (`020 7946 0000`); unset, numbers need one (`+44 20 7946 0000`). Every number is stored as E.164',
  },
  METRICS_TOKEN: {
    schema: secret.optional(),
    doc: 'a bearer token `GET /metrics` (Prometheus) asks for. Unset: in production `/metrics` is not served; elsewhere it is open',
  },
  TRUST_PROXY: {
    schema: bool.default(false),
    doc: 'trust `X-Forwarded-For` for the client IP (rate limits, audit) and `X-Forwarded-Proto` (HSTS) when behind a proxy',
  },
  HSTS: {
    schema: z.enum(['auto', 'always', 'off'], { message: 'must be auto, always or off' }).default('auto'),
    doc: '`Strict-Transport-Security` (a year, subdomains): `auto` on requests that came over TLS (directly, or `X-Forwarded-Proto: https` with `TRUST_PROXY`), `always`, or `off`',
  },
  CORS_ORIGINS: {
    schema: z
      .string()
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(z.string().refine(isOrigin, { message: 'must be a comma-separated list of origins like https://app.example.com (scheme, host and port only; no *)' })))
      .default([]),
    doc: 'comma-separated origins (`https://app.example.com`) whose browser pages may call the API; unset, no cross-origin access',
  },
  JWT_ISSUER: {
    schema: z.string().min(1).default('incident-desk'),
    doc: '`iss` of issued tokens, checked on every verification',
  },
  ACCESS_TOKEN_TTL_SECONDS: {
    schema: int(60, 24 * 3600).default(15 * 60),
    doc: 'access token lifetime',
  },
  REFRESH_TOKEN_TTL_DAYS: {
    schema: int(1, 365).default(7),
    doc: 'refresh token (session) lifetime',
  },
  REFRESH_TOKEN_ROTATION: {
    schema: z
      .string()
      .transform((v) => (v.trim().toLowerCase() === 'none' ? [] : v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)))
      .pipe(z.array(z.enum(['graphql', 'rest'], { message: 'must be graphql, rest, both comma-separated, or none' })))
      .default(['graphql']),
    doc: 'the API doors whose refresh rotates the refresh token (a reused one then revokes the session): `graphql`, `rest`, `rest,graphql` or `none`. REST clients written to the documents keep one long-lived refresh token, so REST does not rotate by default',
  },
  ARGON2_MEMORY_KIB: {
    schema: int(1024, 1024 * 1024).default(19 * 1024),
    doc: 'argon2id memory per hash, in KiB (the defaults of the three argon2id parameters are the OWASP minimum; production refuses less than 7168 KiB, or memory × `ARGON2_TIME_COST` below 35840)',
  },
  ARGON2_TIME_COST: {
    schema: int(1, 20).default(2),
    doc: 'argon2id iterations',
  },
  ARGON2_PARALLELISM: {
    schema: int(1, 16).default(1),
    doc: 'argon2id lanes',
  },
  ARGON2_MAX_CONCURRENT: {
    schema: int(1, 64).optional(),
    defaultDoc: 'the cores less one, at least 1',
    doc: "password hashes in flight at once; the rest queue. The server sizes libuv's thread pool the same way unless `UV_THREADPOOL_SIZE` is set, so the event loop keeps a core during a login storm; raise both together. With a pool of one thread, DNS lookups, file reads and compression wait behind the hash in flight (about 20 ms): set `UV_THREADPOOL_SIZE` higher where those matter more than logins",
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    doc: '`smtp://user:pass@host:587`; unset (development and tests only), e-mails are not sent: in development each is logged whole at `info` and kept at `GET /dev/mail`, in tests only its recipient and subject are logged',
  },
  MAIL_FROM: {
    schema: z.string().min(3).default('Incident Desk <no-reply@localhost>'),
    doc: 'sender of every e-mail',
  },
  OTP_TTL_MINUTES: {
    schema: int(1, 60).default(10),
    doc: 'verification code lifetime',
  },
  OTP_RESEND_PER_MINUTE: {
    schema: int(1, 100).default(3),
    doc: 'codes (and reset e-mails) per address per minute',
  },
  LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: {
    schema: int(1, 100000).default(100),
    doc: 'failed logins before an account is throttled',
  },
  LOGIN_FAILURES_PER_IP_PER_HOUR: {
    schema: int(1, 1000000).default(500),
    doc: 'failed logins before an IP is throttled',
  },
  REGISTRATIONS_PER_IP_PER_HOUR: {
    schema: int(1, 1000000).default(20),
    doc: 'self-registrations (staff workspaces and portal customers) per IP per hour',
  },
  MAIL_REQUESTS_PER_IP_PER_HOUR: {
    schema: int(1, 1000000).default(60),
    doc: 'verification codes and reset e-mails one client IP may ask for per hour, whatever the address (the per-address limit is `OTP_RESEND_PER_MINUTE`)',
  },
  MUTATIONS_PER_VIEWER_PER_MINUTE: {
    schema: int(1, 1000000).default(120),
    doc: 'mutation fields one signed-in staff member or portal customer may execute per minute (per tenant); over it, 429 `RATE_LIMITED`',
  },
  SLA_CHECK_INTERVAL_MS: {
    schema: int(0, 3_600_000).default(60_000),
    doc: 'how often this process marks SLA breaches (`0`: not here)',
  },
  WORKER_ENABLED: {
    schema: bool.default(true),
    doc: 'run the worker (notifications and Ezra\'s jobs) inside the server process; `false` when `npm run worker` processes do it instead',
  },
  WORKER_CONCURRENCY: {
    schema: int(1, 100).default(4),
    doc: "jobs (dispatches, e-mails, webhook POSTs) one worker runs at once; Ezra's jobs come on top, up to `EZRA_MAX_CONCURRENT`",
  },
  WORKER_POLL_INTERVAL_MS: {
    schema: int(50, 60_000).default(2000),
    doc: 'how often a worker looks for retries that came due (new jobs wake it at once through LISTEN/NOTIFY)',
  },
  WORKER_HEARTBEAT_MS: {
    schema: int(50, 600_000).default(10_000),
    doc: 'how often a worker marks itself alive; the jobs of a worker silent for six beats (killed, not stopped) are freed for the others',
  },
  DELIVERY_MAX_ATTEMPTS: {
    schema: int(1, 50).default(8),
    doc: 'tries of one e-mail or webhook POST before it is left `FAILED` (the dead letter)',
  },
  DELIVERY_RETRY_BASE_MS: {
    schema: int(10, 3_600_000).default(30_000),
    doc: 'wait before the next try: base × 2^(tries−1), ±20%, at most `DELIVERY_RETRY_MAX_MS` (30 s, 1 min, 2 min, … about an hour until the 8th try)',
  },
  DELIVERY_RETRY_MAX_MS: {
    schema: int(10, 7 * 24 * 3_600_000).default(6 * 3_600_000),
    doc: 'the longest wait between two tries (at least `DELIVERY_RETRY_BASE_MS`: a smaller value counts as that)',
  },
  RETENTION_SCHEDULE: {
    schema: z
      .string()
      .refine((v) => v === 'off' || isCrontab(v), { message: 'must be a crontab time (five fields, e.g. `17 * * * *`) or off' })
      .default('17 * * * *'),
    doc: 'when the housekeeping job runs: a crontab time in UTC (hourly by default), or `off`; one worker runs each tick, however many there are (see "Housekeeping" in [design.md](design.md))',
  },
  CSAT_WINDOW_DAYS: {
    schema: int(1, 365).default(14),
    doc: "days after a ticket is resolved during which its reporter may rate it (1-5 and a comment, once), from the portal or the resolution e-mail's link",
  },
  ATTACHMENT_MAX_BYTES: {
    schema: int(1, 1024 * 1024 * 1024).default(25 * 1024 * 1024),
    doc: 'largest attached file in bytes (at most 1 GiB); streamed, so it may be far larger than `BODY_LIMIT_BYTES`; larger gets 413 `ATTACHMENT_TOO_LARGE`',
  },
  ATTACHMENT_MAX_TICKET_BYTES: {
    schema: int(1, 2 ** 31 - 1).default(100 * 1024 * 1024),
    doc: "all of a ticket's attachments together, in bytes; an upload past it gets 413 `ATTACHMENT_TICKET_FULL`",
  },
  ATTACHMENT_MAX_FILES: {
    schema: int(1, 100).default(10),
    doc: 'files in one upload (a REST upload, or a GraphQL multipart request), and on one update (comment); more gets 400 `TOO_MANY_ATTACHMENTS`',
  },
  ATTACHMENT_DELETE_WINDOW_MINUTES: {
    schema: int(0, 10080).default(15),
    doc: 'minutes after uploading during which the uploader may delete an attachment (staff with `incident.update` always may)',
  },
  CSAT_PARTICIPANTS_MAY_RATE: {
    schema: bool.default(false),
    doc: "whether a ticket's participants (colleagues its reporter or staff added) may rate it too, each once; otherwise only its reporter rates and participants get `RATING_NOT_ALLOWED`",
  },
  RETENTION_DAYS: {
    schema: int(1, 3650).default(30),
    doc: 'processed outbox events and sent deliveries are deleted this many days after they finished',
  },
  RETENTION_DEAD_LETTER_DAYS: {
    schema: int(1, 3650).default(90),
    doc: 'failed deliveries (dead letters, which ADMINs inspect and retry) are deleted this many days after their last try; at least `RETENTION_DAYS`',
  },
  RETENTION_AUTH_GRACE_HOURS: {
    schema: int(1, 24 * 365).default(24),
    doc: 'sessions (with their refresh tokens), e-mail codes, reset and invitation tokens and rate-limit rows are deleted this long after they ended, expired or were used',
  },
  RETENTION_BATCH_SIZE: {
    schema: int(100, 100_000).default(5000),
    doc: 'rows one housekeeping `DELETE` removes; a backlog goes in many short statements',
  },
  WEBHOOK_TIMEOUT_MS: {
    schema: int(100, 60_000).default(5000),
    doc: 'a webhook POST, connecting included, gets this long',
  },
  WEBHOOK_ALLOW_PRIVATE_TARGETS: {
    schema: bool.default(false),
    doc: 'let webhook URLs resolve to loopback, private, link-local or metadata addresses (tests, receivers on a private network)',
  },
  WEBHOOK_SECRETS_KEY: {
    schema: secret.optional(),
    defaultDoc: 'a file in development',
    doc: "key that encrypts webhook endpoints' signing secrets in the database, at least 32 characters, different from the token keys; required in production. Unset in development: generated once into `EMBEDDED_PG_DIR` + `.webhook-key` (`.data/postgres.webhook-key`, beside the embedded database's password) and reused, since stored secrets depend on it; in tests, one per run",
  },
  WEBHOOK_SECRETS_PREVIOUS_KEYS: {
    schema: secretList,
    doc: 'comma-separated keys that still decrypt webhook secrets but no longer encrypt: key rotation, below',
  },
  GOOGLE_ISSUER: {
    schema: absoluteUrl.default('https://accounts.google.com'),
    doc: 'the OpenID provider for "sign in with Google", found by discovery on first use',
  },
  GOOGLE_CLIENT_ID: {
    schema: z.string().min(1).optional(),
    doc: 'the OAuth client for "sign in with Google" (set it and `GOOGLE_CLIENT_SECRET` together); unset, the OAuth routes answer 503 `OAUTH_NOT_CONFIGURED`',
  },
  GOOGLE_CLIENT_SECRET: {
    schema: z.string().min(1).optional(),
    doc: "that client's secret (set it and `GOOGLE_CLIENT_ID` together)",
  },
  GOOGLE_REDIRECT_URI: {
    schema: absoluteUrl.optional(),
    defaultDoc: '`${PUBLIC_URL}/api/v1/auth/oauth/callback`',
    doc: 'where the provider sends the browser back; register it with the client',
  },
  GOOGLE_ALLOW_INSECURE_ISSUER: {
    schema: bool.default(false),
    doc: 'let the issuer be plain `http` (a local test provider); refused in production',
  },
  EZRA_PROVIDER_URL: {
    schema: absoluteUrl.optional(),
    doc: 'base URL of an OpenAI-compatible API (`https://api.openai.com/v1`; Ezra posts to `…/chat/completions`); `https`, or `http` on localhost/127.0.0.1/[::1] only. Unset: Ezra makes no outbound call',
  },
  EZRA_API_KEY: {
    schema: z.string().min(1).optional(),
    doc: 'sent as `Authorization: Bearer …` (optional: local servers often need none)',
  },
  EZRA_MODEL: {
    schema: z.string().min(1).optional(),
    doc: 'model name sent to the provider; required with `EZRA_PROVIDER_URL`',
  },
  EZRA_TIMEOUT_MS: {
    schema: int(1000, 600_000).default(30_000),
    doc: 'how long a provider call may take before the run records `FAILED`',
  },
  EZRA_AUTO_ANALYZE: {
    schema: bool.default(true),
    doc: "analyze every portal-created incident once, as a worker job queued when its outbox event is dispatched (the dispatching worker's setting decides)",
  },
  EZRA_MAX_CONCURRENT: {
    schema: int(1, 32).default(2),
    doc: "Ezra's jobs (automatic runs and staff runs' provider calls, on a runner of their own) one worker runs at once; the rest wait in the queue",
  },
  EZRA_RUNS_PER_TENANT_PER_HOUR: {
    schema: int(1, 1_000_000).default(60),
    doc: 'staff-requested Ezra runs (`incidentAnalyze`, and the deprecated `analyzeIncident`) one workspace may start per hour, all its staff together; over it, 429 `RATE_LIMITED`. Refused requests (a role that may not, an incident the caller cannot see, a bad audience) do not count',
  },
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

/** The zod object of every setting: the schema `loadConfig` parses the environment with. */
export const settingsSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([name, s]) => [name, s.schema])) as { [K in SettingName]: (typeof SETTINGS)[K]['schema'] },
);

/** The settings as parsed: each variable's type is inferred from its schema. */
export type Env = z.infer<typeof settingsSchema>;
