import { ActionToken } from '../../src/auth/auth.entities';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser, type CustomerFixture } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type RestResult, type TestApp } from '../setup/app';
import { expectSafePage, follow, hiddenValue, linkIn, open, submit, textOf } from '../setup/link-pages';
import { afterMarker } from '../setup/deliveries';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Tokens = { accessToken: string; refreshToken: string; user?: { id: string; tenantId: string }; customer?: { id: string; companyId: string } };

/** The headers an answer's sameness is judged on: all but those that differ on every response. */
const headersOf = (res: RestResult) =>
  Object.fromEntries([...res.headers].filter(([name]) => !['date', 'x-request-id', 'ratelimit-reset'].includes(name)).sort(([a], [b]) => a.localeCompare(b)));

describe('portal sign-in links (/api/v1/portal/auth/sign-in-link, /api/v1/customer/sign-in-link)', () => {
  let t: TestApp;
  let mail: Mailbox;
  let acme: Tenant;
  let globex: Tenant;
  let max: CustomerFixture;

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ SMTP_URL: mail.url });
    acme = await createTenant(t.em(), { slug: 'sil-acme', name: 'Acme Support' });
    globex = await createTenant(t.em(), { slug: 'sil-globex', name: 'Globex Help' });
    max = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'max@sign-in.test' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });
  beforeEach(() => t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'sign_in_link_send:%' OR key LIKE 'mail_request_ip:%'"));

  const ask = (body: Record<string, unknown>) => t.rest<Envelope>('POST', '/api/v1/portal/auth/sign-in-link', body);
  const redeem = (body: Record<string, unknown>) => t.rest<Envelope<Tokens>>('POST', '/api/v1/portal/auth/sign-in-link/redeem', body);
  const linkFor = async (email: string, tenantSlug = 'sil-acme') => {
    const asked = await ask({ tenantSlug, email });
    expect(asked.status).toBe(200);
    return tokenIn(await mail.next(email), 'sgn');
  };
  const mailsTo = (address: string) => mail.messages.filter((m) => m.to.includes(address));
  const count = async (table: string) => Number((await t.em().getConnection().execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('answers the same (status, body, headers) for known, unknown and deactivated addresses, and mails only the active account', async () => {
    const off = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'off@sign-in.test' });
    await t.em().nativeUpdate(CustomerUser, { id: off.user.id }, { isActive: false });
    const known = await ask({ tenantSlug: 'sil-acme', email: 'MAX@sign-in.test' });
    const unknown = await ask({ tenantSlug: 'sil-acme', email: 'nobody@sign-in.test' });
    const inactive = await ask({ tenantSlug: 'sil-acme', email: 'off@sign-in.test' });
    const otherWorkspace = await ask({ tenantSlug: 'sil-globex', email: 'max@sign-in.test' });
    expect(known.status).toBe(200);
    expect(known.body).toEqual({ success: true, message: 'If the address has an account, a sign-in link is on its way.', data: {} });
    for (const other of [unknown, inactive, otherWorkspace]) {
      expect(other.status).toBe(known.status);
      expect(other.text).toBe(known.text);
    }
    // The same headers too (the address's own budget aside: otherWorkspace spent max's second request of the minute).
    expect(headersOf(unknown)).toEqual(headersOf(known));
    expect(headersOf(inactive)).toEqual(headersOf(known));
    const message = await afterMarker(t, mail.next('max@sign-in.test'));
    expect(mailsTo('nobody@sign-in.test')).toHaveLength(0);
    expect(mailsTo('off@sign-in.test')).toHaveLength(0);
    expect(message.subject).toBe('Sign in to Acme Support support');
    expect(mailsTo('max@sign-in.test')).toHaveLength(1); // not from globex, where the address has no account
    // Only the token's hash is stored, and the link names the workspace.
    const token = tokenIn(message, 'sgn');
    const rows = await t.em().find(ActionToken, { subjectId: max.user.id, purpose: 'SIGN_IN' });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const minutes = (rows[0].expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const link = linkIn(message, '/portal/sign-in');
    expect(Object.fromEntries(link.searchParams)).toEqual({ token, tenantSlug: 'sil-acme' });
    expect(await t.em().count(AuditEntry, { action: 'portal.sign_in_link.requested', targetId: max.user.id })).toBe(1);
  });

  it('signs in once with the same tokens as a password login; a second use is refused and changes nothing', async () => {
    const token = await linkFor(max.email);
    const done = await redeem({ tenantSlug: 'sil-acme', token });
    expect(done.status).toBe(200);
    expect(done.body.message).toBe('Login successful.');
    expect(done.body.data.user).toMatchObject({ id: max.user.id, tenantId: acme.id });
    const me = await t.rest<Envelope<{ email: string }>>('GET', '/api/v1/portal/auth/me', undefined, { authorization: `Bearer ${done.body.data.accessToken}` });
    expect(me.body.data.email).toBe(max.email);
    const refreshed = await t.rest('POST', '/api/v1/portal/auth/refresh-token', { refreshToken: done.body.data.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(await t.em().count(AuditEntry, { action: 'portal.sign_in_link.used', actorId: max.user.id })).toBe(1);

    const sessions = await count('sessions');
    const again = await redeem({ tenantSlug: 'sil-acme', token });
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0].code).toBe('INVALID_SIGN_IN_LINK');
    expect(await count('sessions')).toBe(sessions);
  });

  it('used, expired, unknown, wrong-workspace and deactivated-account links all answer with the same error', async () => {
    const used = await linkFor(max.email);
    expect((await redeem({ token: used })).status).toBe(200);

    const expired = await linkFor(max.email);
    await t.em().nativeUpdate(ActionToken, { tokenHash: { $ne: '' }, subjectId: max.user.id, usedAt: null }, { expiresAt: new Date(Date.now() - 1000) });

    const both = await createCustomerUser(t.em(), t.app.runtime.passwords, globex, { email: 'max@sign-in.test' });
    const globexLink = await linkFor(max.email, 'sil-globex');

    const leaver = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'leaver@sign-in.test' });
    const leaverLink = await linkFor(leaver.email);
    await t.em().nativeUpdate(CustomerUser, { id: leaver.user.id }, { isActive: false });

    const sessions = await count('sessions');
    const answers = [
      await redeem({ tenantSlug: 'sil-acme', token: used }),
      await redeem({ tenantSlug: 'sil-acme', token: expired }),
      await redeem({ tenantSlug: 'sil-acme', token: 'sgn_never-issued-token-value-xxxxxxxxxxxxxxxxxx' }),
      await redeem({ tenantSlug: 'sil-acme', token: globexLink }),
      await t.rest<Envelope<Tokens>>('POST', '/api/v1/customer/sign-in-link/redeem', { companyId: acme.id, token: globexLink }),
      await redeem({ tenantSlug: 'sil-acme', token: leaverLink }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(a.body).toEqual(answers[0].body);
    }
    expect(answers[0].body.errors?.[0]).toMatchObject({ code: 'INVALID_SIGN_IN_LINK', message: 'This sign-in link is invalid, expired or already used. Ask for a new one.' });
    expect(await count('sessions')).toBe(sessions);
    // Refused in the wrong workspace, the link was not spent: it still works where it belongs.
    const right = await redeem({ tenantSlug: 'sil-globex', token: globexLink });
    expect(right.status).toBe(200);
    expect(right.body.data.user).toMatchObject({ id: both.user.id, tenantId: globex.id });
  });

  it('a new link replaces the previous one; deactivation retires an unused link', async () => {
    const first = await linkFor(max.email);
    const second = await linkFor(max.email);
    expect((await redeem({ token: first })).body.errors?.[0].code).toBe('INVALID_SIGN_IN_LINK');
    expect((await redeem({ token: second })).status).toBe(200);

    const pat = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'pat@sign-in.test' });
    const link = await linkFor(pat.email);
    const manager = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'MANAGER' });
    const { auth } = await login(t, manager.email, manager.password);
    expect((await t.rest('POST', `/api/v1/portal-users/${pat.user.id}/deactivate`, undefined, auth)).status).toBe(200);
    expect(await t.em().count(ActionToken, { subjectId: pat.user.id, purpose: 'SIGN_IN', usedAt: null })).toBe(0);
    expect((await t.rest('POST', `/api/v1/portal-users/${pat.user.id}/reactivate`, undefined, auth)).status).toBe(200);
    expect((await redeem({ token: link })).body.errors?.[0].code).toBe('INVALID_SIGN_IN_LINK');
  });

  it('the link verifies an unverified address, as it proves the inbox', async () => {
    const late = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'late@sign-in.test', verified: false });
    expect((await redeem({ token: await linkFor(late.email) })).status).toBe(200);
    expect((await t.em().findOneOrFail(CustomerUser, { id: late.user.id })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('the Scrubbe door and GraphQL: companyId names the workspace; errors carry extensions.code', async () => {
    const asked = await t.rest<Envelope>('POST', '/api/v1/customer/sign-in-link', { email: max.email, companyId: acme.id });
    expect(asked.status).toBe(200);
    const token = tokenIn(await mail.next(max.email), 'sgn');
    const done = await t.rest<Envelope<Tokens>>('POST', '/api/v1/customer/sign-in-link/redeem', { token, companyId: acme.id });
    expect(done.status).toBe(200);
    expect(done.body.data.customer).toMatchObject({ id: max.user.id, companyId: acme.id });

    const gqlAsk = await t.gql<{ requestSignInLink: boolean }>('mutation($i: SignInLinkRequestInput!) { requestSignInLink(input: $i) }', { i: { email: max.email, tenantSlug: 'sil-acme' } });
    expect(gqlAsk.data?.requestSignInLink).toBe(true);
    const gqlToken = tokenIn(await mail.next(max.email), 'sgn');
    const signIn = 'mutation($i: SignInWithLinkInput!) { signInWithLink(input: $i) { accessToken refreshToken account { id tenantId } } }';
    const ok = await t.gql<{ signInWithLink: { accessToken: string; account: { id: string } } }>(signIn, { i: { token: gqlToken } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.signInWithLink.account.id).toBe(max.user.id);
    const twice = await t.gql(signIn, { i: { token: gqlToken } });
    expect(twice.errors?.[0].extensions?.code).toBe('INVALID_SIGN_IN_LINK');

    const bad = await ask({ tenantSlug: 'sil-acme', email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    expect((await ask({ tenantSlug: 'sil-acme', email: max.email, password: 'x' })).body.errors?.[0].field).toBe('password');
    expect((await redeem({})).body.errors?.[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'token' });
  });

  it('limits links per address like codes (429 with Retry-After), for known and unknown addresses alike', async () => {
    const kim = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'kim@sign-in.test' });
    for (const email of [kim.email, 'ghost@sign-in.test']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await ask({ tenantSlug: 'sil-acme', email }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answers[3].body.errors?.[0].code).toBe('RATE_LIMITED');
      expect(answers[0].headers.get('ratelimit-limit')).toBe('3');
    }
    await t.app.runtime.background.drain();
  });

  it("the e-mail's link opens a page: GET spends nothing, the form signs in once, a used link is refused", async () => {
    const lee = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'lee@sign-in.test' });
    await ask({ tenantSlug: 'sil-acme', email: lee.email });
    const message = await mail.next(lee.email);
    const token = tokenIn(message, 'sgn');
    const page = await open(follow(t, linkIn(message, '/portal/sign-in')));
    expect(page.status).toBe(200);
    expectSafePage(page, token);
    expect(hiddenValue(page, 'token')).toBe(token);
    expect(hiddenValue(page, 'tenantSlug')).toBe('sil-acme');
    // Opening it twice (a mail scanner, then the customer) spends nothing.
    expect((await open(follow(t, linkIn(message, '/portal/sign-in')))).status).toBe(200);
    expect(await t.em().count(ActionToken, { subjectId: lee.user.id, purpose: 'SIGN_IN', usedAt: null })).toBe(1);

    const done = await submit(page, {});
    expect(done.status).toBe(200);
    expectSafePage(done);
    const accessToken = /Access token: (\S+)/.exec(textOf(done.html))?.[1];
    expect(accessToken).toBeTruthy();
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, { authorization: `Bearer ${accessToken}` })).status).toBe(200);

    const again = await submit(page, {});
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain('This sign-in link is invalid, expired or already used.');
    expect(hiddenValue(again, 'token')).toBeUndefined(); // a refused token is not written back
  });
});
