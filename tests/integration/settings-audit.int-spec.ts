import type { StaffRole } from '../../src/auth/viewer';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type FieldError = { code: string; field?: string; message: string };
type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: FieldError[] };
type Settings = { id: string; name: string; slug: string; allowCustomerSignup: boolean; updatedAt: string };
type Entry = {
  id: string;
  action: string;
  createdAt: string;
  actor: { kind: string; id: string; email: string | null; displayName: string | null } | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  metadata: Record<string, unknown> | null;
};
type Page<T> = { items: T[]; pagination: { page: number; limit: number; total: number; totalPages: number } };

describe('workspace settings and audit log (ADMIN)', () => {
  let t: TestApp;
  let acme: Tenant;
  const auth: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em();
    acme = await createTenant(em, { slug: 'set-acme', name: 'Acme Before' });
    for (const role of ['VIEWER', 'MANAGER', 'ADMIN'] as StaffRole[]) {
      const s = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role, email: `${role.toLowerCase()}@set.test` });
      auth[role] = (await login(t, s.email, s.password)).auth;
      ids[role] = s.user.id;
    }
    const customer = await createCustomerUser(em, t.app.runtime.passwords, acme, { org: await createCustomerOrg(em, acme) });
    auth.customer = await portalLogin(t, 'set-acme', customer.email, customer.password);
    ids.customer = customer.user.id;
    const other = await createTenant(em, { slug: 'set-other', name: 'Other Co', allowCustomerSignup: true });
    const stranger = await createStaff(em, t.app.runtime.passwords, { tenant: other, role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
    ids.otherTenant = other.id;
  });
  afterAll(() => t.close());

  describe('settings', () => {
    const settings = (who = 'ADMIN') => t.rest<Envelope<Settings>>('GET', '/api/v1/settings', undefined, auth[who]);
    const update = (body: unknown, who = 'ADMIN') => t.rest<Envelope<Settings>>('PATCH', '/api/v1/settings', body, auth[who]);
    const companies = async () => (await t.rest<Envelope<{ id: string; name: string }[]>>('GET', '/api/v1/customer/companies')).body.data;
    const register = () =>
      t.rest<Envelope>('POST', '/api/v1/customer/register', { email: `new-${Date.now()}@set-client.test`, password: 'Self-Service-Secret-1', name: 'Newcomer', companyId: acme.id });

    it('an ADMIN reads the workspace settings', async () => {
      const res = await settings();
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ id: acme.id, name: 'Acme Before', slug: 'set-acme', allowCustomerSignup: false, updatedAt: expect.any(String) });
    });

    it('opening and closing self-registration and renaming apply at once to the company list and sign-up', async () => {
      expect((await companies()).map((c) => c.id)).not.toContain(acme.id);
      expect((await register()).body.errors?.[0].code).toBe('COMPANY_NOT_AVAILABLE');

      const opened = await update({ allowCustomerSignup: true, name: '  Acme Cloud  ' });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ message: 'Settings updated.', data: { name: 'Acme Cloud', slug: 'set-acme', allowCustomerSignup: true } });
      expect(await companies()).toContainEqual({ id: acme.id, name: 'Acme Cloud', slug: 'set-acme' });
      expect((await register()).status).toBe(201);
      // The slug stays, so portal logins keep working.
      expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, auth.customer)).status).toBe(200);

      const audit = await t.em().findOneOrFail(AuditEntry, { action: 'tenant.settings.updated', targetId: acme.id });
      expect(audit).toMatchObject({ tenantId: acme.id, actorKind: 'staff', actorId: ids.ADMIN, targetType: 'tenant' });
      expect(audit.metadata).toEqual({
        before: { name: 'Acme Before', allowCustomerSignup: false },
        after: { name: 'Acme Cloud', allowCustomerSignup: true },
        changed: ['name', 'allowCustomerSignup'],
      });

      const closed = await update({ allowCustomerSignup: false });
      expect(closed.body.data).toMatchObject({ name: 'Acme Cloud', allowCustomerSignup: false });
      expect((await companies()).map((c) => c.id)).not.toContain(acme.id);
      expect((await register()).body.errors?.[0].code).toBe('COMPANY_NOT_AVAILABLE');
      // A no-op writes no audit entry.
      await update({ allowCustomerSignup: false });
      expect(await t.em().count(AuditEntry, { action: 'tenant.settings.updated', targetId: acme.id })).toBe(2);
    });

    it('validates with field errors', async () => {
      for (const [body, field] of [
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(101) }, 'name'],
        [{ name: null }, 'name'],
        [{ allowCustomerSignup: 'yes' }, 'allowCustomerSignup'],
        [{ allowCustomerSignup: null }, 'allowCustomerSignup'],
        [{ slug: 'new-slug' }, 'slug'],
        [{ tenantId: ids.otherTenant }, 'tenantId'],
      ] as const) {
        const res = await update(body);
        expect([JSON.stringify(body), res.status, res.body.errors?.[0].code, res.body.errors?.[0].field]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED', field]);
      }
    });

    it('refuses MANAGERs and below and portal customers (403), anonymous callers (401); another workspace changes only its own', async () => {
      for (const who of ['VIEWER', 'MANAGER']) {
        expect((await settings(who)).status).toBe(403);
        expect((await update({ name: 'Hijacked' }, who)).status).toBe(403);
      }
      for (const [who, status] of [['customer', 403], ['anonymous', 401]] as const) {
        expect((await settings(who)).status).toBe(status);
        expect((await update({ name: 'Hijacked' }, who)).status).toBe(status);
      }
      const theirs = await update({ name: 'Other Co Renamed' }, 'stranger');
      expect(theirs.body.data.id).toBe(ids.otherTenant);
      expect((await settings()).body.data.name).toBe('Acme Cloud');
    });

    it('works over GraphQL', async () => {
      const res = await t.gql<{ updateTenantSettings: Settings }>(
        'mutation { updateTenantSettings(input: { name: "Acme Cloud" }) { name allowCustomerSignup } }',
        undefined,
        auth.ADMIN,
      );
      expect(res.data?.updateTenantSettings).toEqual({ name: 'Acme Cloud', allowCustomerSignup: false });
      const refused = await t.gql('{ tenantSettings { name } }', undefined, auth.MANAGER);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // workspaceSettings: the same settings under the schema's word for a tenant, and the same rule.
      const both = await t.gql('{ workspaceSettings { name allowCustomerSignup } tenantSettings { name allowCustomerSignup } }', undefined, auth.ADMIN);
      expect(both.data).toEqual({ workspaceSettings: { name: 'Acme Cloud', allowCustomerSignup: false }, tenantSettings: { name: 'Acme Cloud', allowCustomerSignup: false } });
      for (const who of ['MANAGER', 'customer']) {
        expect((await t.gql('{ workspaceSettings { name } }', undefined, auth[who])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('audit log', () => {
    const log = (q = '', who = 'ADMIN') => t.rest<Envelope<Page<Entry>>>('GET', `/api/v1/audit-log${q}`, undefined, auth[who]);
    let orgId: string;
    let between: string;

    beforeAll(async () => {
      const created = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/customers', { name: 'Audited Org' }, auth.MANAGER);
      orgId = created.body.data.id;
      // A millisecond after the creation's entry (stored with more precision than a filter's millisecond), and
      // the clock past it before the changes below, so their entries come after.
      const creation = await t.em().findOneOrFail(AuditEntry, { action: 'customer.created', targetId: orgId });
      between = new Date(creation.createdAt.getTime() + 1).toISOString();
      while (Date.now() <= Date.parse(between)) await new Promise((r) => setImmediate(r));
      await t.rest('PATCH', `/api/v1/customers/${orgId}`, { sharingMode: 'ORGANIZATION' }, auth.ADMIN);
      await t.rest('PATCH', '/api/v1/customers/' + orgId, { name: 'Audited Org 2' }, auth.MANAGER);
      await t.rest('POST', '/api/v1/customers', { name: 'Theirs' }, auth.stranger);
    });

    it('lists the workspace\'s entries newest first, with actor, target and before/after', async () => {
      const res = await log();
      expect(res.status).toBe(200);
      const items = res.body.data.items;
      const times = items.map((e) => Date.parse(e.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(items.find((e) => e.metadata && (e.metadata.after as { name?: string } | null)?.name === 'Theirs')).toBeUndefined();
      const [latest] = items.filter((e) => e.targetId === orgId);
      expect(latest).toEqual({
        id: expect.any(String),
        action: 'customer.updated',
        createdAt: expect.any(String),
        actor: { kind: 'staff', id: ids.MANAGER, email: 'manager@set.test', displayName: 'Ada Lovelace' },
        targetType: 'customer',
        targetId: orgId,
        ip: '127.0.0.1',
        metadata: {
          before: { name: 'Audited Org', sharingMode: 'ORGANIZATION' },
          after: { name: 'Audited Org 2', sharingMode: 'ORGANIZATION' },
          changed: ['name'],
        },
      });
      // Events of the portal users of the workspace are in it too, named by the account.
      const portalLogin = items.find((e) => e.action === 'portal.login.succeeded');
      expect(portalLogin?.actor).toMatchObject({ kind: 'customer', id: ids.customer, displayName: 'Max Mustermann' });
    });

    it('filters by action prefix, actor, target and time range, paginated', async () => {
      const actions = async (q: string) => (await log(q)).body.data.items.map((e) => e.action);
      expect(await actions(`?targetId=${orgId}`)).toEqual(['customer.updated', 'customer.updated', 'customer.created']);
      expect(await actions(`?targetType=customer&actorId=${ids.ADMIN}`)).toEqual(['customer.updated']);
      expect(await actions(`?action=customer.&targetId=${orgId}&from=${between}`)).toEqual(['customer.updated', 'customer.updated']);
      expect(await actions(`?targetId=${orgId}&to=${between}`)).toEqual(['customer.created']);
      expect(new Set(await actions('?action=auth.login'))).toEqual(new Set(['auth.login.succeeded']));
      // LIKE wildcards in the prefix are taken literally.
      expect(await actions('?action=%25')).toEqual([]);
      expect(await actions('?action=customer_')).toEqual([]);

      const page = await log(`?targetId=${orgId}&limit=2&page=2`);
      expect(page.body.data).toMatchObject({ items: [{ action: 'customer.created' }], pagination: { page: 2, limit: 2, total: 3, totalPages: 2 } });
      expect((await log()).body.data.pagination.limit).toBe(50);
    });

    it('another workspace\'s ids match nothing, like missing or malformed ones', async () => {
      const theirs = await log(`?targetId=${orgId}`, 'stranger');
      expect(theirs.status).toBe(200);
      expect(theirs.body.data).toEqual({ items: [], pagination: { page: 1, limit: 50, total: 0, totalPages: 0 } });
      expect((await log(`?actorId=${ids.MANAGER}`, 'stranger')).body.data.items).toEqual([]);
      expect((await log('?actorId=not-a-uuid')).body.data.items).toEqual([]);
      expect((await log('?targetId=00000000-0000-4000-8000-000000000000')).body.data.items).toEqual([]);
    });

    it('validates filters and paging with field errors', async () => {
      for (const [q, field] of [
        ['?from=yesterday', 'from'],
        [`?from=${between}&to=${between}`, 'to'],
        ['?limit=500', 'limit'],
        ['?page=0', 'page'],
        ['?page=two', 'page'],
        [`?action=${'x'.repeat(101)}`, 'action'],
      ] as const) {
        const res = await log(q);
        expect([q.slice(0, 30), res.status, res.body.errors?.[0].field]).toEqual([q.slice(0, 30), 400, field]);
      }
    });

    it('refuses MANAGERs and below and portal customers (403), anonymous callers (401)', async () => {
      for (const who of ['VIEWER', 'MANAGER']) {
        const res = await log('', who);
        expect(res.status).toBe(403);
        expect(res.body.errors?.[0].code).toBe('FORBIDDEN');
      }
      expect((await log('', 'customer')).status).toBe(403);
      expect((await log('', 'anonymous')).status).toBe(401);
    });

    it('works over GraphQL, with metadata as a JSON object', async () => {
      const res = await t.gql<{ auditLog: Page<Entry> }>(
        'query($f: AuditLogFilterInput) { auditLog(filter: $f, limit: 1) { items { action actor { email } metadata } pagination { total } } }',
        { f: { targetId: orgId, action: 'customer.created' } },
        auth.ADMIN,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.auditLog).toEqual({
        items: [{ action: 'customer.created', actor: { email: 'manager@set.test' }, metadata: { before: null, after: { name: 'Audited Org', sharingMode: 'OWN' } } }],
        pagination: { total: 1 },
      });
      const refused = await t.gql('{ auditLog { items { id } } }', undefined, auth.customer);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
