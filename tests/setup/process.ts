import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../..');

export interface ServerProcess {
  proc: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves when the output matches, rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `src/main.ts` as a real process (compiled by swc as it loads), as `npm start` would run the built file. */
export function spawnServer(env: Record<string, string>, args: string[] = []): ServerProcess {
  return spawnEntry('src/main.ts', env, args);
}

/** Runs `src/worker.ts` (the notifications worker alone), as `npm run worker` would run the built file. */
export function spawnWorker(env: Record<string, string>): ServerProcess {
  return spawnEntry('src/worker.ts', env);
}

/** Runs `src/cli/db.ts` with `command` (status, migrate, reset), as `npm run db:<command>` runs the built file. */
export function spawnDbCommand(command: string, env: Record<string, string>): ServerProcess {
  return spawnEntry('src/cli/db.ts', env, [command]);
}

/** Runs jest's global setup (tests/setup/global-setup.ts) alone, as `npm test` runs it before any test. */
export function spawnTestSetup(env: Record<string, string>): ServerProcess {
  return spawnEntry('tests/setup/run-global-setup.ts', env);
}

function spawnEntry(entry: string, env: Record<string, string>, args: string[] = []): ServerProcess {
  const proc = spawn(process.execPath, ['-r', path.join(__dirname, 'swc-register.js'), path.join(root, entry), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  // 'close', not 'exit': it comes once the output is read to its end, which 'exit' may overtake on a busy
  // machine (the last line, often the one a test is about, was then missing). Its own children (PostgreSQL)
  // have pipes of their own, so none holds this one open.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    output: () => out,
    exited,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            cleanup();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; output:\n${out}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!pattern.test(out)) {
            cleanup();
            reject(new Error(`process exited before ${pattern}; output:\n${out}`));
          }
        });
        check();
      }),
  };
}
