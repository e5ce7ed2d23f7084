import './size-thread-pool';
import 'reflect-metadata';
import nodeModule from 'node:module';
import type { App } from './app';
import type { Config } from './config/config';
import { configOrExit, fail, runMain, stopOnSignals } from './shared/process-lifecycle';
import { describeUrl, openDatabase, pendingMigrations, type Database } from './db/database';
import { createLogger } from './shared/logger';
import { StartupError } from './shared/startup-error';

async function listen(app: App, config: Config): Promise<string> {
  try {
    return await app.http.listen({ host: config.host, port: config.port });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new StartupError(`Port ${config.port} on ${config.host} is already in use; stop the other server or set PORT.`);
    if (err.code === 'EACCES') throw new StartupError(`Not allowed to listen on ${config.host}:${config.port}; choose another PORT.`);
    if (err.code === 'EADDRNOTAVAIL') throw new StartupError(`HOST ${config.host} is not an address of this machine.`);
    throw err;
  }
}

/**
 * `npm start -- --check`: the settings are valid and the database answers (DATABASE_URL, or the embedded one,
 * started for the check when no server runs it); says how many migrations a start would apply, and exits.
 */
async function check(config: Config): Promise<void> {
  const say = (message: string) => process.stdout.write(`${message}\n`);
  say(`settings: valid (NODE_ENV=${config.env})`);
  const db = await openDatabase(config, say, { migrate: false, embedded: 'join-or-start' });
  try {
    const pending = await pendingMigrations(db.orm);
    say(`database: reachable at ${describeUrl(db.url)}; ${pending.length ? `${pending.length} migration(s) a start would apply` : 'migrations up to date'}`);
    if (config.readReplica.url) say(await checkReplica(db, config.readReplica.url));
  } finally {
    await db.close();
  }
}

/**
 * DATABASE_READ_URL answers, and whether it is a standby. Unreachable is a failed check (the server would run,
 * its queries on the primary); one that is not in recovery is said but passes (queries would read it as is).
 */
async function checkReplica(db: Database, url: string): Promise<string> {
  const where = describeUrl(url);
  const knex = db.orm.em.getConnection('read').getKnex();
  let standby: boolean;
  try {
    standby = (await knex.raw<{ rows: { standby: boolean }[] }>('SELECT pg_is_in_recovery() AS standby')).rows[0].standby;
  } catch (e) {
    throw new StartupError(`Cannot connect to the read replica at ${where} (DATABASE_READ_URL): ${(e as Error).message.split('\n')[0]}`);
  }
  return `read replica: reachable at ${where}${standby ? ', a standby' : '; not a standby (pg_is_in_recovery() is false): queries would read that database as it is'}`;
}

/**
 * The server's modules, most of a start's CPU: loaded while the embedded PostgreSQL boots in its own process
 * (openDatabase's `whileStarting`), or before the app is built when there is nothing to wait for.
 */
let server: typeof import('./app') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadServer = () => (server ??= require('./app') as typeof import('./app'));
let demo: typeof import('./seed') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadDemo = () => (demo ??= require('./seed') as typeof import('./seed'));

async function main(): Promise<void> {
  // Node 22.1 and later keep V8's compiled code of the modules between starts (a restart loads the server
  // faster); Node 20 has no such cache, and goes on without.
  (nodeModule as unknown as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const config = configOrExit();
  if (process.argv.includes('--check')) {
    try {
      return await check(config);
    } catch (e) {
      if (e instanceof StartupError) fail(e.message);
      throw e;
    }
  }
  const log = createLogger(config.logLevel, undefined, config.logFormat);
  const say = (message: string) => log.info(message);
  if (config.generatedSecrets.length) {
    log.warn(`${config.generatedSecrets.join(' and ')} not set: generated random keys for this run (tokens will not survive a restart). Set them in production.`);
  }

  let db: Database | undefined;
  let app: App | undefined;
  try {
    db = await openDatabase(config, say, {
      whileStarting: () => {
        loadServer();
        if (config.seedDemo) loadDemo();
      },
    });
    if (config.seedDemo) {
      const { demoTable, seedDemo } = loadDemo();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { PasswordHasher } = require('./auth/passwords') as typeof import('./auth/passwords'); // loaded with the app, not before the spawn
      const accounts = await seedDemo(db.orm.em.fork(), new PasswordHasher(config.argon2));
      log.info(`demo data ready. ${demoTable(accounts)}`);
    }
    app = await loadServer().buildApp({ config, orm: db.orm, log, isReady: db.isReady });
    const address = await listen(app, config);
    // Before saying so, as the worker does: whoever waits for this line may send SIGINT at once, and a signal
    // that arrives before its handler ends the process with the signal, not with the clean stop (exit 0).
    stopOnSignals(log, config.shutdownTimeoutMs, 'finishing in-flight requests', async () => {
      await app?.close();
      await db?.close();
    });
    log.info(`listening on ${address}: GraphQL ${address}/graphql, REST ${address}/api/v1, health ${address}/healthz`);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    if (e instanceof StartupError) fail(e.message);
    throw e;
  }
}

runMain(main);
