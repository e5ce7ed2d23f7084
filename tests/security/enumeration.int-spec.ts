import { randomBytes } from 'node:crypto';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser } from '../factories/portal';
import { createStaff, STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, type Mailbox } from '../setup/mailbox';
import { startTimingClient, type TimingClient } from '../setup/timing-client';

/**
 * Account enumeration: login, register, forgot-password and resend-OTP answer a stranger the same for an
 * address that has an account and one that has none, at both doors (staff `/api/v1/auth`, customers
 * `/api/v1/customer` and `/api/v1/portal`) and over GraphQL: same status, same body once the values the
 * caller sent are masked, and no timing difference the measured noise could not explain.
 *
 * One exception is by design (README, "Staff identity"): an unverified account whose password is RIGHT
 * gets EMAIL_NOT_VERIFIED, which proves the password first, so it tells nothing to someone without it.
 */

interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

/** An answer and how long it took, timed by a client on its own thread (tests/setup/timing-client.ts). */
interface Timed {
  answer: Answer;
  ms: number;
}

/** Every sent value (address, its local part, the per-call token) masked, and ids: they differ on every call. */
function masked(answer: Answer, sent: string[]): Answer {
  let text = JSON.stringify(answer.body);
  for (const value of sent.filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(value).join('<sent>');
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
  return { ...answer, body: JSON.parse(text) };
}

// ---- timing ------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};
const iqr = (xs: number[]) => quantile(xs, 0.75) - quantile(xs, 0.25);

interface Timing {
  medians: [number, number];
  difference: number;
  tolerance: number;
  detail: string;
}

/**
 * Compares two kinds of request interleaved (ABBA, so drift and load hit both alike) after a warm-up, and
 * derives the tolerance from the samples themselves, never from a fixed number of milliseconds: four
 * standard errors of the difference of the medians (each median's standard error estimated from its
 * interquartile range: 1.2533 × IQR / 1.349 / √n), and at least the same-kind noise (how far apart the
 * medians of the even and odd samples of one kind land). A busy machine widens the spread and the
 * tolerance with it; a quiet one narrows both.
 *
 * Why not "3 × the larger IQR": measured on this 2-core machine under load, that tolerance (110-160 ms)
 * missed an unknown-account login that skipped argon2 entirely (75 ms faster); this one (about 30-45 ms
 * there) catches it, which the power check below asserts on every run.
 */
async function compareTimings(a: () => Promise<number>, b: () => Promise<number>, settle: () => Promise<void>, samples = 31): Promise<Timing> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  await settle();
  const times: [number[], number[]] = [[], []];
  const fns = [a, b];
  for (let i = 0; i < samples; i++) {
    for (const k of i % 2 ? [0, 1] : [1, 0]) {
      times[k].push(await fns[k]());
      // The server and its mail share this process: work a request leaves for after its answer (a code
      // e-mailed to an existing address, received and parsed by the in-process SMTP server) would otherwise
      // compete with the next sample, whichever kind it is. A remote observer sees only the answer, so each
      // sample starts with that work done.
      await settle();
    }
  }
  const medians: [number, number] = [median(times[0]), median(times[1])];
  const standardError = (xs: number[]) => (1.2533 * iqr(xs)) / 1.349 / Math.sqrt(xs.length);
  const halfNoise = (xs: number[]) => Math.abs(median(xs.filter((_, i) => i % 2 === 0)) - median(xs.filter((_, i) => i % 2 === 1)));
  const noise = Math.max(halfNoise(times[0]), halfNoise(times[1]));
  const tolerance = Math.max(4 * Math.hypot(standardError(times[0]), standardError(times[1])), noise);
  const difference = Math.abs(medians[0] - medians[1]);
  const f = (x: number) => x.toFixed(2);
  const detail = `medians ${f(medians[0])} / ${f(medians[1])} ms, difference ${f(difference)}, IQR ${f(iqr(times[0]))} / ${f(iqr(times[1]))}, same-kind noise ${f(noise)}, tolerance ${f(tolerance)}`;
  return { medians, difference, tolerance, detail };
}

/**
 * A difference must show in two independent measurements. Other test files run beside this one, and a
 * burst of their load can land on one kind's samples more than the other's; it does not repeat the same
 * way. A real difference does: one the measurement can see (the power check below) shows both times.
 */
const expectIndistinguishable = async (measure: () => Promise<Timing>) => {
  const first = await measure();
  if (first.difference <= first.tolerance) return;
  const second = await measure();
  if (second.difference > second.tolerance) throw new Error(`timing tells the two apart, twice: ${first.detail}; then ${second.detail}`);
};

// ---- the flows ---------------------------------------------------------------------------------------

