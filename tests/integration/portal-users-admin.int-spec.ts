import { ActionToken } from '../../src/auth/auth.entities';
import type { StaffRole } from '../../src/auth/viewer';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import type { Customer } from '../../src/modules/customer/customer.entity';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';
import { until } from '../setup/wait';

type FieldError = { code: string; field?: string; message: string };
type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: FieldError[] };
type PortalUser = {
  id: string;
  email: string;
  displayName: string;
  customerId: string | null;
  customer: { id: string; name: string } | null;
  isActive: boolean;
  emailVerified: boolean;
  invitationPending: boolean;
  createdAt: string;
  updatedAt: string;
};
type Page<T> = { items: T[]; pagination: { page: number; limit: number; total: number; totalPages: number } };
type Tokens = { accessToken: string; refreshToken: string; user: { id: string; email: string; displayName: string; customerId: string | null; tenantId: string } };

const MISSING = '00000000-0000-4000-8000-000000000000';
const NEW_PASSWORD = 'Portal-Secret-Phrase-71';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('portal users administered by staff', () => {
  let t: TestApp;
  let mail: Mailbox;
  let acme: Tenant;
  let initrode: Customer;
  let hooli: Customer;
  const auth: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    const em = t.em();
    acme = await createTenant(em, { slug: 'pu-acme', name: 'Acme Cloud' });
    for (const role of ['VIEWER', 'ENGINEER', 'MANAGER', 'ADMIN'] as StaffRole[]) {
      const s = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role, email: `${role.toLowerCase()}@pu.test` });
      auth[role] = (await login(t, s.email, s.password)).auth;
      ids[role] = s.user.id;
    }
    initrode = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initrode');
    hooli = await createCustomerOrg(em, acme, 'OWN', 'Hooli');
    const customer = await createCustomerUser(em, t.app.runtime.passwords, acme, { org: initrode });
    auth.customer = await portalLogin(t, 'pu-acme', customer.email, customer.password);
    const otherTenant = await createTenant(em, { slug: 'pu-other' });
    const stranger = await createStaff(em, t.app.runtime.passwords, { tenant: otherTenant, role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
    ids.strangerOrg = (await createCustomerOrg(em, otherTenant, 'OWN', 'Foreign Org')).id;
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });
  // Reset e-mails are limited per address; tests that send several clear the counters first.
  const clearLimits = () => t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'reset_send:%'");

  const create = (body: unknown, who = 'MANAGER') => t.rest<Envelope<PortalUser>>('POST', '/api/v1/portal-users', body, auth[who]);
  const get = (id: string, who = 'MANAGER') => t.rest<Envelope<PortalUser>>('GET', `/api/v1/portal-users/${id}`, undefined, auth[who]);
  const patch = (id: string, body: unknown, who = 'MANAGER') => t.rest<Envelope<PortalUser>>('PATCH', `/api/v1/portal-users/${id}`, body, auth[who]);
  const action = (id: string, what: 'deactivate' | 'reactivate' | 'reset-password', who = 'MANAGER') =>
    t.rest<Envelope<PortalUser>>('POST', `/api/v1/portal-users/${id}/${what}`, undefined, auth[who]);
  const accept = (token: string, password: string) => t.rest<Envelope<Tokens>>('POST', '/api/v1/portal/auth/accept-invitation', { token, password });

  describe('invitations', () => {
    it('a MANAGER creates a portal user; the invitation e-mail lets them set a password and signs them in', async () => {
      const res = await create({ email: 'Wendy@Initrode.TEST', displayName: ' Wendy Wu ', customerId: initrode.id });
      expect(res.status).toBe(201);
      expect(res.body.message).toBe('Portal user created. An invitation is on its way.');
      expect(res.body.data).toEqual({
        id: expect.any(String),
        email: 'wendy@initrode.test',
        displayName: 'Wendy Wu',
        customerId: initrode.id,
        customer: { id: initrode.id, name: 'Initrode' },
        isActive: true,
        emailVerified: false,
        invitationPending: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const id = res.body.data.id;
      const invitation = await mail.next('wendy@initrode.test');
      expect(invitation.subject).toBe('Your Acme Cloud support account');
      const token = tokenIn(invitation, 'inv');
      expect(await t.em().count(ActionToken, { tokenHash: token })).toBe(0); // stored hashed

      // No password yet: nothing signs in.
      const early = await t.rest<Envelope>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'pu-acme', email: 'wendy@initrode.test', password: NEW_PASSWORD });
      expect(early.status).toBe(401);

      const weak = await accept(token, 'password');
      expect(weak.status).toBe(400);
      expect(weak.body.errors?.[0].field).toBe('password');

      const accepted = await accept(token, NEW_PASSWORD);
      expect(accepted.status).toBe(200);
      expect(accepted.body.data.user).toEqual({ id, email: 'wendy@initrode.test', displayName: 'Wendy Wu', customerId: initrode.id, tenantId: acme.id });
      const me = await t.rest<Envelope<{ email: string; customer: { name: string } }>>('GET', '/api/v1/portal/auth/me', undefined, bearer(accepted.body.data.accessToken));
      expect(me.status).toBe(200);
      expect(me.body.data).toMatchObject({ email: 'wendy@initrode.test', customer: { name: 'Initrode' } });
      // Staff tokens are not portal tokens, and the other way round: valid, but they grant nothing there.
      expect((await t.rest('GET', '/api/v1/auth/me', undefined, bearer(accepted.body.data.accessToken))).status).toBe(403);

      expect((await get(id)).body.data).toMatchObject({ emailVerified: true, invitationPending: false });
      await portalLogin(t, 'pu-acme', 'wendy@initrode.test', NEW_PASSWORD);

      const again = await accept(token, 'Another-Portal-Secret-72');
      expect(again.status).toBe(400);
      expect(again.body.errors?.[0].code).toBe('INVALID_INVITATION');

      const created = await t.em().findOneOrFail(AuditEntry, { action: 'portal_user.created', targetId: id });
      expect(created).toMatchObject({ actorKind: 'staff', actorId: ids.MANAGER, tenantId: acme.id, targetType: 'portal_user' });
      expect(created.metadata).toMatchObject({
        before: null,
        after: { email: 'wendy@initrode.test', displayName: 'Wendy Wu', customerId: initrode.id, isActive: true },
        invitationExpiresAt: expect.any(String),
      });
      expect(await t.em().count(AuditEntry, { action: 'portal.invitation.accepted', targetId: id, actorId: id })).toBe(1);
    });

    it('staff and portal invitation tokens do not work at each other\'s door; unknown and expired tokens fail alike', async () => {
      const staffInvite = await t.gql('mutation { inviteStaff(input: { email: "newhire@pu.test", role: VIEWER }) { userId } }', undefined, auth.ADMIN);
      expect(staffInvite.errors).toBeUndefined();
      const staffToken = tokenIn(await mail.next('newhire@pu.test'), 'inv');
      expect((await accept(staffToken, NEW_PASSWORD)).body.errors?.[0].code).toBe('INVALID_INVITATION');

      await create({ email: 'crossover@pu-client.test', displayName: 'Cross Over' });
      const portalToken = tokenIn(await mail.next('crossover@pu-client.test'), 'inv');
      const staffDoor = await t.gql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken } }', { i: { token: portalToken, password: NEW_PASSWORD } });
      expect(staffDoor.errors?.[0].extensions?.code).toBe('INVALID_INVITATION');

      const unknown = await accept('inv_this-token-was-never-issued-by-anyone', NEW_PASSWORD);
      await t.em().nativeUpdate(ActionToken, { subjectKind: 'customer', purpose: 'INVITATION', usedAt: null }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await accept(portalToken, NEW_PASSWORD);
      expect(expired.status).toBe(400);
      expect(expired.text).toBe(unknown.text);
    });

    it('a deactivated invitee cannot accept, nor after being reactivated: links sent before stay dead', async () => {
      const res = await create({ email: 'leaver-invite@pu-client.test', displayName: 'Leaves Early' });
      const token = tokenIn(await mail.next('leaver-invite@pu-client.test'), 'inv');
      await action(res.body.data.id, 'deactivate');
      expect((await accept(token, NEW_PASSWORD)).body.errors?.[0].code).toBe('INVALID_INVITATION');
      await action(res.body.data.id, 'reactivate');
      expect((await accept(token, NEW_PASSWORD)).body.errors?.[0].code).toBe('INVALID_INVITATION');
    });

    it('keeps e-mail addresses unique per tenant (409), after normalising them; another tenant may reuse one', async () => {
      expect((await create({ email: 'dup@pu-client.test', displayName: 'First' })).status).toBe(201);
      const dup = await create({ email: 'DUP@pu-client.test', displayName: 'Second' });
      expect(dup.status).toBe(409);
      expect(dup.body.errors?.[0].code).toBe('EMAIL_TAKEN');
      // A self-registered or seeded account with the address counts too.
      const existing = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
      expect((await create({ email: existing.email.toUpperCase(), displayName: 'Clash' })).status).toBe(409);
      const elsewhere = await create({ email: 'dup@pu-client.test', displayName: 'Other company' }, 'stranger');
      expect(elsewhere.status).toBe(201);
      // Concurrent creations of one address: exactly one wins.
      const race = await Promise.all([1, 2, 3].map((n) => create({ email: 'race@pu-client.test', displayName: `Racer ${n}` })));
      expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('validates the input with field errors; an organization of another tenant is refused like a missing one', async () => {
      for (const [body, field] of [
        [{ email: 'not-an-address', displayName: 'X' }, 'email'],
        [{ email: 'ok@pu-client.test', displayName: '   ' }, 'displayName'],
        [{ email: 'ok@pu-client.test', displayName: 'x'.repeat(101) }, 'displayName'],
        [{ email: 'ok@pu-client.test' }, 'displayName'],
        [{ email: 'ok@pu-client.test', displayName: 'X', role: 'ADMIN' }, 'role'],
      ] as const) {
        const res = await create(body);
        expect([JSON.stringify(body), res.status, res.body.errors?.[0].field]).toEqual([JSON.stringify(body), 400, field]);
      }
      const foreign = await create({ email: 'ok@pu-client.test', displayName: 'X', customerId: ids.strangerOrg });
      const missing = await create({ email: 'ok@pu-client.test', displayName: 'X', customerId: MISSING });
      const malformed = await create({ email: 'ok@pu-client.test', displayName: 'X', customerId: 'nope' });
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'customerId', message: 'is not a customer organization of this workspace' }]);
      expect(missing.text).toBe(foreign.text);
      expect(malformed.text).toBe(foreign.text);
      expect(await t.em().count(CustomerUser, { email: 'ok@pu-client.test' })).toBe(0);
    });
  });

  it('lists with organization, active and text filters, paginated', async () => {
    const tenant = await createTenant(t.em(), { slug: 'pu-list' });
    const manager = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'MANAGER' });
    const h = (await login(t, manager.email, manager.password)).auth;
    const org = await createCustomerOrg(t.em(), tenant, 'OWN', 'Listed Org');
    const pw = t.app.runtime.passwords;
    await createCustomerUser(t.em(), pw, tenant, { org, name: 'Carla Client', email: 'carla@list.test' });
    await createCustomerUser(t.em(), pw, tenant, { org, name: 'Anna Admin', email: 'anna@list.test' });
    const bob = await createCustomerUser(t.em(), pw, tenant, { name: 'Bob Buyer', email: 'bob@list.test' });
    await t.em().nativeUpdate(CustomerUser, { id: bob.user.id }, { isActive: false });
    const list = (q: string) => t.rest<Envelope<Page<PortalUser>>>('GET', `/api/v1/portal-users${q}`, undefined, h);

    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body.data.items.map((u) => u.displayName)).toEqual(['Anna Admin', 'Bob Buyer', 'Carla Client']);
    expect(all.body.data.pagination).toEqual({ page: 1, limit: 20, total: 3, totalPages: 1 });
    expect((await list(`?customerId=${org.id}`)).body.data.items.map((u) => u.email)).toEqual(['anna@list.test', 'carla@list.test']);
    expect((await list('?active=false')).body.data.items.map((u) => u.email)).toEqual(['bob@list.test']);
    expect((await list(`?active=true&customerId=${org.id}&q=CARLA`)).body.data.items.map((u) => u.email)).toEqual(['carla@list.test']);
    expect((await list('?q=bob@')).body.data.items.map((u) => u.email)).toEqual(['bob@list.test']);
    expect((await list('?limit=2&page=2')).body.data).toMatchObject({ items: [{ email: 'carla@list.test' }], pagination: { total: 3, totalPages: 2 } });
    // An organization of another tenant, a missing one and a malformed id all match nothing.
    for (const id of [initrode.id, MISSING, 'nope']) expect((await list(`?customerId=${id}`)).body.data.items).toEqual([]);
    const bad = await list('?active=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].field).toBe('active');
    // Nobody else's users leak into the list.
    expect((await t.rest<Envelope<Page<PortalUser>>>('GET', '/api/v1/portal-users?q=list.test', undefined, auth.MANAGER)).body.data.items).toEqual([]);
  });

  it('renames and moves users between organizations (or out of any), auditing before and after', async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org: initrode, name: 'Mover' });
    const moved = await patch(user.user.id, { customerId: hooli.id });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ customerId: hooli.id, customer: { id: hooli.id, name: 'Hooli' }, displayName: 'Mover' });
    const movedAudit = await t.em().findOneOrFail(AuditEntry, { action: 'portal_user.moved', targetId: user.user.id });
    expect(movedAudit.metadata).toMatchObject({ before: { customerId: initrode.id }, after: { customerId: hooli.id }, changed: ['customerId'] });

    const renamed = await patch(user.user.id, { displayName: 'Mover Shaker', customerId: null });
    expect(renamed.body.data).toMatchObject({ displayName: 'Mover Shaker', customerId: null, customer: null });
    const updated = await t.em().findOneOrFail(AuditEntry, { action: 'portal_user.updated', targetId: user.user.id });
    expect(updated.metadata).toMatchObject({ before: { displayName: 'Mover', customerId: hooli.id }, after: { displayName: 'Mover Shaker', customerId: null } });

    // Omitted fields stay as they are.
    expect((await patch(user.user.id, { customerId: initrode.id })).body.data).toMatchObject({ displayName: 'Mover Shaker', customerId: initrode.id });
    expect((await patch(user.user.id, {})).body.data.customerId).toBe(initrode.id);

    for (const [body, field] of [
      [{ displayName: null }, 'displayName'],
      [{ displayName: ' ' }, 'displayName'],
      [{ email: 'new@pu-client.test' }, 'email'],
      [{ customerId: ids.strangerOrg }, 'customerId'],
      [{ customerId: MISSING }, 'customerId'],
      [{ customerId: '' }, 'customerId'],
    ] as const) {
      const res = await patch(user.user.id, body);
      expect([JSON.stringify(body), res.status, res.body.errors?.[0].field]).toEqual([JSON.stringify(body), 400, field]);
    }
    expect((await get(user.user.id)).body.data.customerId).toBe(initrode.id);
  });

  it('a move changes which tickets the user sees at once', async () => {
    const reporter = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org: initrode });
    const watcher = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org: hooli });
    const incident = await createIncident(t.em(), acme, { reporter: reporter.user, org: initrode });
    const watcherAuth = await portalLogin(t, 'pu-acme', watcher.email, watcher.password);
    const see = () => t.rest('GET', `/api/v1/portal/tickets/${incident.id}`, undefined, watcherAuth);
    expect((await see()).status).toBe(404);
    await patch(watcher.user.id, { customerId: initrode.id }); // Initrode shares its tickets
    expect((await see()).status).toBe(200);
    await patch(watcher.user.id, { customerId: null });
    expect((await see()).status).toBe(404);
  });

  it('deactivation ends the user\'s sessions at once; reactivation lets them sign in again', async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org: initrode });
    const session = await t.rest<Envelope<Tokens>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'pu-acme', email: user.email, password: user.password });
    const token = bearer(session.body.data.accessToken);
    const second = await portalLogin(t, 'pu-acme', user.email, user.password);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, token)).status).toBe(200);

    const res = await action(user.user.id, 'deactivate');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: 'Portal user deactivated. Their sessions have ended.', data: { id: user.user.id, isActive: false } });
    // The very next request with the old access token is refused: no waiting for it to expire.
    for (const h of [token, second]) {
      const me = await t.rest<Envelope>('GET', '/api/v1/portal/auth/me', undefined, h);
      expect(me.status).toBe(401);
      expect(me.body.errors?.[0].code).toBe('UNAUTHENTICATED');
    }
    expect((await t.rest('GET', '/api/v1/portal/tickets', undefined, token)).status).toBe(401);
    expect((await t.rest('POST', '/api/v1/portal/auth/refresh-token', { refreshToken: session.body.data.refreshToken })).status).toBe(401);
    const login2 = await t.rest<Envelope>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'pu-acme', email: user.email, password: user.password });
    expect(login2.status).toBe(401);
    expect(login2.body.errors?.[0].code).toBe('INVALID_CREDENTIALS');

    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'portal_user.deactivated', targetId: user.user.id });
    expect(audit.metadata).toMatchObject({ before: { isActive: true }, after: { isActive: false }, sessionsEnded: 2 });
    // Deactivating again changes nothing and records nothing.
    expect((await action(user.user.id, 'deactivate')).body.data.isActive).toBe(false);
    expect(await t.em().count(AuditEntry, { action: 'portal_user.deactivated', targetId: user.user.id })).toBe(1);
    expect((await t.rest<Envelope<Page<PortalUser>>>('GET', `/api/v1/portal-users?active=false&q=${user.email}`, undefined, auth.MANAGER)).body.data.items).toHaveLength(1);

    const back = await action(user.user.id, 'reactivate');
    expect(back.body).toMatchObject({ message: 'Portal user reactivated.', data: { isActive: true } });
    await portalLogin(t, 'pu-acme', user.email, user.password);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, token)).status).toBe(401); // old sessions stay ended
    expect(await t.em().count(AuditEntry, { action: 'portal_user.reactivated', targetId: user.user.id })).toBe(1);
  });

  it('a second server process refuses a deactivated user\'s token too', async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
    const other = await startTestApp({ WORKER_ENABLED: 'true' }, { sameDatabaseAs: t });
    try {
      const session = await portalLogin(t, 'pu-acme', user.email, user.password);
      expect((await other.rest('GET', '/api/v1/portal/auth/me', undefined, session)).status).toBe(200);
      expect((await action(user.user.id, 'deactivate')).status).toBe(200);
      // Delivered by NOTIFY on commit: the other process refuses the session within its few milliseconds.
      let status = 200;
      await until(async () => (status = (await other.rest('GET', '/api/v1/portal/auth/me', undefined, session)).status) !== 200, 'the other process to refuse the session', 2000);
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('sends a password reset e-mail on a MANAGER\'s request; the reset ends every session of the user', async () => {
    await clearLimits();
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org: initrode });
    const session = await portalLogin(t, 'pu-acme', user.email, user.password);
    const res = await action(user.user.id, 'reset-password');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: 'A password reset link is on its way to the user.', data: {} });
    const message = await mail.next(user.email);
    expect(message.subject).toBe('Reset your Acme Cloud support password');
    const token = tokenIn(message, 'rst');
    // The current password keeps working until the user acts on the e-mail.
    await portalLogin(t, 'pu-acme', user.email, user.password);

    const valid = await t.rest<Envelope<{ valid: boolean }>>('POST', '/api/v1/customer/validate-reset-token', { token });
    expect(valid.body.data.valid).toBe(true);
    const reset = await t.rest<Envelope>('POST', '/api/v1/customer/reset-password', { token, password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, session)).status).toBe(401);
    await portalLogin(t, 'pu-acme', user.email, NEW_PASSWORD);
    expect((await t.rest('POST', '/api/v1/customer/reset-password', { token, password: 'Yet-Another-Secret-73' })).status).toBe(400);

    const sent = await t.em().findOneOrFail(AuditEntry, { action: 'portal_user.password_reset_sent', targetId: user.user.id });
    expect(sent).toMatchObject({ actorKind: 'staff', actorId: ids.MANAGER });
    expect(await t.em().count(AuditEntry, { action: 'portal.password.reset', targetId: user.user.id })).toBe(1);

    expect((await action(user.user.id, 'reset-password')).status).toBe(200);
    const pending = tokenIn(await mail.next(user.email), 'rst');
    await action(user.user.id, 'deactivate');
    const inactive = await action(user.user.id, 'reset-password');
    expect(inactive.status).toBe(409);
    expect(inactive.body.errors?.[0].code).toBe('PORTAL_USER_INACTIVE');
    // A link sent before the deactivation does not come back to life with a reactivation.
    await action(user.user.id, 'reactivate');
    expect((await t.rest('POST', '/api/v1/customer/validate-reset-token', { token: pending })).status).toBe(400);
  });

  it('refuses other roles and portal customers (403), anonymous callers (401)', async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
    const id = user.user.id;
    const calls = (who: string) => [
      t.rest<Envelope>('GET', '/api/v1/portal-users', undefined, auth[who]),
      get(id, who),
      create({ email: 'refused@pu-client.test', displayName: 'Refused' }, who),
      patch(id, { displayName: 'Refused' }, who),
      action(id, 'deactivate', who),
      action(id, 'reactivate', who),
      action(id, 'reset-password', who),
    ];
    for (const who of ['VIEWER', 'ENGINEER', 'customer']) {
      for (const res of await Promise.all(calls(who))) {
        expect([who, res.status, res.body.errors?.[0].code]).toEqual([who, 403, 'FORBIDDEN']);
      }
    }
    for (const who of ['anonymous']) {
      for (const res of await Promise.all(calls(who))) {
        expect([who, res.status, res.body.errors?.[0].code]).toEqual([who, 401, 'UNAUTHENTICATED']);
      }
    }
    const row = await t.em().findOneOrFail(CustomerUser, { id });
    expect(row).toMatchObject({ isActive: true, displayName: 'Max Mustermann' });
    expect(await t.em().count(CustomerUser, { email: 'refused@pu-client.test' })).toBe(0);
    // ADMINs may do what MANAGERs may.
    expect((await get(id, 'ADMIN')).status).toBe(200);
  });

  it('another workspace\'s portal user answers exactly like a missing one, on every operation', async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
    for (const [label, call] of [
      ['GET', (id: string) => get(id, 'stranger')],
      ['PATCH', (id: string) => patch(id, { displayName: 'Hijacked' }, 'stranger')],
      ['deactivate', (id: string) => action(id, 'deactivate', 'stranger')],
      ['reactivate', (id: string) => action(id, 'reactivate', 'stranger')],
      ['reset-password', (id: string) => action(id, 'reset-password', 'stranger')],
    ] as const) {
      const theirs = await call(user.user.id);
      const none = await call(MISSING);
      const malformed = await call('not-a-uuid');
      expect([label, theirs.status, theirs.text]).toEqual([label, 404, none.text]);
      expect(malformed.text).toBe(none.text);
      expect(theirs.body.errors?.[0].code).toBe('PORTAL_USER_NOT_FOUND');
    }
    const row = await t.em().findOneOrFail(CustomerUser, { id: user.user.id });
    expect(row).toMatchObject({ isActive: true, displayName: 'Max Mustermann' });
    // Moving one's own user into another tenant's organization is refused like a missing organization.
    const foreignOrg = await patch(user.user.id, { customerId: ids.strangerOrg });
    expect(foreignOrg.text).toBe((await patch(user.user.id, { customerId: MISSING })).text);
  });

  describe('over GraphQL', () => {
    const FIELDS = 'id email displayName customerId isActive invitationPending';

    it('creates, lists, updates, deactivates and reactivates with the same rules', async () => {
      const created = await t.gql<{ createPortalUser: PortalUser }>(
        `mutation($i: CreatePortalUserInput!) { createPortalUser(input: $i) { ${FIELDS} } }`,
        { i: { email: 'graph@pu-client.test', displayName: 'Graph User', customerId: hooli.id } },
        auth.ADMIN,
      );
      expect(created.errors).toBeUndefined();
      const id = created.data!.createPortalUser.id;
      expect(created.data!.createPortalUser).toEqual({ id, email: 'graph@pu-client.test', displayName: 'Graph User', customerId: hooli.id, isActive: true, invitationPending: true });
      tokenIn(await mail.next('graph@pu-client.test'), 'inv');

      const listed = await t.gql<{ portalUsers: Page<PortalUser> }>(
        'query($f: PortalUserFilterInput) { portalUsers(filter: $f, limit: 5) { items { id } pagination { total } } }',
        { f: { q: 'graph@', active: true } },
        auth.MANAGER,
      );
      expect(listed.data?.portalUsers).toEqual({ items: [{ id }], pagination: { total: 1 } });
      const moved = await t.gql<{ updatePortalUser: PortalUser }>(
        'mutation($id: ID!) { updatePortalUser(id: $id, input: { customerId: null }) { customerId } }',
        { id },
        auth.MANAGER,
      );
      expect(moved.data?.updatePortalUser.customerId).toBeNull();
      const off = await t.gql<{ deactivatePortalUser: PortalUser }>('mutation($id: ID!) { deactivatePortalUser(id: $id) { isActive } }', { id }, auth.MANAGER);
      expect(off.data?.deactivatePortalUser.isActive).toBe(false);
      const on = await t.gql<{ reactivatePortalUser: PortalUser }>('mutation($id: ID!) { reactivatePortalUser(id: $id) { isActive } }', { id }, auth.MANAGER);
      expect(on.data?.reactivatePortalUser.isActive).toBe(true);
    });

    it('answers the coded refusals', async () => {
      const q = 'query($id: ID!) { portalUser(id: $id) { id } }';
      expect((await t.gql(q, { id: MISSING }, auth.ENGINEER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(q, { id: MISSING }, auth.customer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(q, { id: MISSING })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(q, { id: MISSING }, auth.MANAGER)).errors?.[0].extensions?.code).toBe('PORTAL_USER_NOT_FOUND');
      const reset = await t.gql('mutation($id: ID!) { sendPortalUserPasswordReset(id: $id) }', { id: MISSING }, auth.VIEWER);
      expect(reset.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
