import { Incident, SlaPolicy } from '../../src/modules/incident/incident.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { Customer } from '../../src/modules/customer/customer.entity';
import { findIncident } from '../../src/modules/incident/incident.read';
import { addUpdate, createCustomerOrg, createCustomerUser, createIncident, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type View = { id: string; number: string; status: string; updates: { body: string; author: { displayName: string; kind: string } }[]; comments?: unknown[] };

const SECRET_TECH = 'TECH-SECRET-7f3a: db primary failover in eu-west';
const SECRET_NOTE = 'INTERNAL-NOTE-9c1d: customer is on legacy plan';

describe('portal tickets', () => {
  let t: TestApp;
  let acme: Tenant;
  let other: Tenant;
  let shared: Customer;
  let own: Customer;
  let reporter: CustomerFixture; // in the sharing organization
  let colleague: CustomerFixture; // same sharing organization
  let ownReporter: CustomerFixture; // in the OWN organization
  let ownColleague: CustomerFixture; // same OWN organization
  let loner: CustomerFixture; // no organization
  let foreigner: CustomerFixture; // another tenant
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'acme-t', allowCustomerSignup: true });
    other = await createTenant(em, { slug: 'other-t' });
    shared = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Sharing Org');
    own = await createCustomerOrg(em, acme, 'OWN', 'Private Org');
    reporter = await createCustomerUser(em, hasher, acme, { org: shared, name: 'Rita Reporter' });
    colleague = await createCustomerUser(em, hasher, acme, { org: shared });
    ownReporter = await createCustomerUser(em, hasher, acme, { org: own });
    ownColleague = await createCustomerUser(em, hasher, acme, { org: own });
    loner = await createCustomerUser(em, hasher, acme);
    foreigner = await createCustomerUser(em, hasher, other);
    for (const [name, c, slug] of [
      ['reporter', reporter, 'acme-t'],
      ['colleague', colleague, 'acme-t'],
      ['ownReporter', ownReporter, 'acme-t'],
      ['ownColleague', ownColleague, 'acme-t'],
      ['loner', loner, 'acme-t'],
      ['foreigner', foreigner, 'other-t'],
    ] as const) {
      auth[name] = await portalLogin(t, slug, c.email, c.password);
    }
    const staff = await createStaff(em, hasher, { tenant: acme, role: 'ADMIN' });
    auth.staff = (await login(t, staff.email, staff.password)).auth;
    auth.none = {};
  });
  afterAll(() => t.close());

  const create = (who: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.rest<Envelope<{ id: string; number: string; status: string; type: string; priority: string; createdAt: string }>>('POST', '/api/v1/portal/tickets', body, { ...auth[who], ...headers });
  const ticket = { type: 'INCIDENT', title: 'Checkout broken', description: 'Pay Now returns 500', priority: 'HIGH' };

  it('creates a ticket with source PORTAL, the reporter and organization from the token, SLA due times and a staff event', async () => {
    const em = t.em();
    await em.nativeDelete(SlaPolicy, {});
    em.create(SlaPolicy, { tenant: acme.id, priority: 'HIGH', responseMinutes: 30, resolutionMinutes: 240 });
    await em.flush();
    const before = Date.now();
    const res = await create('reporter', ticket);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'OPEN', type: 'INCIDENT', priority: 'HIGH', number: expect.stringMatching(/^INC-\d{8}-\d{4}$/) });
    const row = await t.em().findOneOrFail(Incident, { id: res.body.data.id });
    expect(row.source).toBe('PORTAL');
    expect(row.reporterCustomer?.id).toBe(reporter.user.id);
    expect(row.customer?.id).toBe(shared.id);
    expect(row.tenant.id).toBe(acme.id);
    expect(row.responseDueAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);
    expect(row.resolutionDueAt.getTime() - row.createdAt.getTime()).toBe(240 * 60_000);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const events = await t.em().find(OutboxEvent, { type: 'incident.created_by_customer' });
    expect(events.map((e) => e.payload.incidentId)).toContain(row.id);
  });

  it('numbers tickets per tenant without gaps or duplicates under concurrency, CHG- for changes', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => create('loner', { ...ticket, title: `Concurrent ${i}` })));
    const numbers = results.map((r) => r.body.data.number).sort();
    expect(new Set(numbers).size).toBe(8);
    const seq = numbers.map((n) => Number(n.slice(-4)));
    for (let i = 1; i < seq.length; i++) expect(seq[i]).toBe(seq[i - 1] + 1);
    const change = await create('loner', { ...ticket, type: 'CHANGE' });
    expect(change.body.data.number).toMatch(/^CHG-\d{8}-0001$/);
    // Another tenant starts its own sequence.
    const theirs = await create('foreigner', ticket);
    expect(theirs.body.data.number).toMatch(/-0001$/);
  });

  it('refuses bad priorities, types and lengths with a field error, writing nothing', async () => {
    const count = await t.em().count(Incident);
    const bad = await create('reporter', { ...ticket, priority: 'URGENT' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toEqual({ code: 'VALIDATION_FAILED', field: 'priority', message: 'must be one of LOW, MEDIUM, HIGH, CRITICAL' });
    expect((await create('reporter', { ...ticket, type: 'PROBLEM' })).body.errors?.[0].field).toBe('type');
    expect((await create('reporter', { ...ticket, title: 'x'.repeat(201) })).body.errors?.[0].field).toBe('title');
    expect((await create('reporter', { ...ticket, description: '   ' })).body.errors?.[0].field).toBe('description');
    const scrubbe = await t.rest<Envelope>('POST', '/api/v1/customer/create-incident', { summary: 'x', description: 'y', priority: 'urgent' }, auth.reporter);
    expect(scrubbe.body.errors?.[0].field).toBe('priority');
    expect(await t.em().count(Incident)).toBe(count);
  });

  describe('idempotency', () => {
    it('returns the first ticket for a repeated key and creates nothing new', async () => {
      const first = await create('reporter', ticket, { 'idempotency-key': 'key-1' });
      const count = await t.em().count(Incident);
      const again = await create('reporter', ticket, { 'idempotency-key': 'key-1' });
      expect(again.status).toBe(201);
      expect(again.body.data).toEqual(first.body.data);
      expect(await t.em().count(Incident)).toBe(count);
    });

    it('refuses the same key with another body (409), and keeps keys per customer', async () => {
      await create('reporter', ticket, { 'idempotency-key': 'key-2' });
      const conflict = await create('reporter', { ...ticket, title: 'Something else' }, { 'idempotency-key': 'key-2' });
      expect(conflict.status).toBe(409);
      expect(conflict.body.errors?.[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherCustomer = await create('colleague', ticket, { 'idempotency-key': 'key-2' });
      expect(otherCustomer.status).toBe(201);
    });

    it('settles concurrent requests with the same key on one ticket', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => create('loner', ticket, { 'idempotency-key': 'race-1' })));
      expect(new Set(results.map((r) => r.body.data.id)).size).toBe(1);
      expect(results.every((r) => r.status === 201)).toBe(true);
    });

    it('GraphQL takes the key as an argument', async () => {
      const q = 'mutation($i: CreateTicketInput!, $k: String) { createTicket(input: $i, idempotencyKey: $k) { id } }';
      const a = await t.gql<{ createTicket: { id: string } }>(q, { i: ticket, k: 'gql-1' }, auth.loner);
      const b = await t.gql<{ createTicket: { id: string } }>(q, { i: ticket, k: 'gql-1' }, auth.loner);
      expect(a.data?.createTicket.id).toBe(b.data?.createTicket.id);
    });
  });

  describe('who sees what', () => {
    let sharedTicket: Incident; // reported by `reporter` in the sharing org
    let ownTicket: Incident; // reported by `ownReporter` in the OWN org
    let lonerTicket: Incident;
    let foreignTicket: Incident;
    beforeAll(async () => {
      const em = t.em();
      sharedTicket = await createIncident(em, acme, { reporter: reporter.user, org: shared, techDescription: SECRET_TECH });
      ownTicket = await createIncident(em, acme, { reporter: ownReporter.user, org: own });
      lonerTicket = await createIncident(em, acme, { reporter: loner.user });
      foreignTicket = await createIncident(em, other, { reporter: foreigner.user });
    });

    const canSee: Record<string, string[]> = {
      reporter: ['shared'],
      colleague: ['shared'],
      ownReporter: ['own'],
      ownColleague: [],
      loner: ['loner'],
      foreigner: ['foreign'],
    };

    it.each(Object.keys(canSee))('%s sees exactly the tickets the sharing rules allow, on every read path', async (who) => {
      const tickets = { shared: sharedTicket, own: ownTicket, loner: lonerTicket, foreign: foreignTicket };
      const missing = await t.rest<Envelope>('GET', '/api/v1/portal/tickets/00000000-0000-4000-8000-000000000000', undefined, auth[who]);
      expect(missing.status).toBe(404);
      for (const [name, incident] of Object.entries(tickets)) {
        const allowed = canSee[who].includes(name);
        for (const path of [`/api/v1/portal/tickets/${incident.id}`, `/api/v1/customer/get-incident/${incident.number}`]) {
          const res = await t.rest<Envelope>('GET', path, undefined, auth[who]);
          if (allowed) expect([path, res.status]).toEqual([path, 200]);
          else expect([path, res.status, res.text]).toEqual([path, 404, missing.text]); // same body as a missing id
        }
        const comment = await t.rest('POST', `/api/v1/portal/tickets/${incident.id}/comments`, { body: 'hello' }, auth[who]);
        expect(comment.status).toBe(allowed ? 201 : 404);
      }
      const list = await t.rest<Envelope<{ items: { id: string }[] }>>('GET', '/api/v1/portal/tickets?limit=100', undefined, auth[who]);
      const listed = new Set(list.body.data.items.map((i) => i.id));
      for (const [name, incident] of Object.entries(tickets)) expect([name, listed.has(incident.id)]).toEqual([name, canSee[who].includes(name)]);
    });

    it('staff tokens (403: valid, but not for this) and no token (401) are refused on ticket operations', async () => {
      for (const [who, status] of [['staff', 403], ['none', 401]] as const) {
        expect((await t.rest('GET', `/api/v1/portal/tickets/${sharedTicket.id}`, undefined, auth[who])).status).toBe(status);
        expect((await t.rest('POST', `/api/v1/portal/tickets/${sharedTicket.id}/comments`, { body: 'x' }, auth[who])).status).toBe(status);
        expect((await t.rest('GET', '/api/v1/customer/get-incidents', undefined, auth[who])).status).toBe(status);
      }
    });

    it('a sharing change or a move between organizations applies at once, without a new token', async () => {
      await t.em().nativeUpdate(Customer, { id: own.id }, { sharingMode: 'ORGANIZATION' });
      expect((await t.rest('GET', `/api/v1/portal/tickets/${ownTicket.id}`, undefined, auth.ownColleague)).status).toBe(200);
      await t.em().nativeUpdate(Customer, { id: own.id }, { sharingMode: 'OWN' });
      expect((await t.rest('GET', `/api/v1/portal/tickets/${ownTicket.id}`, undefined, auth.ownColleague)).status).toBe(404);
    });

    it('filters and paginates with the documented envelope', async () => {
      const page = await t.rest<Envelope<{ items: { status: string }[]; pagination: { page: number; limit: number; total: number; totalPages: number } }>>(
        'GET',
        '/api/v1/portal/tickets?page=1&limit=2&status=open&priority=HIGH',
        undefined,
        auth.loner,
      );
      expect(page.status).toBe(200);
      expect(page.body.data.items.length).toBeLessThanOrEqual(2);
      expect(page.body.data.pagination).toMatchObject({ page: 1, limit: 2 });
      expect(page.body.data.pagination.totalPages).toBe(Math.ceil(page.body.data.pagination.total / 2));
      expect(page.body.data.items.every((i) => i.status === 'OPEN')).toBe(true);
      expect((await t.rest('GET', '/api/v1/portal/tickets?limit=101', undefined, auth.loner)).status).toBe(400);
      expect((await t.rest('GET', '/api/v1/portal/tickets?page=zero', undefined, auth.loner)).status).toBe(400);
      expect((await t.rest('GET', '/api/v1/portal/tickets?status=BROKEN', undefined, auth.loner)).status).toBe(400);
    });
  });

  describe('no internal data ever reaches a customer', () => {
    let incident: Incident;
    beforeAll(async () => {
      const em = t.em();
      const engineer = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'ENGINEER', email: 'eng-secret@acme.test' });
      incident = await createIncident(em, acme, { reporter: reporter.user, org: shared, techDescription: SECRET_TECH, assignee: engineer.user });
      await em.nativeUpdate(Incident, { id: incident.id }, { impactSummary: 'TECH-SECRET impact', region: 'TECH-SECRET-region' });
      await addUpdate(em, incident, SECRET_NOTE, 'INTERNAL', engineer.user);
      await addUpdate(em, incident, 'We are looking into it.', 'PUBLIC', engineer.user);
    });

    it('REST views carry public updates only, staff by display name, and nothing internal', async () => {
      for (const path of [`/api/v1/portal/tickets/${incident.id}`, `/api/v1/customer/get-incident/${incident.id}`, '/api/v1/portal/tickets', '/api/v1/customer/get-incidents']) {
        const res = await t.rest<Envelope<View>>('GET', path, undefined, auth.reporter);
        expect(res.status).toBe(200);
        expect(res.text).not.toContain('TECH-SECRET');
        expect(res.text).not.toContain('INTERNAL-NOTE');
        expect(res.text).not.toContain('eng-secret@acme.test');
        expect(res.text).not.toMatch(/techDescription|assignee|internalSla/);
      }
      const detail = await t.rest<Envelope<View>>('GET', `/api/v1/portal/tickets/${incident.id}`, undefined, auth.reporter);
      expect(detail.body.data.updates).toEqual([
        { id: expect.any(String), kind: 'COMMENT', body: 'We are looking into it.', status: null, author: { displayName: 'Ada Lovelace', kind: 'STAFF' }, createdAt: expect.any(String) },
      ]);
      expect(detail.body.data.comments).toHaveLength(1);
    });

    const probes = {
      direct: (id: string) =>
        `{ ticket(id: "${id}") { id techDescription impactSummary blastRadius serviceArea environment region customerId version internalSla { state } assignee { email displayName } updates { body visibility } } }`,
      aliases: (id: string) => `{ t: ticket(id: "${id}") { a: techDescription b: assignee { e: email } c: internalSla { s: state } u: updates { x: body } } }`,
      inlineFragments: (id: string) => `{ ticket(id: "${id}") { ... on Incident { techDescription assignee { email } internalSla { state } } updates { ... on IncidentUpdate { body } } } }`,
      namedFragments: (id: string) => `fragment Secret on Incident { techDescription assignee { id email displayName } internalSla { state responseBreached } } { ticket(id: "${id}") { ...Secret updates { body } } }`,
      list: () => '{ tickets(limit: 100) { items { techDescription assignee { email } internalSla { state } updates { body } } } }',
    };

    // Tickets are the portal's own type (Ticket, TicketUpdate): an internal field is not even in it, so every way
    // of asking for one fails validation before anything runs, and the answer carries no data at all.
    it.each(Object.keys(probes))('GraphQL %s: asking Ticket for an internal field fails validation, nothing runs', async (kind) => {
      const res = await t.gql(probes[kind as keyof typeof probes](incident.id), undefined, auth.reporter);
      const text = JSON.stringify({ data: res.data, errors: res.errors });
      expect(text).not.toContain('TECH-SECRET');
      expect(text).not.toContain('INTERNAL-NOTE');
      expect(text).not.toContain('eng-secret');
      expect(res.data).toBeUndefined();
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.errors?.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    });

    it('GraphQL: what a customer may see of the same ticket answers (control of the probes above)', async () => {
      const res = await t.gql<{ ticket: { id: string; updates: { body: string; visibility: string }[] } }>(
        `{ ticket(id: "${incident.id}") { id title description updates { body visibility author { displayName } } } }`,
        undefined,
        auth.reporter,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.ticket.updates).toEqual([{ body: 'We are looking into it.', visibility: 'PUBLIC', author: { displayName: 'Ada Lovelace' } }]);
      const text = JSON.stringify({ data: res.data, errors: res.errors });
      expect(text).not.toContain('TECH-SECRET');
      expect(text).not.toContain('INTERNAL-NOTE');
    });

    it('staff see the internal fields through the same type (control)', async () => {
      // Staff reads of incidents arrive with the incident-management work; the read model already serves them.
      const staffView = await findIncident(t.em(), { kind: 'staff', userId: 'u', tenantId: acme.id, role: 'ADMIN', sessionId: 's' }, incident.id);
      expect(staffView?.techDescription).toBe(SECRET_TECH);
      expect(staffView?.assignee).toMatchObject({ email: 'eng-secret@acme.test' });
    });
  });

  describe('comments', () => {
    it('adds a PUBLIC comment by the customer, records an event, and refuses CLOSED tickets', async () => {
      const incident = await createIncident(t.em(), acme, { reporter: loner.user });
      const res = await t.rest<Envelope<{ id: string; body: string; author: object }>>('POST', `/api/v1/portal/tickets/${incident.number}/comments`, { body: 'Still broken' }, auth.loner);
      expect(res.status).toBe(201);
      expect(res.body.data).toEqual({ id: expect.any(String), body: 'Still broken', author: { displayName: 'Max Mustermann', kind: 'CUSTOMER' }, createdAt: expect.any(String) });
      const view = await t.rest<Envelope<View>>('GET', `/api/v1/portal/tickets/${incident.id}`, undefined, auth.loner);
      expect(view.body.data.updates.map((u) => u.body)).toEqual(['Still broken']);
      expect(await t.em().count(OutboxEvent, { type: 'incident.customer_comment' })).toBeGreaterThan(0);

      const closed = await createIncident(t.em(), acme, { reporter: loner.user, status: 'CLOSED' });
      const refused = await t.rest<Envelope>('POST', `/api/v1/portal/tickets/${closed.id}/comments`, { body: 'Hello?' }, auth.loner);
      expect(refused.status).toBe(409);
      expect(refused.body.errors?.[0].code).toBe('TICKET_CLOSED');
      const empty = await t.rest<Envelope>('POST', `/api/v1/portal/tickets/${incident.id}/comments`, { body: '' }, auth.loner);
      expect(empty.status).toBe(400);
    });
  });
});
