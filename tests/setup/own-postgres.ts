import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLocalPort } from '../../src/db/embedded';

export interface OwnPostgres {
  url: string;
  port: number;
  /** Its data directory (a cold copy of it, taken while stopped, makes a standby: tests/setup/standby.ts). */
  dataDir: string;
  /** A fast shutdown (SIGINT to the postmaster): every connection is terminated with 57P01. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  close(): Promise<void>;
}

const root = path.join(__dirname, '../..');

/**
 * A PostgreSQL server a test owns and may stop and start (tests/setup/own-postgres-process.ts), apart from the
 * suite's shared one, which must never go away under other test files.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'incident-desk-own-pg-'));
  await fs.chmod(dir, 0o755); // the postgres user must traverse it
  const port = await freeLocalPort();
  const proc = spawn(process.execPath, ['-r', path.join(__dirname, 'swc-register.js'), path.join(root, 'tests/setup/own-postgres-process.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', OWN_PG_DIR: path.join(dir, 'pg'), OWN_PG_PORT: String(port) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  let out = '';
  const waiters = new Set<() => void>();
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) w();
  });
  /** The helper's next answer line ("READY <url>", "STOPPED"); a "FAILED ..." line rejects. */
  let consumed = 0;
  const next = (timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const end = out.indexOf('\n', consumed);
        if (end < 0) return;
        const line = out.slice(consumed, end);
        consumed = end + 1;
        cleanup();
        if (line.startsWith('FAILED')) reject(new Error(line));
        else resolve(line);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`own PostgreSQL did not answer; output so far:\n${out}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      void exited.then(() => {
        cleanup();
        reject(new Error(`own PostgreSQL exited; output:\n${out}`));
      });
      check();
    });
  const ready = await next();
  const url = ready.replace(/^READY /, '');
  return {
    url,
    port,
    dataDir: path.join(dir, 'pg'),
    stop: async () => {
      proc.stdin.write('stop\n');
      await next();
    },
    start: async () => {
      proc.stdin.write('start\n');
      await next();
    },
    close: async () => {
      proc.stdin.end();
      await exited;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
