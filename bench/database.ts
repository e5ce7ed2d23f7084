/**
 * The database a benchmark runs on: a scratch database on DATABASE_URL's server when it is set (created
 * and dropped by the run; the real data is never touched), otherwise a throw-away embedded PostgreSQL in
 * a fresh temp directory on a free port, stopped and removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queryOnce } from './pg';
import { describeUrl } from '../src/db/database';
import { freeLocalPort, startEmbeddedPostgres, sweepThrowawayServers } from '../src/db/embedded';
import { withDatabaseName } from '../src/db/scratch';

const PREFIX = 'incident-desk-bench-';

export interface BenchDatabase {
  url: string;
  /** What it is, for the report (no password). */
  description: string;
  /** The embedded server's postmaster.pid, to account its CPU; unset for DATABASE_URL. */
  postmasterPidFile?: string;
  close(): Promise<void>;
}

async function scratchOn(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => void (await queryOnce(serverUrl, sql));
  await admin(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabaseName(serverUrl, name),
    description: `scratch database ${name} on ${describeUrl(serverUrl)} (DATABASE_URL)`,
    close: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return scratchOn(external);

  await sweepThrowawayServers(PREFIX);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), PREFIX));
  const removeDir = () => fs.rm(dir, { recursive: true, force: true });
  try {
    await fs.chmod(dir, 0o755); // the postgres user must traverse it when running as root
    const port = await freeLocalPort();
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
    return {
      url: embedded.url,
      description: `embedded PostgreSQL on 127.0.0.1:${port} in ${dir}`,
      postmasterPidFile: path.join(dir, 'pg', 'postmaster.pid'),
      close: async () => {
        try {
          await embedded.stop();
        } finally {
          await removeDir();
        }
      },
    };
  } catch (e) {
    await removeDir().catch(() => undefined);
    throw e;
  }
}
