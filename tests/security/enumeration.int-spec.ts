import { createCustomerUser } from '../factories/portal';
import { createStaff, STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, type Mailbox } from '../setup/mailbox';
import { startTimingClient } from '../setup/timing-client';
import { FAR_LIMITS, address, enumerationFlows, masked, type EnumerationWorld, type Transport } from './enumeration/flows';

/**
 * Account enumeration: login, register, forgot-password, resend-OTP and sign-in links answer a stranger the same for an
 * address that has an account and one that has none, at both doors (staff `/api/v1/auth`, customers
 * `/api/v1/customer` and `/api/v1/portal`) and over GraphQL: same status, same body once the values the
 * caller sent are masked. Their timing is compared by enumeration.timing-spec.ts (`npm run test:timing`).
 *
 * One exception is by design (docs/api.md, "Staff identity in short"): an unverified account whose password is RIGHT
 * gets EMAIL_NOT_VERIFIED, which proves the password first, so it tells nothing to someone without it.
 */

describe('account enumeration: the same answer for existing and unknown accounts', () => {
  let t: TestApp;
  const world = {} as EnumerationWorld;
  const { cases, newStyleCases, workspaceCases, staffLogin, customerLogin, registerBusiness, staffAccount, customerAccount, WRONG } = enumerationFlows(world);

  // Limits far away, so only the account makes a difference; the limiters themselves are tested below.
  beforeAll(async () => {
    t = await startTestApp(FAR_LIMITS);
    Object.assign(world, { t, open: await createTenant(t.em(), { allowCustomerSignup: true }), client: startTimingClient(t.url) });
  });
  afterAll(async () => {
    await world.client.close();
    await t.close();
  });

  describe.each(['REST', 'GraphQL'] as Transport[])('over %s', (transport) => {
    // Issue 15: over GraphQL also the workspace named `workspace` (REST keeps companyId/tenantSlug).
    const all = transport === 'GraphQL' ? [...cases, ...workspaceCases] : cases;
    it.each(all.map((c) => [c.flow, c] as const))('%s: same status and body', async (_name, c) => {
      const existing = await c.existing();
      const known = await c.send(transport, existing);
      const unknown = await c.send(transport, address('u'));
      expect(known.timed.answer.status).toBeLessThan(500);
      expect(masked(known.timed.answer, known.sent)).toEqual(masked(unknown.timed.answer, unknown.sent));
    });
  });

  // Issue 15: the new-style names, over GraphQL (the only transport that has them).
  describe('over GraphQL, the new-style names', () => {
    it.each(newStyleCases.map((c) => [c.flow, c] as const))('%s: same status and body', async (_name, c) => {
      const existing = await c.existing();
      const known = await c.send('GraphQL', existing);
      const unknown = await c.send('GraphQL', address('u'));
      expect(known.timed.answer.status).toBe(200);
      expect((known.timed.answer.body as { errors?: unknown }).errors).toBeUndefined();
      expect(masked(known.timed.answer, known.sent)).toEqual(masked(unknown.timed.answer, unknown.sent));
    });
  });

  it('an unverified account hears "verify first" only after its password verified', async () => {
    const email = await staffAccount({ verified: false });
    const right = await staffLogin(STRONG_PASSWORD)('REST', email);
    expect(right.timed.answer.status).toBe(403);
    expect((right.timed.answer.body as { errors: { code: string }[] }).errors[0].code).toBe('EMAIL_NOT_VERIFIED');
    const wrong = await staffLogin(WRONG)('REST', email);
    expect(wrong.timed.answer.status).toBe(401);
    expect((wrong.timed.answer.body as { errors: { code: string }[] }).errors[0].code).toBe('INVALID_CREDENTIALS');

    const customer = await customerAccount({ verified: false });
    expect((await customerLogin(STRONG_PASSWORD)('REST', customer)).timed.answer.status).toBe(403);
    expect((await customerLogin(WRONG)('REST', customer)).timed.answer.status).toBe(401);
  });

  it('a registration for a taken address creates nothing and answers with ids that belong to nothing', async () => {
    const email = await staffAccount();
    const users = await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*)::text AS n FROM users');
    const { answer } = (await registerBusiness('REST', email)).timed;
    expect(answer.status).toBe(201);
    await t.app.runtime.background.drain(); // the workspace would be made after the answer
    expect(await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*)::text AS n FROM users')).toEqual(users);
  });
});

