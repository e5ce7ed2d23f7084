import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { Incident as IncidentRow } from '../../src/modules/incident/incident.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import type { StaffRole } from '../../src/auth/viewer';
import { addUpdate, createCustomerOrg, createCustomerUser, createIncident, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type StaffIncident = {
  id: string;
  number: string;
  status: string;
  priority: string;
  version: number;
  techDescription: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolutionSummary: string | null;
  assignee: { id: string; email: string } | null;
  sla: { responseDueAt: string; resolutionDueAt: string };
  internalSla: { state: string };
  updates?: { kind: string; visibility: string; body: string; status: string | null }[];
};

describe('incident management for staff', () => {
  let t: TestApp;
  let acme: Tenant;
  const staff: Partial<Record<StaffRole, StaffFixture>> = {};
  const auth: Record<string, Record<string, string>> = {};
  let customer: CustomerFixture;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true' });
    const em = t.em();
    acme = await createTenant(em, { slug: 'ops-acme' });
    for (const role of ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER', 'ADMIN'] as StaffRole[]) {
      staff[role] = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role, email: `${role.toLowerCase()}@ops.test` });
      auth[role] = (await login(t, staff[role]!.email, staff[role]!.password)).auth;
    }
    const org = await createCustomerOrg(em, acme, 'OWN');
    customer = await createCustomerUser(em, t.app.runtime.passwords, acme, { org });
    auth.customer = await portalLogin(t, 'ops-acme', customer.email, customer.password);
    const stranger = await createStaff(em, t.app.runtime.passwords, { tenant: await createTenant(em), role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
  });
  afterAll(() => t.close());

  const create = (who: string, body: Record<string, unknown>) => t.rest<Envelope<StaffIncident>>('POST', '/api/v1/incidents', body, auth[who]);
  const status = (who: string, id: string, body: Record<string, unknown>) => t.rest<Envelope<StaffIncident>>('POST', `/api/v1/incidents/${id}/status`, body, auth[who]);
  const base = { type: 'INCIDENT', title: 'API latency', description: 'p99 above 2 s', priority: 'HIGH' };

  it('updates(last: N) gives the N newest updates, oldest first; a customer counts PUBLIC ones only; N outside 1-100 is refused', async () => {
    const em = t.em();
    const incident = await createIncident(em, acme, { title: 'Timeline preview', reporter: customer.user });
    for (const [body, visibility] of [
      ['first public', 'PUBLIC'],
      ['first internal', 'INTERNAL'],
      ['second public', 'PUBLIC'],
      ['second internal', 'INTERNAL'],
    ] as const) {
      await addUpdate(em, incident, body, visibility, staff.ENGINEER!.user);
    }
    type Timeline = { all: { body: string }[]; last2: { body: string }[]; last1: { body: string }[] };
    const fields = 'all: updates { body } last2: updates(last: 2) { body } last1: updates(last: 1) { body }';
    const staffView = await t.gql<{ incident: Timeline }>(`{ incident(id: "${incident.id}") { ${fields} } }`, undefined, auth.VIEWER);
    expect(staffView.errors).toBeUndefined();
    const mine = staffView.data!.incident;
    expect(mine.last2.map((u) => u.body)).toEqual(['second public', 'second internal']);
    expect(mine.last1).toEqual(mine.all.slice(-1));
    const customerView = await t.gql<{ ticket: Timeline }>(`{ ticket(id: "${incident.id}") { ${fields} } }`, undefined, auth.customer);
    expect(customerView.errors).toBeUndefined();
    expect(customerView.data!.ticket.last2.map((u) => u.body)).toEqual(['first public', 'second public']);
    expect(customerView.data!.ticket.all.every((u) => !u.body.includes('internal'))).toBe(true);

    for (const last of [0, 101, -1]) {
      const refused = await t.gql(`{ incident(id: "${incident.id}") { updates(last: ${last}) { body } } }`, undefined, auth.VIEWER);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'last' }] });
    }
  });

  it('an ENGINEER creates an incident with triage fields, on behalf of a portal user, who then sees the customer view only', async () => {
    const res = await create('ENGINEER', {
      ...base,
      techDescription: 'Connection pool exhausted on api-7',
      impactSummary: 'Checkout slow for EU customers',
      serviceArea: 'payments',
      environment: 'production',
      region: 'eu-west-1',
      reporterCustomerId: customer.user.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'OPEN', techDescription: 'Connection pool exhausted on api-7', version: 1, internalSla: { state: 'OK' } });
    const row = await t.em().findOneOrFail(IncidentRow, { id: res.body.data.id });
    expect(row.source).toBe('STAFF');
    expect(row.reporterCustomer?.id).toBe(customer.user.id);
    const portal = await t.rest('GET', `/api/v1/portal/tickets/${res.body.data.number}`, undefined, auth.customer);
    expect(portal.status).toBe(200);
    expect(portal.text).not.toMatch(/Connection pool|EU customers|eu-west-1/);
  });

  it('enforces the role matrix over the API', async () => {
    const { body } = await create('ENGINEER', base);
    const id = body.data.id;
    expect((await create('RESPONDER', base)).status).toBe(403);
    expect((await create('VIEWER', base)).status).toBe(403);
    expect((await t.rest('GET', `/api/v1/incidents/${id}`, undefined, auth.VIEWER)).status).toBe(200);
    expect((await t.rest('POST', `/api/v1/incidents/${id}/updates`, { body: 'x' }, auth.VIEWER)).status).toBe(403);
    expect((await t.rest('POST', `/api/v1/incidents/${id}/updates`, { body: 'looking' }, auth.RESPONDER)).status).toBe(201);
    const resolveAsResponder = await status('RESPONDER', id, { status: 'RESOLVED', resolutionSummary: 'x' });
    expect(resolveAsResponder.status).toBe(403);
    expect((await status('RESPONDER', id, { status: 'ACKNOWLEDGED' })).status).toBe(200);
    expect((await t.rest('POST', `/api/v1/incidents/${id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.ENGINEER)).status).toBe(403);
    expect((await t.rest('POST', `/api/v1/incidents/${id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.MANAGER)).status).toBe(200);
    expect((await t.rest('GET', `/api/v1/incidents/${id}`, undefined, auth.customer)).status).toBe(403);
    expect((await t.rest('GET', `/api/v1/incidents/${id}`)).status).toBe(401);
  });

  it('another workspace\'s incident answers exactly like a missing one, on every operation', async () => {
    const { body } = await create('ENGINEER', base);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, suffix, payload] of [
      ['GET', '', undefined],
      ['PATCH', '', { version: 1, title: 'x' }],
      ['POST', '/status', { status: 'ACKNOWLEDGED' }],
      ['POST', '/updates', { body: 'x' }],
      ['POST', '/assign', { assigneeId: null }],
    ] as const) {
      const theirs = await t.rest('' + method, `/api/v1/incidents/${body.data.id}${suffix}`, payload, auth.stranger);
      const none = await t.rest('' + method, `/api/v1/incidents/${missing}${suffix}`, payload, auth.stranger);
      expect([suffix, theirs.status, theirs.text]).toEqual([suffix, 404, none.text]);
    }
  });

  it('walks the status machine, stamping times, and names the allowed moves when refusing one', async () => {
    const { body } = await create('ENGINEER', base);
    const id = body.data.id;
    const illegal = await status('ENGINEER', id, { status: 'CLOSED' });
    expect(illegal.status).toBe(400);
    expect(illegal.body.errors?.[0].code).toBe('INVALID_TRANSITION');
    expect(illegal.body.message).toContain('ACKNOWLEDGED, INVESTIGATION, MITIGATED, RESOLVED');

    const ack = await status('ENGINEER', id, { status: 'ACKNOWLEDGED' });
    expect(ack.body.data.acknowledgedAt).toEqual(expect.any(String));
    await status('ENGINEER', id, { status: 'INVESTIGATION', note: 'Looking at the database.' });
    await status('ENGINEER', id, { status: 'MITIGATED', internal: true, note: 'Failover done, root cause unknown' });
    const noSummary = await status('ENGINEER', id, { status: 'RESOLVED' });
    expect(noSummary.body.errors?.[0].field).toBe('resolutionSummary');
    const resolved = await status('ENGINEER', id, { status: 'RESOLVED', resolutionSummary: 'Pool size raised.' });
    expect(resolved.body.data).toMatchObject({ status: 'RESOLVED', resolutionSummary: 'Pool size raised.', resolvedAt: expect.any(String) });
    const closed = await status('ENGINEER', id, { status: 'CLOSED' });
    expect(closed.body.data.closedAt).toEqual(expect.any(String));
    const reopened = await status('ENGINEER', id, { status: 'OPEN', note: 'It is back.' });
    expect(reopened.body.data).toMatchObject({ status: 'OPEN', resolvedAt: null, closedAt: null, acknowledgedAt: expect.any(String) });

    const detail = await t.rest<Envelope<StaffIncident>>('GET', `/api/v1/incidents/${id}`, undefined, auth.VIEWER);
    const statuses = detail.body.data.updates!.filter((u) => u.kind === 'STATUS');
    expect(statuses.map((u) => [u.status, u.visibility])).toEqual([
      ['ACKNOWLEDGED', 'PUBLIC'],
      ['INVESTIGATION', 'PUBLIC'],
      ['MITIGATED', 'INTERNAL'],
      ['RESOLVED', 'PUBLIC'],
      ['CLOSED', 'PUBLIC'],
      ['OPEN', 'PUBLIC'],
    ]);
    const events = await t.em().find(OutboxEvent, { type: 'incident.status_changed' });
    expect(events.filter((e) => e.payload.incidentId === id)).toHaveLength(6);
  });

  it('the customer sees the public part of the timeline only', async () => {
    const { body } = await create('ENGINEER', { ...base, reporterCustomerId: customer.user.id });
    const id = body.data.id;
    await t.rest('POST', `/api/v1/incidents/${id}/updates`, { body: 'PUBLIC-NOTE all good', visibility: 'PUBLIC' }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${id}/updates`, { body: 'SECRET-NOTE blame vendor' }, auth.ENGINEER);
    await status('ENGINEER', id, { status: 'INVESTIGATION', internal: true, note: 'SECRET-STATUS deep dive' });
    await t.rest('POST', `/api/v1/incidents/${id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.MANAGER);
    const { version } = (await t.rest<Envelope<StaffIncident>>('GET', `/api/v1/incidents/${id}`, undefined, auth.ENGINEER)).body.data;
    expect(version).toBe(3); // status change and assignment bump it; comments do not
    expect((await t.rest('PATCH', `/api/v1/incidents/${id}`, { version, impactSummary: 'SECRET-IMPACT' }, auth.ENGINEER)).status).toBe(200);
    const staffView = await t.rest<Envelope<StaffIncident>>('GET', `/api/v1/incidents/${id}`, undefined, auth.ENGINEER);
    expect(staffView.body.data.updates!.map((u) => u.kind).sort()).toEqual(['ASSIGNMENT', 'COMMENT', 'COMMENT', 'FIELD_CHANGE', 'STATUS']);
    const portal = await t.rest<Envelope<{ updates: { body: string }[] }>>('GET', `/api/v1/portal/tickets/${id}`, undefined, auth.customer);
    expect(portal.body.data.updates.map((u) => u.body)).toEqual(['PUBLIC-NOTE all good']);
    expect(portal.text).not.toMatch(/SECRET|ops\.test/);
  });

  describe('optimistic locking', () => {
    it('refuses a stale version with 409, and lets exactly one of two concurrent edits through', async () => {
      const { body } = await create('ENGINEER', base);
      const id = body.data.id;
      const first = await t.rest<Envelope<StaffIncident>>('PATCH', `/api/v1/incidents/${id}`, { version: 1, title: 'Renamed' }, auth.ENGINEER);
      expect(first.status).toBe(200);
      expect(first.body.data.version).toBe(2);
      const stale = await t.rest<Envelope>('PATCH', `/api/v1/incidents/${id}`, { version: 1, title: 'Lost?' }, auth.ENGINEER);
      expect(stale.status).toBe(409);
      expect(stale.body.errors?.[0].code).toBe('STALE_VERSION');
      const race = await Promise.all(['A', 'B', 'C'].map((x) => t.rest('PATCH', `/api/v1/incidents/${id}`, { version: 2, title: `Edit ${x}` }, auth.ENGINEER)));
      expect(race.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const row = await t.em().findOneOrFail(IncidentRow, { id });
      expect(row.version).toBe(3);
    });

    it('recomputes SLA due times on a priority change and audits before and after', async () => {
      const { body } = await create('ENGINEER', { ...base, priority: 'LOW' });
      const res = await t.rest<Envelope<StaffIncident>>('PATCH', `/api/v1/incidents/${body.data.id}`, { version: 1, priority: 'CRITICAL' }, auth.ENGINEER);
      const created = Date.parse(body.data.sla.responseDueAt) - 8 * 3600_000;
      expect(Date.parse(res.body.data.sla.responseDueAt) - created).toBe(15 * 60_000);
      const audit = await t.em().findOneOrFail(AuditEntry, { action: 'incident.updated', targetId: body.data.id });
      expect(audit.metadata).toMatchObject({ before: { priority: 'LOW', version: 1 }, after: { priority: 'CRITICAL', version: 2 } });
      expect(audit.actorId).toBe(staff.ENGINEER!.user.id);
    });
  });

  it('lists with filters, sorting and pagination, and counts by status', async () => {
    const tenant = await createTenant(t.em(), { slug: 'list-acme' });
    const eng = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'MANAGER' });
    const h = (await login(t, eng.email, eng.password)).auth;
    const mk = (title: string, priority: string) => t.rest<Envelope<StaffIncident>>('POST', '/api/v1/incidents', { ...base, title, priority }, h);
    const a = await mk('Alpha disk full', 'LOW');
    await mk('Beta cert expiry', 'CRITICAL');
    await mk('Gamma slow search', 'MEDIUM');
    await t.rest('POST', `/api/v1/incidents/${a.body.data.id}/assign`, { assigneeId: eng.user.id }, h);
    await t.rest('POST', `/api/v1/incidents/${a.body.data.id}/status`, { status: 'ACKNOWLEDGED' }, h);

    const list = (q: string) => t.rest<Envelope<{ items: StaffIncident[]; pagination: { total: number } }>>('GET', `/api/v1/incidents${q}`, undefined, h);
    expect((await list('?q=cert')).body.data.items.map((i) => i.number)).toHaveLength(1);
    expect((await list(`?assigneeId=${eng.user.id}`)).body.data.items.map((i) => i.id)).toEqual([a.body.data.id]);
    expect((await list('?status=ACKNOWLEDGED')).body.data.pagination.total).toBe(1);
    expect((await list('?sort=priority&order=desc')).body.data.items.map((i) => i.priority)).toEqual(['CRITICAL', 'MEDIUM', 'LOW']);
    expect((await list('?slaState=OK')).body.data.pagination.total).toBe(3);
    expect((await list('?slaState=BREACHED')).body.data.pagination.total).toBe(0);
    const page = await list('?limit=2&page=2');
    expect(page.body.data.items).toHaveLength(1);
    const counts = await t.rest<Envelope<{ status: string; count: number }[]>>('GET', '/api/v1/incidents/counts', undefined, h);
    expect(counts.body.data).toEqual([
      { status: 'OPEN', count: 2 },
      { status: 'ACKNOWLEDGED', count: 1 },
      { status: 'INVESTIGATION', count: 0 },
      { status: 'MITIGATED', count: 0 },
      { status: 'RESOLVED', count: 0 },
      { status: 'CLOSED', count: 0 },
    ]);
  });

  it('refuses assignment to someone outside the workspace like a missing member', async () => {
    const { body } = await create('ENGINEER', base);
    const res = await t.rest<Envelope>('POST', `/api/v1/incidents/${body.data.id}/assign`, { assigneeId: '00000000-0000-4000-8000-000000000000' }, auth.MANAGER);
    expect(res.status).toBe(404);
    expect(res.body.errors?.[0].code).toBe('STAFF_MEMBER_NOT_FOUND');
  });
});
