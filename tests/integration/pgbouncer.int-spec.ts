import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { startMailbox, type Mailbox } from '../setup/mailbox';
import { pgbouncerBinary, startPgBouncer, type PgBouncer } from '../setup/pgbouncer';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; data: T; errors?: { code: string }[] };

const installed = pgbouncerBinary() !== undefined;
if (!installed) {
  // Said once, plainly, rather than passing for a test that ran.
  console.warn('pgbouncer is not installed (Debian: apt install pgbouncer): the PgBouncer tests are skipped.');
}

/**
 * The server behind PgBouncer in transaction mode, as docs/operations.md sets it up: DATABASE_URL names the
 * pooler, DATABASE_DIRECT_URL the database (for the LISTEN connections and the job queue), and
 * DB_PREPARED_STATEMENTS=false (Debian's PgBouncer is older than 1.21). The main flows run through it: staff
 * and portal sign-in, tickets and incidents written and read, row-level security's claim per transaction,
 * sign-out heard by the revocation cache, a live event, an e-mail from the job queue.
 */
(installed ? describe : describe.skip)('behind PgBouncer in transaction mode', () => {
  let bouncer: PgBouncer;
  let db: TestDatabase;
  let t: TestApp;
  let mail: Mailbox;
  let staff: Record<string, string>;
  let staffOther: Record<string, string>;
  let portal: Record<string, string>;
  let managerEmail: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    bouncer = await startPgBouncer(process.env.TEST_PG_SERVER_URL!);
    db = await createTestDatabase();
    mail = await startMailbox();
    const pooled: TestDatabase = { url: bouncer.urlFor(db.url), name: db.name, drop: async () => undefined };
    t = await startTestApp(
      { DATABASE_DIRECT_URL: db.url, DB_PREPARED_STATEMENTS: 'false', WORKER_ENABLED: 'true', WORKER_POLL_INTERVAL_MS: '100', SMTP_URL: mail.url },
      { database: pooled },
    );
    const em = t.em();
    const acme = await createTenant(em, { slug: 'bouncer-acme' });
    const other = await createTenant(em, { slug: 'bouncer-other' });
    const manager = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'MANAGER' });
    managerEmail = manager.email;
    const engineer = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'ENGINEER' });
    const outsider = await createStaff(em, t.app.runtime.passwords, { tenant: other, role: 'ADMIN' });
    staff = (await login(t, engineer.email, engineer.password)).auth;
    staffOther = (await login(t, outsider.email, outsider.password)).auth;
    const customer = await createCustomerUser(em, t.app.runtime.passwords, acme, { org: await createCustomerOrg(em, acme) });
    portal = await portalLogin(t, 'bouncer-acme', customer.email, customer.password);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
    await mail?.close();
    await db?.drop();
    await bouncer?.close();
  });


  it('the app\'s own connections go through the pooler, its LISTEN connections straight to the database', async () => {
    const pools = await bouncer.show('POOLS');
    expect(pools.map((p) => p.database)).toContain(db.name);
    const stats = (await bouncer.show('STATS')).find((s) => s.database === db.name);
    expect(Number(stats?.total_xact_count)).toBeGreaterThan(0);
    const listening = await t.em().getConnection().execute<{ n: string }[]>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
    );
    expect(Number(listening[0].n)).toBeGreaterThanOrEqual(2); // revocations and live events (and the job queue's runners)
  });

  it('a customer reports a ticket and comments; staff see it, change its status and read it back; the customer sees only the public part', async () => {
    const created = await t.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: 'Through the pooler', description: 'It broke.', priority: 'HIGH' }, portal);
    expect(created.status).toBe(201);
    const { id, number } = created.body.data;
    expect((await t.rest('POST', `/api/v1/portal/tickets/${id}/comments`, { body: 'Still broken.' }, portal)).status).toBe(201);

    const list = await t.gql<{ incidents: { items: { number: string }[]; pagination: { total: number } } }>('{ incidents { items { number } pagination { total } } }', undefined, staff);
    expect(list.errors).toBeUndefined();
    expect(list.data?.incidents.items.map((i) => i.number)).toContain(number);
    const changed = await t.rest<Envelope<{ status: string }>>('POST', `/api/v1/incidents/${id}/status`, { status: 'ACKNOWLEDGED' }, staff);
    expect(changed.status).toBe(200);
    const note = await t.gql('mutation($id: ID!) { addIncidentUpdate(id: $id, input: { body: "Internal note", visibility: INTERNAL }) { id } }', { id }, staff);
    expect(note.errors).toBeUndefined();

    const seen = await t.rest<Envelope<{ status: string; comments: { body: string }[] }>>('GET', `/api/v1/portal/tickets/${id}`, undefined, portal);
    expect(seen.status).toBe(200);
    expect(seen.body.data.status).toBe('ACKNOWLEDGED');
    expect(JSON.stringify(seen.body.data)).not.toContain('Internal note');
    const staffView = await t.gql<{ incident: { status: string; updates: { body: string }[] } }>('query($id: ID!) { incident(id: $id) { status updates { body } } }', { id }, staff);
    expect(staffView.data?.incident.updates.map((u) => u.body)).toEqual(expect.arrayContaining(['Still broken.', 'Internal note']));

    // Row-level security's claim travels with each transaction, whichever server connection the pooler picks.
    const elsewhere = await t.gql('query($id: ID!) { incident(id: $id) { id } }', { id }, staffOther);
    expect(elsewhere.data).toEqual({ incident: null });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => t.gql<{ incidents: { items: unknown[] } }>('{ incidents { items { id } } }', undefined, i % 2 ? staff : staffOther)));
    expect(many.map((r) => r.data?.incidents.items.length)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? list.data!.incidents.items.length : 0)));
  });

  it('a change is heard live by a subscriber and e-mailed by the job queue', async () => {
    const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: staff.authorization }, retryAttempts: 0, lazy: true });
    clients.push(client);
    const received: unknown[] = [];
    const before = t.app.runtime.live.subscribers;
    client.subscribe({ query: 'subscription { incidentsChanged { eventType incident { number } } }' }, { next: (r) => void received.push(r), error: () => undefined, complete: () => undefined });
    await until(() => t.app.runtime.live.subscribers === before + 1);
    const created = await t.rest<Envelope<{ number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: 'Live through the pooler', description: 'Live.', priority: 'LOW' }, portal);
    expect(created.status).toBe(201);
    await until(() => received.length > 0);
    expect(received[0]).toEqual({ data: { incidentsChanged: { eventType: 'incident.created_by_customer', incident: { number: created.body.data.number } } } });
    // The manager hears of every new ticket: this one's mail among them.
    await until(() => mail.messages.some((m) => m.to.includes(managerEmail) && m.subject.includes(`[${created.body.data.number}]`)));
  });

  it('a sign-out is heard by the revocation cache: the token stops working', async () => {
    const em = t.em();
    const tenant = await createTenant(em, { slug: 'bouncer-signout' });
    const someone = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'VIEWER' });
    const session = (await login(t, someone.email, someone.password)).auth;
    expect((await t.gql('{ me { id } }', undefined, session)).errors).toBeUndefined();
    expect((await t.rest('POST', '/api/v1/auth/logout', {}, session)).status).toBe(200);
    const after = await t.gql('{ me { id } }', undefined, session);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
