import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { afterMarker } from '../setup/deliveries';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };

describe('customer password reset (/api/v1/customer/forgot-password and reset-password)', () => {
  let t: TestApp;
  let mail: Mailbox;
  let acme: Tenant;
  let globex: Tenant;
  let max: CustomerFixture;

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    acme = await createTenant(t.em(), { slug: 'rst-acme', name: 'Acme Support' });
    globex = await createTenant(t.em(), { slug: 'rst-globex', name: 'Globex Help' });
    max = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'max@reset.test' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });
  beforeEach(() => t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'reset_send:%'"));

  const forgot = (body: Record<string, unknown>) => t.rest<Envelope>('POST', '/api/v1/customer/forgot-password', body);
  const reset = (token: string, password: string) => t.rest<Envelope>('POST', '/api/v1/customer/reset-password', { token, password });
  const mailsTo = (address: string) => mail.messages.filter((m) => m.to.includes(address));

  it('answers the same for known, unknown and deactivated addresses, and mails only the active account', async () => {
    const off = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'off@reset.test' });
    await t.em().nativeUpdate(CustomerUser, { id: off.user.id }, { isActive: false });
    const known = await forgot({ email: 'MAX@reset.test' });
    const unknown = await forgot({ email: 'nobody@reset.test' });
    const inactive = await forgot({ email: 'off@reset.test' });
    const badCompany = await forgot({ email: 'max@reset.test', companyId: 'not-a-company' });
    expect(known.status).toBe(200);
    expect(known.body).toEqual({ success: true, message: 'If the address has an account, a reset link is on its way.', data: {} });
    for (const other of [unknown, inactive, badCompany]) expect(other.text).toBe(known.text);
    const message = await afterMarker(t, mail.next('max@reset.test'));
    expect(mailsTo('nobody@reset.test')).toHaveLength(0);
    expect(mailsTo('off@reset.test')).toHaveLength(0);
    expect(message.subject).toBe('Reset your Acme Support support password');
    tokenIn(message, 'rst');
    expect(mailsTo('max@reset.test')).toHaveLength(1);
    const requested = await t.em().findOneOrFail(AuditEntry, { action: 'portal.password.reset_requested', targetId: max.user.id });
    expect(requested).toMatchObject({ tenantId: acme.id, targetType: 'portal_user' });
  });

  it('resets once with a valid token, verifies the address and ends every session', async () => {
    const unverified = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'late@reset.test', verified: false });
    await forgot({ email: 'late@reset.test' });
    const token = tokenIn(await mail.next('late@reset.test'), 'rst');
    const valid = await t.rest<Envelope<{ valid: boolean; expiresAt: string }>>('POST', '/api/v1/customer/validate-reset-token', { token });
    expect(valid.status).toBe(200);
    const minutes = (Date.parse(valid.body.data.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);

    const weak = await reset(token, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.errors?.[0].field).toBe('password');
    expect((await reset(token, 'Late-But-Strong-Secret-5')).status).toBe(200);
    await portalLogin(t, 'rst-acme', 'late@reset.test', 'Late-But-Strong-Secret-5'); // verified by the link
    const row = await t.em().findOneOrFail(CustomerUser, { id: unverified.user.id });
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);

    const again = await reset(token, 'Another-Strong-Secret-6');
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0].code).toBe('INVALID_RESET_TOKEN');
    expect((await t.rest('POST', '/api/v1/customer/validate-reset-token', { token })).status).toBe(400);

    const session = await portalLogin(t, 'rst-acme', max.email, max.password);
    await forgot({ email: max.email });
    const second = tokenIn(await mail.next(max.email), 'rst');
    expect((await reset(second, 'Max-New-Secret-Words-7')).status).toBe(200);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, session)).status).toBe(401);
    await portalLogin(t, 'rst-acme', max.email, 'Max-New-Secret-Words-7');
    max.password = 'Max-New-Secret-Words-7';
    expect(await t.em().count(AuditEntry, { action: 'portal.password.reset', actorId: max.user.id })).toBe(1);
  });

  it('with an address in two companies: one e-mail per company, or one company when companyId is given', async () => {
    const a = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'both@reset.test' });
    await createCustomerUser(t.em(), t.app.runtime.passwords, globex, { email: 'both@reset.test', password: 'Globex-Only-Secret-8' });
    await forgot({ email: 'both@reset.test' });
    const first = await mail.next('both@reset.test');
    const second = await mail.next('both@reset.test');
    expect([first.subject, second.subject].sort()).toEqual(['Reset your Acme Support support password', 'Reset your Globex Help support password']);
    const globexMail = first.subject.includes('Globex') ? first : second;
    expect((await reset(tokenIn(globexMail, 'rst'), 'Globex-Reset-Secret-9')).status).toBe(200);
    await portalLogin(t, 'rst-globex', 'both@reset.test', 'Globex-Reset-Secret-9');
    await portalLogin(t, 'rst-acme', 'both@reset.test', a.password); // the other company's account is untouched

    await t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'reset_send:%'");
    await forgot({ email: 'both@reset.test', companyId: globex.id });
    await t.app.runtime.background.drain();
    expect((await mail.next('both@reset.test')).subject).toContain('Globex');
    expect(mailsTo('both@reset.test')).toHaveLength(3);
  });

  it('a new request replaces the previous token', async () => {
    await forgot({ email: max.email });
    const first = tokenIn(await mail.next(max.email), 'rst');
    await forgot({ email: max.email });
    const second = tokenIn(await mail.next(max.email), 'rst');
    expect((await t.rest('POST', '/api/v1/customer/validate-reset-token', { token: first })).status).toBe(400);
    expect((await t.rest('POST', '/api/v1/customer/validate-reset-token', { token: second })).status).toBe(200);
  });

  it('staff and customer reset tokens only work at their own door', async () => {
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { email: 'staffer@reset.test' });
    await t.rest('POST', '/api/v1/auth/forgot-password', { email: staff.email });
    const staffToken = tokenIn(await mail.next(staff.email), 'rst');
    await forgot({ email: max.email });
    const customerToken = tokenIn(await mail.next(max.email), 'rst');

    expect((await t.rest('POST', '/api/v1/customer/validate-reset-token', { token: staffToken })).status).toBe(400);
    expect((await reset(staffToken, 'Crossing-Doors-Secret-10')).body.errors?.[0].code).toBe('INVALID_RESET_TOKEN');
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: customerToken })).status).toBe(400);
    expect((await t.rest<Envelope>('POST', '/api/v1/auth/reset-password', { token: customerToken, password: 'Crossing-Doors-Secret-10' })).status).toBe(400);
    // Both still work where they belong.
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: staffToken })).status).toBe(200);
    expect((await t.rest('POST', '/api/v1/customer/validate-reset-token', { token: customerToken })).status).toBe(200);
  });

  it('limits reset e-mails per address (429 with Retry-After), for known and unknown addresses alike', async () => {
    for (const email of [max.email, 'ghost@reset.test']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await forgot({ email }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answers[3].body.errors?.[0].code).toBe('RATE_LIMITED');
    }
  });

  it('validates the input and works over GraphQL', async () => {
    const bad = await forgot({ email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    expect((await forgot({ email: max.email, tenantSlug: 'rst-acme' })).body.errors?.[0].field).toBe('tenantSlug');
    expect((await t.rest<Envelope>('POST', '/api/v1/customer/reset-password', { token: 'x' })).body.errors?.[0].field).toBe('password');

    const res = await t.gql<{ customerForgotPassword: boolean }>(
      'mutation($i: CustomerEmailInput!) { customerForgotPassword(input: $i) }',
      { i: { email: max.email, companyId: acme.id } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerForgotPassword).toBe(true);
    await t.app.runtime.background.drain();
    const token = tokenIn(mailsTo(max.email).at(-1)!, 'rst'); // the newest: earlier tests left older ones unread
    const done = await t.gql<{ customerResetPassword: boolean }>(
      'mutation($i: ResetPasswordInput!) { customerResetPassword(input: $i) }',
      { i: { token, password: 'GraphQL-Reset-Secret-11' } },
    );
    expect(done.data?.customerResetPassword).toBe(true);
    await portalLogin(t, 'rst-acme', max.email, 'GraphQL-Reset-Secret-11');
  });
});
