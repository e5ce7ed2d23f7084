import { createHash, randomBytes } from 'node:crypto';
import { OAuthState } from '../../src/auth/oauth-state.entity';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { User } from '../../src/modules/user/user.entity';
import { createStaff, login } from '../factories/staff';
import { startTestApp, type RestResult, type TestApp } from '../setup/app';
import { startOidcProvider, type TestAccount, type TestOidcProvider } from '../setup/oidc';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type AuthData = { accessToken: string; refreshToken: string; user: { id: string; email: string; firstName: string | null; lastName: string | null; role: string } };

const PUBLIC_URL = 'http://desk.example.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oauth/callback`; // the default derived from PUBLIC_URL
const CLIENT = { clientId: 'incident-desk-test', clientSecret: randomBytes(24).toString('hex'), redirectUri: REDIRECT_URI };

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const unique = (name: string) => `${name}-${randomBytes(3).toString('hex')}`;

describe('sign in with Google (OpenID Connect, against a real provider)', () => {
  let op: TestOidcProvider;
  let t: TestApp;
  let googleEnv: Record<string, string>;

  beforeAll(async () => {
    op = await startOidcProvider(CLIENT);
    googleEnv = { PUBLIC_URL, GOOGLE_ISSUER: op.issuer, GOOGLE_CLIENT_ID: CLIENT.clientId, GOOGLE_CLIENT_SECRET: CLIENT.clientSecret };
    t = await startTestApp({ ...googleEnv, GOOGLE_ALLOW_INSECURE_ISSUER: 'true' });
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  /** A Google account at the provider; returns its subject. */
  const account = async (claims: TestAccount): Promise<string> => {
    const sub = unique('google-sub');
    await op.putAccount(sub, claims);
    return sub;
  };

  const start = async (): Promise<string> => {
    const res = await t.rest<Envelope<{ authorizationUrl: string }>>('POST', '/api/v1/auth/oauth/login', { provider: 'google' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: expect.any(String), data: { authorizationUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) } });
    return res.body.data.authorizationUrl;
  };

  /** Like the browser arriving back at the app: the callback route with the provider's query. */
  const callback = (back: URL) => t.rest<Envelope<AuthData>>('GET', `${back.pathname}${back.search}`);

  /** Start, sign in at the provider as `sub`, and return where the provider sends the browser back. */
  const throughProvider = async (sub: string): Promise<URL> => {
    const back = await op.signIn(await start(), sub);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('code')).toBeTruthy();
    return back;
  };

  const signInWithGoogle = async (sub: string): Promise<RestResult<Envelope<AuthData>>> => callback(await throughProvider(sub));

  const me = (accessToken: string) =>
    t.rest<Envelope<{ id: string; email: string; role: string; businessId: string; emailVerified: boolean }>>('GET', '/api/v1/auth/me', undefined, {
      authorization: `Bearer ${accessToken}`,
    });

  const auditActions = async (userId: string) => (await t.em().find(AuditEntry, { actorId: userId }, { orderBy: { id: 'asc' } })).map((a) => a.action);

  it('creates an account with its own workspace on the first sign-in: ADMIN, e-mail verified, no password', async () => {
    const sub = await account({ email: 'Grace@Navy.test', email_verified: true, given_name: 'Grace', family_name: 'Hopper' });
    const res = await signInWithGoogle(sub);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Login successful.',
      data: {
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        user: { id: expect.any(String), email: 'grace@navy.test', firstName: 'Grace', lastName: 'Hopper', role: 'ADMIN' },
      },
    });

    const profile = await me(res.body.data.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body.data).toMatchObject({ id: res.body.data.user.id, email: 'grace@navy.test', role: 'ADMIN', emailVerified: true });

    const user = await t.em().findOneOrFail(User, { id: res.body.data.user.id });
    expect(user.googleSubject).toBe(sub);
    expect(user.passwordHash).toBeNull();
    const tenant = await t.em().findOneOrFail(Tenant, { id: user.tenant.id });
    expect(tenant.id).toBe(profile.body.data.businessId);
    expect(tenant.name).toBe("grace's workspace");
    expect(await auditActions(user.id)).toEqual(['auth.registered', 'auth.oauth.login.succeeded']);

    // The refresh token works like a password login's.
    const refreshed = await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: res.body.data.refreshToken });
    expect(refreshed.status).toBe(200);

    // Signing in again finds the same account (by its Google subject), even after the address changed at Google.
    await op.putAccount(sub, { email: 'grace.hopper@navy.test', email_verified: true, given_name: 'Grace', family_name: 'Hopper' });
    const tenantsBefore = await t.em().count(Tenant);
    const again = await signInWithGoogle(sub);
    expect(again.status).toBe(200);
    expect(again.body.data.user).toMatchObject({ id: user.id, email: 'grace@navy.test' });
    expect(await t.em().count(Tenant)).toBe(tenantsBefore);
  });

  it('signs an existing verified user in with the same e-mail (any case) and links the Google account', async () => {
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ENGINEER', email: `${unique('ada')}@analytical.test` });
    const sub = await account({ email: staff.email.toUpperCase(), email_verified: true, given_name: 'Someone', family_name: 'Else' });
    const res = await signInWithGoogle(sub);
    expect(res.status).toBe(200);
    expect(res.body.data.user).toEqual({ id: staff.user.id, email: staff.email, firstName: 'Ada', lastName: 'Lovelace', role: 'ENGINEER' });
    expect((await me(res.body.data.accessToken)).body.data).toMatchObject({ id: staff.user.id, businessId: staff.tenant.id });

    const user = await t.em().findOneOrFail(User, { id: staff.user.id });
    expect(user.googleSubject).toBe(sub);
    expect(await auditActions(user.id)).toEqual(['auth.oauth.linked', 'auth.oauth.login.succeeded']);
    // The password still works too.
    await expect(login(t, staff.email, staff.password)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('verifies an unverified account it signs in, and drops the password nobody proved', async () => {
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN', verified: false, email: `${unique('early')}@bird.test` });
    const sub = await account({ email: staff.email, email_verified: true });
    const res = await signInWithGoogle(sub);
    expect(res.status).toBe(200);
    expect(res.body.data.user.id).toBe(staff.user.id);
    expect((await me(res.body.data.accessToken)).body.data.emailVerified).toBe(true);
    const pwd = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: staff.email, password: staff.password });
    expect(pwd.status).toBe(401);
    expect(pwd.body.errors?.[0].code).toBe('INVALID_CREDENTIALS');
  });

  // Issue 15: oauthStart and oauthComplete are oauthLogin's and oauthCallback's new names; both sets through the same assertions.
  const GQL_NAMES = [
    {
      names: 'oauthLogin and oauthCallback',
      start: (provider: string) => ({ query: 'mutation($p: String!) { oauthLogin(provider: $p) { authorizationUrl } }', variables: { p: provider }, field: 'oauthLogin' }),
      complete: (input: Record<string, unknown>) => ({
        query:
          'mutation($code: String!, $state: String!, $iss: String) { oauthCallback(code: $code, state: $state, iss: $iss) { accessToken refreshToken user { id email firstName lastName role } } }',
        variables: input,
        field: 'oauthCallback',
      }),
    },
    {
      names: 'oauthStart and oauthComplete',
      start: (provider: string) => ({ query: 'mutation($i: OauthStartInput!) { oauthStart(input: $i) { authorizationUrl } }', variables: { i: { provider } }, field: 'oauthStart' }),
      complete: (input: Record<string, unknown>) => ({
        query: 'mutation($i: OauthCompleteInput!) { oauthComplete(input: $i) { accessToken refreshToken user { id email firstName lastName role } } }',
        variables: { i: input },
        field: 'oauthComplete',
      }),
    },
  ];
  const call = async <T>(o: { query: string; variables: Record<string, unknown>; field: string }) => {
    const res = await t.gql<Record<string, T>>(o.query, o.variables);
    return { value: res.data?.[o.field], code: res.errors?.[0]?.extensions?.code };
  };

  it.each(GQL_NAMES)('completes the flow over GraphQL too ($names), and the tokens work there', async ({ start, complete }) => {
    const sub = await account({ email: `${unique('gql')}@graph.test`, email_verified: true, given_name: 'Gee' });
    const started = await call<{ authorizationUrl: string }>(start('google'));
    expect(started.code).toBeUndefined();
    const back = await op.signIn(started.value!.authorizationUrl, sub);
    const input = { code: back.searchParams.get('code'), state: back.searchParams.get('state'), iss: back.searchParams.get('iss') };
    const done = await call<AuthData>(complete(input));
    expect(done.code).toBeUndefined();
    expect(done.value!.user).toMatchObject({ firstName: 'Gee', lastName: null, role: 'ADMIN' });
    const viewer = await t.gql<{ me: { id: string; emailVerified: boolean } }>('{ me { id emailVerified } }', undefined, {
      authorization: `Bearer ${done.value!.accessToken}`,
    });
    expect(viewer.data?.me).toEqual({ id: done.value!.user.id, emailVerified: true });
    // The state is used up: the same redirect again is refused.
    expect((await call(complete(input))).code).toBe('INVALID_OAUTH_STATE');
  });

  it.each(GQL_NAMES)('over GraphQL ($names): an unknown provider and a forged state are coded refusals', async ({ start, complete }) => {
    expect((await call(start('myspace'))).code).toBe('UNKNOWN_PROVIDER');
    expect((await call(complete({ code: 'x', state: 'forged' }))).code).toBe('INVALID_OAUTH_STATE');
    expect((await call(complete({ code: 'x'.repeat(4097), state: 'forged' }))).code).toBe('VALIDATION_FAILED');
  });

  it('GET /api/v1/auth/oauth/login redirects a browser to the provider with PKCE (S256), state and nonce', async () => {
    const res = await fetch(`${t.url}/api/v1/auth/oauth/login?provider=google`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(op.issuer);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT_URI, code_challenge_method: 'S256' });
    expect(params.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    for (const p of ['code_challenge', 'state', 'nonce']) expect(params[p]).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // The state is kept server-side, hashed, with the verifier and nonce the callback needs.
    const row = await t.em().findOneOrFail(OAuthState, { stateHash: sha256(params.state) });
    expect(row).toMatchObject({ provider: 'google', nonce: params.nonce, redirectUri: REDIRECT_URI });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    // The browser goes on to the provider and comes back signed in.
    const sub = await account({ email: `${unique('browser')}@web.test`, email_verified: true });
    const done = await callback(await op.signIn(location.href, sub));
    expect(done.status).toBe(200);
    expect(await t.em().count(OAuthState, { stateHash: sha256(params.state) })).toBe(0); // used up
  });

  it('refuses a reused, forged or expired state with 400 INVALID_OAUTH_STATE', async () => {
    const sub = await account({ email: `${unique('state')}@state.test`, email_verified: true });
    const back = await throughProvider(sub);
    expect((await callback(back)).status).toBe(200);

    const reused = await callback(back);
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ success: false, errors: [{ code: 'INVALID_OAUTH_STATE' }] });

    const forged = new URL(back);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    expect((await callback(forged)).body.errors?.[0].code).toBe('INVALID_OAUTH_STATE');
    const missing = await t.rest<Envelope>('GET', `/api/v1/auth/oauth/callback?code=${back.searchParams.get('code')}`);
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].code).toBe('INVALID_OAUTH_STATE');

    const late = await throughProvider(sub);
    await t.em().nativeUpdate(OAuthState, { stateHash: sha256(late.searchParams.get('state')!) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await callback(late)).body.errors?.[0].code).toBe('INVALID_OAUTH_STATE');

    const gql = await t.gql('mutation { oauthCallback(code: "x", state: "forged") { accessToken } }');
    expect(gql.errors?.[0].extensions?.code).toBe('INVALID_OAUTH_STATE');
    expect(await t.em().count(AuditEntry, { action: 'auth.oauth.failed', metadata: { reason: 'invalid_state' } })).toBeGreaterThanOrEqual(4);
  });

  it('refuses a wrong code (400 OAUTH_FAILED) and its state is used up all the same', async () => {
    const back = await throughProvider(await account({ email: `${unique('code')}@code.test`, email_verified: true }));
    const wrong = new URL(back);
    wrong.searchParams.set('code', 'not-the-code');
    const res = await callback(wrong);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].code).toBe('OAUTH_FAILED');
    expect((await callback(back)).body.errors?.[0].code).toBe('INVALID_OAUTH_STATE');
  });

  it.each([
    ['a nonce that is not the one sent (ID token replay)', { nonce: 'not-the-nonce-sent-with-this-request' }],
    ['a PKCE verifier that does not match the challenge', { codeVerifier: 'x'.repeat(64) }],
  ])('refuses %s with 400 OAUTH_FAILED', async (_what, tampered) => {
    const back = await throughProvider(await account({ email: `${unique('tamper')}@tamper.test`, email_verified: true }));
    await t.em().nativeUpdate(OAuthState, { stateHash: sha256(back.searchParams.get('state')!) }, tampered);
    const res = await callback(back);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].code).toBe('OAUTH_FAILED');
  });

  it('refuses a redirect whose iss is not the configured issuer (mix-up defence)', async () => {
    const back = await throughProvider(await account({ email: `${unique('mixup')}@mixup.test`, email_verified: true }));
    expect(back.searchParams.get('iss')).toBe(op.issuer);
    back.searchParams.set('iss', 'https://accounts.evil.test');
    const res = await callback(back);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].code).toBe('OAUTH_FAILED');
  });

  it('answers a cancelled sign-in (error=access_denied, no code) with 400 OAUTH_FAILED', async () => {
    const state = new URL(await start()).searchParams.get('state')!;
    const res = await t.rest<Envelope>('GET', `/api/v1/auth/oauth/callback?error=access_denied&state=${state}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ code: 'OAUTH_FAILED', message: expect.stringMatching(/cancelled or refused/) });
  });

  it('refuses a provider e-mail that is not verified, creating nothing', async () => {
    const email = `${unique('unverified')}@mail.test`;
    const users = await t.em().count(User);
    for (const claims of [{ email, email_verified: false }, { given_name: 'No Mail' }]) {
      const res = await signInWithGoogle(await account(claims));
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0].code).toBe('OAUTH_EMAIL_NOT_VERIFIED');
    }
    expect(await t.em().count(User)).toBe(users);

    // An existing account with that address is not signed in either.
    await createStaff(t.em(), t.app.runtime.passwords, { email: `${unique('victim')}@mail.test` }).then(async (victim) => {
      const res = await signInWithGoogle(await account({ email: victim.email, email_verified: false }));
      expect(res.status).toBe(403);
      expect((await t.em().findOneOrFail(User, { id: victim.user.id })).googleSubject).toBeNull();
    });
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { email: `${unique('gone')}@former.test`, active: false });
    const res = await signInWithGoogle(await account({ email: staff.email, email_verified: true }));
    const wrongPassword = await t.rest<Envelope>('POST', '/api/v1/auth/login', { email: staff.email, password: 'not-the-password-1' });
    expect(res.status).toBe(401);
    expect({ status: res.status, body: res.body }).toEqual({ status: wrongPassword.status, body: wrongPassword.body });
    expect((await t.em().findOneOrFail(User, { id: staff.user.id })).googleSubject).toBeNull();
  });

  it('refuses an address whose account is linked to another Google account (409)', async () => {
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { email: `${unique('linked')}@other.test` });
    await t.em().nativeUpdate(User, { id: staff.user.id }, { googleSubject: unique('someone-else') });
    const res = await signInWithGoogle(await account({ email: staff.email, email_verified: true }));
    expect(res.status).toBe(409);
    expect(res.body.errors?.[0].code).toBe('OAUTH_ACCOUNT_MISMATCH');
  });

  it('answers an unknown provider with 400 UNKNOWN_PROVIDER on every route', async () => {
    const post = await t.rest<Envelope>('POST', '/api/v1/auth/oauth/login', { provider: 'myspace' });
    expect(post.status).toBe(400);
    expect(post.body).toEqual({ success: false, message: expect.stringMatching(/Unknown sign-in provider "myspace"/), errors: [{ code: 'UNKNOWN_PROVIDER', message: expect.any(String) }] });

    const get = await fetch(`${t.url}/api/v1/auth/oauth/login?provider=myspace`, { redirect: 'manual' });
    expect(get.status).toBe(400);
    expect(((await get.json()) as Envelope).errors?.[0].code).toBe('UNKNOWN_PROVIDER');
    const none = await t.rest<Envelope>('GET', '/api/v1/auth/oauth/login');
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0].code).toBe('UNKNOWN_PROVIDER');

    const gql = await t.gql('mutation { oauthLogin(provider: "myspace") { authorizationUrl } }');
    expect(gql.errors?.[0].extensions?.code).toBe('UNKNOWN_PROVIDER');

    expect((await t.rest<Envelope>('POST', '/api/v1/auth/oauth/login', {})).status).toBe(400);
    const extra = await t.rest<Envelope>('POST', '/api/v1/auth/oauth/login', { provider: 'google', redirect: 'https://evil.test' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.[0]).toMatchObject({ field: 'redirect', code: 'VALIDATION_FAILED' });
  });

  describe('configuration', () => {
    it('answers 503 OAUTH_NOT_CONFIGURED when Google has no client credentials', async () => {
      const bare = await startTestApp({}, { sameDatabaseAs: t });
      try {
        const post = await bare.rest<Envelope>('POST', '/api/v1/auth/oauth/login', { provider: 'google' });
        expect(post.status).toBe(503);
        expect(post.body.errors?.[0]).toEqual({ code: 'OAUTH_NOT_CONFIGURED', message: 'Sign-in with Google is not enabled on this server.' });
        const get = await bare.rest<Envelope>('GET', '/api/v1/auth/oauth/login?provider=google');
        expect(get.status).toBe(503);
        const gql = await bare.gql('mutation { oauthLogin(provider: "google") { authorizationUrl } }');
        expect(gql.errors?.[0].extensions?.code).toBe('OAUTH_NOT_CONFIGURED');
        expect((await bare.rest<Envelope>('POST', '/api/v1/auth/oauth/login', { provider: 'myspace' })).status).toBe(400);
      } finally {
        await bare.close();
      }
    });

    it('never talks to a plain-http issuer unless GOOGLE_ALLOW_INSECURE_ISSUER says so', async () => {
      const strict = await startTestApp(googleEnv, { sameDatabaseAs: t });
      try {
        const res = await strict.rest<Envelope>('POST', '/api/v1/auth/oauth/login', { provider: 'google' });
        expect(res.status).toBe(503);
        expect(res.body.errors?.[0].code).toBe('OAUTH_PROVIDER_UNAVAILABLE');
        expect(strict.logs.join('\n')).toMatch(/only requests to HTTPS are allowed/);
      } finally {
        await strict.close();
      }
    });
  });
});
