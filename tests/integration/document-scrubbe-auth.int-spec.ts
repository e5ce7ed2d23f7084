import { codeIn, startMailbox, type Mailbox } from '../setup/mailbox';
import { startTestApp, type TestApp } from '../setup/app';
import { documentClient } from '../setup/document-client';

/**
 * ../shared/seeds/scrubbe-auth-api.txt, run end to end by a client written from the document alone: its paths,
 * its request fields, its answers. Where the server goes beyond the document (verification before login), the
 * client does what the refusal says, as a client team would.
 */
describe('scrubbe-auth-api.txt, by a client written from the document', () => {
  let t: TestApp;
  let mail: Mailbox;
  let api: ReturnType<typeof documentClient>;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ SMTP_URL: mail.url });
    api = documentClient(`${t.url}/api/v1`);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const email = 'owner@lovelace-labs.test';
  let password = 'Analytical-Engine-1843';

  it('business account: register, verify, login, refresh three times with one refresh token, me, profile, change password, logout', async () => {
    const registered = await api('POST', '/auth/business/register', { body: { businessName: 'Lovelace Labs', email, password } });
    expect(registered.status).toBe(201);
    expect(registered.body.success).toBe(true);

    // Beyond the document: the address is verified before the first login; the refusal says so.
    const otp = codeIn(await mail.next(email));
    const early = await api('POST', '/auth/login', { body: { email, password } });
    expect([early.status, early.body.errors?.[0].code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    expect((await api('POST', '/auth/verify_email', { body: { email, otp } })).body).toMatchObject({ success: true });

    const login = await api('POST', '/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    expect(login.body.message).toBe('Login successful.');
    expect(login.body.data).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { id: expect.any(String), email, firstName: null, lastName: null, role: expect.any(String) },
    });
    const { refreshToken } = login.body.data;

    // "Exchange a refresh token for a new access token": the same, long-lived refresh token each time.
    const accessTokens: string[] = [login.body.data.accessToken];
    for (let i = 0; i < 3; i++) {
      const refreshed = await api('POST', '/auth/refresh-token', { body: { refreshToken } });
      expect([refreshed.status, refreshed.body.message]).toEqual([200, 'Token refreshed.']);
      expect(refreshed.body.data.accessToken).toEqual(expect.any(String));
      accessTokens.push(refreshed.body.data.accessToken);
    }
    for (const token of accessTokens) expect((await api('GET', '/auth/me', { token })).status).toBe(200);
    const token = accessTokens[3];

    const me = await api('GET', '/auth/me', { token });
    expect(me.body).toMatchObject({ success: true, message: 'Profile retrieved.' });
    expect(me.body.data).toMatchObject({ id: login.body.data.user.id, email, role: login.body.data.user.role, businessId: expect.any(String), createdAt: expect.stringMatching(/Z$/) });

    const profile = await api('PUT', '/auth/profile', { token, body: { firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000' } });
    expect(profile.status).toBe(200);
    expect(profile.body.data).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', phone: '+442079460000' });
    const badPhone = await api('PUT', '/auth/profile', { token, body: { phone: 'ext. 12' } });
    expect([badPhone.status, badPhone.body.errors?.[0].field]).toEqual([400, 'phone']);

    const newPassword = 'Difference-Engine-1822';
    expect((await api('POST', '/auth/change-password', { token, body: { currentPassword: password, newPassword } })).status).toBe(200);
    expect((await api('POST', '/auth/login', { body: { email, password } })).status).toBe(401);
    password = newPassword;

    // "No request body required": a client that sends the JSON header anyway is signed out all the same.
    const out = await api('POST', '/auth/logout', { token, headers: { 'content-type': 'application/json' } });
    expect([out.status, out.body]).toEqual([200, { success: true, message: 'Logged out successfully.', data: {} }]);
    expect((await api('GET', '/auth/me', { token })).status).toBe(401);
    expect((await api('POST', '/auth/refresh-token', { body: { refreshToken } })).status).toBe(401);
  });

  it('developer account: register, resend the code, verify with the new one, login', async () => {
    const dev = 'dev@lovelace-labs.test';
    expect((await api('POST', '/auth/dev/register', { body: { email: dev, password: 'Babbage-Cabbage-1791' } })).status).toBe(201);
    codeIn(await mail.next(dev));
    expect((await api('POST', '/auth/resend_otp', { body: { email: dev } })).status).toBe(200);
    const otp = codeIn(await mail.next(dev));
    expect((await api('POST', '/auth/verify_email', { body: { email: dev, otp } })).status).toBe(200);
    expect((await api('POST', '/auth/login', { body: { email: dev, password: 'Babbage-Cabbage-1791' } })).status).toBe(200);
  });

  it('forgot password: the link in the e-mail opens a page whose form changes the password', async () => {
    expect((await api('POST', '/auth/forgot-password', { body: { email } })).status).toBe(200);
    const sent = new URL(/https?:\/\/\S+/.exec((await mail.next(email)).text)![0]);
    // PUBLIC_URL is unset, so the link names the default port; this test's server listens on another.
    const link = new URL(sent.pathname + sent.search, t.url);
    const token = link.searchParams.get('token')!;
    // A client checking the token first, as the document suggests, before showing its own form.
    const valid = await api('POST', '/auth/validate-reset-token', { body: { token } });
    expect([valid.status, valid.body.data.valid]).toEqual([200, true]);
    // The default deployment's link works in a browser: a page with a form, posted as a browser posts it.
    const page = await fetch(link);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    expect(await page.text()).toMatch(/<form[^>]+method="post"/i);
    const newPassword = 'Jacquard-Loom-1804';
    const posted = await fetch(new URL(link.pathname, link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, password: newPassword, passwordAgain: newPassword }).toString(),
    });
    expect(posted.status).toBe(200);
    expect((await api('POST', '/auth/login', { body: { email, password } })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email, password: newPassword } })).status).toBe(200);
    expect((await api('POST', '/auth/validate-reset-token', { body: { token } })).status).toBe(400);
    password = newPassword;
  });

  it('mistakes a client makes get answers that say what to do', async () => {
    const wrongField = await api('POST', '/auth/login', { body: { username: email, password } });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'username', message: 'is not a known field; this route accepts email, password' }]);
    const wrongMethod = await api('GET', '/auth/login');
    expect([wrongMethod.status, wrongMethod.headers.get('allow'), wrongMethod.body.errors?.[0].code]).toEqual([405, 'POST', 'METHOD_NOT_ALLOWED']);
    const missing = await api('POST', '/auth/business/register', { body: {} });
    expect([missing.status, missing.body.errors?.map((e) => e.field).sort()]).toEqual([400, ['businessName', 'email', 'password']]);
  });
});
