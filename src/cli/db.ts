import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import type { Config } from '../config/config';
import { connectOrm, openDatabase, pendingMigrations, type Database } from '../db/database';
import { runningEmbeddedUrl } from '../db/embedded';
import { PasswordHasher } from '../auth/passwords';
import { QUEUE_SCHEMA } from '../modules/notifications/queue';
import { demoTable, seedDemo } from '../seed';
import { configOrExit, fail, runMain } from '../shared/process-lifecycle';
import { StartupError } from '../shared/startup-error';

const USAGE = 'usage: npm run db:status | db:migrate | db:reset';
const say = (message: string) => process.stdout.write(`${message}\n`);

/**
 * The database the server would use: DATABASE_URL, or the embedded PostgreSQL of a server of this checkout
 * that is running, or (none running) the embedded one started for the command and stopped after it.
 */
const open = (config: Config, migrate: boolean): Promise<Database> => openDatabase(config, say, { migrate, embedded: 'join-or-start' });

async function status(config: Config): Promise<void> {
  const db = await open(config, false);
  try {
    const executed = await db.orm.getMigrator().getExecutedMigrations();
    const pending = await pendingMigrations(db.orm);
    say(`applied: ${executed.length}${executed.length ? ` (last: ${executed[executed.length - 1].name})` : ''}`);
    say(`pending: ${pending.length}${pending.length ? `: ${pending.join(', ')}` : ''}`);
  } finally {
    await db.close();
  }
}

async function migrateCommand(config: Config): Promise<void> {
  const db = await open(config, true);
  await db.close();
  say('the database is up to date');
}

/**
 * Development only: the database emptied and built again from the migrations, with the demo data when
 * SEED_DEMO is on. The embedded database's directory is removed (not while a server runs on it); a
 * DATABASE_URL database loses its tables, its queue and their rows (its roles, shared by the cluster, stay).
 */
async function reset(config: Config): Promise<void> {
  if (!config.isDevelopment) fail('db:reset is for development only (NODE_ENV=development): it deletes every row.');
  if (config.databaseUrl) {
    const orm = await connectOrm(config.databaseUrl, { pool: { min: 0, max: 1 } });
    try {
      await orm.em.fork().execute(`DROP SCHEMA IF EXISTS ${QUEUE_SCHEMA} CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    } finally {
      await orm.close(true);
    }
    say('emptied the database of DATABASE_URL');
  } else {
    const dir = config.embedded.dataDir;
    if (runningEmbeddedUrl(dir)) throw new StartupError(`A server is running on the embedded database (${dir}); stop it first.`);
    for (const path of [dir, `${dir}.secret`, `${dir}.port`]) await rm(path, { recursive: true, force: true });
    say(`removed the embedded database (${dir})`);
  }
  const db = await open(config, true);
  try {
    if (config.seedDemo) say(demoTable(await seedDemo(db.orm.em.fork(), new PasswordHasher(config.argon2))));
  } finally {
    await db.close();
  }
  say('the database is reset');
}

async function main(): Promise<void> {
  const config = configOrExit();
  const command = process.argv[2];
  try {
    if (command === 'status') await status(config);
    else if (command === 'migrate') await migrateCommand(config);
    else if (command === 'reset') await reset(config);
    else fail(USAGE);
  } catch (e) {
    if (e instanceof StartupError) fail(e.message);
    throw e;
  }
}

runMain(main);
