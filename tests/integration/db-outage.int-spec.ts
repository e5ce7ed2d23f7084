import type { EventEmitter } from 'node:events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { connectOrm, migrate } from '../../src/db/database';
import { LIVE_CHANNEL, type LiveEvent } from '../../src/modules/live/live-events';
import { RequestTransaction, TENANT_ROLE } from '../../src/db/tenant-transaction';
import { UnavailableError, UnknownOutcomeError } from '../../src/shared/errors';
import { Incident } from '../../src/modules/incident/incident.entity';
import { createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startOwnPostgres, type OwnPostgres } from '../setup/own-postgres';
import { overTransport } from '../setup/transports';
import { until } from '../setup/wait';

/**
 * Issue 18: two server processes on one PostgreSQL that is stopped (a fast shutdown: 57P01 to every
 * connection) and started again under concurrent creates and reads. The PostgreSQL is this file's own,
 * never the suite's shared one.
 */

/** The load's clients pause between their requests (a pace, not a wait for anything). */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  app: string;
  kind: 'create' | 'read-rest' | 'read-graphql' | 'read-ws';
  status: number;
  code?: string;
  retryAfter: string | null;
  ms: number;
}

describe('a database restart under load (two processes, one PostgreSQL)', () => {
  let pg: OwnPostgres | undefined;
  let a: TestApp;
  let b: TestApp;
  let tenantId: string;
  let customerAuth: Record<string, string>[];
  let staff: { email: string; password: string };

  beforeAll(async () => {
    pg = await startOwnPostgres();
    const { url } = pg;
    const orm = await connectOrm(url, { pool: { min: 0, max: 1 } });
    await migrate(orm);
    await orm.close(true);
    const database = { url, name: 'app', drop: async () => undefined };
    a = await startTestApp({ WORKER_ENABLED: 'true' }, { database });
    b = await startTestApp({ WORKER_ENABLED: 'true' }, { sameDatabaseAs: a });
    const em = a.em();
    const tenant = await createTenant(em, { slug: 'outage-co' });
    tenantId = tenant.id;
    const customers = [await createCustomerUser(em, a.app.runtime.passwords, tenant), await createCustomerUser(em, a.app.runtime.passwords, tenant)];
    customerAuth = [await portalLogin(a, 'outage-co', customers[0].email, customers[0].password), await portalLogin(b, 'outage-co', customers[1].email, customers[1].password)];
    staff = await createStaff(em, a.app.runtime.passwords, { tenant });
  }, 120_000);

  afterAll(async () => {
    await b?.close().catch(() => undefined);
    await a?.close().catch(() => undefined);
    await pg?.close();
  });

  it('answers 503 with Retry-After (never 500, never hanging), stores every acknowledged write once, and recovers without a restart', async () => {
    const answers: Answer[] = [];
    const acknowledged = new Map<string, string>(); // idempotency key → ticket id
    let running = true;
    let keys = 0;

    const call = async (t: TestApp, name: string, kind: Answer['kind'], send: () => Promise<{ status: number; headers: Headers; code?: string }>) => {
      const started = Date.now();
      const res = await send();
      const answer = { app: name, kind, status: res.status, code: res.code, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started };
      answers.push(answer);
      return answer;
    };
    // Each creator retries its key until the ticket is acknowledged, as a client with an idempotency key would.
    const creator = async (t: TestApp, name: string, auth: Record<string, string>) => {
      while (running) {
        const key = `${name}-${keys++}`;
        for (;;) {
          let id: string | undefined;
          const answer = await call(t, name, 'create', async () => {
            const res = await t.rest<{ data?: { id: string }; errors?: { code: string }[] }>(
              'POST',
              '/api/v1/portal/tickets',
              { type: 'INCIDENT', title: `Outage ${key}`, description: 'written while the database restarts', priority: 'LOW' },
              { ...auth, 'idempotency-key': key },
            );
            id = res.body.data?.id;
            return { status: res.status, headers: res.headers, code: res.body.errors?.[0]?.code };
          });
          if (answer.status === 201) {
            acknowledged.set(key, id!);
            break;
          }
          if (answer.status !== 503) break; // recorded; the assertions below report it
          await pause(50); // as a client backs off before its retry
        }
      }
    };
    const reader = async (t: TestApp, name: string, auth: Record<string, string>) => {
      while (running) {
        await call(t, name, 'read-rest', async () => {
          const res = await t.rest<{ errors?: { code: string }[] }>('GET', '/api/v1/portal/tickets', undefined, auth);
          return { status: res.status, headers: res.headers, code: res.body.errors?.[0]?.code };
        });
        await call(t, name, 'read-graphql', async () => {
          const res = await t.gql('{ tickets(limit: 5) { items { id } } }', undefined, auth);
          return { status: res.status, headers: res.headers, code: res.errors?.[0]?.extensions?.code as string | undefined };
        });
        // Over the socket there is no status: a coded 503-class error carries retryAfter in its extensions; a socket closed on us is a failure (0).
        await call(t, name, 'read-ws', async () => {
          const res = await overTransport(t, 'WS', '{ tickets(limit: 5) { items { id } } }', undefined, auth).catch(() => undefined);
          const error = res?.errors?.[0]?.extensions;
          const code = error?.code as string | undefined;
          const status = !res ? 0 : !error ? 200 : code === 'UNAVAILABLE' || code === 'UNKNOWN_OUTCOME' ? 503 : 500;
          return { status, headers: new Headers(error?.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) }), code };
        });
        await pause(20); // the readers' pace
      }
    };
    // Process b's live updates throughout: what committed while its listener was down is re-read, not lost.
    const heard: LiveEvent[] = [];
    const events = b.app.runtime.live.subscribe((e) => e.tenantId === tenantId);
    const consuming = (async () => {
      for await (const e of events) heard.push(e);
    })();
    const load = Promise.all([
      creator(a, 'a', customerAuth[0]),
      creator(b, 'b', customerAuth[1]),
      creator(a, 'a2', customerAuth[0]),
      reader(a, 'a', customerAuth[0]),
      reader(b, 'b', customerAuth[1]),
    ]);

    const KINDS: Answer['kind'][] = ['create', 'read-rest', 'read-graphql', 'read-ws'];
    const served = (since: number) => KINDS.every((kind) => answers.slice(since).some((x) => x.kind === kind && x.status < 300));
    const ackedBefore = acknowledged.size;
    await until(() => served(0) && acknowledged.size >= ackedBefore + 3, 'every kind of request to be served before the stop', 15_000);
    await pg!.stop(); // fast shutdown: every connection is terminated (57P01)
    // The database stays away until every kind of request has met it and each listener has failed a retry.
    const retried = (t: TestApp, listener: string) => t.logs.some((l) => l.includes(`${listener} listener: connection lost; reconnecting`) && /"attempt":[1-9]/.test(l));
    await until(
      () => KINDS.every((kind) => answers.some((x) => x.kind === kind && x.status === 503)) && [a, b].every((t) => retried(t, 'revocation') && retried(t, 'live updates')),
      'every kind of request refused and every listener retried',
      15_000,
    );
    await pg!.start();
    const listenersBack = until(() => [a, b].every((t) => t.app.runtime.revocations.listening && t.app.runtime.live.listening), 'the listeners to reconnect', 15_000);
    // Both processes serve again, without a restart of theirs.
    const readsAgain = await until(async () => {
      const [ra, rb] = await Promise.all([a.rest('GET', '/api/v1/portal/tickets', undefined, customerAuth[0]), b.rest('GET', '/api/v1/portal/tickets', undefined, customerAuth[1])]);
      return ra.status === 200 && rb.status === 200;
    }, 'both processes to serve again', 15_000);
    // The load goes on until every kind of request is served again and more tickets are acknowledged.
    const recovered = answers.length;
    const ackedAtRecovery = acknowledged.size;
    await until(() => served(recovered) && acknowledged.size >= ackedAtRecovery + 3, 'the load to be served again', 15_000);
    running = false;
    await load;

    const unexpected = answers.filter((x) => ![200, 201, 503].includes(x.status));
    expect(unexpected).toEqual([]);
    const refused = answers.filter((x) => x.status === 503);
    expect(refused.length).toBeGreaterThan(0); // the outage was met
    expect(refused.filter((x) => !['UNAVAILABLE', 'UNKNOWN_OUTCOME'].includes(x.code ?? '') || !x.retryAfter)).toEqual([]);
    expect(Math.max(...answers.map((x) => x.ms))).toBeLessThan(5000);
    expect(new Set(refused.map((x) => x.kind))).toEqual(new Set(['create', 'read-rest', 'read-graphql', 'read-ws']));

    // Every acknowledged ticket is stored, once, under its key.
    const stored = await a.em().find(Incident, { tenant: tenantId }, { fields: ['id', 'idempotencyKey'] });
    const byKey = new Map<string, string[]>();
    for (const row of stored) byKey.set(row.idempotencyKey!, [...(byKey.get(row.idempotencyKey!) ?? []), row.id]);
    expect([...byKey.values()].filter((ids) => ids.length > 1)).toEqual([]);
    for (const [key, id] of acknowledged) expect(byKey.get(key)).toEqual([id]);
    expect(acknowledged.size).toBeGreaterThan(3);

    // The LISTEN connections of both processes are back (how soon after the database: reported below).
    const listeningAgainMs = await listenersBack;
    // Every acknowledged ticket was heard on process b, each event once, including those committed while it was not listening.
    await until(() => [...acknowledged.values()].every((id) => heard.some((e) => e.incidentId === id)), 'every ticket heard live on b', 5000).finally(async () => {
      await events.return!();
      await consuming;
    });
    expect(new Set(heard.map((e) => e.eventId)).size).toBe(heard.length);
    const stats = {
      answers: answers.length,
      refused: refused.length,
      unknownOutcome: refused.filter((x) => x.code === 'UNKNOWN_OUTCOME').length,
      slowestMs: Math.max(...answers.map((x) => x.ms)),
      servingAgainMs: readsAgain,
      listeningAgainMs,
    };
    process.stderr.write(`db-outage: ${JSON.stringify(stats)}\n`);
  });

  it('after the restart, a sign-out on one process reaches the other over LISTEN, and live events flow again', async () => {
    await until(() => [a, b].every((t) => t.app.runtime.revocations.listening && t.app.runtime.live.listening), 'the listeners to reconnect', 15_000);
    const session = await login(a, staff.email, staff.password);
    expect((await b.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(200);
    expect((await a.rest('POST', '/api/v1/auth/logout', undefined, session.auth)).status).toBe(200);
    // Well under the 5 s poll: the announcement, not the poll, carried it.
    const healed = await until(async () => (await b.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status === 401, 'the other process to refuse the token', 3000);
    expect(healed).toBeLessThan(1500);

    const events = b.app.runtime.live.subscribe((e) => e.tenantId === tenantId);
    let ticketId: string;
    try {
      const next = events.next();
      const created = await a.rest<{ data: { id: string } }>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: 'After the restart', description: 'heard live', priority: 'LOW' }, customerAuth[0]);
      expect(created.status).toBe(201);
      const event = await Promise.race([next, pause(5000).then(() => undefined)]); // a bound, not a wait: the event ends it
      expect(event?.value).toMatchObject({ tenantId, incidentId: created.body.data.id });
      ticketId = created.body.data.id;
    } finally {
      await events.return!();
    }

    // The notifications workers run again: a worker that lost its job's connection mid-job is replaced.
    const processed = async () =>
      (await a.em().execute<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'incidentId' = ? AND processed_at IS NOT NULL`, [ticketId]))[0].n > 0;
    await until(processed, "the new ticket's event to be dispatched", 20_000);
    // Each process whose runner lost a worker (graphile-worker does not replace one) started a fresh runner.
    const count = (t: TestApp, text: string) => t.logs.filter((l) => l.includes(text)).length;
    await until(() => [a, b].every((t) => count(t, 'committing seppuku') === 0 || count(t, 'worker runner restarted') > 0), 'every runner that lost a worker to be restarted', 15_000);
    process.stderr.write(`db-outage workers: ${JSON.stringify([a, b].map((t) => ({ died: count(t, 'committing seppuku'), restarted: count(t, 'worker runner restarted') })))}\n`);
  });
});

/** The request transaction's own answers when its connection dies, on this file's clone of the suite's database. */
describe('a request transaction whose connection dies', () => {
  let t: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await createTenant(t.em(), { slug: 'dying-co' })).id;
    // A write whose COMMIT kills its own connection: the deferred trigger runs inside COMMIT.
    await t.em().execute(`
      CREATE TABLE outage_probe (id int);
      CREATE FUNCTION outage_probe_die() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER outage_probe_die AFTER INSERT ON outage_probe DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION outage_probe_die();
      GRANT INSERT ON outage_probe TO ${TENANT_ROLE};`);
  });
  afterAll(() => t.close());

  const open = async () => {
    const em = t.em();
    const tx = new RequestTransaction(em, tenantId, () => undefined);
    await tx.begin();
    const [{ pid }] = await em.execute<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
    return { em, tx, pid };
  };
  /** Ends the backend from outside, as a fast shutdown does, before the request sends COMMIT. */
  const terminate = async (pid: number) => {
    const pool = t.em().getConnection().getKnex().client.pool as { used: { resource: EventEmitter & { processID: number } }[] };
    const client = pool.used.map((u) => u.resource).find((c) => c.processID === pid)!;
    const ended = new Promise((resolve) => client.once('end', resolve)); // not events.once: the 'error' before it would reject
    await t.em().execute('SELECT pg_terminate_backend(?)', [pid]);
    await until(async () => (await t.em().execute('SELECT 1 FROM pg_stat_activity WHERE pid = ?', [pid])).length === 0, 'the backend to be gone', 5000);
    await ended; // its FATAL message has reached the client, which closed the connection
  };

  it('COMMIT cut off on a write: UNKNOWN_OUTCOME; on a read: UNAVAILABLE', async () => {
    const write = await open();
    await write.em.execute('INSERT INTO outage_probe VALUES (1)');
    const failure = await write.tx.end('ok', { writes: true });
    expect(failure).toBeInstanceOf(UnknownOutcomeError);

    const read = await open();
    await read.em.execute('INSERT INTO outage_probe VALUES (2)');
    expect(await read.tx.end('ok', { writes: false })).toBeInstanceOf(UnavailableError);
  });

  // A mutation mixing public fields with others commits its parts one by one (graphql/pipeline.ts `partsOf`):
  // a part whose COMMIT is cut off answers for the whole operation, as a whole operation's failed commit does.
  it('a mixed mutation whose first part\u2019s COMMIT is cut off: 503 UNKNOWN_OUTCOME alone, the public field after it not run, nothing stored', async () => {
    const tenant = await createTenant(t.em(), { slug: 'dying-parts' });
    const admin = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ADMIN' });
    const other = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'VIEWER' });
    // The admin's profile change kills its own connection at COMMIT (a deferred trigger on its row).
    await t.em().execute(`
      CREATE FUNCTION parts_die() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN IF NEW.first_name = 'Dies at commit' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER parts_die AFTER UPDATE ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION parts_die();`);
    const signIns = async () => Number((await t.em().execute<{ n: string }[]>(`SELECT count(*) AS n FROM sessions WHERE subject_id = ?`, [other.user.id]))[0].n);
    try {
      const { auth } = await login(t, admin.email, admin.password);
      const before = await signIns();
      const res = await overTransport(
        t,
        'POST',
        'mutation($e: String!, $p: String!) { profileUpdate(input: { firstName: "Dies at commit" }) { me { id } } login(input: { email: $e, password: $p }) { accessToken } }',
        { e: other.email, p: other.password },
        auth,
      );
      expect({ status: res.status, data: res.data, codes: res.errors?.map((e) => e.extensions?.code) }).toEqual({ status: 503, data: null, codes: ['UNKNOWN_OUTCOME'] });
      expect(await signIns()).toBe(before);
      const me = await overTransport(t, 'POST', '{ me { firstName } }', undefined, auth);
      expect(me.data?.me).not.toEqual({ firstName: 'Dies at commit' });
    } finally {
      await t.em().execute('DROP TRIGGER parts_die ON users; DROP FUNCTION parts_die()');
    }
  });

  it('a connection that died before COMMIT: UNAVAILABLE (nothing can have been stored), whether the operation had errors or not', async () => {
    for (const outcome of ['ok', 'errors'] as const) {
      const { tx, pid } = await open();
      await terminate(pid);
      const failure = await tx.end(outcome, { writes: true });
      expect(failure).toBeInstanceOf(UnavailableError);
      expect(tx.isOpen).toBe(false);
    }
  });
});

/** On the suite's server: only this file's database's own listening backends are terminated. */
describe('a revocation announced while the other process was not listening', () => {
  let a: TestApp;
  let b: TestApp;
  let staff: { email: string; password: string };
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { sameDatabaseAs: a });
    staff = await createStaff(a.em(), a.app.runtime.passwords, { tenant: await createTenant(a.em(), { slug: 'relisten-co' }) });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('is read back when the listener reconnects, well before the poll', async () => {
    await until(() => a.app.runtime.revocations.listening && b.app.runtime.revocations.listening, 'both listeners', 15_000);
    const session = await login(a, staff.email, staff.password);
    expect((await b.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(200);
    const [{ sid }] = await a.em().execute<{ sid: string }[]>(`SELECT id AS sid FROM sessions WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`);

    // Revoked and announced in a transaction that first cuts every revocation listener of this database:
    // the announcement reaches nobody, so only the re-read on reconnecting can carry it.
    const em = a.em();
    await em.transactional(async (tx) => {
      await tx.execute(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN session_revoked'`);
      await tx.execute('UPDATE sessions SET revoked_at = now() WHERE id = ?', [sid]);
      await tx.execute(`SELECT pg_notify('session_revoked', ?)`, [sid]);
    });
    const committed = Date.now();
    await until(() => b.app.runtime.revocations.isRevoked(sid), 'the other process to know', 4000);
    const healedMs = Date.now() - committed;
    expect((await b.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(401);
    expect(b.logs.some((l) => l.includes('revocation listener: reconnected'))).toBe(true);
    expect(healedMs).toBeLessThan(2000); // the poll runs every 5 s
    process.stderr.write(`revocation re-read after reconnecting: ${healedMs} ms\n`);
  });
});

