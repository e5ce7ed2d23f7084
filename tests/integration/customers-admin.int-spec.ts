import type { StaffRole } from '../../src/auth/viewer';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { Customer } from '../../src/modules/customer/customer.entity';
import { Incident as IncidentRow } from '../../src/modules/incident/incident.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type FieldError = { code: string; field?: string; message: string };
type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: FieldError[] };
type Org = { id: string; name: string; sharingMode: string; portalUserCount: number; createdAt: string; updatedAt: string };
type Page<T> = { items: T[]; pagination: { page: number; limit: number; total: number; totalPages: number } };

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('customer organizations for staff', () => {
  let t: TestApp;
  let acme: Tenant;
  const auth: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em();
    acme = await createTenant(em, { slug: 'orgs-acme' });
    for (const role of ['VIEWER', 'ENGINEER', 'MANAGER', 'ADMIN'] as StaffRole[]) {
      const s = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role, email: `${role.toLowerCase()}@orgs.test` });
      auth[role] = (await login(t, s.email, s.password)).auth;
      ids[role] = s.user.id;
    }
    const customer = await createCustomerUser(em, t.app.runtime.passwords, acme, { org: await createCustomerOrg(em, acme) });
    auth.customer = await portalLogin(t, 'orgs-acme', customer.email, customer.password);
    const stranger = await createStaff(em, t.app.runtime.passwords, { tenant: await createTenant(em), role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
  });
  afterAll(() => t.close());

  const create = (body: unknown, who = 'MANAGER') => t.rest<Envelope<Org>>('POST', '/api/v1/customers', body, auth[who]);
  const get = (id: string, who = 'MANAGER') => t.rest<Envelope<Org>>('GET', `/api/v1/customers/${id}`, undefined, auth[who]);
  const patch = (id: string, body: unknown, who = 'MANAGER') => t.rest<Envelope<Org>>('PATCH', `/api/v1/customers/${id}`, body, auth[who]);
  const remove = (id: string, who = 'MANAGER') => t.rest<Envelope<{ id: string }>>('DELETE', `/api/v1/customers/${id}`, undefined, auth[who]);

  it('a MANAGER creates an organization (201), any staff member reads it, and the creation is audited', async () => {
    const res = await create({ name: '  Initrode  ', sharingMode: 'ORGANIZATION' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ success: true, message: 'Customer created.' });
    expect(res.body.data).toEqual({
      id: expect.any(String),
      name: 'Initrode',
      sharingMode: 'ORGANIZATION',
      portalUserCount: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updatedAt: expect.any(String),
    });
    const read = await get(res.body.data.id, 'VIEWER');
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(res.body.data);

    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'customer.created', targetId: res.body.data.id });
    expect(audit).toMatchObject({ tenantId: acme.id, actorKind: 'staff', actorId: ids.MANAGER, targetType: 'customer' });
    expect(audit.metadata).toEqual({ before: null, after: { name: 'Initrode', sharingMode: 'ORGANIZATION' } });

    const defaulted = await create({ name: 'Defaults Ltd' });
    expect(defaulted.body.data.sharingMode).toBe('OWN');
  });

  it('updates name and sharing mode, auditing before and after; an empty change writes nothing', async () => {
    const { body } = await create({ name: 'Umbrella', sharingMode: 'OWN' });
    const res = await patch(body.data.id, { name: 'Umbrella Corp', sharingMode: 'ORGANIZATION' }, 'ADMIN');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: body.data.id, name: 'Umbrella Corp', sharingMode: 'ORGANIZATION' });
    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'customer.updated', targetId: body.data.id });
    expect(audit.actorId).toBe(ids.ADMIN);
    expect(audit.metadata).toEqual({
      before: { name: 'Umbrella', sharingMode: 'OWN' },
      after: { name: 'Umbrella Corp', sharingMode: 'ORGANIZATION' },
      changed: ['name', 'sharingMode'],
    });
    expect((await patch(body.data.id, { name: 'Umbrella Corp' })).status).toBe(200);
    expect(await t.em().count(AuditEntry, { action: 'customer.updated', targetId: body.data.id })).toBe(1);
  });

  it('lists by name with search and pagination', async () => {
    const tenant = await createTenant(t.em(), { slug: 'orgs-list' });
    const manager = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'VIEWER' });
    const h = (await login(t, manager.email, manager.password)).auth;
    for (const name of ['beta Systems', 'Alpha 100%', 'Gamma_Labs', 'Alphabet']) await createCustomerOrg(t.em(), tenant, 'OWN', name);
    const list = (q: string) => t.rest<Envelope<Page<Org>>>('GET', `/api/v1/customers${q}`, undefined, h);

    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body.data.items.map((o) => o.name)).toEqual(['Alpha 100%', 'Alphabet', 'beta Systems', 'Gamma_Labs']);
    expect(all.body.data.pagination).toEqual({ page: 1, limit: 20, total: 4, totalPages: 1 });
    expect((await list('?q=ALPHA')).body.data.items.map((o) => o.name)).toEqual(['Alpha 100%', 'Alphabet']);
    // LIKE wildcards in the search are taken literally.
    expect((await list('?q=%25')).body.data.items.map((o) => o.name)).toEqual(['Alpha 100%']);
    expect((await list('?q=_')).body.data.items.map((o) => o.name)).toEqual(['Gamma_Labs']);
    const second = await list('?limit=3&page=2');
    expect(second.body.data.items.map((o) => o.name)).toEqual(['Gamma_Labs']);
    expect(second.body.data.pagination).toEqual({ page: 2, limit: 3, total: 4, totalPages: 2 });
    expect((await list('?limit=3&page=5')).body.data.pagination).toEqual({ page: 5, limit: 3, total: 4, totalPages: 2 });

    const tooBig = await list('?limit=101');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'limit', message: 'must be a whole number from 1 to 100' }]);
    expect((await list('?page=0')).body.errors?.[0].field).toBe('page');
  });

  it('validates every field with field errors', async () => {
    const cases: [unknown, string, number?][] = [
      [{ name: '   ' }, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 'Ok', sharingMode: 'EVERYONE' }, 'sharingMode'],
      [{ sharingMode: 'OWN' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'Ok', color: 'blue' }, 'color'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect([JSON.stringify(body), res.status, res.body.success, res.body.errors?.[0].field]).toEqual([JSON.stringify(body), 400, false, field]);
      expect(res.body.errors?.[0].code).toBe('VALIDATION_FAILED');
    }
    const { body } = await create({ name: 'Validated' });
    for (const [payload, field] of [
      [{ name: null }, 'name'],
      [{ sharingMode: null }, 'sharingMode'],
      [{ name: ' ' }, 'name'],
      [{ sharingMode: 'nope' }, 'sharingMode'],
    ] as const) {
      const res = await patch(body.data.id, payload);
      expect([JSON.stringify(payload), res.status, res.body.errors?.[0].field]).toEqual([JSON.stringify(payload), 400, field]);
    }
  });

  it('refuses other roles and portal customers (403), anonymous callers (401)', async () => {
    const { body } = await create({ name: 'Guarded' });
    const id = body.data.id;
    for (const who of ['VIEWER', 'ENGINEER']) {
      expect((await create({ name: 'Nope' }, who)).status).toBe(403);
      expect((await patch(id, { name: 'Nope' }, who)).status).toBe(403);
      const del = await remove(id, who);
      expect(del.status).toBe(403);
      expect(del.body.errors?.[0].code).toBe('FORBIDDEN');
    }
    for (const [who, status, code] of [['customer', 403, 'FORBIDDEN'], ['anonymous', 401, 'UNAUTHENTICATED']] as const) {
      for (const res of [
        await t.rest<Envelope>('GET', '/api/v1/customers', undefined, auth[who]),
        await get(id, who),
        await create({ name: 'Nope' }, who),
        await patch(id, { name: 'Nope' }, who),
        await remove(id, who),
      ]) {
        expect(res.status).toBe(status);
        expect(res.body.errors?.[0].code).toBe(code);
      }
    }
    expect((await get(id)).body.data.name).toBe('Guarded');
  });

  it('another workspace\'s organization answers exactly like a missing one, on every operation', async () => {
    const { body } = await create({ name: 'Private Org' });
    for (const [label, call] of [
      ['GET', (id: string) => get(id, 'stranger')],
      ['PATCH', (id: string) => patch(id, { name: 'Hijacked' }, 'stranger')],
      ['DELETE', (id: string) => remove(id, 'stranger')],
    ] as const) {
      const theirs = await call(body.data.id);
      const none = await call(MISSING);
      const malformed = await call('not-a-uuid');
      expect([label, theirs.status, theirs.text]).toEqual([label, 404, none.text]);
      expect(malformed.text).toBe(none.text);
      expect(theirs.body.errors?.[0].code).toBe('CUSTOMER_NOT_FOUND');
    }
    const list = await t.rest<Envelope<Page<Org>>>('GET', '/api/v1/customers', undefined, auth.stranger);
    expect(list.body.data.items.map((o) => o.id)).not.toContain(body.data.id);
    expect((await get(body.data.id)).body.data.name).toBe('Private Org');
  });

  it('deletes only an organization without portal users (409 otherwise); its incidents stay, unlinked', async () => {
    const { body } = await create({ name: 'Short-lived' });
    const id = body.data.id;
    const org = await t.em().findOneOrFail(Customer, { id });
    const member = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org });
    const incident = await createIncident(t.em(), acme, { reporter: member.user, org });
    expect((await get(id)).body.data.portalUserCount).toBe(1);

    const refused = await remove(id);
    expect(refused.status).toBe(409);
    expect(refused.body.errors?.[0].code).toBe('CUSTOMER_HAS_PORTAL_USERS');
    expect(refused.body.message).toMatch(/1 portal user\b/);

    expect((await t.rest('PATCH', `/api/v1/portal-users/${member.user.id}`, { customerId: null }, auth.MANAGER)).status).toBe(200);
    const deleted = await remove(id);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true, message: 'Customer deleted.', data: { id } });
    expect((await get(id)).status).toBe(404);
    expect((await remove(id)).status).toBe(404);
    const row = await t.em().findOneOrFail(IncidentRow, { id: incident.id });
    expect(row.customer).toBeNull();
    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'customer.deleted', targetId: id });
    expect(audit.metadata).toEqual({ before: { name: 'Short-lived', sharingMode: 'OWN' }, after: null });
  });

  it('a change of sharing mode applies to the members\' ticket lists at once', async () => {
    const { body } = await create({ name: 'Sharing Co', sharingMode: 'OWN' });
    const org = await t.em().findOneOrFail(Customer, { id: body.data.id });
    const reporter = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org });
    const colleague = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org });
    const incident = await createIncident(t.em(), acme, { reporter: reporter.user, org });
    const colleagueAuth = await portalLogin(t, 'orgs-acme', colleague.email, colleague.password);
    const see = () => t.rest('GET', `/api/v1/portal/tickets/${incident.id}`, undefined, colleagueAuth);
    expect((await see()).status).toBe(404);
    await patch(body.data.id, { sharingMode: 'ORGANIZATION' });
    expect((await see()).status).toBe(200);
    await patch(body.data.id, { sharingMode: 'OWN' });
    expect((await see()).status).toBe(404);
  });

  describe('over GraphQL', () => {
    const CREATE = 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id name sharingMode portalUserCount } }';

    it('creates, reads, lists, updates and deletes with the same rules', async () => {
      const created = await t.gql<{ createCustomer: Org }>(CREATE, { i: { name: 'Graph Org', sharingMode: 'ORGANIZATION' } }, auth.MANAGER);
      expect(created.errors).toBeUndefined();
      const id = created.data!.createCustomer.id;
      expect(created.data!.createCustomer).toEqual({ id, name: 'Graph Org', sharingMode: 'ORGANIZATION', portalUserCount: 0 });

      const read = await t.gql<{ customer: Org; customers: Page<Org> }>(
        'query($id: ID!) { customer(id: $id) { name } customers(filter: { q: "graph org" }) { items { id } pagination { total } } }',
        { id },
        auth.VIEWER,
      );
      expect(read.data).toEqual({ customer: { name: 'Graph Org' }, customers: { items: [{ id }], pagination: { total: 1 } } });
      // organization / organizations: the same reads under the schema's word for a customer's company.
      const renamed = await t.gql<{ organization: Org; organizations: Page<Org> }>(
        'query($id: ID!) { organization(id: $id) { name } organizations(filter: { q: "graph org" }) { items { id } pagination { total } } }',
        { id },
        auth.VIEWER,
      );
      expect(renamed.data).toEqual({ organization: { name: 'Graph Org' }, organizations: { items: [{ id }], pagination: { total: 1 } } });

      const updated = await t.gql<{ updateCustomer: Org }>(
        'mutation($id: ID!) { updateCustomer(id: $id, input: { sharingMode: OWN }) { sharingMode } }',
        { id },
        auth.MANAGER,
      );
      expect(updated.data?.updateCustomer.sharingMode).toBe('OWN');
      const deleted = await t.gql<{ deleteCustomer: string }>('mutation($id: ID!) { deleteCustomer(id: $id) }', { id }, auth.MANAGER);
      expect(deleted.data?.deleteCustomer).toBe(id);
    });

    it('answers the coded refusals', async () => {
      expect((await t.gql(CREATE, { i: { name: 'x' } }, auth.ENGINEER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(CREATE, { i: { name: 'x' } }, auth.customer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(CREATE, { i: { name: 'x' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const invalid = await t.gql(CREATE, { i: { name: '' } }, auth.MANAGER);
      expect(invalid.errors?.[0].extensions).toEqual({
        code: 'VALIDATION_FAILED',
        errors: [{ code: 'VALIDATION_FAILED', field: 'name', message: 'must be 1 to 200 characters' }],
      });
      const foreign = await t.gql('query($id: ID!) { customer(id: $id) { id } }', { id: MISSING }, auth.stranger);
      expect(foreign.errors?.[0].extensions?.code).toBe('CUSTOMER_NOT_FOUND');
      const customersForPortal = await t.gql('{ customers { items { id } } }', undefined, auth.customer);
      expect(customersForPortal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const foreignOrg = await t.gql('query($id: ID!) { organization(id: $id) { id } }', { id: MISSING }, auth.stranger);
      expect(foreignOrg.errors?.[0].extensions?.code).toBe('CUSTOMER_NOT_FOUND');
      expect((await t.gql('{ organizations { items { id } } }', undefined, auth.customer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
