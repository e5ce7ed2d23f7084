import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { connectOrm, migrate } from '../../src/db/database';
import { sqlRows } from '../../src/db/read';
import { RequestTransaction, TENANT_ROLE } from '../../src/db/tenant-transaction';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { overTransport } from '../setup/transports';
import { createTestDatabase } from '../setup/db';
import { recordRoundTrips, type Sent } from '../setup/round-trips';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; data: T; errors?: { code: string }[] };

/** Every table of `public` with a tenant_id column, from the catalog (so a new table is included by itself). */
const TENANT_TABLES = `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
  where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`;

/** Each public table: RLS on, whether the tenant role has a policy, and whether it has any privilege. */
const TABLE_SECURITY = `select c.relname as name, c.relrowsecurity as rls,
    exists (select 1 from pg_policy p where p.polrelid = c.oid and '${TENANT_ROLE}'::regrole = any (p.polroles)) as policy,
    has_table_privilege('${TENANT_ROLE}', c.oid, 'select, insert, update, delete') as granted,
    exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_owned
  from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`;

interface TableSecurity {
  name: string;
  rls: boolean;
  policy: boolean;
  granted: boolean;
  tenant_owned: boolean;
}

/** What the catalog check refuses: a tenant-owned table without RLS and a policy, or any table the role may use unpoliced. */
const unprotected = (rows: TableSecurity[]) => rows.filter((r) => (r.tenant_owned || r.granted) && !(r.rls && r.policy)).map((r) => r.name);

/**
 * PostgreSQL row-level security as the backstop of tenant isolation (src/db/tenant-transaction.ts and the
 * migration that creates the role and policies): checked in the catalog, with raw SQL as the tenant role, and
 * end to end through HTTP.
 */