const hex = (n = 4) => randomBytes(n).toString('hex');
/** Addresses of one length (`x` + 8 hex + domain), so nothing about them differs but whether they exist. */
const address = (prefix: 'k' | 'u') => `${prefix}${hex()}@enum.test`;

type Transport = 'REST' | 'GraphQL';

interface Call {
  timed: Timed;
  sent: string[];
}

describe('account enumeration: the same answer, in the same time, for existing and unknown accounts', () => {
  let t: TestApp;
  let open: Tenant;
  let client: TimingClient;

  // Limits far away, so only the account makes a difference; the limiters themselves are tested below.
  beforeAll(async () => {
    t = await startTestApp({
      OTP_RESEND_PER_MINUTE: '100',
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '100000',
      LOGIN_FAILURES_PER_IP_PER_HOUR: '1000000',
      REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
      MAIL_REQUESTS_PER_IP_PER_HOUR: '1000000',
    });
    open = await createTenant(t.em(), { allowCustomerSignup: true });
    client = startTimingClient(t.url);
  });
  afterAll(async () => {
    await client.close();
    await t.close();
  });

  /** Between timed samples: the work requests left for after their answer is done, and the loop has a breath. */
  const settle = async () => {
    await t.app.runtime.background.drain();
    await new Promise((r) => setTimeout(r, 5));
  };

  const rest = async (path: string, body: Record<string, unknown>): Promise<Timed> => {
    const res = await client.post(path, body);
    const answer = { status: res.status, contentType: res.headers['content-type'] ?? null, retryAfter: res.headers['retry-after'] ?? null, body: res.body };
    return { answer, ms: res.ms };
  };
  const gql = (query: string, input: Record<string, unknown>): Promise<Timed> => rest('/graphql', { query, variables: { input } });

  /** One request of a flow for an address, over either transport; `sent` lists what the answer may echo. */
  type Send = (transport: Transport, email: string) => Promise<Call>;

  const staffLogin = (password: string): Send => async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/auth/login', { email, password })
        : await gql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', { email, password }),
  });
  const customerLogin = (password: string): Send => async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/customer/login', { email, password })
        : await gql('mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken } }', { email, password }),
  });
  const portalLogin = (password: string): Send => async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/portal/auth/login', { tenantSlug: open.slug, email, password })
        : await gql('mutation ($input: PortalLoginInput!) { portalLogin(input: $input) { accessToken } }', { tenantSlug: open.slug, email, password }),
  });
  const registerBusiness: Send = async (transport, email) => {
    const token = hex();
    const input = { businessName: `Biz ${token}`, email, password: STRONG_PASSWORD };
    return {
      sent: [email, token],
      timed:
        transport === 'REST'
          ? await rest('/api/v1/auth/business/register', input)
          : await gql('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { user { id email role } business { id name slug } } }', input),
    };
  };
  const registerDeveloper: Send = async (transport, email) => ({
    sent: [email, email.split('@')[0]],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/auth/dev/register', { email, password: STRONG_PASSWORD })
        : await gql('mutation ($input: RegisterDeveloperInput!) { registerDeveloper(input: $input) { user { id email role } business { id name slug } } }', {
            email,
            password: STRONG_PASSWORD,
          }),
  });
  const registerCustomer: Send = async (transport, email) => {
    const input = { email, password: STRONG_PASSWORD, name: 'Max Mustermann', companyId: open.id };
    return {
      sent: [email],
      timed:
        transport === 'REST'
          ? await rest('/api/v1/customer/register', input)
          : await gql('mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id email name companyId } }', input),
    };
  };
  const staffForgot: Send = async (transport, email) => ({
    sent: [email],
    timed: transport === 'REST' ? await rest('/api/v1/auth/forgot-password', { email }) : await gql('mutation ($input: EmailInput!) { forgotPassword(input: $input) }', { email }),
  });
  const customerForgot: Send = async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/customer/forgot-password', { email })
        : await gql('mutation ($input: CustomerEmailInput!) { customerForgotPassword(input: $input) }', { email }),
  });
  const staffResend: Send = async (transport, email) => ({
    sent: [email],
    timed: transport === 'REST' ? await rest('/api/v1/auth/resend_otp', { email }) : await gql('mutation ($input: EmailInput!) { resendOtp(input: $input) }', { email }),
  });
  const customerResend: Send = async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/customer/resend_otp', { email })
        : await gql('mutation ($input: CustomerEmailInput!) { resendCustomerOtp(input: $input) }', { email }),
  });

  const staffAccount = async (options: { verified?: boolean; active?: boolean } = {}) =>
    (await createStaff(t.em(), t.app.runtime.passwords, { email: address('k'), ...options })).email;
  const customerAccount = async (options: { verified?: boolean; active?: boolean } = {}) => {
    const { user, email } = await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: address('k'), verified: options.verified });
    if (options.active === false) await t.em().nativeUpdate(CustomerUser, { id: user.id }, { isActive: false });
    return email;
  };

  interface Case {
    flow: string;
    send: Send;
    /** The address that has an account (made once per transport). */
    existing: () => Promise<string>;
    /** Register answers for an unknown address create it: each call needs a fresh one. */
    freshUnknown?: boolean;
  }

  const WRONG = 'Not-The-Password-42';
  const cases: Case[] = [
    { flow: 'staff login: wrong password vs unknown e-mail', send: staffLogin(WRONG), existing: () => staffAccount() },
    { flow: 'staff login: deactivated account (right password) vs unknown e-mail', send: staffLogin(STRONG_PASSWORD), existing: () => staffAccount({ active: false }) },
    { flow: 'staff login: unverified account, wrong password vs unknown e-mail', send: staffLogin(WRONG), existing: () => staffAccount({ verified: false }) },
    { flow: 'staff business registration', send: registerBusiness, existing: () => staffAccount(), freshUnknown: true },
    { flow: 'staff developer registration', send: registerDeveloper, existing: () => staffAccount(), freshUnknown: true },
    { flow: 'staff forgot-password', send: staffForgot, existing: () => staffAccount() },
    { flow: 'staff resend-OTP (unverified account)', send: staffResend, existing: () => staffAccount({ verified: false }) },
    { flow: 'staff resend-OTP (verified account)', send: staffResend, existing: () => staffAccount() },
    { flow: 'customer login: wrong password vs unknown e-mail', send: customerLogin(WRONG), existing: () => customerAccount() },
    { flow: 'customer login: deactivated account (right password) vs unknown e-mail', send: customerLogin(STRONG_PASSWORD), existing: () => customerAccount({ active: false }) },
    { flow: 'customer login: unverified account, wrong password vs unknown e-mail', send: customerLogin(WRONG), existing: () => customerAccount({ verified: false }) },
    { flow: 'portal login (tenant slug): wrong password vs unknown e-mail', send: portalLogin(WRONG), existing: () => customerAccount() },
    { flow: 'portal login: deactivated account (right password) vs unknown e-mail', send: portalLogin(STRONG_PASSWORD), existing: () => customerAccount({ active: false }) },
    { flow: 'customer registration', send: registerCustomer, existing: () => customerAccount(), freshUnknown: true },
    { flow: 'customer forgot-password', send: customerForgot, existing: () => customerAccount() },
    { flow: 'customer resend-OTP (unverified account)', send: customerResend, existing: () => customerAccount({ verified: false }) },
  ];

  describe.each(['REST', 'GraphQL'] as Transport[])('over %s', (transport) => {
    it.each(cases.map((c) => [c.flow, c] as const))('%s: same status and body', async (_name, c) => {
      const existing = await c.existing();
      const known = await c.send(transport, existing);
      const unknown = await c.send(transport, address('u'));
      expect(known.timed.answer.status).toBeLessThan(500);
      expect(masked(known.timed.answer, known.sent)).toEqual(masked(unknown.timed.answer, unknown.sent));
    });

    // Every flow over REST; over GraphQL (the same service code, one layer less) the logins and a registration.
    const timed = cases.filter(
      (c) => !c.flow.includes('unverified account, wrong') && !c.flow.includes('(verified account)') && (transport === 'REST' || /login|business registration/.test(c.flow)),
    );
    it.each(timed.map((c) => [c.flow, c] as const))(
      '%s: no timing difference beyond the measured noise',
      async (_name, c) => {
        const existing = await c.existing();
        const unknown = address('u');
        await expectIndistinguishable(() =>
          compareTimings(
            async () => (await c.send(transport, existing)).timed.ms,
            async () => (await c.send(transport, c.freshUnknown ? address('u') : unknown)).timed.ms,
            settle,
          ),
        );
      },
    );
  });

  it('the timing measurement does tell apart requests that differ by one argon2 verification', async () => {
    // The power check of the comparison above: a login refused before any password work (a malformed
    // address fails validation) against one that verifies a password. If this stopped failing the
    // comparison, the timing assertions above would prove nothing.
    const existing = await staffAccount();
    const timing = await compareTimings(
      async () => (await staffLogin(WRONG)('REST', existing)).timed.ms,
      async () => (await staffLogin(WRONG)('REST', 'not-an-address')).timed.ms,
      settle,
    );
    if (!(timing.difference > timing.tolerance)) throw new Error(`the measurement cannot tell one argon2 verification from none: ${timing.detail}`);
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
    // Sent means accepted by SMTP; give the test mailbox a moment to finish parsing what it accepted.
    for (let waited = 0; (count(staff) < 3 || count(customer) < 3) && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
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
