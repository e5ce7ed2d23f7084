import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, spawnWorker } from '../setup/process';

const DEFAULT_PORT = 54329;

/**
 * `npm start` with its embedded PostgreSQL's default port taken by another program, and `npm run worker`
 * finding the database of the server of its checkout. Real processes, as a new user runs them.
 */
describe('embedded PostgreSQL: a taken port, and the worker joining a running server', () => {
  let dir: string;
  let blocker: Server | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'incident-desk-embedded-port-'));
    await chmod(dir, 0o755); // run as root, PostgreSQL runs as "postgres", which must reach the data
    // Taken by "another program": this one, unless something else already holds it (taken either way).
    const server = createServer();
    blocker = await new Promise<Server | undefined>((resolve) => {
      server.once('error', () => resolve(undefined));
      server.listen(DEFAULT_PORT, '127.0.0.1', () => resolve(server));
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({ EMBEDDED_PG_DIR: path.join(dir, 'pg'), NODE_ENV: 'test', SEED_DEMO: 'false', PORT: '0', WEBHOOK_SECRETS_KEY: 'w'.repeat(40) });

  it('starts on another free port, says so, remembers it; the worker joins it without DATABASE_URL, and refuses once it is gone', async () => {
    const server = spawnServer(env());
    let chosen = 0;
    try {
      await server.waitFor(/listening on http:/);
      chosen = Number(/the embedded PostgreSQL uses (\d+)/.exec(server.output())![1]);
      expect(server.output()).toContain(`port ${DEFAULT_PORT} is taken by another program: the embedded PostgreSQL uses ${chosen}`);
      expect(server.output()).toContain(`embedded PostgreSQL running on 127.0.0.1:${chosen}`);
      expect(await readFile(path.join(dir, 'pg.port'), 'utf8')).toBe(String(chosen));

      const worker = spawnWorker(env());
      await worker.waitFor(/notifications worker started/);
      worker.proc.kill('SIGTERM');
      expect(await worker.exited).toEqual({ code: 0, signal: null });
    } finally {
      server.proc.kill('SIGTERM');
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });

    // The next start goes straight to the remembered port (the default is still taken), without a word about it.
    const again = spawnServer(env());
    try {
      await again.waitFor(/listening on http:/);
      expect(again.output()).toContain(`embedded PostgreSQL running on 127.0.0.1:${chosen}`);
      expect(again.output()).not.toContain('is taken');
    } finally {
      again.proc.kill('SIGTERM');
    }
    expect(await again.exited).toEqual({ code: 0, signal: null });

    const alone = spawnWorker(env());
    expect(await alone.exited).toEqual({ code: 1, signal: null });
    expect(alone.output()).toContain('error: No database: set DATABASE_URL, or start the server first (`npm start`)');
  });

  it('an explicit EMBEDDED_PG_PORT that is taken stops the start with one line naming it, and status 1', async () => {
    const server = spawnServer({ ...env(), EMBEDDED_PG_PORT: String(DEFAULT_PORT) });
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output()).toContain(`error: Port ${DEFAULT_PORT} (EMBEDDED_PG_PORT) is taken by another program; set EMBEDDED_PG_PORT to a free port, or stop that program.`);
  });
});
