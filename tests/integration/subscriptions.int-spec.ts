import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; data: T };
type Received = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

const SECRET = 'TECHDESC-LIVE-SECRET-3e9a';

/**
 * GraphQL subscriptions over graphql-ws, across two server processes on one database (two apps sharing it):
 * changes made through one reach subscribers of the other, each seeing only what its viewer may see.
 */
describe('GraphQL subscriptions', () => {
  let a: TestApp;
  let b: TestApp;
  let acme: Tenant;
  const auth: Record<string, Record<string, string>> = {};
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await startTestApp({ WORKER_ENABLED: 'false' });
    b = await startTestApp({ WORKER_ENABLED: 'false' }, { sameDatabaseAs: a });
    const em = a.em();
    const hasher = a.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'live-acme' });
    const engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER' });
    auth.staff = (await login(a, engineer.email, engineer.password)).auth;
    const stranger = await createStaff(em, hasher, { tenant: await createTenant(em), role: 'ADMIN' });
    auth.stranger = (await login(a, stranger.email, stranger.password)).auth;
    const org = await createCustomerOrg(em, acme, 'OWN');
    const reporter = await createCustomerUser(em, hasher, acme, { org });
    const colleague = await createCustomerUser(em, hasher, acme, { org });
    auth.reporter = await portalLogin(a, 'live-acme', reporter.email, reporter.password);
    auth.colleague = await portalLogin(a, 'live-acme', colleague.email, colleague.password);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await b.close();
    await a.close();
  });

  const connect = (app: TestApp, who?: string) => {
    const client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: who ? { authorization: auth[who].authorization } : {},
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return client;
  };
  const subscribe = (client: Client, query: string, variables?: Record<string, unknown>) => {
    const received: Received[] = [];
    const failures: unknown[] = [];
    const state = { completed: false };
    const dispose = client.subscribe({ query, variables }, { next: (r) => void received.push(r as Received), error: (e) => void failures.push(e), complete: () => (state.completed = true) });
    return { received, failures, dispose, state };
  };
  const createTicket = async (who: string, title: string) => {
    const res = await a.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'Live.', priority: 'LOW' }, auth[who]);
    expect(res.status).toBe(201);
    return res.body.data;
  };

  it('delivers changes made through one server to subscribers of another, each seeing only what its viewer may', async () => {
    const before = b.app.runtime.live.subscribers;
    const staff = subscribe(connect(b, 'staff'), 'subscription { incidentsChanged { eventType incident { number status techDescription } } }');
    const reporter = subscribe(connect(b, 'reporter'), 'subscription { incidentsChanged { eventType incident { number status description } } }');
    const colleague = subscribe(connect(b, 'colleague'), 'subscription { incidentsChanged { eventType incident { number } } }');
    const stranger = subscribe(connect(b, 'stranger'), 'subscription { incidentsChanged { eventType incident { number } } }');
    await until(() => b.app.runtime.live.subscribers === before + 4);

    const ticket = await createTicket('reporter', 'Live ticket');
    await until(() => staff.received.length >= 1 && reporter.received.length >= 1);
    const current = await a.rest<Envelope<{ version: number }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.staff);
    await a.rest('PATCH', `/api/v1/incidents/${ticket.id}`, { version: current.body.data.version, techDescription: SECRET }, auth.staff); // no event
    await a.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'ACKNOWLEDGED' }, auth.staff);
    await until(() => staff.received.length >= 2 && reporter.received.length >= 2);

    expect(staff.received.map((r) => r.data?.incidentsChanged)).toEqual([
      { eventType: 'incident.created_by_customer', incident: { number: ticket.number, status: 'OPEN', techDescription: null } },
      { eventType: 'incident.status_changed', incident: { number: ticket.number, status: 'ACKNOWLEDGED', techDescription: SECRET } },
    ]);
    expect(reporter.received.map((r) => r.data?.incidentsChanged)).toEqual([
      { eventType: 'incident.created_by_customer', incident: { number: ticket.number, status: 'OPEN', description: 'Live.' } },
      { eventType: 'incident.status_changed', incident: { number: ticket.number, status: 'ACKNOWLEDGED', description: 'Live.' } },
    ]);
    // Nothing of the ticket may reach the other two. Each is then sent an event of its own, after the others:
    // one subscriber's events arrive in order, so once its own is here, anything of the ticket would be too.
    const own = await createTicket('colleague', 'Colleague marker');
    const theirs = await a.rest<Envelope<{ number: string }>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Stranger marker', description: 'x', priority: 'LOW' }, auth.stranger);
    expect(theirs.status).toBe(201);
    await until(() => colleague.received.length >= 1 && stranger.received.length >= 1);
    expect(colleague.received.map((r) => r.data?.incidentsChanged)).toEqual([{ eventType: 'incident.created_by_customer', incident: { number: own.number } }]); // same organization, but it does not share
    expect(stranger.received.map((r) => (r.data?.incidentsChanged as { incident: unknown }).incident)).toEqual([{ number: theirs.body.data.number }]); // another workspace
    for (const s of [staff, reporter, colleague, stranger]) s.dispose();
    await until(() => b.app.runtime.live.subscribers === before);
  });

  it('a portal subscriber gets no internal field, and only its own tickets by id; unknown callers are turned away', async () => {
    const ticket = await createTicket('reporter', 'Own ticket');
    const others = await createTicket('colleague', 'Not yours');
    const before = b.app.runtime.live.subscribers;
    const peek = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { incidentUpdated(id: $id) { number status techDescription } }', { id: ticket.number });
    const notMine = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { incidentUpdated(id: $id) { number } }', { id: others.id });
    await until(() => b.app.runtime.live.subscribers === before + 1 && notMine.received.length + notMine.failures.length > 0);
    expect(notMine.received.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['INCIDENT_NOT_FOUND']);

    const current = await a.rest<Envelope<{ version: number }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.staff);
    await a.rest('PATCH', `/api/v1/incidents/${ticket.id}`, { version: current.body.data.version, techDescription: SECRET }, auth.staff);
    await a.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: 'Looking.', visibility: 'PUBLIC' }, auth.staff);
    await until(() => peek.received.length >= 1);
    expect(peek.received[0].data?.incidentUpdated).toEqual({ number: ticket.number, status: 'OPEN', techDescription: null });
    // A valid token refused a field is FORBIDDEN: a client must not take it for an expired token.
    expect(peek.received[0].errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(peek.received)).not.toContain(SECRET);
    peek.dispose();

    const anonymous = subscribe(connect(b), 'subscription { incidentsChanged { eventType } }');
    await until(() => anonymous.failures.length > 0);
    expect((anonymous.failures[0] as { code?: number }).code).toBe(4403);
  });

  it('the portal counterparts (ticketUpdated, ticketsChanged) answer the portal type Ticket: its own tickets only, no internal field to ask for, not for staff', async () => {
    const ticket = await createTicket('reporter', 'Portal type ticket');
    const others = await createTicket('colleague', 'Not yours either');
    const before = b.app.runtime.live.subscribers;
    const one = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { ticketUpdated(id: $id) { __typename number status updates { body visibility } } }', { id: ticket.number });
    const all = subscribe(connect(b, 'reporter'), 'subscription { ticketsChanged { eventType ticket { __typename number status } } }');
    const notMine = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { ticketUpdated(id: $id) { number } }', { id: others.id });
    const missing = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { ticketUpdated(id: $id) { number } }', { id: '00000000-0000-4000-8000-000000000000' });
    // Internal fields are not in Ticket: the subscription is refused before it starts.
    const secret = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { ticketUpdated(id: $id) { number techDescription } }', { id: ticket.id });
    // Staff follow incidents with incidentUpdated/incidentsChanged; the portal's are refused them (FORBIDDEN).
    const staff = subscribe(connect(b, 'staff'), 'subscription { ticketsChanged { eventType } }');
    const settled = (x: { received: Received[]; failures: unknown[]; state: { completed: boolean } }) => x.received.length + x.failures.length > 0 || x.state.completed;
    await until(() => b.app.runtime.live.subscribers === before + 2 && [notMine, missing, secret, staff].every(settled));
    expect(notMine.received.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['INCIDENT_NOT_FOUND']);
    expect(JSON.stringify(notMine.received).replaceAll(others.id, 'x')).toBe(JSON.stringify(missing.received).replaceAll('00000000-0000-4000-8000-000000000000', 'x'));
    expect(JSON.stringify([secret.received, secret.failures])).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(staff.received.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['FORBIDDEN']);

    const current = await a.rest<Envelope<{ version: number }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.staff);
    await a.rest('PATCH', `/api/v1/incidents/${ticket.id}`, { version: current.body.data.version, techDescription: SECRET }, auth.staff);
    await a.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: 'Internal look.', visibility: 'INTERNAL' }, auth.staff);
    await a.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'ACKNOWLEDGED' }, auth.staff);
    await until(() => one.received.length >= 1 && all.received.length >= 1);
    expect(one.received[0]).toEqual({ data: { ticketUpdated: { __typename: 'Ticket', number: ticket.number, status: 'ACKNOWLEDGED', updates: [expect.objectContaining({ visibility: 'PUBLIC' })] } } });
    expect(all.received.map((r) => r.data?.ticketsChanged)).toContainEqual({ eventType: 'incident.status_changed', ticket: { __typename: 'Ticket', number: ticket.number, status: 'ACKNOWLEDGED' } });
    expect(JSON.stringify([one.received, all.received])).not.toContain(SECRET);
    expect(JSON.stringify([one.received, all.received])).not.toContain('Internal look.');
    one.dispose();
    all.dispose();
    await until(() => b.app.runtime.live.subscribers === before);
  });

  it("each event reads the incident's updates afresh, not from the first event's cache", async () => {
    const ticket = await createTicket('reporter', 'Fresh updates');
    const before = b.app.runtime.live.subscribers;
    const sub = subscribe(connect(b, 'reporter'), 'subscription($id: ID!) { incidentUpdated(id: $id) { updates { body } } }', { id: ticket.id });
    await until(() => b.app.runtime.live.subscribers === before + 1);
    for (const body of ['First answer.', 'Second answer.']) {
      expect((await a.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body, visibility: 'PUBLIC' }, auth.staff)).status).toBe(201);
      await until(() => sub.received.length >= (body === 'First answer.' ? 1 : 2));
    }
    expect(sub.received.map((r) => (r.data?.incidentUpdated as { updates: { body: string }[] }).updates.map((u) => u.body))).toEqual([
      ['First answer.'],
      ['First answer.', 'Second answer.'],
    ]);
    sub.dispose();
  });

  it('closes the socket of a revoked session within a second, without waiting for an event (logout on the other server)', async () => {
    const em = a.em();
    const member = await createCustomerUser(em, a.app.runtime.passwords, acme);
    const session = await portalLogin(a, 'live-acme', member.email, member.password);
    auth.member = session;
    const before = b.app.runtime.live.subscribers;
    const sub = subscribe(connect(b, 'member'), 'subscription { incidentsChanged { eventType } }');
    await until(() => b.app.runtime.live.subscribers === before + 1);
    await createTicket('member', 'Before logout');
    await until(() => sub.received.length === 1);
    expect((await a.rest('POST', '/api/v1/portal/auth/logout', {}, session)).status).toBe(200);
    const loggedOutAt = Date.now();
    // No event follows: the socket is closed because the session ended, on the other server too.
    await until(() => sub.failures.length > 0, 5000);
    expect(Date.now() - loggedOutAt).toBeLessThan(1000);
    expect((sub.failures[0] as { code?: number }).code).toBe(4403);
    await until(() => b.app.runtime.live.subscribers === before);
    expect(sub.received).toHaveLength(1);
  });

  it('a portal subscriber hears only of what its own timeline shows: no assignments, no internal status changes', async () => {
    // Subscribed before the ticket exists: its creation then reaches both, rather than racing the subscriptions.
    const before = b.app.runtime.live.subscribers;
    const customer = subscribe(connect(b, 'reporter'), 'subscription { incidentsChanged { eventType incident { number status } } }');
    const staff = subscribe(connect(b, 'staff'), 'subscription { incidentsChanged { eventType incident { number } } }');
    await until(() => b.app.runtime.live.subscribers === before + 2);
    const ticket = await createTicket('reporter', 'Quiet work');
    const me = await a.gql<{ me: { id: string } }>('{ me { id } }', undefined, auth.staff);
    const manager = await createStaff(a.em(), a.app.runtime.passwords, { tenant: acme, role: 'MANAGER' });
    const managerAuth = (await login(a, manager.email, manager.password)).auth;
    expect((await a.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: me.data!.me.id }, managerAuth)).status).toBe(200);
    const internal = await a.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'ACKNOWLEDGED', note: 'Looking quietly.', internal: true }, auth.staff);
    expect(internal.status).toBe(200);
    const visible = await a.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'INVESTIGATION', note: 'We are on it.' }, auth.staff);
    expect(visible.status).toBe(200);
    await until(() => staff.received.length >= 4 && customer.received.length >= 2);
    const kinds = (s: typeof staff) => s.received.map((r) => (r.data?.incidentsChanged as { eventType: string }).eventType);
    expect(kinds(staff)).toEqual(['incident.created_by_customer', 'incident.assigned', 'incident.status_changed', 'incident.status_changed']);
    // The staff subscriber heard all four; had the customer been told of the middle two, they would be here by now.
    expect(kinds(customer)).toEqual(['incident.created_by_customer', 'incident.status_changed']);
    expect(customer.received[1].data?.incidentsChanged).toEqual({ eventType: 'incident.status_changed', incident: { number: ticket.number, status: 'INVESTIGATION' } });
    customer.dispose();
    staff.dispose();
  });
});
