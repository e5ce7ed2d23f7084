import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freeLocalPort } from '../../src/db/embedded';

/** Debian's `pgbouncer` package puts the binary in /usr/sbin, which a non-root PATH may not list. */
export function pgbouncerBinary(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/usr/local/bin'];
  return dirs.map((dir) => path.join(dir, 'pgbouncer')).find((p) => p.startsWith('/') && existsSync(p));
}

export interface PgBouncer {
  /** The same database as `directUrl`, through the pooler (transaction mode). */
  urlFor(directUrl: string): string;
  /** Runs `SHOW <what>` on the pooler's admin console (its simple-query protocol only). */
  show(what: string): Promise<Record<string, string>[]>;
  close(): Promise<void>;
}

/**
 * PgBouncer in transaction mode in front of the suite's PostgreSQL (`serverUrl`), as operators run it: every
 * database name passes through (the `*` entry), clients authenticate to nobody (`auth_type = any`, on
 * 127.0.0.1 only) and it logs in to PostgreSQL with the suite's own user. Started as root, it runs as the
 * `postgres` user (PgBouncer refuses to run as root).
 */
export async function startPgBouncer(serverUrl: string): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error('pgbouncer is not installed');
  const server = new URL(serverUrl);
  const port = await freeLocalPort();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'incident-desk-pgbouncer-'));
  const asRoot = process.getuid?.() === 0;
  const password = decodeURIComponent(server.password);
  const ini = [
    '[databases]',
    `* = host=${server.hostname} port=${server.port || 5432} user=${decodeURIComponent(server.username)}${password ? ` password=${password}` : ''}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = any',
    'pool_mode = transaction',
    'max_client_conn = 500',
    'default_pool_size = 20',
    `admin_users = ${decodeURIComponent(server.username)}`,
    'ignore_startup_parameters = extra_float_digits,options',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
  ].join('\n');
  await fs.writeFile(path.join(dir, 'pgbouncer.ini'), `${ini}\n`, { mode: 0o600 });
  if (asRoot) {
    await fs.chmod(dir, 0o755);
    execFileSync('chown', ['-R', 'postgres', dir]);
  }
  const proc: ChildProcess = spawn(binary, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  // Ready once it accepts connections.
  for (let tries = 0; ; tries++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (proc.exitCode !== null || tries > 100) {
      const log = await fs.readFile(path.join(dir, 'pgbouncer.log'), 'utf8').catch(() => '');
      throw new Error(`pgbouncer did not start: ${stderr}${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const urlFor = (directUrl: string) => {
    const u = new URL(directUrl);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  };
  return {
    urlFor,
    show: async (what) => {
      const admin = new Client({ connectionString: urlFor(`postgresql://${server.username}@127.0.0.1/pgbouncer`) });
      await admin.connect();
      try {
        return (await admin.query(`SHOW ${what}`)).rows as Record<string, string>[];
      } finally {
        await admin.end();
      }
    },
    close: async () => {
      if (proc.exitCode === null) proc.kill('SIGINT');
      await exited;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `TEST_PGBOUNCER=1 npm test`: the whole suite through PgBouncer (tests/setup/global-setup.ts starts one in
 * front of the suite's PostgreSQL and names it in TEST_PGBOUNCER_ADDRESS). A test database's URL as the
 * apps then reach it, or undefined in a normal run.
 */
export function viaTestPgBouncer(directUrl: string): string | undefined {
  const address = process.env.TEST_PGBOUNCER_ADDRESS;
  if (!address) return undefined;
  const u = new URL(directUrl);
  u.host = address;
  return u.toString();
}
