import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { spawnDbCommand, spawnServer } from '../setup/process';

/** `npm run db:status`, `db:migrate` and `db:reset` against DATABASE_URL, as a developer runs them. */
describe('database commands', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  const run = async (command: string, env: Record<string, string> = {}) => {
    const p = spawnDbCommand(command, { DATABASE_URL: db.url, NODE_ENV: 'test', ...env });
    return { ...(await p.exited), output: p.output() };
  };
  const sql = async (text: string) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  it('status lists what is pending, migrate applies it, status then has nothing pending', async () => {
    const before = await run('status');
    expect(before).toMatchObject({ code: 0 });
    expect(before.output).toMatch(/^applied: 0\npending: \d+: Migration\d+/m);
    const migrated = await run('migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.output).toContain('the database is up to date');
    const after = await run('status');
    expect(after.output).toMatch(/^applied: \d+ \(last: Migration\d+\)\npending: 0$/m);
    expect(await sql("SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'graphile_worker'")).toEqual([{ n: 1 }]);
  });

  it('reset refuses outside development, and in development empties, migrates and seeds afresh', async () => {
    await sql("INSERT INTO tenants (name, slug) VALUES ('Left over', 'left-over')");
    const refused = await run('reset');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('error: db:reset is for development only');
    expect(await sql("SELECT slug FROM tenants WHERE slug = 'left-over'")).toHaveLength(1);

    const reset = await run('reset', { NODE_ENV: 'development', JWT_STAFF_SECRET: 's'.repeat(40), JWT_PORTAL_SECRET: 'p'.repeat(40) });
    expect(reset.code).toBe(0);
    expect(reset.output).toContain('the database is reset');
    expect(await sql("SELECT slug FROM tenants WHERE slug = 'left-over'")).toHaveLength(0);
    expect((await sql('SELECT slug FROM tenants ORDER BY slug')).map((r) => r.slug)).toEqual(['acme-cloud', 'globex-support', 'initech-internal']);
  });

  it('npm start -- --check: valid settings and a database that answers, then exit; one line when not', async () => {
    const ok = spawnServer({ DATABASE_URL: db.url, NODE_ENV: 'test' }, ['--check']);
    expect(await ok.exited).toEqual({ code: 0, signal: null });
    expect(ok.output()).toMatch(/^settings: valid \(NODE_ENV=test\)\ndatabase: reachable at 127\.0\.0\.1:\d+\/t_\w+; migrations up to date\n$/);
    const down = spawnServer({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/nothing', NODE_ENV: 'test' }, ['--check']);
    expect(await down.exited).toEqual({ code: 1, signal: null });
    expect(down.output()).toMatch(/^error: Cannot connect to the database at 127\.0\.0\.1:1\/nothing: .*ECONNREFUSED/m);
    // DATABASE_READ_URL: checked too (tests/integration/read-replica.int-spec.ts runs a real standby).
    const noReplica = spawnServer({ DATABASE_URL: db.url, DATABASE_READ_URL: 'postgresql://nobody@127.0.0.1:1/nothing', NODE_ENV: 'test' }, ['--check']);
    expect(await noReplica.exited).toEqual({ code: 1, signal: null });
    expect(noReplica.output()).toMatch(/^error: Cannot connect to the read replica at 127\.0\.0\.1:1\/nothing \(DATABASE_READ_URL\): .*ECONNREFUSED/m);
    const notStandby = spawnServer({ DATABASE_URL: db.url, DATABASE_READ_URL: db.url, NODE_ENV: 'test' }, ['--check']);
    expect(await notStandby.exited).toEqual({ code: 0, signal: null });
    expect(notStandby.output()).toMatch(/\nread replica: reachable at 127\.0\.0\.1:\d+\/t_\w+; not a standby/);
    const bad = spawnServer({ DATABASE_URL: db.url, PORT: 'eighty' }, ['--check']);
    expect(await bad.exited).toEqual({ code: 1, signal: null });
    expect(bad.output()).toContain('PORT: must be a number');
  });

  it('an unknown command says how to use it', async () => {
    const unknown = await run('drop');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('usage: npm run db:status | db:migrate | db:reset');
  });
});
