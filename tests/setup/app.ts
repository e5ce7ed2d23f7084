import { Writable } from 'node:stream';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { buildApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config/config';
import { connectOrm, pendingMigrations } from '../../src/db/database';
import { replicaOptions } from '../../src/db/mikro-orm.config';
import { createLogger } from '../../src/shared/logger';
import { createTestDatabase, type TestDatabase } from './db';
import { viaTestPgBouncer } from './pgbouncer';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface RestResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestApp {
  url: string;
  config: Config;
  orm: MikroORM;
  db: TestDatabase;
  app: App;
  /** Every JSON line the server logged, for tests that check what is (not) logged. */
  logs: string[];
  em(): EntityManager;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  rest<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RestResult<T>>;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function overSocket(address: string, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${address}${path}`, { method, headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * The same request through Fastify's inject: the whole app (hooks, parsers, error handling) without a socket
 * or an HTTP client, which cost more than many requests themselves. From 127.0.0.1, as over the socket.
 */
async function injected(app: App, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
  const res = await app.http.inject({ method: method as 'GET', url: path, headers, payload: body, remoteAddress: '127.0.0.1' });
  const got = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) got.append(name, String(v));
  }
  return { status: res.statusCode, headers: got, text: res.body };
}

/**
 * argon2 at the smallest cost it takes (1 MiB, one pass) instead of the production 19 MiB × 2: half a second
 * less per created user and per login. Production refuses these (config.ts); the tests about hashing and its
 * timing (tests/unit/passwords.spec.ts, tests/security/enumeration.timing-spec.ts) keep the real ones.
 */
const CHEAP_ARGON2 = { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };

/**
 * The real server for one test file: its own database cloned from the migrated template, the real
 * Fastify app listening on an ephemeral port (for WebSockets, processes and clients of their own), and
 * `rest`/`gql` requests injected into it, or over real HTTP with `overHttp`.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    sameDatabaseAs?: TestApp;
    /** A database the test owns (on a server of its own, say), already migrated; dropped by its owner. */
    database?: TestDatabase;
    /** argon2 at the configured (production) parameters. */
    realHashing?: boolean;
    /** `rest` and `gql` over a real socket, for the tests about HTTP itself (headers, framing, limits). */
    overHttp?: boolean;
  } = {},
): Promise<TestApp> {
  // A second app on the same database, with the same keys, stands in for a second server process.
  const first = options.sameDatabaseAs;
  const db = first?.db ?? options.database ?? (await createTestDatabase());
  const shared = first
    ? { JWT_STAFF_SECRET: first.config.secrets.staffJwt, JWT_PORTAL_SECRET: first.config.secrets.portalJwt, WEBHOOK_SECRETS_KEY: first.config.webhooks.secretKeys.current! }
    : {};
  // No hourly purge firing in the middle of a test that back-dates rows; tests/integration/housekeeping.int-spec.ts turns it on.
  // No notifications worker (its two job runners, their connections and polling) unless the test file
  // delivers something: those say WORKER_ENABLED: 'true'.
  const hashing = options.realHashing || env.NODE_ENV === 'production' ? {} : CHEAP_ARGON2;
  // TEST_PGBOUNCER=1: through the pooler, set up as docs/operations.md says. A database of the test's own (on a
  // server of its own, which the pooler does not front) stays direct, and so do the apps that share it.
  const direct = options.database !== undefined || (first !== undefined && first.config.databaseDirectUrl === undefined);
  const pooled = direct ? undefined : viaTestPgBouncer(db.url);
  const url = pooled ?? db.url;
  const pooler = pooled ? { DATABASE_DIRECT_URL: db.url, DB_PREPARED_STATEMENTS: 'false' } : {};
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: url, RETENTION_SCHEDULE: 'off', WORKER_ENABLED: 'false', ...hashing, ...shared, ...pooler, ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger(config.logLevel, sink);
  const orm = await connectOrm(url, { pool: { min: 0, max: 5 }, ...replicaOptions(config) });
  const app = await buildApp({ config, orm, log, isReady: async () => (await pendingMigrations(orm)).length === 0 });
  const address = await app.http.listen({ host: '127.0.0.1', port: 0 });

  const rest = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestResult<T>> => {
    const sent = { ...headers };
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    if (payload !== undefined) sent['content-type'] ??= 'application/json';
    const { status, headers: got, text } = options.overHttp ? await overSocket(address, method, path, payload, sent) : await injected(app, method, path, payload, sent);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: the test asserts on text */
    }
    return { status, headers: got, body: parsed as T, text };
  };

  return {
    url: address,
    config,
    orm,
    db,
    app,
    logs,
    em: () => orm.em.fork(),
    rest,
    gql: async <T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const res = await rest<{ data?: T; errors?: GraphQLResult['errors'] }>('POST', '/graphql', { query, variables }, headers);
      return { status: res.status, headers: res.headers, data: res.body.data, errors: res.body.errors };
    },
    close: async () => {
      // A connection a test left mid-request (a body the server refused before reading all of it) would hold
      // the close until Node's own request timeouts, a minute or more: once the app has had time to drain,
      // the test's leftovers are cut.
      const closing = app.close();
      const cut = setTimeout(() => app.http.server.closeAllConnections(), 2000);
      await closing.finally(() => clearTimeout(cut));
      await orm.close(true);
      if (!first && !options.database) await db.drop();
    },
  };
}
