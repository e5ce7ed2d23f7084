import { ActionToken } from '../../src/auth/auth.entities';
import { ConfigError, loadConfig } from '../../src/config/config';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { User } from '../../src/modules/user/user.entity';
import { createCustomerUser } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { codeIn, startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';
import { expectSafePage, follow, formIn, hiddenValue, linkIn, open, post, submit, textOf } from '../setup/link-pages';

const NEW_PASSWORD = 'Linked-Page-Secret-81';
const OTHER_PASSWORD = 'Another-Linked-Secret-82';

describe('e-mail link pages (the default targets of reset, invitation and verification links)', () => {
  let t: TestApp;
  let mail: Mailbox;
  let acme: Tenant;
  let admin: StaffFixture;
  let manager: StaffFixture;
  /** Every secret the flows used: none may be logged. */
  const secrets: string[] = [];

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ SMTP_URL: mail.url, LOG_LEVEL: 'trace' });
    acme = await createTenant(t.em(), { name: 'Acme Links', slug: 'acme-links', allowCustomerSignup: true });
    admin = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'ADMIN', email: 'admin@links.test' });
    manager = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'MANAGER', email: 'manager@links.test' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  describe('staff password reset', () => {
    it('the link opens a form; a browser post changes the password once, and the old one stops working', async () => {
      const grace = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, email: 'grace@links.test' });
      expect((await t.rest('POST', '/api/v1/auth/forgot-password', { email: grace.email })).status).toBe(200);
      const message = await mail.next(grace.email);
      const token = tokenIn(message, 'rst');
      secrets.push(token);
      const link = linkIn(message, '/reset-password');
      expect(link.searchParams.get('token')).toBe(token);

      const page = await open(follow(t, link));
      expect(page.status).toBe(200);
      expectSafePage(page, token);
      expect(hiddenValue(page, 'token')).toBe(token);
      expect(new URL(formIn(page.html).action, page.url).pathname).toBe('/reset-password');

      const differ = await submit(page, { password: NEW_PASSWORD, passwordAgain: OTHER_PASSWORD });
      expect(differ.status).toBe(400);
      expectSafePage(differ, token);
      expect(textOf(differ.html)).toContain('New password, again does not match the new password');
      expect(differ.html).not.toContain(NEW_PASSWORD);

      const weak = await submit(page, { password: 'short', passwordAgain: 'short' });
      expect(weak.status).toBe(400);
      expect(textOf(weak.html)).toMatch(/at least 8 characters/);
      expect(hiddenValue(weak, 'token')).toBe(token); // the form comes again, ready for another password
      await login(t, grace.email, grace.password); // nothing changed

      const done = await submit(weak, { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
      expect(done.status).toBe(200);
      expectSafePage(done, token);
      expect(textOf(done.html)).toContain('Your password is changed.');
      expect(done.html).not.toContain(token);
      expect(done.html).not.toContain(NEW_PASSWORD);
      await login(t, grace.email, NEW_PASSWORD);
      expect((await t.rest('POST', '/api/v1/auth/login', { email: grace.email, password: grace.password })).status).toBe(401);

      // The token is spent: the page says so (400), shows no token, offers a box for a newer one, changes nothing.
      const again = await submit(page, { password: OTHER_PASSWORD, passwordAgain: OTHER_PASSWORD });
      expect(again.status).toBe(400);
      expectSafePage(again, token);
      expect(textOf(again.html)).toContain('This reset link is invalid, expired or already used.');
      expect(again.html).not.toContain(token);
      expect(formIn(again.html).inputs.find((i) => i.name === 'token')).toMatchObject({ type: 'text', required: '' });
      await login(t, grace.email, NEW_PASSWORD);
    });

    it('refuses an expired token, a made-up one and missing fields with 400 pages, changing nothing', async () => {
      const ada = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, email: 'ada@links.test' });
      await t.rest('POST', '/api/v1/auth/forgot-password', { email: ada.email });
      const link = linkIn(await mail.next(ada.email), '/reset-password');
      secrets.push(link.searchParams.get('token')!);
      await t.em().nativeUpdate(ActionToken, { usedAt: null }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await submit(await open(follow(t, link)), { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
      expect(expired.status).toBe(400);
      expectSafePage(expired);
      expect(textOf(expired.html)).toMatch(/invalid, expired or already used/);

      const madeUp = await submit(await open(`${t.url}/reset-password?token=rst_made-up-token-value-xxxxxxxx`), { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
      expect(madeUp.status).toBe(400);
      expect(madeUp.html).not.toContain('rst_made-up-token-value-xxxxxxxx');

      // Opened without a token: a box to paste the one from the e-mail.
      const bare = await open(`${t.url}/reset-password`);
      expect(bare.status).toBe(200);
      expect(formIn(bare.html).inputs.find((i) => i.name === 'token')?.type).toBe('text');
      const missing = await submit(bare, {});
      expect(missing.status).toBe(400);
      expectSafePage(missing);
      expect(textOf(missing.html)).toContain('New password must be at least 8 characters');
      await login(t, ada.email, ada.password);
    });
  });

  it('staff invitation: the link sets the password and names, and the new member signs in', async () => {
    const { auth } = await login(t, admin.email, admin.password);
    const invited = await t.gql('mutation { inviteStaff(input: { email: "newbie@links.test", role: ENGINEER }) { userId } }', undefined, auth);
    expect(invited.errors).toBeUndefined();
    const message = await mail.next('newbie@links.test');
    const token = tokenIn(message, 'inv');
    secrets.push(token);
    const link = linkIn(message, '/accept-invitation');
    const page = await open(follow(t, link));
    expect(page.status).toBe(200);
    expectSafePage(page, token);
    expect(formIn(page.html).inputs.map((i) => i.name)).toEqual(['token', 'firstName', 'lastName', 'password', 'passwordAgain']);

    const done = await submit(page, { firstName: 'Nia <b>', lastName: '', password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('Invitation accepted');
    await login(t, 'newbie@links.test', NEW_PASSWORD);
    expect(await t.em().findOneOrFail(User, { email: 'newbie@links.test' })).toMatchObject({ firstName: 'Nia <b>', lastName: null });

    const again = await submit(page, { password: OTHER_PASSWORD, passwordAgain: OTHER_PASSWORD });
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toMatch(/invitation/i);
    expect(again.html).not.toContain(token);
  });

  it('staff verification: the e-mail keeps its code and links the page with the address (never the code)', async () => {
    const email = 'founder@links.test';
    const registered = await t.rest('POST', '/api/v1/auth/business/register', { businessName: 'Linked Founders', email, password: NEW_PASSWORD });
    expect(registered.status).toBe(201);
    const message = await mail.next(email);
    const code = codeIn(message);
    secrets.push(code);
    const link = linkIn(message, '/verify-email');
    expect(Object.fromEntries(link.searchParams)).toEqual({ email });

    const page = await open(follow(t, link));
    expect(page.status).toBe(200);
    expectSafePage(page);
    expect(formIn(page.html).inputs.find((i) => i.name === 'email')?.value).toBe(email);
    expect(page.html).not.toContain(code);

    const wrong = await submit(page, { email, otp: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expectSafePage(wrong);
    expect(textOf(wrong.html)).toMatch(/code/i);
    expect(formIn(wrong.html).inputs.find((i) => i.name === 'email')?.value).toBe(email); // kept; the code is not
    expect((await t.rest('POST', '/api/v1/auth/login', { email, password: NEW_PASSWORD })).status).toBe(403);

    const empty = await submit(page, { email });
    expect(empty.status).toBe(400);
    const missing = await post(new URL('/verify-email', t.url), new URLSearchParams({ email }));
    expect(missing.status).toBe(400);
    expectSafePage(missing);
    expect(textOf(missing.html)).toContain('Correct the fields marked below. E-mail address Verification code is required');
    expect(textOf(empty.html)).toContain('must be the 6-digit code from the e-mail');
    expect((await t.rest('POST', '/api/v1/auth/login', { email, password: NEW_PASSWORD })).status).toBe(403);

    const done = await submit(page, { email, otp: code });
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('Your e-mail address is verified.');
    await login(t, email, NEW_PASSWORD);
  });

  it('portal password reset: the link changes the password of that account', async () => {
    const customer = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'max@client-links.test' });
    expect((await t.rest('POST', '/api/v1/customer/forgot-password', { email: customer.email, companyId: acme.id })).status).toBe(200);
    const message = await mail.next(customer.email);
    const token = tokenIn(message, 'rst');
    secrets.push(token);
    const page = await open(follow(t, linkIn(message, '/portal/reset-password')));
    expect(page.status).toBe(200);
    expectSafePage(page, token);

    const done = await submit(page, { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
    expect(done.status).toBe(200);
    const portalLogin = (password: string) => t.rest('POST', '/api/v1/portal/auth/login', { tenantSlug: 'acme-links', email: customer.email, password });
    expect((await portalLogin(NEW_PASSWORD)).status).toBe(200);
    expect((await portalLogin(customer.password)).status).toBe(401);

    const again = await submit(page, { password: OTHER_PASSWORD, passwordAgain: OTHER_PASSWORD });
    expect(again.status).toBe(400);
    expect(again.html).not.toContain(token);
    expect((await portalLogin(NEW_PASSWORD)).status).toBe(200);
  });

  it('portal invitation: the link sets the first password; the customer signs in', async () => {
    const { auth } = await login(t, manager.email, manager.password);
    const created = await t.rest('POST', '/api/v1/portal-users', { email: 'wendy@client-links.test', displayName: 'Wendy' }, auth);
    expect(created.status).toBe(201);
    const message = await mail.next('wendy@client-links.test');
    const token = tokenIn(message, 'inv');
    secrets.push(token);
    const page = await open(follow(t, linkIn(message, '/portal/accept-invitation')));
    expect(page.status).toBe(200);
    expectSafePage(page, token);

    const weak = await submit(page, { password: 'password', passwordAgain: 'password' });
    expect(weak.status).toBe(400);
    const done = await submit(page, { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.html).not.toMatch(/eyJ/); // the session the operation opened is not shown
    expect((await t.rest('POST', '/api/v1/portal/auth/login', { tenantSlug: 'acme-links', email: 'wendy@client-links.test', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('portal verification: the link names the address and the company; a wrong code verifies nothing', async () => {
    const email = 'self@client-links.test';
    const registered = await t.rest('POST', '/api/v1/customer/register', { email, password: NEW_PASSWORD, name: 'Self Service', companyId: acme.id });
    expect(registered.status).toBe(201);
    const message = await mail.next(email);
    const code = codeIn(message);
    secrets.push(code);
    const link = linkIn(message, '/portal/verify-email');
    expect(Object.fromEntries(link.searchParams)).toEqual({ email, companyId: acme.id });

    const page = await open(follow(t, link));
    expect(page.status).toBe(200);
    expectSafePage(page);
    expect(hiddenValue(page, 'companyId')).toBe(acme.id);

    const wrong = await submit(page, { otp: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(await t.em().findOneOrFail(CustomerUser, { email })).toMatchObject({ emailVerifiedAt: null });

    const done = await submit(page, { otp: code });
    expect(done.status).toBe(200);
    expect((await t.em().findOneOrFail(CustomerUser, { email })).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await t.rest('POST', '/api/v1/customer/login', { email, password: NEW_PASSWORD, companyId: acme.id })).status).toBe(200);
  });

  it('escapes what the link brings', async () => {
    const hostile = `"><script>alert(1)</script><b x='y'>&amp;`;
    const page = await open(`${t.url}/portal/verify-email?email=${encodeURIComponent(hostile)}&companyId=${encodeURIComponent(hostile)}`);
    expect(page.status).toBe(200);
    expectSafePage(page);
    expect(formIn(page.html).inputs.find((i) => i.name === 'email')?.value).toBe(hostile);
    expect(hiddenValue(page, 'companyId')).toBe(hostile);
  });

  it('pages take forms only, and the JSON API still takes JSON only', async () => {
    const json = await fetch(`${t.url}/reset-password`, { method: 'POST', body: JSON.stringify({ token: 'rst_x', password: NEW_PASSWORD }), headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(415);
    expect(json.headers.get('content-type')).toMatch(/^text\/html/);
    const nothing = await post(new URL('/reset-password', t.url), new URLSearchParams());
    expect(nothing.status).toBe(400); // no fields: the operation's own refusal
    const bytes = await fetch(`${t.url}/reset-password`, { method: 'POST', body: 'token=rst_x&password=%FF%FE-Secret-99&passwordAgain=%FF%FE-Secret-99', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bytes.status).toBe(400);
    expect(await bytes.text()).toContain('The form is not valid UTF-8.');
    const form = await fetch(`${t.url}/api/v1/auth/reset-password`, { method: 'POST', body: 'token=rst_x&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { errors: { code: string }[] }).errors[0].code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('logs no token, code or password of these flows', async () => {
    await t.app.runtime.background.drain();
    const logged = t.logs.join('\n');
    expect(logged).toContain('/reset-password');
    for (const secret of [...secrets, NEW_PASSWORD, OTHER_PASSWORD]) expect([secret, logged.includes(secret)]).toEqual([secret, false]);
  });
});

describe('e-mail links pointing at a frontend', () => {
  let t: TestApp;
  let mail: Mailbox;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({
      SMTP_URL: mail.url,
      STAFF_RESET_PASSWORD_URL: 'https://app.example.test/auth/reset?source=mail&token=stale',
      STAFF_VERIFY_EMAIL_URL: 'https://app.example.test/verify',
    });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it("adds the token or address to the configured URL's own query", async () => {
    const tenant = await createTenant(t.em(), { slug: 'front-links' });
    const grace = await createStaff(t.em(), t.app.runtime.passwords, { tenant, email: 'grace@front.test' });
    await t.rest('POST', '/api/v1/auth/forgot-password', { email: grace.email });
    const reset = await mail.next(grace.email);
    const token = tokenIn(reset, 'rst');
    expect(reset.text).toContain(`Or open: https://app.example.test/auth/reset?source=mail&token=${token}\n`);

    await t.rest('POST', '/api/v1/auth/dev/register', { email: 'dev+1@front.test', password: NEW_PASSWORD });
    const verify = await mail.next('dev+1@front.test');
    expect(verify.text).toContain('Enter it at: https://app.example.test/verify?email=dev%2B1%40front.test\n');

    // The others keep this server's pages, which are served whatever the settings say.
    expect(t.config.links.portal.resetPassword).toBe(`${t.config.publicUrl}/portal/reset-password`);
    expect((await open(`${t.url}/reset-password?token=${token}`)).status).toBe(200);
  });

  it('refuses a link setting that is not an http(s) URL', async () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PORTAL_RESET_PASSWORD_URL: 'javascript:alert(1)' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', STAFF_INVITATION_URL: '/accept' })).toThrow(ConfigError);
  });
});
