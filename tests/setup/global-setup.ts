/**
 * Starts the test database server once per jest run and creates an empty template database; the first test
 * file to need it applies the migrations (tests/setup/db.ts), and each file clones it (CREATE DATABASE ...
 * TEMPLATE), which is much faster than migrating. MikroORM is deliberately not loaded here: when jest runs
 * a single file in-band, an ORM loaded in this outer realm breaks the one loaded in the test's sandbox.
 * Uses TEST_DATABASE_URL's server when set, otherwise a throw-away embedded PostgreSQL in a fresh
 * directory on a free port. Servers orphaned by an earlier killed run are stopped first.
 */
import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { describeUrl } from '../../src/db/database';
import { freeLocalPort, startEmbeddedPostgres, sweepThrowawayServers } from '../../src/db/embedded';
import { fail } from '../../src/shared/process-lifecycle';
import { StartupError } from '../../src/shared/startup-error';
import { startPgBouncer } from './pgbouncer';

const PREFIX = 'incident-desk-test-';
const NOT_DURABLE = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/** Like a server's start, a setup that cannot run says why in one line (no stack) and exits 1. */
export default async function globalSetup(): Promise<void> {
  try {
    await setUp();
  } catch (e) {
    if (e instanceof StartupError) fail(e.message);
    throw e;
  }
}

async function setUp(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    await sweepThrowawayServers(PREFIX);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), PREFIX));
    await fs.chmod(dir, 0o755); // the postgres user must traverse it
    // A throw-away server: nothing in it must survive a crash, so it skips the flushes that make data durable
    // (each test file creates and drops a database, and every commit would wait for the disk).
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freeLocalPort(), settings: NOT_DURABLE });
    serverUrl = embedded.url;
    (globalThis as Record<string, unknown>).__TEST_PG__ = { embedded, dir };
  }

  const template = `tmpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
  } catch (e) {
    const which = process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'the embedded test server';
    throw new StartupError(`Cannot use the test database server at ${describeUrl(serverUrl)} (${which}): ${(e as Error).message}`);
  }

  // TEST_PGBOUNCER=1: every test app reaches its database through PgBouncer in transaction mode.
  if (process.env.TEST_PGBOUNCER === '1') {
    const bouncer = await startPgBouncer(serverUrl);
    (globalThis as Record<string, unknown>).__TEST_PGBOUNCER__ = bouncer;
    process.env.TEST_PGBOUNCER_ADDRESS = new URL(bouncer.urlFor(serverUrl)).host;
  }

  // Test workers are forked after this and inherit the environment.
  process.env.TEST_PG_SERVER_URL = serverUrl;
  process.env.TEST_PG_TEMPLATE = template;
}
