import { createServer, type Server } from 'node:net';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freeLocalPort } from '../../src/db/embedded';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { spawnServer, spawnTestSetup, type ServerProcess } from '../setup/process';

// Each case starts a real server process (TypeScript compiled by swc as it loads): seconds each, more on a busy machine.
jest.setTimeout(180_000);

/** The server as a user runs it: a real process, its exit codes and its one-line errors. */
describe('starting and stopping the server process', () => {
  let db: TestDatabase;
  let scratch: string;
  const running: ServerProcess[] = [];
  // In development the webhook secrets key is kept beside the embedded database's directory: a scratch one
  // here, never the project's own .data/.
  const start = (env: Record<string, string>) => {
    const p = spawnServer({ EMBEDDED_PG_DIR: path.join(scratch, 'pg'), ...env });
    running.push(p);
    return p;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'incident-desk-startup-'));
  });
  afterAll(async () => {
    for (const p of running) if (p.proc.exitCode === null) p.proc.kill('SIGKILL');
    await db.drop();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const oneLineError = (output: string) => {
    expect(output).toMatch(/^error: .+$/m);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
  };

  it('refuses a malformed setting with one clear line and exit code 1', async () => {
    const p = start({ PORT: 'eighty', NODE_ENV: 'production' });
    expect((await p.exited).code).toBe(1);
    oneLineError(p.output());
    expect(p.output()).toContain('PORT: must be a number');
    expect(p.output()).toContain('JWT_STAFF_SECRET: must be set in production');
  });

  it('says so when DATABASE_URL is unreachable', async () => {
    const p = start({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/nothing', PORT: '0' });
    expect((await p.exited).code).toBe(1);
    oneLineError(p.output());
    expect(p.output()).toMatch(/error: Cannot connect to the database at 127\.0\.0\.1:1\/nothing/);
  });

  it('says so when a migration fails, and applies none of them', async () => {
    const broken = await createTestDatabase({ empty: true });
    const c = new Client({ connectionString: broken.url });
    await c.connect();
    await c.query('CREATE TABLE tenants (something_else int)'); // the first migration creates "tenants" and will collide
    try {
      const p = start({ DATABASE_URL: broken.url, PORT: '0' });
      expect((await p.exited).code).toBe(1);
      oneLineError(p.output());
      expect(p.output()).toMatch(/error: A database migration failed and nothing was applied: .*tenants/);
      const { rows } = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'tenants' AND table_name <> 'mikro_orm_migrations'");
      expect(rows[0].n).toBe(0);
    } finally {
      await c.end();
      await broken.drop();
    }
  });

  it('says so when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const p = start({ DATABASE_URL: db.url, PORT: String(port) });
      expect((await p.exited).code).toBe(1);
      oneLineError(p.output());
      expect(p.output()).toContain(`error: Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("jest's global setup, when it cannot start, says why in one line and exits 1 as well", async () => {
    const p = spawnTestSetup({ TEST_DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/nothing' });
    running.push(p);
    expect((await p.exited).code).toBe(1);
    oneLineError(p.output());
    expect(p.output()).toMatch(/^error: Cannot use the test database server at 127\.0\.0\.1:1\/nothing \(TEST_DATABASE_URL\): .*ECONNREFUSED/m);
  });

  // Started as root, the embedded PostgreSQL runs as "postgres", which must reach its data (mkdtemp makes 0700 directories, as /root is).
  (process.getuid?.() === 0 ? it : it.skip)('as root with the data in a private directory, the server and the test setup both name it and what to change, in one line', async () => {
    const closed = await fs.mkdtemp(path.join(os.tmpdir(), 'incident-desk-private-'));
    try {
      const server = start({ EMBEDDED_PG_DIR: path.join(closed, 'pg'), PORT: '0' });
      const setup = spawnTestSetup({ TMPDIR: closed });
      running.push(setup);
      for (const p of [server, setup]) {
        expect((await p.exited).code).toBe(1);
        oneLineError(p.output());
        expect(p.output()).toContain(`error: Started as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${closed} (mode 0700)`);
        expect(p.output()).toContain(`chmod o+x ${closed}`);
      }
    } finally {
      await fs.rm(closed, { recursive: true, force: true });
    }
  });

  it('serves, then on SIGTERM stops accepting, closes the database and exits 0', async () => {
    const p = start({ DATABASE_URL: db.url, PORT: '0', NODE_ENV: 'development', SEED_DEMO: 'true' });
    await p.waitFor(/listening on http:/);
    const base = p.output().match(/listening on (http:\/\/[\d.]+:\d+)/)![1];
    expect(p.output()).toContain('demo data ready');
    expect(p.output()).toContain('JWT_STAFF_SECRET and JWT_PORTAL_SECRET not set: generated random keys');
    const res = await fetch(`${base}/api/v1/customer/companies`);
    const body = (await res.json()) as { data: { slug: string }[] };
    expect(body.data.map((c) => c.slug)).toEqual(['acme-cloud', 'globex-support']);
    // The printed demo accounts sign in.
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@acme-cloud.test', password: 'Demo-Incident-Desk-2026' }),
    });
    expect(login.status).toBe(200);
    expect(p.output()).toContain('Demo accounts (password Demo-Incident-Desk-2026):');
    expect(p.output()).toMatch(/admin@acme-cloud\.test +staff ADMIN +acme-cloud +POST \/api\/v1\/auth\/login/);
    const portal = await fetch(`${base}/api/v1/portal/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantSlug: 'acme-cloud', email: 'max@initrode.test', password: 'Demo-Incident-Desk-2026' }),
    });
    const token = ((await portal.json()) as { data: { accessToken: string } }).data.accessToken;
    const tickets = await fetch(`${base}/api/v1/portal/tickets`, { headers: { authorization: `Bearer ${token}` } });
    const list = (await tickets.json()) as { data: { items: { title: string }[] } };
    expect(list.data.items).toHaveLength(3);
    expect(JSON.stringify(list)).not.toContain('gateway connection pool');
    p.proc.kill('SIGTERM');
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.output()).toMatch(/INFO: stopped\n/); // development logs are pretty (LOG_FORMAT)
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  describe('with the embedded PostgreSQL', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'incident-desk-embedded-'));
      await fs.chmod(dir, 0o755);
    });
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));

    const embeddedEnv = (port: number) => ({ EMBEDDED_PG_DIR: path.join(dir, 'pg'), EMBEDDED_PG_PORT: String(port), PORT: '0', SEED_DEMO: 'false' });

    it('starts one with no DATABASE_URL, refuses a second server on the same data, and recovers from a killed run', async () => {
      const pgPort = await freeLocalPort();
      const first = start(embeddedEnv(pgPort));
      await first.waitFor(/listening on/);
      expect(first.output()).toContain('embedded PostgreSQL running on 127.0.0.1:');
      // The development key for webhook secrets is made once, beside the database, readable by its owner only.
      const keyFile = path.join(dir, 'pg.webhook-key');
      expect(first.output()).toContain(`created a development key in ${keyFile}`);
      expect((await fs.stat(keyFile)).mode & 0o777).toBe(0o600);
      const key = await fs.readFile(keyFile, 'utf8');

      const second = start(embeddedEnv(pgPort));
      expect((await second.exited).code).toBe(1);
      oneLineError(second.output());
      expect(second.output()).toMatch(/error: The embedded database in .* is in use by another server \(pid \d+\)/);

      // A killed server leaves its PostgreSQL running: the next start must stop it and carry on.
      first.proc.kill('SIGKILL');
      await first.exited;
      const third = start(embeddedEnv(pgPort));
      await third.waitFor(/listening on/);
      expect(third.output()).toContain('stopping a stale embedded PostgreSQL');
      // Stored secrets depend on the key: a restart keeps it.
      expect(third.output()).toContain(`encrypted with the development key in ${keyFile}`);
      expect(await fs.readFile(keyFile, 'utf8')).toBe(key);
      third.proc.kill('SIGINT');
      expect((await third.exited).code).toBe(0);
      // A clean stop leaves no lock and no running postmaster behind.
      await expect(fs.access(path.join(dir, 'pg.lock'))).rejects.toThrow();
      await expect(fs.access(path.join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    }, 300_000);
  });
});
