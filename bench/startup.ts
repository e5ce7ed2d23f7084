import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLocalPort } from '../src/db/embedded';

/** Issue 17's start-up targets: a fresh checkout's first `npm start` (after `npm ci`) and a restart, to the first /readyz 200. */
export const STARTUP_TARGETS = { firstMs: 15_000, restartMs: 3_000 };

const root = path.resolve(__dirname, '..');

/** Starts `npm start` in `dir` and resolves with the time until /readyz answered 200, and the running process group. */
async function startTimed(dir: string, env: NodeJS.ProcessEnv, port: number, timeoutMs: number): Promise<{ ms: number; proc: ChildProcess }> {
  const started = performance.now();
  const proc = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: 'ignore' });
  for (;;) {
    if (performance.now() - started > timeoutMs) throw new Error(`no /readyz 200 within ${timeoutMs} ms`);
    if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode} before /readyz answered`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return { ms: performance.now() - started, proc };
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  process.kill(-proc.pid!, 'SIGTERM'); // npm, its shell and the server: one process group
  await exited;
  await new Promise((r) => setTimeout(r, 200)); // the embedded PostgreSQL's last files and the port
}

/**
 * A clone of the committed HEAD in a temporary directory, with this checkout's node_modules (what `npm ci`
 * would install; its time is not the server's), an embedded PostgreSQL of its own on free ports: the first
 * start builds everything and runs initdb; the restart finds both done.
 */
export async function benchStartup(): Promise<{ summary: Record<string, unknown>; met: boolean }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'incident-desk-startup-bench-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as "postgres", which must reach the data
  try {
    const checkout = path.join(dir, 'checkout');
    execFileSync('git', ['clone', '--quiet', '--no-local', root, checkout]);
    symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'));
    const port = await freeLocalPort();
    const env = { ...process.env, NODE_ENV: 'development', PORT: String(port), EMBEDDED_PG_PORT: String(await freeLocalPort()), EMBEDDED_PG_DIR: path.join(dir, 'pg'), DATABASE_URL: '', LOG_LEVEL: 'warn' };
    const first = await startTimed(checkout, env, port, 120_000);
    await stop(first.proc);
    const restarts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const again = await startTimed(checkout, env, port, 60_000);
      restarts.push(again.ms);
      await stop(again.proc);
    }
    const restartMs = [...restarts].sort((a, b) => a - b)[1];
    const met = first.ms <= STARTUP_TARGETS.firstMs && restartMs <= STARTUP_TARGETS.restartMs;
    console.log(`\nstart-up: first npm start of a fresh clone ${Math.round(first.ms)} ms (target <= ${STARTUP_TARGETS.firstMs}), restart median of 3 ${Math.round(restartMs)} ms (target <= ${STARTUP_TARGETS.restartMs}; ${restarts.map(Math.round).join(', ')})`);
    return { met, summary: { firstMs: Math.round(first.ms), restartMs: Math.round(restartMs), restarts: restarts.map(Math.round), targets: STARTUP_TARGETS, met } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
