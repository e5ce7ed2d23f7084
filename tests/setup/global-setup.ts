/**
 * Starts the test database server once per jest run and creates an empty template database; the first test
 * file to need it applies the migrations (tests/setup/db.ts), and each file clones it (CREATE DATABASE ...
 * TEMPLATE), which is much faster than migrating. MikroORM is deliberately not loaded here: when jest runs
 * a single file in-band, an ORM loaded in this outer realm breaks the one loaded in the test's sandbox.
 * Uses TEST_DATABASE_URL's server when set, otherwise a throw-away embedded PostgreSQL in a fresh
 * directory on a free port. Servers orphaned by an earlier killed run are stopped first.
 */
import 'reflect-metadata';
import { constants, accessSync, promises as fs, statfsSync } from 'node:fs';
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

/** Where Linux mounts a RAM-backed file system for shared memory. */
const RAM_DIR = '/dev/shm';
/** statfs's type of a tmpfs (linux/magic.h). */
const TMPFS_MAGIC = 0x01021994;
/** The RAM the run's scratch files may take there at most: a few databases, their WAL, a few small clusters. */
const SCRATCH_ROOM = 2 * 1024 ** 3;

/**
 * A RAM-backed directory for the run's scratch files, when the machine has one with room: the test PostgreSQL's
 * data above all (every test file creates a database and drops it), and the clusters, servers and files tests
 * make of their own. On this machine's disk PostgreSQL's file work was most of its time: a CREATE DATABASE from
 * the template took 0.3-0.4 s, 0.06 s in /dev/shm; the whole suite 190 s against 162 s.
 */
function ramScratch(): string | undefined {
  try {
    const fsStat = statfsSync(RAM_DIR);
    if (fsStat.type !== TMPFS_MAGIC || fsStat.bavail * fsStat.bsize < SCRATCH_ROOM) return undefined;
    accessSync(RAM_DIR, constants.W_OK);
    return RAM_DIR;
  } catch {
    return undefined;
  }
}

async function setUp(): Promise<void> {
  // As TMPDIR: os.tmpdir() here and in the workers (forked after this), and in the processes that inherit their
  // environment. A TMPDIR set by the caller wins.
  const disk = os.tmpdir();
  const scratch = process.env.TMPDIR ? undefined : ramScratch();
  if (scratch) process.env.TMPDIR = scratch;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // Servers a killed run left behind, in either place: one in RAM keeps its memory until stopped.
    for (const dir of new Set([disk, RAM_DIR])) await sweepThrowawayServers(PREFIX, dir);
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
    if (!process.env.TEST_DATABASE_URL) {
      // Every connection of the run authenticates with SCRAM: with the password stored at one iteration instead of
      // 4,096, a connection costs half the CPU on both sides (5 ms less each here; a run opens well over a
      // thousand). The throw-away server's password only: the one `npm start` makes keeps the default.
      const { username, password } = new URL(serverUrl);
      await admin.query('SET scram_iterations = 1');
      await admin.query(`ALTER ROLE ${admin.escapeIdentifier(decodeURIComponent(username))} PASSWORD ${admin.escapeLiteral(decodeURIComponent(password))}`);
    }
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