describe('row-level security', () => {
  let t: TestApp;
  let sql: Client;
  let a: Tenant;
  let b: Tenant;
  const auth: Record<string, Record<string, string>> = {};

  /** Runs `statement` in a transaction as the tenant role (with `tenantId` set, or none), then rolls back. */
  async function asRole<R>(tenantId: string | null, statement: string, params: unknown[] = []): Promise<R[]> {
    await sql.query('BEGIN');
    try {
      await sql.query(`SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`, [TENANT_ROLE, tenantId ?? '']);
      return (await sql.query(statement, params)).rows as R[];
    } finally {
      await sql.query('ROLLBACK');
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false' });
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    a = await createTenant(em, { slug: 'rls-a' });
    b = await createTenant(em, { slug: 'rls-b' });
    // Rows in every kind of table for both tenants, written through the API as users would.
    for (const [key, tenant] of [['a', a], ['b', b]] as const) {
      const admin = await createStaff(em, hasher, { tenant, role: 'ADMIN' });
      auth[key] = (await login(t, admin.email, admin.password)).auth;
      const org = await createCustomerOrg(em, tenant, 'OWN');
      const customer = await createCustomerUser(em, hasher, tenant, { org });
      auth[`${key}Portal`] = await portalLogin(t, tenant.slug, customer.email, customer.password);
      const created = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: `Outage ${key}`, description: 'down', priority: 'HIGH' }, auth[key]);
      expect(created.status).toBe(201);
      expect((await t.rest('POST', `/api/v1/incidents/${created.body.data.id}/analysis`, {}, auth[key])).status).toBe(201);
      const ticket = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: `Ticket ${key}`, description: 'broken', priority: 'LOW' }, auth[`${key}Portal`]);
      expect(ticket.status).toBe(201);
      expect((await t.rest('POST', `/api/v1/portal/tickets/${ticket.body.data.id}/comments`, { body: 'still broken' }, auth[`${key}Portal`])).status).toBe(201);
      const article = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/kb', { title: `How to ${key}`, markdown: 'Restart it.', visibility: 'PUBLIC' }, auth[key]);
      expect(article.status).toBe(201);
      expect((await t.rest('PATCH', `/api/v1/kb/${article.body.data.id}`, { markdown: 'Restart it twice.' }, auth[key])).status).toBe(200);
      expect((await t.rest('POST', '/api/v1/portal-users', { email: `invited-${key}@client.test`, displayName: 'Invited' }, auth[key])).status).toBe(201);
    }
    await t.app.runtime.background.drain();
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  it('every table with a tenant_id column has RLS on and a policy for the tenant role, and so does every other table the role may use', async () => {
    const tables = (await sql.query<TableSecurity>(TABLE_SECURITY)).rows;
    const tenantOwned = tables.filter((r) => r.tenant_owned).map((r) => r.name);
    expect(tenantOwned).toEqual(expect.arrayContaining(['users', 'sessions', 'incidents', 'incident_updates', 'customers', 'customer_portal_users', 'kb_articles', 'audit_log', 'outbox_events']));
    expect(unprotected(tables)).toEqual([]);
    // Without tenant_id: tied to the tenant by a policy of their own, or not usable by the role at all.
    const byName = Object.fromEntries(tables.map((r) => [r.name, r]));
    for (const name of ['tenants', 'audit_chain_heads', 'refresh_tokens', 'action_tokens', 'one_time_codes']) expect(byName[name]).toMatchObject({ rls: true, policy: true, granted: true });
    for (const name of ['rate_limits', 'oauth_states', 'queue_worker_heartbeats', 'mikro_orm_migrations']) expect(byName[name]).toMatchObject({ granted: false });
  });

  it('a table a later migration adds is granted to the role by default privileges, and the catalog check names it until it gets a policy', async () => {
    await sql.query('create table rls_later (id uuid primary key, tenant_id uuid not null)');
    try {
      const tables = (await sql.query<TableSecurity>(TABLE_SECURITY)).rows;
      expect(tables.find((r) => r.name === 'rls_later')).toMatchObject({ granted: true, rls: false, policy: false });
      expect(unprotected(tables)).toEqual(['rls_later']);
      await sql.query('alter table rls_later enable row level security');
      await sql.query(`create policy tenant_isolation on rls_later to ${TENANT_ROLE} using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`);
      expect(unprotected((await sql.query<TableSecurity>(TABLE_SECURITY)).rows)).toEqual([]);
    } finally {
      await sql.query('drop table rls_later');
    }
  });

  it('as the tenant role, a select with no WHERE returns only that tenant’s rows of every tenant table, and nothing with no tenant set', async () => {
    const tables = (await sql.query<{ name: string }>(TENANT_TABLES)).rows.map((r) => r.name);
    const filled: string[] = [];
    for (const table of tables) {
      const [owner] = (await sql.query<{ mine: number; others: number }>(`select count(*) filter (where tenant_id = $1)::int as mine, count(*) filter (where tenant_id is distinct from $1)::int as others from "${table}"`, [a.id])).rows;
      const [seen] = await asRole<{ total: number; mine: number }>(a.id, `select count(*)::int as total, count(*) filter (where tenant_id = $1)::int as mine from "${table}"`, [a.id]);
      expect({ table, ...seen }).toEqual({ table, total: owner.mine, mine: owner.mine });
      const [none] = await asRole<{ total: number }>(null, `select count(*)::int as total from "${table}"`);
      expect({ table, ...none }).toEqual({ table, total: 0 });
      if (owner.mine > 0 && owner.others > 0) filled.push(table);
    }
    // The fixture really has both tenants' rows where it matters, so the equalities above are not vacuous.
    expect(filled).toEqual(expect.arrayContaining(['users', 'sessions', 'incidents', 'incident_updates', 'customers', 'customer_portal_users', 'kb_articles', 'kb_article_revisions', 'audit_log', 'outbox_events', 'incident_counters', 'incident_analyses']));

    expect(await asRole<{ id: string }>(a.id, 'select id from tenants')).toEqual([{ id: a.id }]);
    expect(await asRole<{ chain: string }>(a.id, 'select chain from audit_chain_heads')).toEqual([{ chain: `tenant:${a.id}` }]);
    const [tokens] = await asRole<{ foreign: number; total: number }>(
      a.id,
      'select count(*)::int as total, count(*) filter (where session_id not in (select id from sessions))::int as foreign from refresh_tokens',
    );
    const [ownTokens] = (await sql.query<{ n: number }>('select count(*)::int as n from refresh_tokens r join sessions s on s.id = r.session_id where s.tenant_id = $1', [a.id])).rows;
    expect(tokens).toEqual({ total: ownTokens.n, foreign: 0 });
    const [invitations] = await asRole<{ n: number }>(a.id, `select count(*)::int as n from action_tokens where subject_id in (select id from customer_portal_users where email = 'invited-b@client.test')`);
    expect(invitations.n).toBe(0);
    expect(await asRole(null, 'select id from tenants')).toEqual([]);
  });

  it('WITH CHECK refuses writing a row of another tenant as the tenant role', async () => {
    const tables = (await sql.query<{ name: string }>(TENANT_TABLES)).rows.map((r) => r.name);
    for (const table of tables) {
      const [{ n }] = (await sql.query<{ n: number }>(`select count(*)::int as n from "${table}" where tenant_id = $1`, [a.id])).rows;
      if (!n) continue;
      await expect(asRole(a.id, `update "${table}" set tenant_id = $2 where ctid = (select ctid from "${table}" where tenant_id = $1 limit 1)`, [a.id, b.id])).rejects.toThrow(
        /violates row-level security policy/,
      );
    }
    await expect(asRole(a.id, 'insert into customers (tenant_id, name) values ($1, $2)', [b.id, 'Planted'])).rejects.toThrow(/violates row-level security policy/);
    await expect(asRole(null, 'insert into customers (tenant_id, name) values ($1, $2)', [a.id, 'Planted'])).rejects.toThrow(/violates row-level security policy/);
    // The same insert for its own tenant goes through: the refusals above are the policy, not missing grants.
    expect(await asRole(a.id, 'insert into customers (tenant_id, name) values ($1, $2) returning name', [a.id, 'Own'])).toEqual([{ name: 'Own' }]);
    // Another tenant's rows cannot even be found to be changed or deleted.
    expect(await asRole(a.id, 'update incidents set title = $2 where tenant_id = $1 returning id', [b.id, 'Hijacked'])).toEqual([]);
    expect(await asRole(a.id, 'delete from customers where tenant_id = $1 returning id', [b.id])).toEqual([]);
    expect(await asRole(a.id, 'update tenants set name = $2 where id = $1 returning id', [b.id, 'Hijacked'])).toEqual([]);
  });

  describe('through HTTP', () => {
    // Test-only probes in this file's own database: a trigger and a (restrictive, always true) read policy
    // record the role and tenant that the server's statements run with.
    beforeAll(async () => {
      await sql.query(`create table rls_probe (seq bigserial, what text, role text, tenant text)`);
      await sql.query(`create function rls_probe(what text) returns boolean language plpgsql as $$
        begin insert into rls_probe (what, role, tenant) values (what, current_user, nullif(current_setting('app.tenant_id', true), '')); return true; end $$`);
      await sql.query(`create function rls_probe_insert() returns trigger language plpgsql as $$ begin perform rls_probe(tg_table_name || ' insert'); return null; end $$`);
      await sql.query('create trigger rls_probe after insert on incidents for each row execute function rls_probe_insert()');
      await sql.query('create trigger rls_probe after insert on sessions for each row execute function rls_probe_insert()');
      await sql.query(`create policy rls_probe on incidents as restrictive for select to ${TENANT_ROLE} using (rls_probe('incidents read'))`);
    });
    afterAll(async () => {
      await sql.query('drop policy rls_probe on incidents');
      await sql.query('drop trigger rls_probe on incidents');
      await sql.query('drop trigger rls_probe on sessions');
    });

    const probed = async <T>(request: () => Promise<T>): Promise<{ result: T; seen: { what: string; role: string; tenant: string | null }[] }> => {
      await sql.query('truncate rls_probe');
      const result = await request();
      const seen = (await sql.query<{ what: string; role: string; tenant: string | null }>('select what, role, tenant from rls_probe order by seq')).rows;
      return { result, seen: seen.filter((s, i) => seen.findIndex((o) => o.what === s.what && o.role === s.role && o.tenant === s.tenant) === i) };
    };

    it('a staff request over REST writes and reads as the tenant role with its tenant set', async () => {
      const created = await probed(() =>
        t.rest<Envelope<{ id: string }>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Probed', description: 'x', priority: 'LOW' }, auth.a),
      );
      expect(created.result.status).toBe(201);
      expect(created.seen).toContainEqual({ what: 'incidents insert', role: TENANT_ROLE, tenant: a.id });
      expect(created.seen.every((s) => s.role === TENANT_ROLE && s.tenant === a.id)).toBe(true);

      const read = await probed(() => t.rest<Envelope<{ id: string }>>('GET', `/api/v1/incidents/${created.result.body.data.id}`, undefined, auth.a));
      expect(read.result.status).toBe(200);
      expect(read.seen).toEqual([{ what: 'incidents read', role: TENANT_ROLE, tenant: a.id }]);
    });

    it('a portal request over GraphQL runs as the tenant role with the customer’s tenant set', async () => {
      const created = await probed(() =>
        t.gql<{ createTicket: { id: string } }>(
          'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
          { input: { type: 'INCIDENT', title: 'Probed ticket', description: 'x', priority: 'LOW' } },
          auth.bPortal,
        ),
      );
      expect(created.result.errors).toBeUndefined();
      expect(created.seen).toContainEqual({ what: 'incidents insert', role: TENANT_ROLE, tenant: b.id });
      expect(created.seen.every((s) => s.role === TENANT_ROLE && s.tenant === b.id)).toBe(true);

      const list = await probed(() => t.gql<{ tickets: { items: { id: string }[] } }>('{ tickets { items { id } } }', undefined, auth.bPortal));
      expect(list.result.data?.tickets.items.map((i) => i.id)).toContain(created.result.data?.createTicket.id);
      expect(list.seen).toEqual([{ what: 'incidents read', role: TENANT_ROLE, tenant: b.id }]);
    });

    it('a subscription reads each event in a short transaction as the subscriber’s tenant', async () => {
      const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: auth.a, retryAttempts: 0, lazy: true });
      const received: unknown[] = [];
      const before = t.app.runtime.live.subscribers;
      const dispose = client.subscribe({ query: 'subscription { incidentsChanged { eventType incident { id } } }' }, { next: (r) => void received.push(r), error: () => undefined, complete: () => undefined });
      try {
        await until(() => t.app.runtime.live.subscribers > before, 'the subscription', 10000);
        await sql.query('truncate rls_probe');
        // An incident created as the owner (no request of tenant A involved): only the subscriber's read is probed.
        await sql.query(`insert into outbox_events (tenant_id, type, payload) select tenant_id, 'incident.updated', json_build_object('incidentId', id) from incidents where tenant_id = $1 limit 1`, [a.id]);
        await until(() => received.length > 0, 'the event', 10000);
        expect(received).toHaveLength(1);
        const seen = (await sql.query<{ what: string; role: string; tenant: string | null }>('select distinct what, role, tenant from rls_probe')).rows;
        expect(seen).toEqual([{ what: 'incidents read', role: TENANT_ROLE, tenant: a.id }]);
      } finally {
        dispose();
        await client.dispose();
      }
    });

    it('over WebSocket too, an operation mixing public and tenant fields runs the tenant fields as the tenant and the public ones as the owner', async () => {
      const run = (query: string) => overTransport(t, 'WS', query, undefined, auth.bPortal);
      // As the owner: every company open to sign-up, not only the viewer's own.
      const open = [await createTenant(t.em(), { name: 'RLS open one', allowCustomerSignup: true }), await createTenant(t.em(), { name: 'RLS open two', allowCustomerSignup: true })];
      const mixed = await probed(() => run('{ companies { name } tickets { items { id } } }'));
      expect(mixed.result.errors).toBeUndefined();
      expect((mixed.result.data?.companies as { name: string }[]).map((c) => c.name)).toEqual(expect.arrayContaining(open.map((o) => o.name)));
      expect(mixed.seen).toEqual([{ what: 'incidents read', role: TENANT_ROLE, tenant: b.id }]);
      const tickets = await probed(() => run('{ tickets { items { id } } }'));
      expect(tickets.result.errors).toBeUndefined();
      expect(tickets.seen).toEqual([{ what: 'incidents read', role: TENANT_ROLE, tenant: b.id }]);
    });

    it.each(['POST', 'WS'] as const)('over %s, a mutation mixing a sign-in with ticket creation writes the tickets as the tenant, before and after the sign-in, and the sign-in as the owner', async (transport) => {
      const staff = await createStaff(t.em(), t.app.runtime.passwords, { tenant: a, role: 'VIEWER' });
      const mixed = await probed(() =>
        overTransport(
          t,
          transport,
          'mutation($input: CreateTicketInput!, $e: String!, $p: String!) { before: createTicket(input: $input) { id } login(input: { email: $e, password: $p }) { accessToken } after: createTicket(input: $input) { id } }',
          { input: { type: 'INCIDENT', title: 'Probed parts', description: 'x', priority: 'LOW' }, e: staff.email, p: staff.password },
          auth.bPortal,
        ),
      );
      expect(mixed.result.errors).toBeUndefined();
      expect(mixed.result.data).toEqual({ before: { id: expect.any(String) }, login: { accessToken: expect.any(String) }, after: { id: expect.any(String) } });
      const inserted = mixed.seen.filter((s) => s.what.endsWith(' insert'));
      expect(inserted.map((s) => s.what)).toEqual(['incidents insert', 'sessions insert']); // the second ticket's row is the first's (deduplicated)
      expect(mixed.seen.filter((s) => s.what.startsWith('incidents')).every((s) => s.role === TENANT_ROLE && s.tenant === b.id)).toBe(true);
      const session = mixed.seen.find((s) => s.what === 'sessions insert')!;
      expect(session.tenant).toBeNull();
      expect(session.role).not.toBe(TENANT_ROLE);
    });

    it('anonymous flows keep the owner role: a login opens its session with no tenant role and no tenant set', async () => {
      const staff = await createStaff(t.em(), t.app.runtime.passwords, { tenant: a, role: 'VIEWER' });
      const signedIn = await probed(() => login(t, staff.email, staff.password));
      expect(signedIn.result.accessToken).toBeTruthy();
      expect(signedIn.seen).toHaveLength(1);
      expect(signedIn.seen[0]).toMatchObject({ what: 'sessions insert', tenant: null });
      expect(signedIn.seen[0].role).not.toBe(TENANT_ROLE);
    });

    it('a public operation sent with a token still runs as the owner: a staff member of tenant A signs in from a browser holding a portal token of tenant B', async () => {
      const staff = await createStaff(t.em(), t.app.runtime.passwords, { tenant: a, role: 'VIEWER' });
      const signedIn = await probed(() =>
        t.rest<Envelope<{ accessToken: string }>>('POST', '/api/v1/auth/login', { email: staff.email, password: staff.password }, auth.bPortal),
      );
      expect(signedIn.result.status).toBe(200);
      expect(signedIn.result.body.data.accessToken).toBeTruthy();
      expect(signedIn.seen).toHaveLength(1);
      expect(signedIn.seen[0]).toMatchObject({ what: 'sessions insert', tenant: null });
      expect(signedIn.seen[0].role).not.toBe(TENANT_ROLE);

      // A public field next to a protected one does not lift the backstop from the protected one: the tickets
      // are still read as the tenant, while the sign-in and the company list run as the owner on a connection
      // of their own (tests/security/request-transaction.int-spec.ts has more).
      const mixed = await probed(() => t.gql<{ companies: unknown[]; tickets: { items: unknown[] } }>('{ companies { name } tickets { items { id } } }', undefined, auth.bPortal));
      expect(mixed.result.errors).toBeUndefined();
      expect(mixed.seen).toEqual([{ what: 'incidents read', role: TENANT_ROLE, tenant: b.id }]);
    });
  });

  it('after-commit work runs once the request transaction commits, and never when it rolls back', async () => {
    const fail = (err: unknown) => {
      throw err;
    };
    const ran: string[] = [];
    const committed = new RequestTransaction(t.em(), a.id, fail);
    await committed.begin();
    committed.afterCommit(() => ran.push('committed'));
    expect(ran).toEqual([]);
    await committed.commit();
    expect(ran).toEqual(['committed']);
    committed.afterCommit(() => ran.push('after the commit'));
    expect(ran).toEqual(['committed', 'after the commit']);

    const rolledBack = new RequestTransaction(t.em(), a.id, fail);
    await rolledBack.begin();
    rolledBack.afterCommit(() => ran.push('rolled back'));
    await rolledBack.rollback();
    expect(ran).toEqual(['committed', 'after the commit']);

    const owner = new RequestTransaction(t.em(), undefined, fail);
    await owner.begin(); // the owner role has no request transaction: "after commit" is now
    owner.afterCommit(() => ran.push('owner'));
    expect(ran).toEqual(['committed', 'after the commit', 'owner']);
  });

  describe("a query's reads (pipelines of their own: the claim, the statement, Sync)", () => {
    const fail = (err: unknown) => {
      throw err;
    };
    type Claimed = { role: string; tenant: string | null };
    const whoAmI = `SELECT current_user AS role, nullif(current_setting('app.tenant_id', true), '') AS tenant FROM tenants WHERE id = ?`;
    /** The request's own pooled connection, asked directly: what a statement sent outside the frame would run as. */
    /** Of the round trips recorded (tests/setup/round-trips.ts), the pipelines of request-connection.ts: kind and statement name. */
    const pipelines = (sent: Sent[]) => sent.filter((s) => s.as !== 'query').map(({ as, name }) => ({ as, name }));
    const connectionOf = (tx: RequestTransaction) => (tx as unknown as { connection: { connection: Client } }).connection.connection;

    it('each read runs as the tenant role with its tenant, and leaves nothing on the connection after it', async () => {
      const em = t.em();
      const tx = new RequestTransaction(em, a.id, fail);
      await tx.begin({ readOnly: true });
      try {
        expect(await sqlRows<Claimed>(em, whoAmI, [a.id])).toEqual([{ role: TENANT_ROLE, tenant: a.id }]);
        // Row-level security applies: tenant B's row is not there for tenant A's read.
        expect(await sqlRows<Claimed>(em, whoAmI, [b.id])).toEqual([]);
        const after = (await connectionOf(tx).query<Claimed>(`SELECT current_user AS role, nullif(current_setting('app.tenant_id', true), '') AS tenant`)).rows[0];
        expect(after.role).not.toBe(TENANT_ROLE);
        expect(after.tenant).toBeNull();
      } finally {
        await tx.end('ok');
      }
    });

    it('with DB_PREPARED_STATEMENTS off (a pooler that cannot keep them), a read is an unnamed statement of its pipeline, claimed the same way', async () => {
      const { sent, restore } = recordRoundTrips();
      const em = t.em();
      const tx = new RequestTransaction(em, a.id, fail);
      try {
        await tx.begin({ readOnly: true, preparedStatements: false });
        expect(await sqlRows<Claimed>(em, `${whoAmI} AND true`, [a.id])).toEqual([{ role: TENANT_ROLE, tenant: a.id }]);
        expect(await sqlRows<Claimed>(em, whoAmI, [b.id])).toEqual([]);
      } finally {
        await tx.end('ok');
        restore();
      }
      expect(pipelines(sent)).toEqual([
        { as: 'ClaimedRead', name: '' },
        { as: 'ClaimedRead', name: '' },
      ]);
    });

    it('a read whose values MikroORM inlined (em.execute) travels claimed too, but unnamed: its text is new every time', async () => {
      const { sent, restore } = recordRoundTrips();
      const em = t.em();
      const tx = new RequestTransaction(em, a.id, fail);
      try {
        await tx.begin({ readOnly: true });
        expect(await em.execute<Claimed[]>(whoAmI, [a.id])).toEqual([{ role: TENANT_ROLE, tenant: a.id }]);
        expect(await sqlRows<Claimed>(em, whoAmI, [a.id])).toEqual([{ role: TENANT_ROLE, tenant: a.id }]);
      } finally {
        await tx.end('ok');
        restore();
      }
      expect(pipelines(sent).filter((s) => s.as === 'ClaimedRead')).toEqual([
        { as: 'ClaimedRead', name: '' },
        { as: 'ClaimedRead', name: expect.stringMatching(/^incident_desk_\d+$/) },
      ]);
    });

    it('a failed read ends alone: the next read of the same request works, and the transaction was never opened', async () => {
      const em = t.em();
      const tx = new RequestTransaction(em, a.id, fail);
      await tx.begin({ readOnly: true });
      await expect(sqlRows(em, 'SELECT 1 / (count(*) - count(*)) FROM tenants WHERE id = ?', [a.id])).rejects.toThrow(/division by zero/);
      expect(await sqlRows<Claimed>(em, whoAmI, [a.id])).toEqual([{ role: TENANT_ROLE, tenant: a.id }]);
      expect(await tx.isUsable()).toBe(true);
      await expect(tx.end('errors')).resolves.toBeUndefined();
    });

    it('a write in a read-only operation opens a real transaction as the tenant, which the rest of the request shares', async () => {
      const em = t.em();
      const tx = new RequestTransaction(em, a.id, fail);
      await tx.begin({ readOnly: true });
      expect(await sqlRows<Claimed>(em, whoAmI, [a.id])).toEqual([{ role: TENANT_ROLE, tenant: a.id }]);
      const before = await t.em().count(AuditEntry, { action: 'test.read-only-write' });
      await t.app.runtime.audit.recordNow(em, { action: 'test.read-only-write', tenantId: a.id, actorKind: 'system' });
      // Inside the transaction now: the next read sees the uncommitted row, another connection does not.
      expect((await sqlRows<{ n: number }>(em, `SELECT count(*)::int AS n FROM audit_log WHERE action = ?`, ['test.read-only-write']))[0].n).toBe(before + 1);
      expect(await t.em().count(AuditEntry, { action: 'test.read-only-write' })).toBe(before);
      await tx.end('ok');
      expect(await t.em().count(AuditEntry, { action: 'test.read-only-write' })).toBe(before + 1);
    });
  });

  it('a failing after-commit hook is reported, and neither undoes the commit nor stops the other hooks', async () => {
    const reported: unknown[] = [];
    const ran: string[] = [];
    const em = t.em();
    const before = await t.em().count(AuditEntry, { action: 'test.hook' });
    const tx = new RequestTransaction(em, a.id, (err) => reported.push(err));
    await tx.begin();
    await t.app.runtime.audit.recordNow(em, { action: 'test.hook', tenantId: a.id, actorKind: 'system' }); // inside the transaction
    tx.afterCommit(() => {
      throw new Error('hook failed');
    });
    tx.afterCommit(() => ran.push('second'));
    await expect(tx.end('ok')).resolves.toBeUndefined(); // the answer keeps its data
    expect(ran).toEqual(['second']);
    expect(reported).toEqual([new Error('hook failed')]);
    expect(tx.isOpen).toBe(false);
    expect(await t.em().count(AuditEntry, { action: 'test.hook' })).toBe(before + 1);
  });

  it('parallel resolvers share the request’s one connection, and more concurrent requests than the pool has connections all finish', async () => {
    // Aliased root fields resolve in parallel, each with its queries, all on the request's transaction.
    const query = `{ ${Array.from({ length: 6 }, (_, i) => `l${i}: incidents(limit: 5) { items { id number updates { id } } }`).join(' ')} me { id } }`;
    // node-pg queues a query sent while another waits (deprecated, gone in pg 9): count such calls in this process.
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query_ = proto.query;
    let overlapping = 0;
    proto.query = function (this: { _queryQueue: unknown[] }, ...args: unknown[]) {
      if (this._queryQueue.length > 0) overlapping++;
      return query_.apply(this, args);
    };
    let results: Awaited<ReturnType<typeof t.rest> | ReturnType<typeof t.gql>>[];
    try {
      results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? t.rest('POST', '/api/v1/incidents', { type: 'INCIDENT', title: `Burst ${i}`, description: 'x', priority: 'LOW' }, auth.a) : t.gql(query, undefined, auth.a))),
      );
    } finally {
      proto.query = query_;
    }
    expect(overlapping).toBe(0);
    for (const r of results) {
      if ("errors" in r) expect(r.errors).toBeUndefined();
      else expect(r.status).toBe(201);
    }
  });

  it('the migration runs again on another database of the same cluster, where the role already exists', async () => {
    const [{ exists }] = (await sql.query<{ exists: boolean }>('select exists (select 1 from pg_roles where rolname = $1) as exists', [TENANT_ROLE])).rows;
    expect(exists).toBe(true);
    const second = await createTestDatabase({ empty: true });
    const orm = await connectOrm(second.url, { pool: { min: 0, max: 1 } });
    try {
      await migrate(orm);
      const other = new Client({ connectionString: second.url });
      await other.connect();
      try {
        expect(unprotected((await other.query<TableSecurity>(TABLE_SECURITY)).rows)).toEqual([]);
      } finally {
        await other.end();
      }
    } finally {
      await orm.close(true);
      await second.drop();
    }
  });
});
