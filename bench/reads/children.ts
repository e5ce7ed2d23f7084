/**
 * The processes the read benchmark measures: the real server as production runs it (built `dist/`, started
 * with `node dist/src/main.js`, NODE_ENV=production) and the baseline (baseline-server.js), each a child
 * process of its own, so that its CPU and memory are its own. Their output goes to log files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/config/config';
import { freeLocalPort } from '../../src/db/embedded';

const TICK_MS = 10; // USER_HZ

export interface ChildServer {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  /** Resident memory now and its peak (VmHWM), MB; undefined off Linux or once exited. */
  memoryMb(): { rss: number; peak: number } | undefined;
  /** CPU time of the process (all its threads), ms; undefined off Linux. */
  cpuMs(): number | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** Starts `node <args>` with its output in `logFile`, waiting until `readyPath` answers `readyStatus` (or any status). */
async function startNode(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  readyPath: string;
  readyStatus?: number;
  timeoutMs: number;
}): Promise<ChildServer> {
  const out = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, options.args, { cwd: projectRoot, env: options.env, stdio: ['ignore', out, out] });
  } finally {
    closeSync(out); // the child has its own copy
  }
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async (graceMs = 15_000) => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${options.name} exited (code ${exitCode}) before it was ready; its output (${options.logFile}):\n${tail(options.logFile)}`);
    if (performance.now() > deadline) {
      await stop(2000);
      throw new Error(`${options.name} was not ready within ${options.timeoutMs} ms; its output (${options.logFile}):\n${tail(options.logFile)}`);
    }
    try {
      const res = await fetch(`${url}${options.readyPath}`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (options.readyStatus === undefined || res.status === options.readyStatus) break;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  const pid = child.pid!;
  return {
    name: options.name,
    pid,
    url,
    logFile: options.logFile,
    memoryMb: () => (exitCode === undefined ? memoryOf(pid) : undefined),
    cpuMs: () => processCpuMs(pid),
    stop,
  };
}

/** Newest modification time of the files under `dir` (recursively), ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * `npm run build` when `mode` says so: `always`, `never`, or `auto` (when dist/src/main.js is missing or
 * older than anything in src/, migrations/, package.json or the tsconfig files). Returns what it did.
 */
export async function buildServer(mode: string): Promise<string> {
  const main = path.join(projectRoot, 'dist', 'src', 'main.js');
  if (mode === 'never') {
    if (!existsSync(main)) throw new Error('BENCH_READ_BUILD=never, but dist/src/main.js does not exist: run npm run build');
    return 'dist/ used as it is (BENCH_READ_BUILD=never)';
  }
  if (mode === 'auto' && existsSync(main)) {
    const built = statSync(main).mtimeMs;
    const sources = Math.max(
      newestMtime(path.join(projectRoot, 'src')),
      newestMtime(path.join(projectRoot, 'migrations')),
      ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(projectRoot, f)).mtimeMs),
    );
    if (built > sources) return 'dist/ is up to date';
  }
  const t0 = performance.now();
  const logFile = path.join(projectRoot, '.data', 'bench-reads', 'build.log');
  const out = openSync(logFile, 'w');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: projectRoot, stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('exit', resolve);
  }).finally(() => closeSync(out));
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${tail(logFile, 30)}`);
  return `built dist/ (npm run build, ${((performance.now() - t0) / 1000).toFixed(1)} s)`;
}

export interface ServerSecrets {
  staffJwt: string;
  portalJwt: string;
}

export function newSecrets(): ServerSecrets {
  return { staffJwt: randomBytes(32).toString('base64url'), portalJwt: randomBytes(32).toString('base64url') };
}

/**
 * The real server, as production runs it: NODE_ENV=production (row-level security on, the tenant role per
 * request), the settings production requires (token keys, the webhook-secrets key, an SMTP URL: nothing is
 * mailed by reads), no demo data. Everything else (DB_POOL_MAX, LOG_LEVEL, ...) comes from the environment
 * as for `npm start`; BENCH_LOG_LEVEL sets LOG_LEVEL.
 */
export async function startServer(options: { databaseUrl: string; secrets: ServerSecrets; logFile: string; nodeArgs?: string[] }): Promise<ChildServer> {
  const port = await freeLocalPort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    JWT_STAFF_SECRET: options.secrets.staffJwt,
    JWT_PORTAL_SECRET: options.secrets.portalJwt,
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url'),
    SMTP_URL: process.env.BENCH_SMTP_URL ?? 'smtp://127.0.0.1:2525',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info',
  };
  return startNode({
    name: 'the server',
    args: [...(options.nodeArgs ?? []), path.join('dist', 'src', 'main.js')],
    env,
    port,
    logFile: options.logFile,
    readyPath: '/readyz',
    readyStatus: 200,
    timeoutMs: 120_000,
  });
}

/** The baseline (baseline-server.js) on the same database, with the same pool size as the server. */
export async function startBaseline(options: { databaseUrl: string; poolMax: number; logFile: string }): Promise<ChildServer> {
  const port = await freeLocalPort();
  return startNode({
    name: 'the baseline',
    args: [path.join(__dirname, 'baseline-server.js')],
    env: { PATH: process.env.PATH, PORT: String(port), DATABASE_URL: options.databaseUrl, POOL_MAX: String(options.poolMax), NODE_ENV: 'production' },
    port,
    logFile: options.logFile,
    readyPath: '/',
    timeoutMs: 30_000,
  });
}
