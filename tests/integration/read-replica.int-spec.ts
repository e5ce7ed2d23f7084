import { Client } from 'pg';
import { connectOrm, migrate } from '../../src/db/database';
import { viewerFrom } from '../../src/graphql/context';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startOwnPostgres, type OwnPostgres } from '../setup/own-postgres';
import { startStandby, type Standby } from '../setup/standby';
import { overTransport } from '../setup/transports';
import { until } from '../setup/wait';

/**
 * Issue 18: DATABASE_READ_URL. A real streaming replica of this file's own PostgreSQL (tests/setup/standby.ts).
 * Which side answered is told by a row that differs between them: replay is paused on the standby, the
 * primary changes an incident's title, and a query answers with the old title (the replica) or the new one
 * (the primary).
 */

jest.setTimeout(60_000);

/** The sticky window, in the setting's whole seconds: 2 leaves a loaded machine time for the writer's few requests inside it. */
const STICKY_SECONDS = 2;

describe('a streaming read replica (DATABASE_READ_URL)', () => {
  let primary: OwnPostgres | undefined;
  let standby: Standby | undefined;
  let replica: Client | undefined;
  let t: TestApp;
  let tenant: Tenant;
  let incidentId: string;
  let otherTenantIncidentId: string;
  let writer: Record<string, string>;
  let reader: Record<string, string>;
  let customer: Record<string, string>;
  let titles = 0;
  /** The incident's title on the primary. */
  let current = 'Title 0';

  /**
   * A new title written on the primary directly (as the owner), the way another process's write lands; with
   * the title it replaces, which a paused replica still has.
   */
  const retitleOnPrimary = async () => {
    const stale = current;
    current = `Title ${++titles}`;
    await t.em().execute('UPDATE incidents SET title = ? WHERE id = ?', [current, incidentId]);
    return { title: current, stale };
  };
  const replicaTitle = async () => (await replica!.query<{ title: string }>('SELECT title FROM incidents WHERE id = $1', [incidentId])).rows[0]?.title;
  const pauseReplay = async () => {
    await replica!.query('SELECT pg_wal_replay_pause()');
    await until(async () => (await replica!.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0].s === 'paused', 'replay paused', 15_000);
  };
  /** Resumes replay and waits until the replica has the primary's title. */
  const resumeReplay = async (title: string) => {
    await replica!.query('SELECT pg_wal_replay_resume()');
    await until(async () => (await replicaTitle()) === title, 'the replica to catch up', 15_000);
  };
  const staffTitle = async (auth: Record<string, string>) => {
    const res = await t.gql<{ incident: { title: string } }>('query ($id: ID!) { incident(id: $id) { title } }', { id: incidentId }, auth);
    expect(res.errors).toBeUndefined();
    return res.data!.incident.title;
  };

  /** Whether the caller's queries read the replica now: the routing's own decision (db/read-routing.ts), as a request makes it. */
  const readsReplica = (auth: Record<string, string>) => {
    const { viewer, issuedAt } = viewerFrom(auth.authorization, t.app.runtime);
    return t.app.runtime.reads.forCaller(viewer.kind === 'anonymous' ? undefined : viewer.sessionId, issuedAt).replica() !== undefined;
  };

  /** A sample of /metrics. */
  const metric = async (name: string) => {
    const { text } = await t.rest('GET', '/metrics');
    const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    return line ? Number(line[1]) : undefined;
  };

  beforeAll(async () => {
    primary = await startOwnPostgres();
    const orm = await connectOrm(primary.url, { pool: { min: 0, max: 1 } });
    await migrate(orm);
    await orm.close(true);
    standby = await startStandby(primary);
    replica = new Client({ connectionString: standby.url });
    replica.on('error', () => undefined); // terminated when the standby stops (the last test)
    await replica.connect();
    t = await startTestApp({ DATABASE_READ_URL: standby.url, DATABASE_READ_STICKY_SECONDS: String(STICKY_SECONDS) }, { database: { url: primary.url, name: 'app', drop: async () => undefined } });
    const em = t.em();
    tenant = await createTenant(em, { slug: 'replica-co' });
    const other = await createTenant(em, { slug: 'replica-other' });
    const staffA = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'MANAGER' });
    const staffB = await createStaff(em, t.app.runtime.passwords, { tenant });
    const person = await createCustomerUser(em, t.app.runtime.passwords, tenant);
    incidentId = (await createIncident(em, tenant, { reporter: person.user, title: 'Title 0' })).id;
    otherTenantIncidentId = (await createIncident(em, other, { title: 'Not yours' })).id;
    writer = (await login(t, staffA.email, staffA.password)).auth;
    reader = (await login(t, staffB.email, staffB.password)).auth;
    customer = await portalLogin(t, 'replica-co', person.email, person.password);
    // A fresh token reads the primary for the sticky window (its sign-in wrote): until the routing says the replica.
    await until(() => [writer, reader, customer].every(readsReplica), 'the fresh tokens to read the replica', 15_000);
    await until(async () => (await replicaTitle()) === 'Title 0', 'the fixtures on the replica', 15_000);
  }, 120_000);

  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end().catch(() => undefined);
    await t?.close().catch(() => undefined);
    await standby?.close();
    await primary?.close();
  }, 60_000);

  it('replicates: a row written on the primary appears on the replica, which refuses writes', async () => {
    const { title } = await retitleOnPrimary();
    await until(async () => (await replicaTitle()) === title, 'the write on the replica', 15_000);
    expect((await replica!.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(true);
    await expect(replica!.query('UPDATE incidents SET title = title')).rejects.toMatchObject({ code: '25006' });
  });

  it("answers staff and portal queries from the replica, with row-level security there too", async () => {
    await pauseReplay();
    const { title, stale } = await retitleOnPrimary();
    try {
      expect(await staffTitle(reader)).toBe(stale);
      // Another tenant's incident answers as a missing one does, in the same request on the replica.
      const res = await t.gql<Record<string, { title: string } | null>>(
        'query ($own: ID!, $other: ID!, $missing: ID!) { own: incident(id: $own) { title } other: incident(id: $other) { title } missing: incident(id: $missing) { title } }',
        { own: incidentId, other: otherTenantIncidentId, missing: '00000000-0000-4000-8000-000000000000' },
        reader,
      );
      expect(res.data).toEqual({ own: { title: stale }, other: null, missing: null });
      const codes = Object.fromEntries(res.errors!.map((e) => [e.path![0], e.extensions?.code]));
      expect(codes).toEqual({ other: 'INCIDENT_NOT_FOUND', missing: 'INCIDENT_NOT_FOUND' });
      const ticket = await t.gql<{ ticket: { title: string } }>('query ($id: ID!) { ticket(id: $id) { title } }', { id: incidentId }, customer);
      expect(ticket.data?.ticket.title).toBe(stale);
    } finally {
      await resumeReplay(title);
    }
    expect(await staffTitle(reader)).toBe(title);
  });

  it('answers REST GETs, GraphQL GETs and WebSocket queries from the replica', async () => {
    await pauseReplay();
    const { title, stale } = await retitleOnPrimary();
    try {
      const rest = await t.rest<{ data: { title: string } }>('GET', `/api/v1/incidents/${incidentId}`, undefined, reader);
      expect(rest.status).toBe(200);
      expect(rest.body.data.title).toBe(stale);
      const portal = await t.rest<{ data: { title: string } }>('GET', `/api/v1/portal/tickets/${incidentId}`, undefined, customer);
      expect(portal.body.data.title).toBe(stale);
      for (const transport of ['GET', 'WS'] as const) {
        const res = await overTransport(t, transport, 'query ($id: ID!) { incident(id: $id) { title } }', { id: incidentId }, reader);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ incident: { title: stale } });
      }
      expect(await metric('read_replica_transactions_total')).toBeGreaterThanOrEqual(4);
      expect(await metric('read_replica_up')).toBe(1);
    } finally {
      await resumeReplay(title);
    }
  });

  it("reads a session's own writes from the primary for the sticky window; other sessions keep the replica", async () => {
    await pauseReplay();
    const { title: before, stale } = await retitleOnPrimary(); // not replayed: the replica keeps the title before it
    let written = '';
    try {
      written = current = 'Written by its own session';
      const update = await t.gql<{ updateIncident: { title: string } }>(
        'mutation ($id: ID!, $v: Int!, $title: String!) { updateIncident(id: $id, version: $v, input: { title: $title }) { title } }',
        // The version as the primary has it: the replica's may be one behind.
        { id: incidentId, v: (await t.em().execute<{ version: number }[]>('SELECT version FROM incidents WHERE id = ?', [incidentId]))[0].version, title: written },
        writer,
      );
      expect(update.errors).toBeUndefined();
      // The writer sees its write (the primary) over every door; the other session does not (the replica).
      expect(await staffTitle(writer)).toBe(written);
      expect((await overTransport(t, 'WS', 'query ($id: ID!) { incident(id: $id) { title } }', { id: incidentId }, writer)).data).toEqual({ incident: { title: written } });
      expect((await t.rest<{ data: { title: string } }>('GET', `/api/v1/incidents/${incidentId}`, undefined, writer)).body.data.title).toBe(written);
      expect(await staffTitle(reader)).toBe(stale);
      // Once the window has passed (as the routing decides it), the writer's queries read the replica again.
      await until(() => readsReplica(writer), "the writer's window to pass", 15_000);
      expect(await staffTitle(writer)).toBe(stale);
    } finally {
      await resumeReplay(written || before);
    }
  });

  it('reads a fresh sign-in from the primary: the sign-in wrote, with no session to remember it by yet', async () => {
    await pauseReplay();
    const { title, stale } = await retitleOnPrimary();
    try {
      const staff = await createStaff(t.em(), t.app.runtime.passwords, { tenant });
      const fresh = (await login(t, staff.email, staff.password)).auth;
      expect(await staffTitle(fresh)).toBe(title);
      // The account itself is not on the replica yet.
      expect((await t.gql<{ me: { email: string } }>('{ me { email } }', undefined, fresh)).data?.me.email).toBe(staff.email);
      expect(await staffTitle(reader)).toBe(stale);
    } finally {
      await resumeReplay(title);
    }
  });

  it('reads the primary while the replica is down (never a 500), saying so once', async () => {
    await standby!.stop();
    const { title } = await retitleOnPrimary();
    for (let i = 0; i < 3; i++) {
      expect(await staffTitle(reader)).toBe(title);
      const rest = await t.rest<{ data: { title: string } }>('GET', `/api/v1/portal/tickets/${incidentId}`, undefined, customer);
      expect(rest.status).toBe(200);
      expect(rest.body.data.title).toBe(title);
    }
    expect(t.logs.filter((l) => l.includes('read replica unreachable'))).toHaveLength(1);
    expect(await metric('read_replica_up')).toBe(0);
  });

  it('reads the replica again once it is back', async () => {
    await standby!.start();
    replica = new Client({ connectionString: standby!.url });
    replica.on('error', () => undefined);
    await replica.connect();
    await until(async () => (await replicaTitle()) === current, 'the replica to catch up', 15_000);
    await pauseReplay();
    const { title, stale } = await retitleOnPrimary();
    try {
      // Tried again a few seconds after it failed (db/read-routing.ts REPLICA_RETRY_MS).
      await until(async () => (await staffTitle(reader)) === stale, 'a query answered by the replica', 20_000);
      expect(t.logs.filter((l) => l.includes('read replica reachable again'))).toHaveLength(1);
    } finally {
      await resumeReplay(title);
    }
  });
});
