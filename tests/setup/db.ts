import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { connectOrm, migrate, pendingMigrations } from '../../src/db/database';
import { withDatabaseName } from '../../src/db/scratch';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run the tests through jest (globalSetup starts the database).');
  return url;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const TEMPLATE_LOCK = 7_340_001; // pg_advisory_lock key: one worker migrates the template at a time

/** Brings the run's template database up to the latest migration, once, whichever worker gets there first. */
async function ensureTemplateMigrated(c: Client, template: string): Promise<void> {
  await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const orm = await connectOrm(withDatabaseName(serverUrl(), template), { pool: { min: 0, max: 1 } });
    try {
      if ((await pendingMigrations(orm)).length) await migrate(orm);
    } finally {
      await orm.close(true); // a template must have no open connections to be cloned
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/**
 * The template this worker has seen migrated: the migrations do not change during a run, so once a run is enough
 * (each check loaded MikroORM against the template, 60-130 ms of CPU a test database). By name: a run in watch
 * mode, in the same process, has a template of its own.
 */
let checkedTemplate: string | undefined;

/** A database of this test file's own: a clone of the migrated template, or empty when `empty` is set. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? 'template0' : process.env.TEST_PG_TEMPLATE;
  await admin(async (c) => {
    if (!options.empty && checkedTemplate !== template) {
      await ensureTemplateMigrated(c, template!);
      checkedTemplate = template;
    }
    // Two workers cloning at the same instant can collide on the template; try again briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return {
    name,
    url: withDatabaseName(serverUrl(), name),
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
