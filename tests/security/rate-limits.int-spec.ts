import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };

/** The RateLimit-* headers of a response, as numbers (and the policy as sent). */
function limitOf(headers: Headers) {
  const num = (name: string) => (headers.get(name) === null ? null : Number(headers.get(name)));
  return {
    limit: num('ratelimit-limit'),
    remaining: num('ratelimit-remaining'),
    reset: num('ratelimit-reset'),
    policy: headers.get('ratelimit-policy'),
    retryAfter: num('retry-after'),
  };
}

const NO_HEADERS = { limit: null, remaining: null, reset: null, policy: null, retryAfter: null };

const UPDATE_PROFILE = 'mutation($n: String) { updateProfile(input: { firstName: $n }) { firstName } }';

describe('rate limits: RateLimit-* headers and the per-viewer mutation limit', () => {
  let t: TestApp;
  let tenant: Tenant;
  const MUTATIONS = 3;

  // X-Forwarded-For (trusted here) gives each test its own client IP, so IP limits do not leak between tests.
  let ipCounter = 0;
  const freshIp = () => ({ 'x-forwarded-for': `203.0.113.${++ipCounter}` });

  beforeAll(async () => {
    t = await startTestApp({
      WORKER_ENABLED: 'true',
      MUTATIONS_PER_VIEWER_PER_MINUTE: String(MUTATIONS),
      TRUST_PROXY: 'true',
      OTP_RESEND_PER_MINUTE: '4',
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '4',
      LOGIN_FAILURES_PER_IP_PER_HOUR: '6',
      CORS_ORIGINS: 'https://app.example.com',
    });
    tenant = await createTenant(t.em(), { slug: 'limits-t' });
  });
  afterAll(() => t.close());

  const staffMember = async (role: 'ENGINEER' | 'VIEWER' = 'ENGINEER'): Promise<StaffFixture & { auth: Record<string, string> }> => {
    const s = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role });
    return { ...s, auth: (await login(t, s.email, s.password)).auth };
  };

  describe('headers on the limits that already existed', () => {
    it('resend_otp over REST: Limit, Remaining counting down, Reset and Policy on success; the 429 adds Retry-After equal to Reset', async () => {
      const email = 'headers-otp@example.test';
      for (let i = 1; i <= 4; i++) {
        const res = await t.rest('POST', '/api/v1/auth/resend_otp', { email });
        expect(res.status).toBe(200);
        const h = limitOf(res.headers);
        expect(h).toMatchObject({ limit: 4, remaining: 4 - i, policy: '4;w=60', retryAfter: null });
        expect(h.reset).toBeGreaterThan(0);
        expect(h.reset).toBeLessThanOrEqual(60);
      }
      const limited = await t.rest<Envelope>('POST', '/api/v1/auth/resend_otp', { email });
      expect(limited.status).toBe(429);
      expect(limited.body.errors?.[0].code).toBe('RATE_LIMITED');
      const h = limitOf(limited.headers);
      expect(h).toMatchObject({ limit: 4, remaining: 0, policy: '4;w=60' });
      expect(h.retryAfter).toBeGreaterThan(0);
      expect(h.retryAfter).toBeLessThanOrEqual(60);
      expect(h.reset).toBe(h.retryAfter);
    });

    it('over GraphQL: the refusal carries extensions.rateLimit and the /graphql response the same headers', async () => {
      const email = 'headers-otp-gql@example.test';
      const send = () => t.gql('mutation($i: EmailInput!) { resendOtp(input: $i) }', { i: { email } });
      const first = await send();
      expect(first.errors).toBeUndefined();
      expect(limitOf(first.headers)).toMatchObject({ limit: 4, remaining: 3, policy: '4;w=60' });
      for (let i = 0; i < 3; i++) expect((await send()).errors).toBeUndefined();

      const refused = await send();
      expect(refused.status).toBe(200); // GraphQL over HTTP: an execution error
      const ext = refused.errors?.[0].extensions;
      expect(ext).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfter: expect.any(Number),
        rateLimit: { limit: 4, remaining: 0, windowSeconds: 60, resetSeconds: expect.any(Number), retryAfterSeconds: expect.any(Number) },
      });
      const rateLimit = ext?.rateLimit as { resetSeconds: number; retryAfterSeconds: number };
      expect(rateLimit.retryAfterSeconds).toBe(ext?.retryAfter);
      expect(rateLimit.retryAfterSeconds).toBeGreaterThan(0);
      expect(rateLimit.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(limitOf(refused.headers)).toMatchObject({ limit: 4, remaining: 0, reset: rateLimit.resetSeconds });
    });

    // Issue 15: each new-style name calls its old name's service method, so both spend one per-address budget.
    it.each([
      ['resendOtp', 'EmailInput', 'emailOtpResend', 'EmailOtpResendInput'],
      ['forgotPassword', 'EmailInput', 'passwordResetRequest', 'PasswordResetRequestInput'],
      ['resendCustomerOtp', 'CustomerEmailInput', 'customerEmailOtpResend', 'CustomerEmailOtpResendInput'],
      ['customerForgotPassword', 'CustomerEmailInput', 'customerPasswordResetRequest', 'CustomerPasswordResetRequestInput'],
      ['requestSignInLink', 'SignInLinkRequestInput', 'customerSignInLinkRequest', 'CustomerSignInLinkRequestInput'],
    ])('%s and its new name share one per-address budget', async (old, oldInput, renamed, newInput) => {
      const email = `shared-${old.toLowerCase()}@example.test`;
      const ip = freshIp();
      const send = (name: string, type: string) => t.gql(`mutation($i: ${type}!) { ${name}(input: $i)${name === old ? '' : ' { sent }'} }`, { i: { email } }, ip);
      for (let i = 0; i < 4; i++) {
        const res = i % 2 ? await send(renamed, newInput) : await send(old, oldInput);
        expect(res.errors).toBeUndefined();
        expect(limitOf(res.headers)).toMatchObject({ limit: 4, remaining: 3 - i });
      }
      for (const [name, type] of [
        [renamed, newInput],
        [old, oldInput],
      ]) {
        const refused = await send(name, type);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rateLimit: { limit: 4, remaining: 0 } });
      }
    });

    it('login: reports the more restrictive of the account and the IP limiter, then refuses with its numbers', async () => {
      const ip = freshIp();
      const a = await createStaff(t.em(), t.app.runtime.passwords, { tenant });
      const b = await createStaff(t.em(), t.app.runtime.passwords, { tenant });
      const fail = (email: string) => t.rest<Envelope>('POST', '/api/v1/auth/login', { email, password: 'wrong-password-1' }, ip);

      // Account A (4 an hour) is tighter than the IP (6 an hour) while only A fails.
      for (let left = 3; left >= 1; left--) {
        const res = await fail(a.email);
        expect(res.status).toBe(401);
        expect(limitOf(res.headers)).toMatchObject({ limit: 4, remaining: left, policy: '4;w=3600' });
      }

      // A success consumes nothing and still says where the caller stands.
      const ok = await t.rest('POST', '/api/v1/auth/login', { email: a.email, password: a.password }, ip);
      expect(ok.status).toBe(200);
      expect(limitOf(ok.headers)).toMatchObject({ limit: 4, remaining: 1 });

      // Account B is fresh (3 left after one failure) but the IP has failed 4 times (2 left): the IP is reported.
      for (let left = 2; left >= 0; left--) {
        const res = await fail(b.email);
        expect(res.status).toBe(401);
        expect(limitOf(res.headers)).toMatchObject({ limit: 6, remaining: left, policy: '6;w=3600' });
      }

      // The IP is used up: even the right password is refused, with the IP's numbers.
      const limited = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: a.email, password: a.password }, ip);
      expect(limited.status).toBe(429);
      expect(limited.body.errors?.[0].code).toBe('RATE_LIMITED');
      const h = limitOf(limited.headers);
      expect(h).toMatchObject({ limit: 6, remaining: 0, policy: '6;w=3600' });
      expect(h.retryAfter).toBeGreaterThan(3500);
      expect(h.retryAfter).toBeLessThanOrEqual(3600);
      expect(h.reset).toBe(h.retryAfter);

      // Another address is not affected.
      const elsewhere = await t.rest('POST', '/api/v1/auth/login', { email: a.email, password: a.password }, freshIp());
      expect(elsewhere.status).toBe(200);
      expect(limitOf(elsewhere.headers)).toMatchObject({ limit: 4, remaining: 1 });
    });

    it('lets browsers on a listed origin read the headers', async () => {
      const res = await t.rest('POST', '/api/v1/auth/resend_otp', { email: 'cors@example.test' }, { origin: 'https://app.example.com' });
      expect(res.status).toBe(200);
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
      expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy']));
      expect(limitOf(res.headers).remaining).toBe(3);
    });
  });

  describe('per-viewer mutation limit', () => {
    it('counts each mutation of a staff member over GraphQL, refuses the one past the limit, and leaves queries alone', async () => {
      const s = await staffMember();
      for (let i = 1; i <= MUTATIONS; i++) {
        const res = await t.gql<{ updateProfile: { firstName: string } }>(UPDATE_PROFILE, { n: `Name${i}` }, s.auth);
        expect(res.errors).toBeUndefined();
        expect(res.data?.updateProfile.firstName).toBe(`Name${i}`);
        const h = limitOf(res.headers);
        expect(h).toMatchObject({ limit: MUTATIONS, remaining: MUTATIONS - i, policy: `${MUTATIONS};w=60` });
        expect(h.reset).toBeGreaterThan(0);
        expect(h.reset).toBeLessThanOrEqual(60);
      }

      const refused = await t.gql(UPDATE_PROFILE, { n: 'TooMany' }, s.auth);
      expect(refused.data).toEqual({ updateProfile: null });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'RATE_LIMITED',
        rateLimit: { limit: MUTATIONS, remaining: 0, windowSeconds: 60, retryAfterSeconds: expect.any(Number) },
      });
      expect(limitOf(refused.headers)).toMatchObject({ limit: MUTATIONS, remaining: 0 });

      // The refused mutation did nothing; queries are not counted and carry no RateLimit headers.
      for (let i = 0; i < MUTATIONS + 2; i++) {
        const me = await t.gql<{ me: { firstName: string } }>('{ me { firstName } }', undefined, s.auth);
        expect(me.errors).toBeUndefined();
        expect(me.data?.me.firstName).toBe(`Name${MUTATIONS}`);
        expect(limitOf(me.headers)).toEqual(NO_HEADERS);
      }
      const restMe = await t.rest('GET', '/api/v1/auth/me', undefined, s.auth);
      expect(restMe.status).toBe(200);
      expect(limitOf(restMe.headers)).toEqual(NO_HEADERS);

      // Over the limit, signing out still works (and is not counted): the session really ends.
      const out = await t.gql<{ logout: boolean }>('mutation { logout }', undefined, s.auth);
      expect(out.errors).toBeUndefined();
      expect(out.data?.logout).toBe(true);
      expect((await t.gql('{ me { firstName } }', undefined, s.auth)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('over the limit, sessionEnd and customerSessionEnd (issue 15) still end the session, uncounted like logout', async () => {
      const s = await staffMember();
      for (let i = 1; i <= MUTATIONS; i++) expect((await t.gql(UPDATE_PROFILE, { n: `Name${i}` }, s.auth)).errors).toBeUndefined();
      expect((await t.gql(UPDATE_PROFILE, { n: 'TooMany' }, s.auth)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      const out = await t.gql<{ sessionEnd: { ended: boolean } }>('mutation { sessionEnd { ended } }', undefined, s.auth);
      expect(out.errors).toBeUndefined();
      expect(out.data?.sessionEnd).toEqual({ ended: true });
      expect((await t.gql('{ me { firstName } }', undefined, s.auth)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      const c = await createCustomerUser(t.em(), t.app.runtime.passwords, tenant);
      const auth = await portalLogin(t, 'limits-t', c.email, c.password);
      const PREFERENCE = 'mutation { notificationPreferenceSet(input: { kind: TICKET_STATUS_CHANGE, enabled: false }) { preferences { kind } } }';
      for (let i = 1; i <= MUTATIONS; i++) expect((await t.gql(PREFERENCE, undefined, auth)).errors).toBeUndefined();
      expect((await t.gql(PREFERENCE, undefined, auth)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      const ended = await t.gql<{ customerSessionEnd: { ended: boolean } }>('mutation { customerSessionEnd { ended } }', undefined, auth);
      expect(ended.errors).toBeUndefined();
      expect(ended.data?.customerSessionEnd).toEqual({ ended: true });
      expect((await t.gql('{ portalMe { id } }', undefined, auth)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('is the same budget over REST: 429 with Retry-After and the headers; another viewer is unaffected', async () => {
      const s = await staffMember();
      const colleague = await staffMember();
      const put = (auth: Record<string, string>, firstName: string) => t.rest<Envelope<{ firstName: string }>>('PUT', '/api/v1/auth/profile', { firstName }, auth);

      expect((await t.gql(UPDATE_PROFILE, { n: 'ViaGraphQL' }, s.auth)).errors).toBeUndefined();
      for (let i = 2; i <= MUTATIONS; i++) {
        const res = await put(s.auth, `Rest${i}`);
        expect(res.status).toBe(200);
        expect(limitOf(res.headers)).toMatchObject({ limit: MUTATIONS, remaining: MUTATIONS - i, policy: `${MUTATIONS};w=60`, retryAfter: null });
      }
      const limited = await put(s.auth, 'TooMany');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ success: false, errors: [{ code: 'RATE_LIMITED' }] });
      const h = limitOf(limited.headers);
      expect(h).toMatchObject({ limit: MUTATIONS, remaining: 0 });
      expect(h.retryAfter).toBeGreaterThan(0);
      expect(h.retryAfter).toBeLessThanOrEqual(60);
      expect(h.reset).toBe(h.retryAfter);

      const other = await put(colleague.auth, 'Unaffected');
      expect(other.status).toBe(200);
      expect(limitOf(other.headers)).toMatchObject({ limit: MUTATIONS, remaining: MUTATIONS - 1 });
    });

    it('counts every mutation field executed: aliases are separate calls, and the field past the limit alone is refused', async () => {
      const s = await staffMember();
      const fields = Array.from({ length: MUTATIONS + 1 }, (_, i) => `m${i}: updateProfile(input: { firstName: "Alias${i}" }) { firstName }`);
      const res = await t.gql<Record<string, { firstName: string } | null>>(`mutation { ${fields.join(' ')} }`, undefined, s.auth);
      // Mutation fields run in order: the first MUTATIONS succeed, the next is refused (a non-null field, so data is null).
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]).toMatchObject({ path: [`m${MUTATIONS}`], extensions: { code: 'RATE_LIMITED' } });
      expect(limitOf(res.headers)).toMatchObject({ limit: MUTATIONS, remaining: 0 });
      const me = await t.gql<{ me: { firstName: string } }>('{ me { firstName } }', undefined, s.auth);
      expect(me.data?.me.firstName).toBe(`Alias${MUTATIONS - 1}`);
    });

    it('counts refused mutations too (a role that may not), so probing does not come free', async () => {
      const viewer = await staffMember('VIEWER');
      const create = () => t.gql('mutation { createCustomer(input: { name: "Nope" }) { id } }', undefined, viewer.auth);
      for (let i = 1; i <= MUTATIONS; i++) {
        const res = await create();
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(limitOf(res.headers).remaining).toBe(MUTATIONS - i);
      }
      expect((await create()).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    });

    it('limits portal customers per customer, over REST and GraphQL, apart from staff and from each other', async () => {
      const hasher = t.app.runtime.passwords;
      const c1 = await createCustomerUser(t.em(), hasher, tenant);
      const c2 = await createCustomerUser(t.em(), hasher, tenant);
      const auth1 = await portalLogin(t, 'limits-t', c1.email, c1.password);
      const auth2 = await portalLogin(t, 'limits-t', c2.email, c2.password);
      const ticket = { title: 'Checkout fails', description: 'A 500 on Pay Now.', priority: 'HIGH' };

      for (let i = 1; i <= MUTATIONS; i++) {
        const res = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/portal/tickets', ticket, auth1);
        expect(res.status).toBe(201);
        expect(limitOf(res.headers)).toMatchObject({ limit: MUTATIONS, remaining: MUTATIONS - i });
      }
      const limited = await t.rest<Envelope>('POST', '/api/v1/portal/tickets', ticket, auth1);
      expect(limited.status).toBe(429);
      expect(limited.body.errors?.[0].code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

      const gql = await t.gql('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', { i: ticket }, auth1);
      expect(gql.errors?.[0].extensions?.code).toBe('RATE_LIMITED');

      // Nothing was created past the limit; reading is still allowed.
      const list = await t.rest<Envelope<{ items: unknown[] }>>('GET', '/api/v1/portal/tickets', undefined, auth1);
      expect(list.status).toBe(200);
      expect(list.body.data.items).toHaveLength(MUTATIONS);
      expect(limitOf(list.headers)).toEqual(NO_HEADERS);

      const other = await t.rest('POST', '/api/v1/portal/tickets', ticket, auth2);
      expect(other.status).toBe(201);
      expect(limitOf(other.headers)).toMatchObject({ remaining: MUTATIONS - 1 });
    });

    it('does not count anonymous mutations per viewer: those without a limiter of their own carry no headers and are never RATE_LIMITED', async () => {
      for (let i = 0; i < MUTATIONS + 2; i++) {
        const res = await t.gql('mutation { refreshToken(input: { refreshToken: "not-a-real-token" }) { accessToken } }');
        expect(res.errors?.[0].extensions?.code).not.toBe('RATE_LIMITED');
        expect(limitOf(res.headers)).toEqual(NO_HEADERS);
      }
    });

    it('is shared by two server processes on one database', async () => {
      const other = await startTestApp({ WORKER_ENABLED: 'true', MUTATIONS_PER_VIEWER_PER_MINUTE: String(MUTATIONS) }, { sameDatabaseAs: t });
      try {
        const s = await staffMember();
        const viaT = await t.gql(UPDATE_PROFILE, { n: 'One' }, s.auth);
        expect(limitOf(viaT.headers).remaining).toBe(MUTATIONS - 1);
        const viaOther = await other.gql(UPDATE_PROFILE, { n: 'Two' }, s.auth);
        expect(viaOther.errors).toBeUndefined();
        expect(limitOf(viaOther.headers).remaining).toBe(MUTATIONS - 2);
        for (let i = 3; i <= MUTATIONS; i++) expect((await t.gql(UPDATE_PROFILE, { n: `N${i}` }, s.auth)).errors).toBeUndefined();

        const refused = await other.rest<Envelope>('PUT', '/api/v1/auth/profile', { firstName: 'TooMany' }, s.auth);
        expect(refused.status).toBe(429);
        expect((await t.gql(UPDATE_PROFILE, { n: 'TooMany' }, s.auth)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      } finally {
        await other.close();
      }
    });
  });
});

describe('rate limits per client IP on codes, reset e-mails and sign-ups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true', TRUST_PROXY: 'true', MAIL_REQUESTS_PER_IP_PER_HOUR: '3', REGISTRATIONS_PER_IP_PER_HOUR: '2' });
  });
  afterAll(() => t.close());
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('codes and reset e-mails share one budget per IP, whatever the address, staff and portal alike; another IP is unaffected', async () => {
    const ip = from('198.51.100.7');
    // Three different addresses (so the per-address limit never applies), existing or not: all accepted.
    for (const [path, email] of [
      ['/api/v1/auth/resend_otp', 'ip-a@example.test'],
      ['/api/v1/auth/forgot-password', 'ip-b@example.test'],
      ['/api/v1/customer/resend_otp', 'ip-c@example.test'],
    ] as const) {
      const res = await t.rest('POST', path, { email }, ip);
      expect(res.status).toBe(200);
    }
    // The fourth, from the same IP, to yet another address and path: refused, with the IP limiter's numbers.
    for (const path of ['/api/v1/customer/forgot-password', '/api/v1/auth/resend_otp']) {
      const refused = await t.rest<Envelope>('POST', path, { email: `ip-d-${path.length}@example.test` }, ip);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].code).toBe('RATE_LIMITED');
      expect(limitOf(refused.headers)).toMatchObject({ limit: 3, remaining: 0, policy: '3;w=3600' });
      expect(limitOf(refused.headers).retryAfter).toBeGreaterThan(0);
    }
    const gql = await t.gql('mutation($i: EmailInput!) { forgotPassword(input: $i) }', { i: { email: 'ip-e@example.test' } }, ip);
    expect(gql.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rateLimit: { limit: 3, remaining: 0 } });

    const elsewhere = await t.rest('POST', '/api/v1/auth/resend_otp', { email: 'ip-a@example.test' }, from('198.51.100.8'));
    expect(elsewhere.status).toBe(200);
  });

  it('staff sign-ups (business and developer) count against the same per-IP budget as portal sign-ups; nothing is created past it', async () => {
    const ip = from('198.51.100.20');
    const business = await t.rest('POST', '/api/v1/auth/business/register', { businessName: 'Ip One', email: 'ip-owner1@example.test', password: 'Correct-Horse-Battery-9' }, ip);
    expect(business.status).toBeLessThan(300);
    const developer = await t.rest('POST', '/api/v1/auth/dev/register', { email: 'ip-dev1@example.test', password: 'Correct-Horse-Battery-9' }, ip);
    expect(developer.status).toBeLessThan(300);

    await t.app.runtime.background.drain(); // accounts are made after the answer
    const before = await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*)::text AS n FROM users');
    const refused = await t.rest<Envelope>('POST', '/api/v1/auth/business/register', { businessName: 'Ip Two', email: 'ip-owner2@example.test', password: 'Correct-Horse-Battery-9' }, ip);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0].code).toBe('RATE_LIMITED');
    expect(limitOf(refused.headers)).toMatchObject({ limit: 2, remaining: 0 });
    await t.app.runtime.background.drain();
    const after = await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*)::text AS n FROM users');
    expect(after[0].n).toBe(before[0].n);

    // A malformed sign-up is refused for what it is and does not use up the budget of another IP.
    const other = from('198.51.100.21');
    const weak = await t.rest<Envelope>('POST', '/api/v1/auth/dev/register', { email: 'ip-dev2@example.test', password: 'short' }, other);
    expect(weak.status).toBe(400);
    for (const n of [3, 4]) {
      const ok = await t.rest('POST', '/api/v1/auth/dev/register', { email: `ip-dev${n}@example.test`, password: 'Correct-Horse-Battery-9' }, other);
      expect(ok.status).toBeLessThan(300);
    }
  });
});

