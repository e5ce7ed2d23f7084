/**
 * The real server for the benchmarks: the app as `npm start` builds it (buildApp on a migrated database),
 * listening on 127.0.0.1 on a free port, with one verified, active staff member to sign in as.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config/config';
import { openDatabase, type Database } from '../src/db/database';
import { Tenant } from '../src/modules/tenant/tenant.entity';
import { User } from '../src/modules/user/user.entity';
import { createLogger } from '../src/shared/logger';

export interface BenchServer {
  url: string;
  config: Config;
  app: App;
  db: Database;
  staff: { email: string; password: string; passwordHash: string };
  /** Warnings and errors the server logged during the run (shown in the report when there are any). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Log lines are produced at the configured level exactly as in production (pino serialises every request
 * line) but written nowhere, except warnings and errors, which are kept for the report.
 */
function discardingSink(problems: string[]): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      const text = String(chunk);
      if (text.includes('"level":40') || text.includes('"level":50') || text.includes('"level":60')) {
        for (const line of text.split('\n')) if (line && problems.length < 20) problems.push(line.slice(0, 500));
      }
      done();
    },
  });
}

export async function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  // Everything else (ARGON2_*, DB_POOL_MAX, ...) comes from the environment, as it would for `npm start`.
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'false',
    GRAPHQL_PLAYGROUND: 'false',
    JWT_STAFF_SECRET: randomBytes(32).toString('base64url'),
    JWT_PORTAL_SECRET: randomBytes(32).toString('base64url'),
  });
  const problems: string[] = [];
  const log = createLogger(config.logLevel, discardingSink(problems));
  const db = await openDatabase(config, () => undefined); // migrates
  let app: App | undefined;
  try {
    app = await buildApp({ config, orm: db.orm, log, isReady: db.isReady });
    const url = await app.http.listen({ host: '127.0.0.1', port: 0 });

    const email = `bench-${randomBytes(4).toString('hex')}@example.test`;
    const password = `Bench-${randomBytes(9).toString('base64url')}-9`;
    const passwordHash = await app.runtime.passwords.hash(password); // config.argon2's parameters
    const em = db.orm.em.fork();
    const suffix = randomBytes(3).toString('hex');
    const tenant = em.create(Tenant, { name: `Bench ${suffix}`, slug: `bench-${suffix}` });
    em.create(User, { tenant, email, passwordHash, role: 'ENGINEER', firstName: 'Bench', lastName: 'User', emailVerifiedAt: new Date(), isActive: true });
    await em.flush();

    const started = app;
    return {
      url,
      config,
      app: started,
      db,
      staff: { email, password, passwordHash },
      problems,
      close: async () => {
        try {
          await started.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw e;
  }
}