describe('account enumeration: the rate limiters answer alike for existing and unknown addresses', () => {
  let t: TestApp;
  let open: Tenant;
  let mail: Mailbox;
  beforeAll(async () => {
    mail = await startMailbox();
    // The documented defaults for codes and resets (3 a minute per address); 3 failed logins per account.
    t = await startTestApp({
      WORKER_ENABLED: 'true',
      SMTP_URL: mail.url,
      OTP_RESEND_PER_MINUTE: '3',
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '3',
      LOGIN_FAILURES_PER_IP_PER_HOUR: '1000000',
      REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
      MAIL_REQUESTS_PER_IP_PER_HOUR: '1000000',
    });
    open = await createTenant(t.em(), { allowCustomerSignup: true });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('registering a taken address again and again: the same answer every time, but at most 3 e-mails a minute to its owner', async () => {
    const staff = (await createStaff(t.em(), t.app.runtime.passwords, { email: address('k') })).email;
    const customer = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k') })).email;
    for (let i = 0; i < 6; i++) {
      const s = await t.rest('POST', '/api/v1/auth/dev/register', { email: staff, password: STRONG_PASSWORD });
      expect(s.status).toBe(201);
      const c = await t.rest('POST', '/api/v1/customer/register', { email: customer, password: STRONG_PASSWORD, name: 'Max', companyId: open.id });
      expect(c.status).toBe(201);
    }
    await t.app.runtime.background.drain();
    const count = (to: string) => mail.messages.filter((m) => m.to.includes(to)).length;
    // Sent means accepted by SMTP, and the test mailbox accepts a message only once it has kept it
    // (tests/setup/mailbox.ts): after the drain, every e-mail the registrations caused is here.
    expect({ staff: count(staff), customer: count(customer) }).toEqual({ staff: 3, customer: 3 });
  });

  it("a sign-up with a taken address leaves that address's code budget as a new address's: resend-OTP's RateLimit headers tell nothing", async () => {
    const budgetAfterSignUp = async (door: 'staff' | 'customer', email: string) => {
      const signUp =
        door === 'staff'
          ? await t.rest('POST', '/api/v1/auth/dev/register', { email, password: STRONG_PASSWORD })
          : await t.rest('POST', '/api/v1/customer/register', { email, password: STRONG_PASSWORD, name: 'Max', companyId: open.id });
      expect(signUp.status).toBe(201);
      await t.app.runtime.background.drain(); // the owner's notice, or the new account and its code
      const resend = await t.rest('POST', `/api/v1/${door === 'staff' ? 'auth' : 'customer'}/resend_otp`, { email });
      return { status: resend.status, limit: resend.headers.get('ratelimit-limit'), remaining: resend.headers.get('ratelimit-remaining') };
    };
    const staff = (await createStaff(t.em(), t.app.runtime.passwords, { email: address('k') })).email;
    const customer = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k') })).email;
    const known = { staff: await budgetAfterSignUp('staff', staff), customer: await budgetAfterSignUp('customer', customer) };
    const unknown = { staff: await budgetAfterSignUp('staff', address('u')), customer: await budgetAfterSignUp('customer', address('u')) };
    expect(known.staff).toMatchObject({ status: 200, limit: '3', remaining: '2' });
    expect(known).toEqual(unknown);
  });

  const limited = async (path: string, body: (email: string) => Record<string, unknown>, existing: string, tries: number) => {
    const unknown = address('u');
    const answers: { status: number; body: unknown; retryAfter: string | null }[][] = [[], []];
    for (let i = 0; i < tries; i++) {
      for (const [k, email] of [existing, unknown].entries()) {
        const res = await t.rest('POST', path, body(email));
        let text = JSON.stringify(res.body).split(email).join('<sent>');
        text = text.replace(/"retryAfter":\d+/g, '"retryAfter":"<n>"');
        answers[k].push({ status: res.status, body: JSON.parse(text), retryAfter: res.headers.get('retry-after') });
      }
    }
    return answers;
  };

  const expectSameLimiting = (answers: { status: number; body: unknown; retryAfter: string | null }[][], allowed: number) => {
    const [known, unknown] = answers;
    expect(known.map((a) => a.status)).toEqual(unknown.map((a) => a.status));
    expect(known.map((a) => a.body)).toEqual(unknown.map((a) => a.body));
    expect(known.slice(allowed).every((a) => a.status === 429 && Number(a.retryAfter) > 0)).toBe(true);
    expect(unknown.slice(allowed).every((a) => a.status === 429 && Number(a.retryAfter) > 0)).toBe(true);
    expect(known.slice(0, allowed).every((a) => a.status < 400)).toBe(true);
  };

  it('staff resend-OTP and forgot-password', async () => {
    const unverified = (await createStaff(t.em(), t.app.runtime.passwords, { email: address('k'), verified: false })).email;
    expectSameLimiting(await limited('/api/v1/auth/resend_otp', (email) => ({ email }), unverified, 4), 3);
    const verified = (await createStaff(t.em(), t.app.runtime.passwords, { email: address('k') })).email;
    expectSameLimiting(await limited('/api/v1/auth/forgot-password', (email) => ({ email }), verified, 4), 3);
  });

  it('customer resend-OTP and forgot-password', async () => {
    const unverified = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k'), verified: false })).email;
    expectSameLimiting(await limited('/api/v1/customer/resend_otp', (email) => ({ email }), unverified, 4), 3);
    const verified = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k') })).email;
    expectSameLimiting(await limited('/api/v1/customer/forgot-password', (email) => ({ email }), verified, 4), 3);
  });

  it('customer sign-in links, at both doors', async () => {
    const customer = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k') })).email;
    expectSameLimiting(await limited('/api/v1/customer/sign-in-link', (email) => ({ email }), customer, 4), 3);
    const portal = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k') })).email;
    expectSameLimiting(await limited('/api/v1/portal/auth/sign-in-link', (email) => ({ email, tenantSlug: open.slug }), portal, 4), 3);
  });

  it('failed logins, staff and customer: the lockout comes after as many failures for either', async () => {
    const staff = (await createStaff(t.em(), t.app.runtime.passwords, { email: address('k') })).email;
    const staffAnswers = await limited('/api/v1/auth/login', (email) => ({ email, password: 'Not-The-Password-42' }), staff, 4);
    expect(staffAnswers[0].map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(staffAnswers[1].map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(staffAnswers[0].map((a) => a.body)).toEqual(staffAnswers[1].map((a) => a.body));
    expect(Number(staffAnswers[0][3].retryAfter)).toBeGreaterThan(0);
    expect(Number(staffAnswers[1][3].retryAfter)).toBeGreaterThan(0);

    const customer = (await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k') })).email;
    const customerAnswers = await limited('/api/v1/customer/login', (email) => ({ email, password: 'Not-The-Password-42' }), customer, 4);
    expect(customerAnswers[0].map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(customerAnswers[1].map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(customerAnswers[0].map((a) => a.body)).toEqual(customerAnswers[1].map((a) => a.body));
  });
});
