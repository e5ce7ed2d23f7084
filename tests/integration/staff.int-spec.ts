import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';
import { AuditEntry } from '../../src/modules/audit/audit.entity';

type GqlMember = { id: string; email: string; role: string; isActive: boolean; emailVerified: boolean };

describe('workspace staff: invitations, roles, deactivation', () => {
  let t: TestApp;
  let mail: Mailbox;
  let admin: StaffFixture;
  let adminAuth: Record<string, string>;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    admin = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN', email: 'admin@wayne.test' });
    adminAuth = (await login(t, admin.email, admin.password)).auth;
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const invite = (email: string, role: string, auth = adminAuth) =>
    t.gql<{ inviteStaff: { userId: string; email: string; role: string; expiresAt: string } }>(
      'mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { userId email role expiresAt } }',
      { i: { email, role } },
      auth,
    );
  const changeRole = (userId: string, role: string, auth = adminAuth) =>
    t.gql<{ changeStaffRole: GqlMember }>('mutation($i: ChangeStaffRoleInput!) { changeStaffRole(input: $i) { id role } }', { i: { userId, role } }, auth);
  const deactivate = (userId: string, auth = adminAuth) =>
    t.gql<{ deactivateStaff: GqlMember }>('mutation($id: ID!) { deactivateStaff(userId: $id) { id isActive } }', { id: userId }, auth);

  it('an ADMIN invites by e-mail; the invitee sets a password and is signed in', async () => {
    const res = await invite('Robin@Wayne.test', 'RESPONDER');
    expect(res.errors).toBeUndefined();
    expect(res.data?.inviteStaff).toMatchObject({ email: 'robin@wayne.test', role: 'RESPONDER' });
    const token = tokenIn(await mail.next('robin@wayne.test'), 'inv');

    // Before accepting, the invitee cannot sign in.
    expect((await t.rest('POST', '/api/v1/auth/login', { email: 'robin@wayne.test', password: 'Anything-Goes-99' })).status).toBe(401);

    const accepted = await t.gql<{ acceptInvitation: { accessToken: string; user: { role: string } } }>(
      'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken user { role } } }',
      { i: { token, password: 'Robins-Own-Password-1', firstName: 'Robin' } },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user.role).toBe('RESPONDER');
    const me = await t.gql<{ me: { email: string; businessId: string; emailVerified: boolean } }>('{ me { email businessId emailVerified } }', undefined, {
      authorization: `Bearer ${accepted.data!.acceptInvitation.accessToken}`,
    });
    expect(me.data?.me).toEqual({ email: 'robin@wayne.test', businessId: admin.tenant.id, emailVerified: true });

    const reuse = await t.gql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken } }', { i: { token, password: 'Robins-Own-Password-2' } });
    expect(reuse.errors?.[0].extensions?.code).toBe('INVALID_INVITATION');
  });

  it('refuses invitations from non-ADMINs, to taken addresses, and as SUPER_ADMIN', async () => {
    const manager = await createStaff(t.em(), t.app.runtime.passwords, { role: 'MANAGER', tenant: admin.tenant });
    const { auth } = await login(t, manager.email, manager.password);
    expect((await invite('x@wayne.test', 'VIEWER', auth)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await invite(admin.email.toUpperCase(), 'VIEWER')).errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
    expect((await invite('boss@wayne.test', 'SUPER_ADMIN')).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((await invite('x@wayne.test', 'VIEWER', {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists the workspace staff to its members only', async () => {
    const res = await t.gql<{ staffMembers: GqlMember[] }>('{ staffMembers { id email role isActive emailVerified } }', undefined, adminAuth);
    const emails = res.data!.staffMembers.map((m) => m.email);
    expect(emails).toContain(admin.email);
    const stranger = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN' });
    const theirs = await t.gql<{ staffMembers: GqlMember[] }>('{ staffMembers { email } }', undefined, (await login(t, stranger.email, stranger.password)).auth);
    expect(theirs.data!.staffMembers.map((m) => m.email)).toEqual([stranger.email]);
  });

  it('changes a role, which ends the member\'s sessions so the new role applies at once', async () => {
    const eng = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER', tenant: admin.tenant });
    const session = await login(t, eng.email, eng.password);
    const res = await changeRole(eng.user.id, 'VIEWER');
    expect(res.data?.changeStaffRole).toEqual({ id: eng.user.id, role: 'VIEWER' });
    expect((await t.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(401);
    const again = await login(t, eng.email, eng.password);
    expect((await t.gql<{ me: { role: string } }>('{ me { role } }', undefined, again.auth)).data?.me.role).toBe('VIEWER');
    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'staff.role.changed', targetId: eng.user.id });
    expect(audit.metadata).toEqual({ from: 'ENGINEER', to: 'VIEWER' });
  });

  it('never removes the last ADMIN, by demotion or deactivation', async () => {
    const solo = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN' });
    const { auth } = await login(t, solo.email, solo.password);
    expect((await changeRole(solo.user.id, 'MANAGER', auth)).errors?.[0].extensions?.code).toBe('LAST_ADMIN');
    expect((await deactivate(solo.user.id, auth)).errors?.[0].extensions?.code).toBe('LAST_ADMIN');
    // With a second ADMIN, the first may step down.
    const second = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN', tenant: solo.tenant });
    expect((await changeRole(solo.user.id, 'MANAGER', auth)).data?.changeStaffRole.role).toBe('MANAGER');
    const secondAuth = (await login(t, second.email, second.password)).auth;
    expect((await deactivate(second.user.id, secondAuth)).errors?.[0].extensions?.code).toBe('LAST_ADMIN');
  });

  it('deactivation ends sessions and further logins get the generic answer', async () => {
    const leaver = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER', tenant: admin.tenant });
    const session = await login(t, leaver.email, leaver.password);
    expect((await deactivate(leaver.user.id)).data?.deactivateStaff).toEqual({ id: leaver.user.id, isActive: false });
    expect((await t.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(401);
    expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: session.refreshToken })).status).toBe(401);
    const res = await t.rest<{ errors: { code: string }[] }>('POST', '/api/v1/auth/login', { email: leaver.email, password: leaver.password });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('a member of another workspace answers exactly like a missing one', async () => {
    const other = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER', tenant: await createTenant(t.em()) });
    const foreign = await changeRole(other.user.id, 'VIEWER');
    const missing = await changeRole('00000000-0000-4000-8000-000000000000', 'VIEWER');
    const malformed = await changeRole('not-a-uuid', 'VIEWER');
    expect(foreign.errors).toEqual(missing.errors);
    expect(malformed.errors).toEqual(missing.errors);
    expect(foreign.errors?.[0].extensions?.code).toBe('STAFF_MEMBER_NOT_FOUND');
    expect((await deactivate(other.user.id)).errors).toEqual((await deactivate('00000000-0000-4000-8000-000000000000')).errors);
  });
});