describe('rate limit on Ezra runs per workspace', () => {
  let t: TestApp;
  let acme: Tenant;
  let globex: Tenant;
  const RUNS = 3;
  const ANALYZE = 'mutation($id: ID!, $a: AnalysisAudience) { analyzeIncident(id: $id, audience: $a) { id version } }';
  const runs = (incidentId: string) => t.em().getConnection().execute<{ n: string }[]>('SELECT count(*)::text AS n FROM incident_analyses WHERE incident_id = ?', [incidentId]).then((r) => Number(r[0].n));

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true', EZRA_RUNS_PER_TENANT_PER_HOUR: String(RUNS) });
    acme = await createTenant(t.em(), { slug: 'ezra-limit-acme' });
    globex = await createTenant(t.em(), { slug: 'ezra-limit-globex' });
  });
  afterAll(() => t.close());

  const member = async (tenant: Tenant, role: 'ENGINEER' | 'VIEWER' = 'ENGINEER') => {
    const s = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role });
    return (await login(t, s.email, s.password)).auth;
  };
  const analyze = (auth: Record<string, string>, id: string, body: Record<string, unknown> = {}) =>
    t.rest<Envelope<{ id: string; version: number }>>('POST', `/api/v1/incidents/${id}/analysis`, body, auth);

  it('counts every staff member of a workspace together, over REST and GraphQL; the run past it is refused with the headers and stores nothing; another workspace is unaffected', async () => {
    const [ada, bob, viewer, stranger] = [await member(acme), await member(acme), await member(acme, 'VIEWER'), await member(globex)];
    const incident = await createIncident(t.em(), acme, { title: 'Limited runs', description: 'Checkout is down.' });

    // Refused requests cost nothing: a role that may not, a missing incident, another workspace's, a bad audience.
    expect((await analyze(viewer, incident.id)).status).toBe(403);
    expect((await analyze(ada, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await analyze(stranger, incident.id)).status).toBe(404);
    expect((await analyze(ada, incident.id, { audience: 'BOARD' })).status).toBe(400);

    for (let i = 1; i <= RUNS; i++) {
      const res = i === 2 ? await t.gql<{ analyzeIncident: { version: number } }>(ANALYZE, { id: incident.id }, bob) : await analyze(i === 1 ? ada : bob, incident.id);
      expect(res.status).toBe(i === 2 ? 200 : 201);
      const h = limitOf(res.headers);
      expect(h).toMatchObject({ limit: RUNS, remaining: RUNS - i, policy: `${RUNS};w=3600`, retryAfter: null });
      expect(h.reset).toBeGreaterThan(0);
      expect(h.reset).toBeLessThanOrEqual(3600);
    }
    expect(await runs(incident.id)).toBe(RUNS);

    const limited = await analyze(ada, incident.id);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, errors: [{ code: 'RATE_LIMITED' }] });
    const h = limitOf(limited.headers);
    expect(h).toMatchObject({ limit: RUNS, remaining: 0, policy: `${RUNS};w=3600` });
    expect(h.retryAfter).toBeGreaterThan(0);
    expect(h.retryAfter).toBeLessThanOrEqual(3600);
    expect(h.reset).toBe(h.retryAfter);

    const refused = await t.gql(ANALYZE, { id: incident.id, a: 'CUSTOMER' }, bob);
    expect(refused.data).toEqual({ analyzeIncident: null });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
      rateLimit: { limit: RUNS, remaining: 0, windowSeconds: 3600, retryAfterSeconds: expect.any(Number) },
    });
    expect(limitOf(refused.headers)).toMatchObject({ limit: RUNS, remaining: 0 });
    // incidentAnalyze (issue 15) spends the same budget: refused alike.
    const refusedNew = await t.gql('mutation($id: ID!) { incidentAnalyze(input: { id: $id }) { analysis { id } } }', { id: incident.id }, bob);
    expect(refusedNew.data).toEqual({ incidentAnalyze: null });
    expect(refusedNew.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', rateLimit: { limit: RUNS, remaining: 0 } });
    expect(await runs(incident.id)).toBe(RUNS);

    // Reading runs is not limited.
    expect((await t.rest('GET', `/api/v1/incidents/${incident.id}/analyses`, undefined, viewer)).status).toBe(200);

    // Another workspace has its own budget.
    const theirs = await createIncident(t.em(), globex, { title: 'Their incident' });
    const other = await analyze(stranger, theirs.id);
    expect(other.status).toBe(201);
    expect(limitOf(other.headers)).toMatchObject({ limit: RUNS, remaining: RUNS - 1 });
  });
});
