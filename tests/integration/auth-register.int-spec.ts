import { User } from '../../src/modules/user/user.entity';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { OneTimeCode } from '../../src/auth/auth.entities';
import { STRONG_PASSWORD } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';
import { codeIn, startMailbox, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };

describe('staff registration and e-mail verification', () => {
  let t: TestApp;
  let mail: Mailbox;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const register = (body: unknown) => t.rest<Envelope<{ user: { id: string; email: string; role: string }; business: { id: string; name: string; slug: string } }>>('POST', '/api/v1/auth/business/register', body);

  it('registers a business: workspace with a slug, an unverified ADMIN owner, a code by e-mail, then login after verification', async () => {
    const res = await register({ businessName: 'Umbrella Ops', email: 'Owner@Umbrella.test', password: STRONG_PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.success).toBe(true);
    expect(res.body.data).toEqual({
      user: { id: expect.any(String), email: 'owner@umbrella.test', role: 'ADMIN' },
      business: { id: expect.any(String), name: 'Umbrella Ops', slug: 'umbrella-ops' },
    });
    const message = await mail.next('owner@umbrella.test');
    expect(message.subject).toMatch(/verification code/i);
    expect(message.html).toContain(codeIn(message));
    // Made after the answer (so a taken address cannot be told apart by time), with the ids answered; the
    // workspace claims its slug once the owner verifies the address (below).
    const owner = await t.em().findOneOrFail(User, { id: res.body.data.user.id }, { populate: ['tenant'] });
    expect({ email: owner.email, role: owner.role, tenant: owner.tenant.id, slug: owner.tenant.$.slug }).toEqual({
      email: 'owner@umbrella.test',
      role: 'ADMIN',
      tenant: res.body.data.business.id,
      slug: expect.stringMatching(/^pending--[0-9a-f]{24}$/),
    });

    const early = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: 'owner@umbrella.test', password: STRONG_PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.errors?.[0].code).toBe('EMAIL_NOT_VERIFIED');

    const verified = await t.rest<Envelope>('POST', '/api/v1/auth/verify_email', { email: 'OWNER@umbrella.test', otp: codeIn(message) });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ success: true, message: 'E-mail verified.', data: {} });
    expect((await t.em().findOneOrFail(Tenant, { id: res.body.data.business.id })).slug).toBe('umbrella-ops');

    const login = await t.rest<Envelope<{ user: { role: string } }>>('POST', '/api/v1/auth/login', { email: 'owner@umbrella.test', password: STRONG_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.data.user.role).toBe('ADMIN');

    // The code was single use.
    const again = await t.rest<Envelope>('POST', '/api/v1/auth/verify_email', { email: 'owner@umbrella.test', otp: codeIn(message) });
    expect(again.status).toBe(400);
  });

  it('gives a second workspace of the same name its own slug', async () => {
    const res = await register({ businessName: 'Umbrella Ops', email: 'second@umbrella.test', password: STRONG_PASSWORD });
    expect(res.body.data.business.slug).toBe('umbrella-ops-2');
  });

  it('two sign-ups of one name are both answered its slug; each workspace claims one when its owner verifies, one of them the next free one', async () => {
    const emails = ['first@twins.test', 'second@twins.test'];
    const answers = await Promise.all(emails.map((email) => register({ businessName: 'Twin Ops', email, password: STRONG_PASSWORD })));
    expect(answers.map((a) => [a.status, a.body.data.business.slug])).toEqual([
      [201, 'twin-ops'],
      [201, 'twin-ops'],
    ]);
    const codes = [codeIn(await mail.next(emails[0])), codeIn(await mail.next(emails[1]))];
    // Both owners verify at once: both claim `twin-ops`, the unique index lets one have it, the other takes the next.
    const verified = await Promise.all(emails.map((email, i) => t.rest('POST', '/api/v1/auth/verify_email', { email, otp: codes[i] })));
    expect(verified.map((v) => v.status)).toEqual([200, 200]);
    const slugs = await Promise.all(answers.map(async (a) => (await t.em().findOneOrFail(Tenant, { id: a.body.data.business.id })).slug));
    expect(slugs.sort()).toEqual(['twin-ops', 'twin-ops-2']);
  });

  it('an unverified sign-up takes no slug: what a second sign-up of the name is answered, and a portal sign-in under it, tell nothing of the first address', async () => {
    const taken = 'owner@umbrella.test'; // registered and verified above
    const fresh = 'brand-new@slugs.test';
    for (const [email, name] of [
      [taken, 'Zq7 Probe Taken'],
      [fresh, 'Zq7 Probe Fresh'],
    ]) {
      expect((await register({ businessName: name, email, password: STRONG_PASSWORD })).status).toBe(201);
    }
    await t.app.runtime.background.drain(); // the new address's workspace exists now, unverified
    const probe = async (name: string, slug: string) => ({
      answered: (await register({ businessName: name, email: `probe-${slug}@slugs.test`, password: STRONG_PASSWORD })).body.data.business.slug,
      login: (await t.rest<Envelope>('POST', '/api/v1/portal/auth/login', { tenantSlug: slug, email: 'x@slugs.test', password: STRONG_PASSWORD })).body,
    });
    const [a, b] = [await probe('Zq7 Probe Taken', 'zq7-probe-taken'), await probe('Zq7 Probe Fresh', 'zq7-probe-fresh')];
    expect(a.answered).toBe('zq7-probe-taken');
    expect(b.answered).toBe('zq7-probe-fresh');
    expect(b.login).toEqual(a.login);
  });

  it('answers a duplicate e-mail (any case) like a new registration, writes nothing, and tells the owner by e-mail', async () => {
    await t.app.runtime.background.drain(); // earlier tests' sign-ups are made after their answers: count once they are
    const before = { tenants: await t.em().count(Tenant), users: await t.em().count(User), codes: await t.em().count(OneTimeCode) };
    const res = await register({ businessName: 'Copycat', email: 'OWNER@UMBRELLA.TEST', password: STRONG_PASSWORD });
    // The answer a stranger gets for an address nobody has registered (tests/security/enumeration.int-spec.ts).
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      user: { id: expect.any(String), email: 'owner@umbrella.test', role: 'ADMIN' },
      business: { id: expect.any(String), name: 'Copycat', slug: 'copycat' },
    });
    const message = await mail.next('owner@umbrella.test');
    expect(message.subject).toMatch(/tried to register/i);
    expect(message.text).not.toMatch(/\b\d{6}\b/); // no code: there is nothing to verify
    expect({ tenants: await t.em().count(Tenant), users: await t.em().count(User), codes: await t.em().count(OneTimeCode) }).toEqual(before);
    // The ids answered belong to nothing.
    expect(await t.em().count(User, { id: res.body.data.user.id })).toBe(0);
    expect(await t.em().count(Tenant, { id: res.body.data.business.id })).toBe(0);
  });

  it.each([
    [{ businessName: 'X', email: 'a@b.test', password: 'short' }, 'password', /at least 8/],
    [{ businessName: 'X', email: 'a@b.test', password: 'password123' }, 'password', /too common/],
    [{ businessName: 'X', email: 'a@b.test', password: 'p'.repeat(129) }, 'password', /at most 128/],
    [{ businessName: 'X', email: 'not-an-email', password: STRONG_PASSWORD }, 'email', /valid e-mail/],
    [{ businessName: '', email: 'a@b.test', password: STRONG_PASSWORD }, 'businessName', /1 to 100/],
    [{ email: 'a@b.test', password: STRONG_PASSWORD }, 'businessName', /required/],
    [{ businessName: 'X', email: 'a@b.test', password: STRONG_PASSWORD, plan: 'pro' }, 'plan', /not a known field/],
  ])('refuses %j naming the field', async (body, field, message) => {
    const before = await t.em().count(Tenant);
    const res = await register(body);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    const error = res.body.errors?.find((e) => e.field === field);
    expect(error?.message).toMatch(message);
    expect(await t.em().count(Tenant)).toBe(before);
  });

  it('GraphQL answers the same validation with extensions.code and the field', async () => {
    const res = await t.gql('mutation($i: RegisterBusinessInput!) { registerBusiness(input: $i) { user { id } } }', {
      i: { businessName: 'X', email: 'a@b.test', password: 'qwertyuiop' },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'password' }] });
  });

  describe('verification codes', () => {
    const email = 'codes@umbrella.test';
    beforeAll(async () => {
      await register({ businessName: 'Codes Inc', email, password: STRONG_PASSWORD });
      await mail.next(email);
    });

    it('burns a code after 5 wrong tries, even if the right one comes next', async () => {
      await t.rest('POST', '/api/v1/auth/resend_otp', { email });
      const code = codeIn(await mail.next(email));
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const res = await t.rest<Envelope>('POST', '/api/v1/auth/verify_email', { email, otp: wrong });
        expect(res.status).toBe(400);
        expect(res.body.errors?.[0].code).toBe('INVALID_OTP');
      }
      const right = await t.rest<Envelope>('POST', '/api/v1/auth/verify_email', { email, otp: code });
      expect(right.status).toBe(400);
    });

    it('expires a code after its time', async () => {
      await t.rest('POST', '/api/v1/auth/resend_otp', { email });
      const code = codeIn(await mail.next(email));
      const em = t.em();
      const user = await em.findOneOrFail(User, { email });
      await em.nativeUpdate(OneTimeCode, { subjectId: user.id, consumedAt: null }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await t.rest('POST', '/api/v1/auth/verify_email', { email, otp: code })).status).toBe(400);
    });

    it('stores codes hashed, never in clear', async () => {
      await t.rest('POST', '/api/v1/auth/resend_otp', { email });
      const code = codeIn(await mail.next(email));
      const rows = await t.em().getConnection().execute<{ code_hash: string }[]>('SELECT code_hash FROM one_time_codes');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => !r.code_hash.includes(code))).toBe(true);
    });

    it('a new code replaces the previous one', async () => {
      // The tests above used this address's 3 sends of the minute: start a fresh window.
      await t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'otp_send:%'");
      await t.rest('POST', '/api/v1/auth/resend_otp', { email });
      const first = codeIn(await mail.next(email));
      await t.rest('POST', '/api/v1/auth/resend_otp', { email });
      const second = codeIn(await mail.next(email));
      if (first !== second) expect((await t.rest('POST', '/api/v1/auth/verify_email', { email, otp: first })).status).toBe(400);
      expect((await t.rest('POST', '/api/v1/auth/verify_email', { email, otp: second })).status).toBe(200);
    });
  });

  describe('resend_otp rate limit', () => {
    it('answers the same for unknown addresses and allows 3 a minute per address; the 4th is 429 with Retry-After', async () => {
      const email = 'Nobody-Here@Example.test';
      for (let i = 0; i < 3; i++) {
        const res = await t.rest<Envelope>('POST', '/api/v1/auth/resend_otp', { email: i % 2 ? email.toLowerCase() : email });
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual({});
      }
      const limited = await t.rest<Envelope>('POST', '/api/v1/auth/resend_otp', { email });
      expect(limited.status).toBe(429);
      expect(limited.body.errors?.[0].code).toBe('RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      const gql = await t.gql('mutation($i: EmailInput!) { resendOtp(input: $i) }', { i: { email } });
      expect(gql.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    });

    it('holds across two server processes on one database', async () => {
      const other = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url }, { sameDatabaseAs: t });
      try {
        const email = 'shared-limit@example.test';
        expect((await t.rest('POST', '/api/v1/auth/resend_otp', { email })).status).toBe(200);
        expect((await other.rest('POST', '/api/v1/auth/resend_otp', { email })).status).toBe(200);
        expect((await t.rest('POST', '/api/v1/auth/resend_otp', { email })).status).toBe(200);
        expect((await other.rest('POST', '/api/v1/auth/resend_otp', { email })).status).toBe(429);
      } finally {
        await other.close();
      }
    });
  });
});
