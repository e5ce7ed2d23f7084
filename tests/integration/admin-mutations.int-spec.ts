import { randomBytes, randomUUID } from 'node:crypto';
import { createCustomerOrg, createCustomerUser } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createFailedDelivery, createWebhookRow } from '../factories/webhooks';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { startTestApp, type TestApp } from '../setup/app';
import { at, op, type Data, type Op } from '../setup/operation-pairs';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

/**
 * Issue 15: the administration mutations under their old and their new names (one `input`, a `<Name>Payload`),
 * each pair run through the same assertions: what the caller gets, what is stored, and the refusals (a role
 * that may not, another workspace's row answering like a missing one, the service's own rules). Each name set
 * says where its answer keeps the object; the assertions are the same. The authorization matrix
 * (tests/security/authz-matrix*.int-spec.ts) runs every caller against the ID-taking ones.
 */

/** [label, operation] rows for it.each: the old name, then the new one. */
const pair = (oldName: string, oldOp: Op, newName: string, newOp: Op): [string, Op][] => [
  [oldName, oldOp],
  [newName, newOp],
];
const suffix = () => randomBytes(3).toString('hex');
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('administration mutations: old and new names, the same results and refusals', () => {
  let t: TestApp;
  let mail: Mailbox;
  let A: Tenant;
  let B: Tenant;
  const auth: Record<'ADMIN' | 'MANAGER' | 'ENGINEER' | 'portal', Record<string, string>> = { ADMIN: {}, MANAGER: {}, ENGINEER: {}, portal: {} };

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    A = await createTenant(t.em(), { slug: `admin-a-${suffix()}` });
    B = await createTenant(t.em());
    for (const role of ['ADMIN', 'MANAGER', 'ENGINEER'] as const) {
      const s = await createStaff(t.em(), t.app.runtime.passwords, { tenant: A, role });
      auth[role] = (await login(t, s.email, s.password)).auth;
    }
    const customer = await createCustomerUser(t.em(), t.app.runtime.passwords, A);
    const res = await t.rest<{ data: { accessToken: string } }>('POST', '/api/v1/portal/auth/login', { tenantSlug: A.slug, email: customer.email, password: customer.password });
    auth.portal = { authorization: `Bearer ${res.body.data.accessToken}` };
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const run = async (o: Op, variables: Data | undefined, headers: Record<string, string>) => {
    const res = await t.gql<Data>(o.query, variables, headers);
    return { value: res.data ? o.pick(res.data) : undefined, code: res.errors?.[0]?.extensions?.code as string | undefined, errors: res.errors };
  };
  const row = async <T = Record<string, unknown>>(sql: string, params: unknown[]) => (await t.em().getConnection().execute<T[]>(sql, params))[0];

  // ---- staff ----------------------------------------------------------------------------------------

  it.each(
    pair(
      'inviteStaff',
      op('mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { userId email role } }', at('inviteStaff')),
      'staffInvite',
      op('mutation($i: StaffInviteInput!) { staffInvite(input: $i) { invitation { userId email role } } }', at('staffInvite', 'invitation')),
    ),
  )('%s: an ADMIN invites (stored, e-mailed); a MANAGER is refused, a taken address too', async (_name, o) => {
    const email = `invitee-${suffix()}@admin.test`;
    const res = await run(o, { i: { email, role: 'RESPONDER' } }, auth.ADMIN);
    expect(res.errors).toBeUndefined();
    const invitation = res.value as { userId: string; email: string; role: string };
    expect(invitation).toMatchObject({ email, role: 'RESPONDER' });
    expect(await row('SELECT email, role, tenant_id FROM users WHERE id = ?', [invitation.userId])).toEqual({ email, role: 'RESPONDER', tenant_id: A.id });
    tokenIn(await mail.next(email), 'inv');

    expect((await run(o, { i: { email: `x-${suffix()}@admin.test`, role: 'VIEWER' } }, auth.MANAGER)).code).toBe('FORBIDDEN');
    expect((await run(o, { i: { email, role: 'VIEWER' } }, auth.ADMIN)).code).toBe('EMAIL_TAKEN');
  });

  it.each(
    pair(
      'changeStaffRole',
      op('mutation($i: ChangeStaffRoleInput!) { changeStaffRole(input: $i) { id role } }', at('changeStaffRole')),
      'staffRoleChange',
      op('mutation($i: StaffRoleChangeInput!) { staffRoleChange(input: $i) { staffMember { id role } } }', at('staffRoleChange', 'staffMember')),
    ),
  )("%s: changes the role (stored); another workspace's member answers like a missing one; never the last ADMIN", async (_name, o) => {
    const member = await createStaff(t.em(), t.app.runtime.passwords, { tenant: A, role: 'ENGINEER' });
    const res = await run(o, { i: { userId: member.user.id, role: 'VIEWER' } }, auth.ADMIN);
    expect(res.value).toEqual({ id: member.user.id, role: 'VIEWER' });
    expect(await row('SELECT role FROM users WHERE id = ?', [member.user.id])).toEqual({ role: 'VIEWER' });

    const foreign = await createStaff(t.em(), t.app.runtime.passwords, { tenant: B, role: 'ENGINEER' });
    const theirs = await run(o, { i: { userId: foreign.user.id, role: 'VIEWER' } }, auth.ADMIN);
    const missing = await run(o, { i: { userId: MISSING, role: 'VIEWER' } }, auth.ADMIN);
    expect(theirs.code).toBe('STAFF_MEMBER_NOT_FOUND');
    expect(JSON.stringify(theirs.errors).replaceAll(foreign.user.id, MISSING)).toBe(JSON.stringify(missing.errors));
    expect(await row('SELECT role FROM users WHERE id = ?', [foreign.user.id])).toEqual({ role: 'ENGINEER' });

    const solo = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN' });
    const soloAuth = (await login(t, solo.email, solo.password)).auth;
    expect((await run(o, { i: { userId: solo.user.id, role: 'MANAGER' } }, soloAuth)).code).toBe('LAST_ADMIN');
  });

  it.each(
    pair(
      'deactivateStaff',
      op('mutation($id: ID!) { deactivateStaff(userId: $id) { id isActive } }', at('deactivateStaff')),
      'staffDeactivate',
      op('mutation($id: ID!) { staffDeactivate(input: { userId: $id }) { staffMember { id isActive } } }', at('staffDeactivate', 'staffMember')),
    ),
  )('%s: deactivates (stored); a MANAGER is refused and changes nothing', async (_name, o) => {
    const member = await createStaff(t.em(), t.app.runtime.passwords, { tenant: A, role: 'ENGINEER' });
    expect((await run(o, { id: member.user.id }, auth.MANAGER)).code).toBe('FORBIDDEN');
    expect(await row('SELECT is_active FROM users WHERE id = ?', [member.user.id])).toEqual({ is_active: true });
    expect((await run(o, { id: member.user.id }, auth.ADMIN)).value).toEqual({ id: member.user.id, isActive: false });
    expect(await row('SELECT is_active FROM users WHERE id = ?', [member.user.id])).toEqual({ is_active: false });
  });

  // ---- organizations --------------------------------------------------------------------------------

  it.each(
    pair(
      'createCustomer',
      op('mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id name sharingMode } }', at('createCustomer')),
      'organizationCreate',
      op('mutation($i: OrganizationCreateInput!) { organizationCreate(input: $i) { organization { id name sharingMode } } }', at('organizationCreate', 'organization')),
    ),
  )('%s: a MANAGER creates an organization (stored); an ENGINEER and a portal user are refused; an empty name is invalid', async (_name, o) => {
    const name = `Org ${suffix()}`;
    const res = await run(o, { i: { name, sharingMode: 'ORGANIZATION' } }, auth.MANAGER);
    const org = res.value as { id: string };
    expect(org).toEqual({ id: expect.any(String), name, sharingMode: 'ORGANIZATION' });
    expect(await row('SELECT name, sharing_mode, tenant_id FROM customers WHERE id = ?', [org.id])).toEqual({ name, sharing_mode: 'ORGANIZATION', tenant_id: A.id });
    expect((await run(o, { i: { name: 'Nope' } }, auth.ENGINEER)).code).toBe('FORBIDDEN');
    expect((await run(o, { i: { name: 'Nope' } }, auth.portal)).code).toBe('FORBIDDEN');
    expect((await run(o, { i: { name: '' } }, auth.MANAGER)).code).toBe('VALIDATION_FAILED');
  });

  it.each(
    pair(
      'updateCustomer',
      op('mutation($id: ID!, $n: String) { updateCustomer(id: $id, input: { name: $n, sharingMode: ORGANIZATION }) { id name sharingMode } }', at('updateCustomer')),
      'organizationUpdate',
      op(
        'mutation($id: ID!, $n: String) { organizationUpdate(input: { id: $id, name: $n, sharingMode: ORGANIZATION }) { organization { id name sharingMode } } }',
        at('organizationUpdate', 'organization'),
      ),
    ),
  )("%s: renames and changes the sharing mode (stored); another workspace's organization answers like a missing one", async (_name, o) => {
    const org = await createCustomerOrg(t.em(), A);
    const name = `Renamed ${suffix()}`;
    expect((await run(o, { id: org.id, n: name }, auth.MANAGER)).value).toEqual({ id: org.id, name, sharingMode: 'ORGANIZATION' });
    expect(await row('SELECT name, sharing_mode FROM customers WHERE id = ?', [org.id])).toEqual({ name, sharing_mode: 'ORGANIZATION' });

    const foreign = await createCustomerOrg(t.em(), B, 'OWN', 'Theirs');
    const theirs = await run(o, { id: foreign.id, n: 'Mine now' }, auth.MANAGER);
    const missing = await run(o, { id: MISSING, n: 'Mine now' }, auth.MANAGER);
    expect(theirs.code).toBe('CUSTOMER_NOT_FOUND');
    expect(JSON.stringify(theirs.errors).replaceAll(foreign.id, MISSING)).toBe(JSON.stringify(missing.errors));
    expect(await row('SELECT name FROM customers WHERE id = ?', [foreign.id])).toEqual({ name: 'Theirs' });
  });

  it.each(
    pair(
      'deleteCustomer',
      op('mutation($id: ID!) { deleteCustomer(id: $id) }', at('deleteCustomer')),
      'organizationDelete',
      op('mutation($id: ID!) { organizationDelete(input: { id: $id }) { deletedId } }', at('organizationDelete', 'deletedId')),
    ),
  )('%s: deletes an organization without portal users (gone); one with users is refused and stays', async (_name, o) => {
    const org = await createCustomerOrg(t.em(), A);
    expect((await run(o, { id: org.id }, auth.MANAGER)).value).toBe(org.id);
    expect(await row('SELECT id FROM customers WHERE id = ?', [org.id])).toBeUndefined();

    const busy = await createCustomerOrg(t.em(), A);
    await createCustomerUser(t.em(), t.app.runtime.passwords, A, { org: busy });
    expect((await run(o, { id: busy.id }, auth.MANAGER)).code).toBe('CUSTOMER_HAS_PORTAL_USERS');
    expect(await row('SELECT id FROM customers WHERE id = ?', [busy.id])).toEqual({ id: busy.id });
    expect((await run(o, { id: busy.id }, auth.ENGINEER)).code).toBe('FORBIDDEN');
  });

  // ---- portal users ---------------------------------------------------------------------------------

  it.each(
    pair(
      'createPortalUser',
      op('mutation($i: CreatePortalUserInput!) { createPortalUser(input: $i) { id email displayName customerId isActive } }', at('createPortalUser')),
      'portalUserCreate',
      op('mutation($i: PortalUserCreateInput!) { portalUserCreate(input: $i) { portalUser { id email displayName customerId isActive } } }', at('portalUserCreate', 'portalUser')),
    ),
  )("%s: creates a portal user in an organization (stored, invited by e-mail); another workspace's organization answers like a missing one", async (_name, o) => {
    const org = await createCustomerOrg(t.em(), A);
    const email = `portal-${suffix()}@admin.test`;
    const res = await run(o, { i: { email, displayName: 'New User', customerId: org.id } }, auth.MANAGER);
    const user = res.value as { id: string };
    expect(user).toEqual({ id: expect.any(String), email, displayName: 'New User', customerId: org.id, isActive: true });
    expect(await row('SELECT email, customer_id, tenant_id FROM customer_portal_users WHERE id = ?', [user.id])).toEqual({ email, customer_id: org.id, tenant_id: A.id });
    tokenIn(await mail.next(email), 'inv');

    const foreign = await createCustomerOrg(t.em(), B);
    const x = `x-${suffix()}@admin.test`;
    const theirs = await run(o, { i: { email: x, displayName: 'X', customerId: foreign.id } }, auth.MANAGER);
    const missing = await run(o, { i: { email: x, displayName: 'X', customerId: MISSING } }, auth.MANAGER);
    expect(theirs.code).toBe('VALIDATION_FAILED'); // the field names no organization of the workspace
    expect(JSON.stringify(theirs.errors).replaceAll(foreign.id, MISSING)).toBe(JSON.stringify(missing.errors));
    expect(await row('SELECT id FROM customer_portal_users WHERE email = ?', [x])).toBeUndefined();
    expect((await run(o, { i: { email: `y-${suffix()}@admin.test`, displayName: 'Y' } }, auth.ENGINEER)).code).toBe('FORBIDDEN');
  });

  it.each(
    pair(
      'updatePortalUser',
      op('mutation($id: ID!, $c: ID) { updatePortalUser(id: $id, input: { displayName: "Moved", customerId: $c }) { id displayName customerId } }', at('updatePortalUser')),
      'portalUserUpdate',
      op(
        'mutation($id: ID!, $c: ID) { portalUserUpdate(input: { id: $id, displayName: "Moved", customerId: $c }) { portalUser { id displayName customerId } } }',
        at('portalUserUpdate', 'portalUser'),
      ),
    ),
  )("%s: renames and moves a portal user (stored); another workspace's user answers like a missing one", async (_name, o) => {
    const org = await createCustomerOrg(t.em(), A);
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, A);
    expect((await run(o, { id: user.user.id, c: org.id }, auth.MANAGER)).value).toEqual({ id: user.user.id, displayName: 'Moved', customerId: org.id });
    expect(await row('SELECT display_name, customer_id FROM customer_portal_users WHERE id = ?', [user.user.id])).toEqual({ display_name: 'Moved', customer_id: org.id });

    const foreign = await createCustomerUser(t.em(), t.app.runtime.passwords, B);
    const theirs = await run(o, { id: foreign.user.id, c: null }, auth.MANAGER);
    const missing = await run(o, { id: MISSING, c: null }, auth.MANAGER);
    expect(theirs.code).toBe('PORTAL_USER_NOT_FOUND');
    expect(JSON.stringify(theirs.errors).replaceAll(foreign.user.id, MISSING)).toBe(JSON.stringify(missing.errors));
  });

  it.each([
    ...pair(
      'deactivatePortalUser',
      op('mutation($id: ID!) { deactivatePortalUser(id: $id) { id isActive } }', at('deactivatePortalUser')),
      'portalUserDeactivate',
      op('mutation($id: ID!) { portalUserDeactivate(input: { id: $id }) { portalUser { id isActive } } }', at('portalUserDeactivate', 'portalUser')),
    ).map(([name, o]) => [name, o, true] as const),
    ...pair(
      'reactivatePortalUser',
      op('mutation($id: ID!) { reactivatePortalUser(id: $id) { id isActive } }', at('reactivatePortalUser')),
      'portalUserReactivate',
      op('mutation($id: ID!) { portalUserReactivate(input: { id: $id }) { portalUser { id isActive } } }', at('portalUserReactivate', 'portalUser')),
    ).map(([name, o]) => [name, o, false] as const),
  ])('%s: flips isActive (stored); an ENGINEER is refused and changes nothing', async (_name, o, activeBefore) => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, A);
    await t.em().getConnection().execute('UPDATE customer_portal_users SET is_active = ? WHERE id = ?', [activeBefore, user.user.id]);
    expect((await run(o, { id: user.user.id }, auth.ENGINEER)).code).toBe('FORBIDDEN');
    expect(await row('SELECT is_active FROM customer_portal_users WHERE id = ?', [user.user.id])).toEqual({ is_active: activeBefore });
    expect((await run(o, { id: user.user.id }, auth.MANAGER)).value).toEqual({ id: user.user.id, isActive: !activeBefore });
    expect(await row('SELECT is_active FROM customer_portal_users WHERE id = ?', [user.user.id])).toEqual({ is_active: !activeBefore });
  });

  it.each(
    pair(
      'sendPortalUserPasswordReset',
      op('mutation($id: ID!) { sendPortalUserPasswordReset(id: $id) }', at('sendPortalUserPasswordReset')),
      'portalUserPasswordResetSend',
      op('mutation($id: ID!) { portalUserPasswordResetSend(input: { id: $id }) { sent } }', at('portalUserPasswordResetSend', 'sent')),
    ),
  )("%s: e-mails the user a reset link; another workspace's user answers like a missing one", async (_name, o) => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, A);
    expect((await run(o, { id: user.user.id }, auth.MANAGER)).value).toBe(true);
    tokenIn(await mail.next(user.email), 'rst');
    const foreign = await createCustomerUser(t.em(), t.app.runtime.passwords, B);
    expect((await run(o, { id: foreign.user.id }, auth.MANAGER)).code).toBe('PORTAL_USER_NOT_FOUND');
    expect((await run(o, { id: randomUUID() }, auth.MANAGER)).code).toBe('PORTAL_USER_NOT_FOUND');
  });

  // ---- workspace settings and notifications --------------------------------------------------------------

  it.each(
    pair(
      'updateTenantSettings',
      op('mutation($n: String) { updateTenantSettings(input: { name: $n, allowCustomerSignup: true }) { id name allowCustomerSignup } }', at('updateTenantSettings')),
      'workspaceSettingsUpdate',
      op(
        'mutation($n: String) { workspaceSettingsUpdate(input: { name: $n, allowCustomerSignup: true }) { settings { id name allowCustomerSignup } } }',
        at('workspaceSettingsUpdate', 'settings'),
      ),
    ),
  )("%s: an ADMIN changes the caller's workspace (stored); a MANAGER is refused", async (_name, o) => {
    const name = `Workspace ${suffix()}`;
    expect((await run(o, { n: name }, auth.ADMIN)).value).toEqual({ id: A.id, name, allowCustomerSignup: true });
    expect(await row('SELECT name, allow_customer_signup FROM tenants WHERE id = ?', [A.id])).toEqual({ name, allow_customer_signup: true });
    expect((await run(o, { n: 'Not mine' }, auth.MANAGER)).code).toBe('FORBIDDEN');
    expect(await row('SELECT name FROM tenants WHERE id = ?', [A.id])).toEqual({ name });
  });

  it.each(
    pair(
      'setNotificationPreference',
      op('mutation($on: Boolean!) { setNotificationPreference(kind: TICKET_STATUS_CHANGE, enabled: $on) { kind enabled isDefault } }', at('setNotificationPreference')),
      'notificationPreferenceSet',
      op(
        'mutation($on: Boolean!) { notificationPreferenceSet(input: { kind: TICKET_STATUS_CHANGE, enabled: $on }) { preferences { kind enabled isDefault } } }',
        at('notificationPreferenceSet', 'preferences'),
      ),
    ),
  )("%s: a portal user turns a kind off and on again (stored, the caller's own); anonymous callers are refused", async (_name, o) => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, A);
    const res = await t.rest<{ data: { accessToken: string } }>('POST', '/api/v1/portal/auth/login', { tenantSlug: A.slug, email: user.email, password: user.password });
    const mine = { authorization: `Bearer ${res.body.data.accessToken}` };
    const off = (await run(o, { on: false }, mine)).value as { kind: string; enabled: boolean; isDefault: boolean }[];
    expect(off.find((p) => p.kind === 'TICKET_STATUS_CHANGE')).toEqual({ kind: 'TICKET_STATUS_CHANGE', enabled: false, isDefault: false });
    expect(await row("SELECT enabled FROM notification_preferences WHERE owner_id = ? AND kind = 'TICKET_STATUS_CHANGE'", [user.user.id])).toEqual({ enabled: false });
    const on = (await run(o, { on: true }, mine)).value as { kind: string; enabled: boolean }[];
    expect(on.find((p) => p.kind === 'TICKET_STATUS_CHANGE')?.enabled).toBe(true);
    expect((await run(o, { on: false }, {})).code).toBe('UNAUTHENTICATED');
  });

  it.each(
    pair(
      'setOnCallRecipients',
      op('mutation($e: [String!]!) { setOnCallRecipients(emails: $e) { isDefault recipients { email } } }', at('setOnCallRecipients')),
      'onCallRecipientsSet',
      op('mutation($e: [String!]!) { onCallRecipientsSet(input: { emails: $e }) { onCallRecipients { isDefault recipients { email } } } }', at('onCallRecipientsSet', 'onCallRecipients')),
    ),
  )('%s: an ADMIN sets the addresses (stored), an empty list returns to the default; a bad address and a MANAGER are refused', async (_name, o) => {
    const email = `oncall-${suffix()}@admin.test`;
    expect((await run(o, { e: [email.toUpperCase()] }, auth.ADMIN)).value).toEqual({ isDefault: false, recipients: [{ email }] });
    expect(await row('SELECT email FROM notification_oncall_recipients WHERE tenant_id = ?', [A.id])).toEqual({ email });
    expect((await run(o, { e: ['not-an-address'] }, auth.ADMIN)).code).toBe('VALIDATION_FAILED');
    expect((await run(o, { e: [] }, auth.MANAGER)).code).toBe('FORBIDDEN');
    expect((await run(o, { e: [] }, auth.ADMIN)).value).toMatchObject({ isDefault: true });
    expect(await row('SELECT email FROM notification_oncall_recipients WHERE tenant_id = ?', [A.id])).toBeUndefined();
  });

  it.each(
    pair(
      'retryDelivery',
      op('mutation($id: ID!) { retryDelivery(id: $id) { id status } }', at('retryDelivery')),
      'deliveryRetry',
      op('mutation($id: ID!) { deliveryRetry(input: { id: $id }) { delivery { id status } } }', at('deliveryRetry', 'delivery')),
    ),
  )("%s: an ADMIN sends a FAILED delivery again (PENDING, stored); another workspace's delivery answers like a missing one", async (_name, o) => {
    const failed = async (tenant: Tenant) => (await createFailedDelivery(t.em().fork(), tenant.id, `failed-${suffix()}@admin.test`)).id;
    const id = await failed(A);
    expect((await run(o, { id }, auth.MANAGER)).code).toBe('FORBIDDEN');
    expect(await row('SELECT status FROM notification_deliveries WHERE id = ?', [id])).toEqual({ status: 'FAILED' });
    const res = await run(o, { id }, auth.ADMIN);
    expect(res.value).toEqual({ id, status: 'PENDING' });
    expect(await row('SELECT attempts FROM notification_deliveries WHERE id = ?', [id])).toEqual({ attempts: 0 });
    const theirs = await failed(B);
    expect((await run(o, { id: theirs }, auth.ADMIN)).code).toBe('DELIVERY_NOT_FOUND');
    expect(await row('SELECT status FROM notification_deliveries WHERE id = ?', [theirs])).toEqual({ status: 'FAILED' });
  });

  // ---- webhook endpoints ----------------------------------------------------------------------------

  it.each(
    pair(
      'createWebhookEndpoint',
      op('mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id url isActive } secret } }', at('createWebhookEndpoint')),
      'webhookEndpointCreate',
      op('mutation($i: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $i) { endpoint { id url isActive } secret } }', at('webhookEndpointCreate')),
    ),
  )('%s: registers an endpoint (stored, its secret sealed) and shows the secret once; an unknown event type and a MANAGER are refused', async (_name, o) => {
    const url = `http://127.0.0.1:9/hook-${suffix()}`;
    const res = await run(o, { i: { url, eventTypes: ['incident.created'] } }, auth.ADMIN);
    const { endpoint, secret } = res.value as { endpoint: { id: string }; secret: string };
    expect(endpoint).toEqual({ id: expect.any(String), url, isActive: true });
    expect(secret.length).toBeGreaterThan(20);
    const stored = await row<{ url: string; encrypted_secret: string }>('SELECT url, encrypted_secret FROM webhook_endpoints WHERE id = ?', [endpoint.id]);
    expect(stored?.url).toBe(url);
    expect(stored?.encrypted_secret).not.toContain(secret);
    const listed = await t.gql<{ webhookEndpoints: { id: string }[] }>('{ webhookEndpoints { id } }', undefined, auth.ADMIN);
    expect(listed.data?.webhookEndpoints.map((e) => e.id)).toContain(endpoint.id);
    expect((await run(o, { i: { url, eventTypes: ['no.such.event'] } }, auth.ADMIN)).code).toBe('VALIDATION_FAILED');
    expect((await run(o, { i: { url, eventTypes: ['incident.created'] } }, auth.MANAGER)).code).toBe('FORBIDDEN');
  });

  const hook = async (tenant: Tenant) =>
    (await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, tenant.id, { url: `http://127.0.0.1:9/row-${suffix()}`, eventTypes: ['incident.created'] })).endpoint.id;

  it.each(
    pair(
      'updateWebhookEndpoint',
      op('mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { isActive: false, description: "Paused" }) { id isActive description } }', at('updateWebhookEndpoint')),
      'webhookEndpointUpdate',
      op(
        'mutation($id: ID!) { webhookEndpointUpdate(input: { id: $id, isActive: false, description: "Paused" }) { endpoint { id isActive description } } }',
        at('webhookEndpointUpdate', 'endpoint'),
      ),
    ),
  )("%s: turns an endpoint off (stored); another workspace's endpoint answers like a missing one", async (_name, o) => {
    const id = await hook(A);
    expect((await run(o, { id }, auth.ADMIN)).value).toEqual({ id, isActive: false, description: 'Paused' });
    expect(await row('SELECT is_active, description FROM webhook_endpoints WHERE id = ?', [id])).toEqual({ is_active: false, description: 'Paused' });
    const theirs = await hook(B);
    expect((await run(o, { id: theirs }, auth.ADMIN)).code).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect(await row('SELECT is_active FROM webhook_endpoints WHERE id = ?', [theirs])).toEqual({ is_active: true });
  });

  it.each(
    pair(
      'deleteWebhookEndpoint',
      op('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', (d) => (d.deleteWebhookEndpoint === true ? 'deleted' : d.deleteWebhookEndpoint)),
      'webhookEndpointDelete',
      op('mutation($id: ID!) { webhookEndpointDelete(input: { id: $id }) { deletedId } }', (d) => (at('webhookEndpointDelete', 'deletedId')(d) ? 'deleted' : d.webhookEndpointDelete)),
    ),
  )("%s: deletes an endpoint (gone); another workspace's endpoint answers like a missing one and stays", async (name, o) => {
    const id = await hook(A);
    const res = await t.gql<Data>(o.query, { id }, auth.ADMIN);
    expect(o.pick(res.data!)).toBe('deleted');
    if (name === 'webhookEndpointDelete') expect(res.data?.webhookEndpointDelete).toEqual({ deletedId: id });
    expect(await row('SELECT id FROM webhook_endpoints WHERE id = ?', [id])).toBeUndefined();
    const theirs = await hook(B);
    expect((await run(o, { id: theirs }, auth.ADMIN)).code).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect(await row('SELECT id FROM webhook_endpoints WHERE id = ?', [theirs])).toEqual({ id: theirs });
  });

  it.each(
    pair(
      'rotateWebhookSecret',
      op('mutation($id: ID!) { rotateWebhookSecret(id: $id) { endpoint { id } secret } }', at('rotateWebhookSecret')),
      'webhookSecretRotate',
      op('mutation($id: ID!) { webhookSecretRotate(input: { id: $id }) { endpoint { id } secret } }', at('webhookSecretRotate')),
    ),
  )("%s: replaces the secret (a new one, stored sealed); another workspace's endpoint answers like a missing one", async (_name, o) => {
    const { endpoint, secret } = await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, A.id, { url: `http://127.0.0.1:9/rot-${suffix()}`, eventTypes: ['incident.created'] });
    const before = await row<{ encrypted_secret: string }>('SELECT encrypted_secret FROM webhook_endpoints WHERE id = ?', [endpoint.id]);
    const res = (await run(o, { id: endpoint.id }, auth.ADMIN)).value as { endpoint: { id: string }; secret: string };
    expect(res.endpoint.id).toBe(endpoint.id);
    expect(res.secret).not.toBe(secret);
    const after = await row<{ encrypted_secret: string }>('SELECT encrypted_secret FROM webhook_endpoints WHERE id = ?', [endpoint.id]);
    expect(after?.encrypted_secret).not.toBe(before?.encrypted_secret);
    const theirs = await hook(B);
    expect((await run(o, { id: theirs }, auth.ADMIN)).code).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect((await run(o, { id: theirs }, auth.MANAGER)).code).toBe('FORBIDDEN');
  });
});