describe('live events announced while a process was not listening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are re-read from the outbox when the listener reconnects, each delivered once', async () => {
    const live = t.app.runtime.live;
    await until(() => live.listening, 'the listener', 15_000);
    const tenantId = (await createTenant(t.em(), { slug: 'replay-co' })).id;
    const heard: LiveEvent[] = [];
    const events = live.subscribe((e) => e.tenantId === tenantId);
    const consuming = (async () => {
      for await (const e of events) heard.push(e);
    })();
    const insert = (tx: EntityManager, incidentId: string) =>
      tx.execute<{ id: string }[]>(`INSERT INTO outbox_events (tenant_id, type, payload) VALUES (?, 'incident.test', ?) RETURNING id`, [tenantId, JSON.stringify({ incidentId })]);
    try {
      // Announced to a live connection, before the cut: heard once, not again after reconnecting.
      const [before] = await insert(t.em(), '00000000-0000-4000-8000-000000000001');
      await until(() => heard.length === 1, 'the announced event', 15_000);
      // Committed in the transaction that cuts the listener: announced to nobody.
      const [missed] = await t.em().transactional(async (tx) => {
        await tx.execute(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${LIVE_CHANNEL}'`);
        return insert(tx, '00000000-0000-4000-8000-000000000002');
      });
      await until(() => heard.length >= 2, 'the missed event', 5000);
      const [after] = await insert(t.em(), '00000000-0000-4000-8000-000000000003');
      // No event comes twice: a marker announced after them all arrives after any repeat would (one connection, in commit order).
      const [marker] = await insert(t.em(), '00000000-0000-4000-8000-000000000004');
      await until(() => heard.some((e) => e.eventId === marker.id), 'the marker event', 5000);
      expect(heard.map((e) => e.eventId)).toEqual([before.id, missed.id, after.id, marker.id]);
      expect(heard[1]).toEqual({ eventId: missed.id, tenantId, incidentId: '00000000-0000-4000-8000-000000000002', type: 'incident.test', visibility: null });
    } finally {
      await events.return!();
      await consuming;
    }
  });
});
