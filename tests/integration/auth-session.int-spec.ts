import jwt from 'jsonwebtoken';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { Session } from '../../src/auth/auth.entities';
import { User } from '../../src/modules/user/user.entity';
import { createStaff, login, STRONG_PASSWORD, type StaffFixture } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Me = { id: string; email: string; firstName: string; lastName: string; role: string; businessId: string; createdAt: string; phone: string | null; emailVerified: boolean };

describe('staff login, tokens and sessions', () => {
  let t: TestApp;
  let ada: StaffFixture;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '5' });
    ada = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER', email: 'ada@engines.test' });
  });
  afterAll(() => t.close());

  const me = (headers: Record<string, string>) => t.rest<Envelope<Me>>('GET', '/api/v1/auth/me', undefined, headers);

  it('logs in with the documented shape, case-insensitively', async () => {
    const res = await t.rest<Envelope<{ accessToken: string; refreshToken: string; user: object }>>('POST', '/api/v1/auth/login', {
      email: 'ADA@Engines.test',
      password: STRONG_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Login successful.',
      data: {
        accessToken: expect.stringMatching(/^eyJ/),
        refreshToken: expect.stringMatching(/^rt_/),
        user: { id: ada.user.id, email: 'ada@engines.test', firstName: 'Ada', lastName: 'Lovelace', role: 'ENGINEER' },
      },
    });
    const claims = jwt.decode(res.body.data.accessToken) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: ada.user.id, tid: ada.tenant.id, role: 'ENGINEER', aud: 'staff', iss: 'incident-desk', typ: 'access', sid: expect.any(String) });
    expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60);
  });

  it('answers wrong password, unknown e-mail and deactivated account identically', async () => {
    const inactive = await createStaff(t.em(), t.app.runtime.passwords, { active: false });
    const wrong = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: ada.email, password: 'Not-The-Password-1' });
    const unknown = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: 'nobody@engines.test', password: STRONG_PASSWORD });
    const deactivated = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: inactive.email, password: inactive.password });
    for (const res of [wrong, unknown, deactivated]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ success: false, message: 'Invalid e-mail or password.', errors: [{ code: 'INVALID_CREDENTIALS', message: 'Invalid e-mail or password.' }] });
    }
    const gql = await t.gql('mutation { login(input: { email: "nobody@engines.test", password: "whatever-1234" }) { accessToken } }');
    expect(gql.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('GET /auth/me and GraphQL me return the profile', async () => {
    const { auth } = await login(t, ada.email, ada.password);
    const res = await me(auth);
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Profile retrieved.');
    expect(res.body.data).toEqual({
      id: ada.user.id,
      email: ada.email,
      firstName: 'Ada',
      lastName: 'Lovelace',
      role: 'ENGINEER',
      businessId: ada.tenant.id,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      phone: null,
      emailVerified: true,
    });
    const gql = await t.gql<{ me: { businessId: string } }>('{ me { businessId } }', undefined, auth);
    expect(gql.data?.me.businessId).toBe(ada.tenant.id);
  });

  it('PUT /auth/profile updates names and phone, refuses e-mail and bad phones', async () => {
    const { auth } = await login(t, ada.email, ada.password);
    const ok = await t.rest<Envelope<Me>>('PUT', '/api/v1/auth/profile', { firstName: 'Augusta', phone: '+44 20 7946 0000' }, auth);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace', phone: '+442079460000', email: ada.email });
    // Other common notations, stored as E.164; over GraphQL too.
    for (const [given, stored] of [['+1 (415) 555-0123', '+14155550123'], ['+44 (0)20 7946 0000', '+442079460000'], ['+14155550123', '+14155550123']]) {
      expect((await t.rest<Envelope<Me>>('PUT', '/api/v1/auth/profile', { phone: given }, auth)).body.data.phone).toBe(stored);
    }
    const gql = await t.gql<{ updateProfile: { phone: string } }>('mutation { updateProfile(input: { phone: "+33 1 42 68 53 00" }) { phone } }', undefined, auth);
    expect(gql.data?.updateProfile.phone).toBe('+33142685300');

    const email = await t.rest<Envelope>('PUT', '/api/v1/auth/profile', { email: 'new@engines.test' }, auth);
    expect(email.status).toBe(400);
    expect(email.body.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'email', message: expect.stringMatching(/cannot be changed/) }]);

    // Without a country code (and no PHONE_DEFAULT_COUNTRY), or not a number at all: a 400 naming the field, nothing stored.
    for (const bad of ['555-0123', '020 7946 0000', 'call me', '+44 20']) {
      const phone = await t.rest<Envelope>('PUT', '/api/v1/auth/profile', { firstName: 'Nobody', phone: bad }, auth);
      expect([bad, phone.status, phone.body.errors]).toEqual([bad, 400, [{ code: 'VALIDATION_FAILED', field: 'phone', message: expect.stringMatching(/country code, e\.g\. \+44 20 7946 0000/) }]]);
    }
    expect((await me(auth)).body.data).toMatchObject({ firstName: 'Augusta', phone: '+33142685300' });
  });

  // Issue 15: profileUpdate is updateProfile's new name; the payload carries the profile under `me`.
  it.each([
    ['updateProfile', (r: Record<string, unknown>) => r.updateProfile as Me, '{ firstName phone }'],
    ['profileUpdate', (r: Record<string, unknown>) => (r.profileUpdate as { me: Me }).me, '{ me { firstName phone } }'],
  ] as const)('GraphQL %s changes names and phone (stored as E.164), refuses a bad phone and stores nothing then', async (name, profile, selection) => {
    const user = await createStaff(t.em(), t.app.runtime.passwords);
    const { auth } = await login(t, user.email, user.password);
    const ok = await t.gql<Record<string, unknown>>(`mutation { ${name}(input: { firstName: "Grace", phone: "+33 1 42 68 53 00" }) ${selection} }`, undefined, auth);
    expect(ok.errors).toBeUndefined();
    expect(profile(ok.data!)).toEqual({ firstName: 'Grace', phone: '+33142685300' });
    const bad = await t.gql(`mutation { ${name}(input: { firstName: "Nobody", phone: "call me" }) ${selection} }`, undefined, auth);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await me(auth)).body.data).toMatchObject({ firstName: 'Grace', phone: '+33142685300' });
    // Without a token: refused.
    const anonymous = await t.gql(`mutation { ${name}(input: { firstName: "Anon" }) ${selection} }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('refresh tokens', () => {
    type Pair = { accessToken: string; refreshToken: string };
    const refreshRest = (app: TestApp, refreshToken: string) => app.rest<Envelope<Pair>>('POST', '/api/v1/auth/refresh-token', { refreshToken });
    // Issue 15: sessionRefresh is refreshToken's new name over GraphQL; both run through the same assertions.
    type RefreshName = 'refreshToken' | 'sessionRefresh';
    const REFRESH_NAMES: RefreshName[] = ['refreshToken', 'sessionRefresh'];
    const refreshGql = async (app: TestApp, refreshToken: string, name: RefreshName = 'refreshToken') => {
      const res = await app.gql<Record<RefreshName, Pair>>(`mutation($t: String!) { ${name}(input: { refreshToken: $t }) { accessToken refreshToken } }`, { t: refreshToken });
      return { ...res, pair: res.data?.[name] };
    };

    it('REST, as the document says: one long-lived refresh token, refreshed again and again', async () => {
      const first = await login(t, ada.email, ada.password);
      const accessTokens: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await refreshRest(t, first.refreshToken);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ success: true, message: 'Token refreshed.', data: { accessToken: expect.stringMatching(/^eyJ/), refreshToken: first.refreshToken } });
        accessTokens.push(res.body.data.accessToken);
      }
      // Every access token handed out stays good until it expires: the session is one and alive.
      for (const token of [first.accessToken, ...accessTokens]) expect((await me({ authorization: `Bearer ${token}` })).status).toBe(200);
    });

    it.each(REFRESH_NAMES)('GraphQL %s rotates: each refresh token works once and returns a new pair', async (name) => {
      const first = await login(t, ada.email, ada.password);
      const res = await refreshGql(t, first.refreshToken, name);
      expect(res.errors).toBeUndefined();
      expect(res.pair?.refreshToken).toMatch(/^rt_/);
      expect(res.pair?.refreshToken).not.toBe(first.refreshToken);
      expect((await me({ authorization: `Bearer ${res.pair!.accessToken}` })).status).toBe(200);
      // The spent one is refused (and that revokes the session, below).
      expect((await refreshGql(t, first.refreshToken, name)).errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
    });

    it.each(REFRESH_NAMES)('a reused refresh token revokes the whole session (theft detection), on either door (GraphQL %s)', async (name) => {
      const first = await login(t, ada.email, ada.password);
      const rotated = (await refreshGql(t, first.refreshToken, name)).pair!;
      // The spent token comes back through REST: someone else holds a copy.
      const reuse = await refreshRest(t, first.refreshToken);
      expect(reuse.status).toBe(401);
      expect(reuse.body.errors?.[0].code).toBe('INVALID_REFRESH_TOKEN');
      // The thief's copy and the owner's newer tokens are all dead now.
      expect((await refreshRest(t, rotated.refreshToken)).status).toBe(401);
      expect((await refreshGql(t, rotated.refreshToken, name)).errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
      expect((await me({ authorization: `Bearer ${rotated.accessToken}` })).status).toBe(401);
      expect((await me(first.auth)).status).toBe(401);
      const session = await t.em().findOneOrFail(Session, { id: (jwt.decode(first.accessToken) as { sid: string }).sid });
      expect(session.revokedReason).toBe('refresh_token_reuse');
    });

    it('REFRESH_TOKEN_ROTATION=rest,graphql rotates on REST too; `none` rotates nowhere', async () => {
      const rotating = await startTestApp({ REFRESH_TOKEN_ROTATION: 'rest,graphql' }, { sameDatabaseAs: t });
      const never = await startTestApp({ REFRESH_TOKEN_ROTATION: 'none' }, { sameDatabaseAs: t });
      try {
        const first = await login(rotating, ada.email, ada.password);
        const next = await refreshRest(rotating, first.refreshToken);
        expect(next.status).toBe(200);
        expect(next.body.data.refreshToken).not.toBe(first.refreshToken);
        expect((await refreshRest(rotating, first.refreshToken)).status).toBe(401);
        expect((await refreshRest(rotating, next.body.data.refreshToken)).status).toBe(401); // the session is revoked

        for (const name of REFRESH_NAMES) {
          const kept = await login(never, ada.email, ada.password);
          const again = await refreshGql(never, kept.refreshToken, name);
          expect(again.pair?.refreshToken).toBe(kept.refreshToken);
          expect((await refreshGql(never, kept.refreshToken, name)).pair?.refreshToken).toBe(kept.refreshToken);
        }
      } finally {
        await Promise.all([rotating.close(), never.close()]);
      }
    });

    it('the long-lived token ends with its session: logout, password change, deactivation', async () => {
      const out = await login(t, ada.email, ada.password);
      expect((await t.rest('POST', '/api/v1/auth/logout', undefined, out.auth)).status).toBe(200);
      expect((await refreshRest(t, out.refreshToken)).status).toBe(401);

      const bob = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER' });
      const before = await login(t, bob.email, bob.password);
      const current = await login(t, bob.email, bob.password);
      const changed = await t.rest('POST', '/api/v1/auth/change-password', { currentPassword: bob.password, newPassword: `${bob.password}-new` }, current.auth);
      expect(changed.status).toBe(200);
      expect((await refreshRest(t, before.refreshToken)).status).toBe(401);
      expect((await refreshRest(t, current.refreshToken)).status).toBe(200); // the session that changed it lives on

      const eve = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER' });
      const session = await login(t, eve.email, eve.password);
      await t.em().nativeUpdate(User, { id: eve.user.id }, { isActive: false });
      const refused = await refreshRest(t, session.refreshToken);
      expect(refused.status).toBe(401);
      expect((await t.em().findOneOrFail(Session, { id: (jwt.decode(session.accessToken) as { sid: string }).sid })).revokedReason).toBe('user_inactive');
    });

    it('refuses garbage and missing refresh tokens', async () => {
      expect((await refreshRest(t, 'rt_nope')).status).toBe(401);
      const missing = await t.rest<Envelope>('POST', '/api/v1/auth/refresh-token', {});
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.[0].field).toBe('refreshToken');
    });
  });

  describe('logout', () => {
    it('revokes the session: the same access token is refused at once, and its refresh token too', async () => {
      const session = await login(t, ada.email, ada.password);
      const out = await t.rest<Envelope>('POST', '/api/v1/auth/logout', undefined, session.auth);
      expect(out.status).toBe(200);
      expect(out.body).toEqual({ success: true, message: 'Logged out successfully.', data: {} });
      expect((await me(session.auth)).status).toBe(401);
      expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await t.rest('POST', '/api/v1/auth/logout', undefined, session.auth)).status).toBe(401);
    });

    // Issue 15: sessionEnd is logout's new name; both through the same assertions.
    it.each([
      ['logout', 'mutation { logout }', true],
      ['sessionEnd', 'mutation { sessionEnd { ended } }', { ended: true }],
    ] as const)('GraphQL %s revokes the session and its refresh token; the same token again is UNAUTHENTICATED', async (name, query, answer) => {
      const session = await login(t, ada.email, ada.password);
      const out = await t.gql<Record<string, unknown>>(query, undefined, session.auth);
      expect(out.errors).toBeUndefined();
      expect(out.data?.[name]).toEqual(answer);
      const sid = (jwt.decode(session.accessToken) as { sid: string }).sid;
      expect((await t.em().findOneOrFail(Session, { id: sid })).revokedReason).toBe('logout');
      expect((await me(session.auth)).status).toBe(401);
      expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await t.gql(query, undefined, session.auth)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('is seen by every server process on the same database', async () => {
      const other = await startTestApp({}, { sameDatabaseAs: t });
      try {
        const session = await login(t, ada.email, ada.password);
        expect((await other.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(200);
        expect((await t.rest('POST', '/api/v1/auth/logout', undefined, session.auth)).status).toBe(200);
        // Delivered by NOTIFY on commit: the other process refuses the token within its few milliseconds.
        let status = 200;
        await until(async () => (status = (await other.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status) !== 200, 'the other process to refuse the token', 2000);
        expect(status).toBe(401);
      } finally {
        await other.close();
      }
    });

    it('a process that starts later still refuses tokens revoked before it started', async () => {
      const session = await login(t, ada.email, ada.password);
      await t.rest('POST', '/api/v1/auth/logout', undefined, session.auth);
      const later = await startTestApp({}, { sameDatabaseAs: t });
      try {
        expect((await later.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(401);
      } finally {
        await later.close();
      }
    });
  });

  describe('the token matrix: every bad token is 401', () => {
    const secret = () => t.config.secrets;
    const base = () => ({ sub: ada.user.id, sid: '00000000-0000-4000-8000-000000000000', tid: ada.tenant.id, role: 'ADMIN', typ: 'access' });

    it.each([
      ['expired', () => jwt.sign(base(), secret().staffJwt, { algorithm: 'HS256', audience: 'staff', issuer: 'incident-desk', expiresIn: -10 })],
      ['wrong audience', () => jwt.sign(base(), secret().staffJwt, { algorithm: 'HS256', audience: 'portal', issuer: 'incident-desk', expiresIn: 60 })],
      ['wrong issuer', () => jwt.sign(base(), secret().staffJwt, { algorithm: 'HS256', audience: 'staff', issuer: 'evil', expiresIn: 60 })],
      ['wrong key', () => jwt.sign(base(), 'x'.repeat(40), { algorithm: 'HS256', audience: 'staff', issuer: 'incident-desk', expiresIn: 60 })],
      ['alg none', () => jwt.sign(base(), '', { algorithm: 'none', audience: 'staff', issuer: 'incident-desk', expiresIn: 60 })],
      ['a staff-audience token signed with the portal key', () => jwt.sign(base(), secret().portalJwt, { algorithm: 'HS256', audience: 'staff', issuer: 'incident-desk', expiresIn: 60 })],
      ['garbage', () => 'not.a.token'],
    ])('%s', async (_name, make) => {
      const token = make();
      const res = await me({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect((res.body as Envelope).errors?.[0].code).toBe('UNAUTHENTICATED');
      const gql = await t.gql('{ me { id } }', undefined, { authorization: `Bearer ${token}` });
      expect(gql.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('a valid portal token: 403 FORBIDDEN, not 401 (the token is good, it grants nothing on staff fields)', async () => {
      const token = jwt.sign({ ...base(), portal: true }, secret().portalJwt, { algorithm: 'HS256', audience: 'portal', issuer: 'incident-desk', expiresIn: 60 });
      const res = await me({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(403);
      expect((res.body as Envelope).errors?.[0].code).toBe('FORBIDDEN');
      const gql = await t.gql('{ me { id } }', undefined, { authorization: `Bearer ${token}` });
      expect(gql.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('a refresh token used as an access token', async () => {
      const { refreshToken } = await login(t, ada.email, ada.password);
      expect((await me({ authorization: `Bearer ${refreshToken}` })).status).toBe(401);
    });

    it('no token, and a malformed header', async () => {
      expect((await me({})).status).toBe(401);
      expect((await me({ authorization: 'Basic abc' })).status).toBe(401);
    });

    it('says when a token has expired', async () => {
      const token = jwt.sign(base(), secret().staffJwt, { algorithm: 'HS256', audience: 'staff', issuer: 'incident-desk', expiresIn: -10 });
      expect((await me({ authorization: `Bearer ${token}` })).body.message).toMatch(/expired/);
    });

    it('a bad token does not stop public operations', async () => {
      const res = await t.rest('GET', '/api/v1/customer/companies', undefined, { authorization: 'Bearer garbage' });
      expect(res.status).toBe(200);
    });
  });

  describe('change password', () => {
    it('checks the current one, refuses a weak or unchanged new one, then ends the other sessions only', async () => {
      const user = await createStaff(t.em(), t.app.runtime.passwords);
      const a = await login(t, user.email, user.password);
      const b = await login(t, user.email, user.password);
      const change = (body: unknown) => t.rest<Envelope>('POST', '/api/v1/auth/change-password', body, a.auth);

      const wrong = await change({ currentPassword: 'Not-It-At-All-1', newPassword: 'Another-Strong-One-7' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors?.[0].field).toBe('currentPassword');
      expect((await change({ currentPassword: user.password, newPassword: user.password })).body.errors?.[0]).toMatchObject({ field: 'newPassword', message: expect.stringMatching(/differ/) });
      expect((await change({ currentPassword: user.password, newPassword: 'iloveyou' })).body.errors?.[0]).toMatchObject({ field: 'newPassword' });

      const ok = await change({ currentPassword: user.password, newPassword: 'Another-Strong-One-7' });
      expect(ok.status).toBe(200);
      expect((await me(a.auth)).status).toBe(200);
      expect((await me(b.auth)).status).toBe(401);
      expect((await t.rest('POST', '/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      await login(t, user.email, 'Another-Strong-One-7');
      const audit = await t.em().find(AuditEntry, { actorId: user.user.id, action: 'auth.password.changed' });
      expect(audit).toHaveLength(1);
    });
  });

  // Issue 15: passwordChange is changePassword's new name over GraphQL; both through the same assertions.
  describe.each([
    ['changePassword', 'ChangePasswordInput', '', true],
    ['passwordChange', 'PasswordChangeInput', ' { changed }', { changed: true }],
  ] as const)('GraphQL %s', (name, inputType, selection, answer) => {
    it('refuses a wrong current password, then ends the other sessions only', async () => {
      const user = await createStaff(t.em(), t.app.runtime.passwords);
      const a = await login(t, user.email, user.password);
      const b = await login(t, user.email, user.password);
      const change = (currentPassword: string, newPassword: string) =>
        t.gql<Record<string, unknown>>(`mutation($i: ${inputType}!) { ${name}(input: $i)${selection} }`, { i: { currentPassword, newPassword } }, a.auth);
      const wrong = await change('Not-It-At-All-1', 'Another-Strong-One-7');
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await me(b.auth)).status).toBe(200);

      const ok = await change(user.password, 'Another-Strong-One-7');
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.[name]).toEqual(answer);
      expect((await me(a.auth)).status).toBe(200);
      expect((await me(b.auth)).status).toBe(401);
      await login(t, user.email, 'Another-Strong-One-7');
      expect(await t.em().find(AuditEntry, { actorId: user.user.id, action: 'auth.password.changed' })).toHaveLength(1);
    });
  });

  describe('login throttling', () => {
    it('after the allowed failures an account gets 429 with Retry-After, even with the right password', async () => {
      const victim = await createStaff(t.em(), t.app.runtime.passwords);
      for (let i = 0; i < 5; i++) {
        expect((await t.rest('POST', '/api/v1/auth/login', { email: victim.email, password: `Wrong-Password-${i}` })).status).toBe(401);
      }
      const locked = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: victim.email, password: victim.password });
      expect(locked.status).toBe(429);
      expect(locked.body.errors?.[0].code).toBe('RATE_LIMITED');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      const actions = (await t.em().find(AuditEntry, { targetId: victim.user.id })).map((a) => a.action);
      expect(actions).toContain('auth.login.failed');
      expect(actions).toContain('auth.login.locked');
      // Another account from the same IP is not locked by this one.
      expect((await t.rest('POST', '/api/v1/auth/login', { email: ada.email, password: ada.password })).status).toBe(200);
    });
  });

  it('records logins in the audit log, and never the password', async () => {
    await login(t, ada.email, ada.password);
    const rows = await t.em().find(AuditEntry, { actorId: ada.user.id, action: 'auth.login.succeeded' });
    expect(rows.length).toBeGreaterThan(0);
    const all = JSON.stringify(await t.em().getConnection().execute('SELECT * FROM audit_log'));
    expect(all).not.toContain(STRONG_PASSWORD);
    expect(t.logs.join('\n')).not.toContain(STRONG_PASSWORD);
  });
});
