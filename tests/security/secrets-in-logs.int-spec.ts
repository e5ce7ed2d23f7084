import { randomBytes } from 'node:crypto';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { waitForDeliveries } from '../setup/deliveries';
import { codeIn, startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';
import { startReceiver } from '../setup/webhook-receiver';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Tokens = { accessToken: string; refreshToken: string };

/** A password no log line could contain by chance, with characters JSON escapes and some it does not. */
const password = (label: string) => `Pw-${label}-${randomBytes(9).toString('base64url')}-"q"\\z`;

/**
 * Drives every flow that handles a secret (register, e-mail codes, login, refresh, change and reset of a
 * password, logout; staff and portal; REST and GraphQL; successes and refusals) against a server logging
 * at the most verbose level, then looks for each secret in everything it logged.
 */
describe('secrets never reach the logs', () => {
  let t: TestApp;
  let mail: Mailbox;
  /** Every secret used or received, by what it is. */
  const secrets: [string, string][] = [];
  const keep = (what: string, value: string | undefined) => {
    expect(value).toBeTruthy();
    secrets.push([what, value!]);
    return value!;
  };

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, LOG_LEVEL: 'trace', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    await createTenant(t.em(), { name: 'Logs Inc', slug: 'logs-inc', allowCustomerSignup: true });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('staff: register, verify by code, login (wrong and right), refresh, change password, logout, reset by e-mail', async () => {
    const email = 'owner@logs.test';
    const first = keep('registration password', password('first'));
    expect((await t.rest('POST', '/api/v1/auth/business/register', { businessName: 'Logs Co', email, password: first })).status).toBe(201);
    const code = keep('verification code', codeIn(await mail.next(email)));
    const wrongOtp = code === '000000' ? '111111' : '000000';
    expect((await t.rest('POST', '/api/v1/auth/verify_email', { email, otp: wrongOtp })).status).toBe(400);
    expect((await t.rest('POST', '/api/v1/auth/verify_email', { email, otp: code })).status).toBe(200);

    const wrong = keep('wrong password', password('wrong'));
    expect((await t.rest('POST', '/api/v1/auth/login', { email, password: wrong })).status).toBe(401);
    const login = await t.rest<Envelope<Tokens>>('POST', '/api/v1/auth/login', { email, password: first });
    expect(login.status).toBe(200);
    keep('access token', login.body.data.accessToken);
    const refresh = keep('refresh token', login.body.data.refreshToken);

    const refreshed = await t.rest<Envelope<Tokens>>('POST', '/api/v1/auth/refresh-token', { refreshToken: refresh });
    expect(refreshed.status).toBe(200);
    const access = keep('refreshed access token', refreshed.body.data.accessToken);
    const rotated = await t.gql<{ refreshToken: Tokens }>('mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }', { t: refresh });
    keep('rotated access token', rotated.data!.refreshToken.accessToken);
    keep('rotated refresh token', rotated.data!.refreshToken.refreshToken);
    // Reusing a spent refresh token is refused (and revokes the session): the refusal logs no token either.
    expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: refresh })).status).toBe(401);

    const relog = await t.rest<Envelope<Tokens>>('POST', '/api/v1/auth/login', { email, password: first });
    const auth = { authorization: `Bearer ${keep('second access token', relog.body.data.accessToken)}` };
    keep('second refresh token', relog.body.data.refreshToken);
    const second = keep('changed password', password('second'));
    expect((await t.rest('POST', '/api/v1/auth/change-password', { currentPassword: wrong, newPassword: second }, auth)).status).toBe(400);
    expect((await t.rest('POST', '/api/v1/auth/change-password', { currentPassword: first, newPassword: second }, auth)).status).toBe(200);
    expect((await t.rest('GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${access}` })).status).toBe(401);

    await t.rest('POST', '/api/v1/auth/forgot-password', { email });
    const resetToken = keep('reset token', tokenIn(await mail.next(email), 'rst'));
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: resetToken })).status).toBe(200);
    const weak = keep('refused short password', randomBytes(3).toString('hex'));
    expect((await t.rest('POST', '/api/v1/auth/reset-password', { token: resetToken, password: weak })).status).toBe(400);
    const third = keep('reset password', password('third'));
    expect((await t.rest('POST', '/api/v1/auth/reset-password', { token: resetToken, password: third })).status).toBe(200);
    expect((await t.rest('POST', '/api/v1/auth/reset-password', { token: resetToken, password: third })).status).toBe(400);
    const made = keep('made-up reset token', `rst_${randomBytes(32).toString('base64url')}`);
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: made })).status).toBe(400);

    const final = await t.rest<Envelope<Tokens>>('POST', '/api/v1/auth/login', { email, password: third });
    const finalAuth = { authorization: `Bearer ${keep('final access token', final.body.data.accessToken)}` };
    keep('final refresh token', final.body.data.refreshToken);
    expect((await t.rest('POST', '/api/v1/auth/logout', undefined, finalAuth)).status).toBe(200);
    expect((await t.rest('GET', '/api/v1/auth/me', undefined, finalAuth)).status).toBe(401);
  });

  it('staff over GraphQL: secrets as inline literals and as variables, in valid, refused and malformed documents', async () => {
    const email = 'owner@logs.test';
    const literal = keep('password in a literal', password('literal'));
    const inline = await t.gql(`mutation { login(input: { email: "${email}", password: ${JSON.stringify(literal)} }) { accessToken } }`);
    expect(inline.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    const broken = keep('password in a broken document', password('broken'));
    expect((await t.gql(`mutation { login(input: { email: "${email}", password: ${JSON.stringify(broken)} }) { accessToken `)).errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const typed = keep('password of the wrong type', password('typed'));
    const badVariables = await t.gql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password: typed, extra: typed } });
    expect(badVariables.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const byVariables = await t.gql<{ refreshToken: Tokens }>('mutation ($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }', {
      t: keep('made-up refresh token', `rt_${randomBytes(32).toString('base64url')}`),
    });
    expect(byVariables.errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
    // A token in the URL (a GET query) must not be logged with the URL.
    const inUrl = keep('token in a query string', `tok_${randomBytes(16).toString('hex')}`);
    await t.rest('GET', `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(JSON.stringify({ token: inUrl }))}`, undefined, { 'apollo-require-preflight': '1' });
    const code = keep('OAuth code in a callback URL', `code_${randomBytes(16).toString('hex')}`);
    const state = keep('OAuth state in a callback URL', `state_${randomBytes(16).toString('hex')}`);
    await t.rest('GET', `/api/v1/auth/oauth/callback?code=${code}&state=${state}`);
  });

  it('portal: register, verify by code, login on both doors, refresh, logout', async () => {
    const companies = await t.rest<Envelope<{ id: string; slug: string }[]>>('GET', '/api/v1/customer/companies');
    const companyId = companies.body.data.find((c) => c.slug === 'logs-inc')!.id;
    const email = 'customer@logs.test';
    const pw = keep('customer password', password('customer'));
    expect((await t.rest('POST', '/api/v1/customer/register', { email, password: pw, name: 'Cus Tomer', companyId })).status).toBe(201);
    const code = keep('customer verification code', codeIn(await mail.next(email)));
    expect((await t.rest('POST', '/api/v1/customer/verify_email', { email, otp: code, companyId })).status).toBe(200);
    const wrong = keep('customer wrong password', password('customer-wrong'));
    expect((await t.rest('POST', '/api/v1/customer/login', { email, password: wrong })).status).toBe(401);
    const scrubbe = await t.rest<Envelope<Tokens>>('POST', '/api/v1/customer/login', { email, password: pw });
    keep('customer access token', scrubbe.body.data.accessToken);
    const refresh = keep('customer refresh token', scrubbe.body.data.refreshToken);
    const refreshed = await t.rest<Envelope<Tokens>>('POST', '/api/v1/portal/auth/refresh-token', { refreshToken: refresh });
    expect(refreshed.status).toBe(200);
    keep('customer refreshed access token', refreshed.body.data.accessToken);
    keep('customer rotated refresh token', refreshed.body.data.refreshToken);
    const opsweave = await t.rest<Envelope<Tokens>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'logs-inc', email, password: pw });
    const auth = { authorization: `Bearer ${keep('portal access token', opsweave.body.data.accessToken)}` };
    keep('portal refresh token', opsweave.body.data.refreshToken);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, auth)).status).toBe(200);
    expect((await t.rest('POST', '/api/v1/portal/auth/logout', undefined, auth)).status).toBe(200);
  });

  it('portal sign-in links and rating links: REST, GraphQL and their pages (the token in the URL of a GET)', async () => {
    const email = 'customer@logs.test';
    expect((await t.rest('POST', '/api/v1/portal/auth/sign-in-link', { tenantSlug: 'logs-inc', email })).status).toBe(200);
    const token = keep('sign-in link token', tokenIn(await mail.next(email), 'sgn'));
    expect((await t.rest('POST', '/api/v1/portal/auth/sign-in-link/redeem', { tenantSlug: 'logs-inc', token: keep('made-up sign-in token', `sgn_${randomBytes(24).toString('base64url')}`) })).status).toBe(400);
    const signedIn = await t.rest<Envelope<Tokens>>('POST', '/api/v1/portal/auth/sign-in-link/redeem', { tenantSlug: 'logs-inc', token });
    expect(signedIn.status).toBe(200);
    keep('sign-in link access token', signedIn.body.data.accessToken);
    keep('sign-in link refresh token', signedIn.body.data.refreshToken);
    expect((await t.gql('mutation($i: SignInLinkRequestInput!) { requestSignInLink(input: $i) }', { i: { email } })).status).toBe(200);
    const pageToken = keep('sign-in link token (page)', tokenIn(await mail.next(email), 'sgn'));
    expect((await fetch(`${t.url}/portal/sign-in?token=${pageToken}&tenantSlug=logs-inc`)).status).toBe(200);
    const page = await fetch(`${t.url}/portal/sign-in`, { method: 'POST', body: new URLSearchParams({ token: pageToken, tenantSlug: 'logs-inc' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    keep('sign-in page access token', /Access token: ([^<\s]+)/.exec(html)?.[1]);
    const rating = keep('rating link token', `rate.${randomBytes(30).toString('base64url')}.${randomBytes(32).toString('base64url')}`);
    expect((await fetch(`${t.url}/portal/rate-ticket?token=${rating}`)).status).toBe(200);
    expect((await t.gql('mutation($i: RateTicketWithLinkInput!) { rateTicketWithLink(input: $i) { score } }', { i: { token: rating, score: 5 } })).status).toBe(200);
  });

  it('webhooks: secrets shown at creation and rotation, their encrypted values, a legacy plain secret encrypted at start', async () => {
    const receiver = await startReceiver();
    try {
      const tenant = await createTenant(t.em(), { slug: 'logs-hooks' });
      const admin = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ADMIN' });
      const { auth } = await login(t, admin.email, admin.password);
      const storedOf = async (id: string) =>
        (await t.em().getConnection().execute<{ s: string }[]>('SELECT encrypted_secret AS s FROM webhook_endpoints WHERE id = ?', [id]))[0].s;

      const created = await t.rest<Envelope<{ id: string; secret: string }>>('POST', '/api/v1/webhooks', { url: `${receiver.url}/logs`, eventTypes: ['incident.created'] }, auth);
      keep('webhook secret', created.body.data.secret);
      keep('encrypted webhook secret', await storedOf(created.body.data.id));
      const rotated = await t.rest<Envelope<{ secret: string }>>('POST', `/api/v1/webhooks/${created.body.data.id}/rotate-secret`, undefined, auth);
      keep('rotated webhook secret', rotated.body.data.secret);
      keep('encrypted rotated webhook secret', await storedOf(created.body.data.id));
      const viaGql = await t.gql<{ createWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
        `mutation { createWebhookEndpoint(input: { url: "${receiver.url}/copied", eventTypes: ["incident.created"] }) { endpoint { id } secret } }`,
        undefined,
        auth,
      );
      keep('webhook secret over GraphQL', viaGql.data?.createWebhookEndpoint.secret);
      // A copied value: its delivery fails, and the failure is logged (without the value).
      const copied = viaGql.data!.createWebhookEndpoint.endpoint.id;
      await t.em().getConnection().execute('UPDATE webhook_endpoints SET encrypted_secret = ? WHERE id = ?', [await storedOf(created.body.data.id), copied]);

      expect((await t.rest('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Logged hook', description: 'x', priority: 'LOW' }, auth)).status).toBe(201);
      await receiver.waitFor('/logs', 1);
      await waitForDeliveries(t);
      expect(t.logs.some((l) => l.includes('WEBHOOK_SECRET_UNREADABLE'))).toBe(true);

      // A plain secret from before encryption, encrypted by a server starting at the most verbose level.
      const legacy = keep('legacy plain webhook secret', `whsec_${randomBytes(32).toString('base64url')}`);
      await t.em().getConnection().execute('UPDATE webhook_endpoints SET encrypted_secret = ? WHERE id = ?', [legacy, copied]);
      const restarted = await startTestApp({ LOG_LEVEL: 'trace', WORKER_ENABLED: 'false' }, { sameDatabaseAs: t });
      const encrypted = keep('encrypted legacy webhook secret', await storedOf(copied));
      await restarted.close();
      expect(restarted.logs.some((l) => l.includes('encrypted the plain-text secrets'))).toBe(true);
      for (const value of [legacy, encrypted]) expect(restarted.logs.join('\n')).not.toContain(value);
    } finally {
      await receiver.close();
    }
  });

  // Issue 15: the new-style names carry the same secrets inside `input` (and in their payloads).
  it('staff over GraphQL with the new names: verify, refresh, change and reset the password, sign out, OAuth, webhook secrets', async () => {
    const email = 'newnames@logs.test';
    const first = keep('new-names registration password', password('nn-first'));
    const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => t.gql<T>(query, variables, headers);
    expect((await gql('mutation($i: RegisterBusinessInput!) { registerBusiness(input: $i) { user { id } } }', { i: { businessName: 'Logs New', email, password: first } })).errors).toBeUndefined();
    const code = keep('new-names verification code', codeIn(await mail.next(email)));
    expect((await gql<{ emailVerify: { verified: boolean } }>('mutation($i: EmailVerifyInput!) { emailVerify(input: $i) { verified } }', { i: { email, otp: code } })).data?.emailVerify.verified).toBe(true);

    const signedIn = await gql<{ login: Tokens }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email, password: first } });
    keep('new-names access token', signedIn.data!.login.accessToken);
    const refresh = keep('new-names refresh token', signedIn.data!.login.refreshToken);
    const rotated = await gql<{ sessionRefresh: Tokens }>('mutation($i: SessionRefreshInput!) { sessionRefresh(input: $i) { accessToken refreshToken } }', { i: { refreshToken: refresh } });
    const auth = { authorization: `Bearer ${keep('new-names rotated access token', rotated.data!.sessionRefresh.accessToken)}` };
    keep('new-names rotated refresh token', rotated.data!.sessionRefresh.refreshToken);

    const second = keep('new-names changed password', password('nn-second'));
    const changed = await gql<{ passwordChange: { changed: boolean } }>('mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { changed } }', { i: { currentPassword: first, newPassword: second } }, auth);
    expect(changed.data?.passwordChange.changed).toBe(true);
    expect((await gql('mutation($i: PasswordResetRequestInput!) { passwordResetRequest(input: $i) { sent } }', { i: { email } })).errors).toBeUndefined();
    const resetToken = keep('new-names reset token', tokenIn(await mail.next(email), 'rst'));
    expect((await gql('mutation($i: PasswordResetTokenCheckInput!) { passwordResetTokenCheck(input: $i) { valid } }', { i: { token: resetToken } })).errors).toBeUndefined();
    const third = keep('new-names reset password', password('nn-third'));
    expect((await gql<{ passwordReset: { reset: boolean } }>('mutation($i: PasswordResetInput!) { passwordReset(input: $i) { reset } }', { i: { token: resetToken, password: third } })).data?.passwordReset.reset).toBe(true);
    const again = await gql<{ login: Tokens }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email, password: third } });
    const finalAuth = { authorization: `Bearer ${keep('new-names final access token', again.data!.login.accessToken)}` };
    keep('new-names final refresh token', again.data!.login.refreshToken);

    const oauthCode = keep('OAuth code in oauthComplete', `code_${randomBytes(16).toString('hex')}`);
    const oauthState = keep('OAuth state in oauthComplete', `state_${randomBytes(16).toString('hex')}`);
    expect((await gql('mutation($i: OauthCompleteInput!) { oauthComplete(input: $i) { accessToken } }', { i: { code: oauthCode, state: oauthState } })).errors).toBeDefined();

    const created = await gql<{ webhookEndpointCreate: { endpoint: { id: string }; secret: string } }>(
      'mutation { webhookEndpointCreate(input: { url: "http://127.0.0.1:9/new-names", eventTypes: ["incident.created"] }) { endpoint { id } secret } }',
      undefined,
      finalAuth,
    );
    keep('webhook secret from webhookEndpointCreate', created.data?.webhookEndpointCreate.secret);
    const rotatedSecret = await gql<{ webhookSecretRotate: { secret: string } }>(
      'mutation($id: ID!) { webhookSecretRotate(input: { id: $id }) { secret } }',
      { id: created.data!.webhookEndpointCreate.endpoint.id },
      finalAuth,
    );
    keep('webhook secret from webhookSecretRotate', rotatedSecret.data?.webhookSecretRotate.secret);
    expect((await gql<{ sessionEnd: { ended: boolean } }>('mutation { sessionEnd { ended } }', undefined, finalAuth)).data?.sessionEnd.ended).toBe(true);
  });

  it('a statement that fails while writing a password hash is logged without the values it was writing', async () => {
    const hash = keep('password hash in a failing statement', `$argon2id$v=19$m=19456,t=2,p=1$${randomBytes(12).toString('base64url')}`);
    const email = keep('e-mail in a failing statement', `failing-${randomBytes(6).toString('hex')}@logs.test`); // PII: not worth a log line either
    // A tenant that does not exist: the insert fails on its foreign key, as a write can fail in a background task.
    const error = await t
      .em()
      .getConnection()
      .execute('insert into users (tenant_id, email, password_hash, role) values (?, ?, ?, ?)', ['00000000-0000-4000-8000-000000000000', email, hash, 'ADMIN'])
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.message).toMatch(/foreign key/);
    t.app.runtime.log.error({ err: error }, 'background task failed'); // as BackgroundTasks logs a failed job
    const line = t.logs.map((l) => JSON.parse(l) as { msg: string; err?: { message: string; code: string; constraint?: string } }).findLast((l) => l.msg === 'background task failed');
    // What an operator needs stays: PostgreSQL's sentence, the SQLSTATE and the constraint.
    expect(line?.err).toMatchObject({ message: expect.stringMatching(/violates foreign key constraint/), code: '23503', constraint: 'users_tenant_id_foreign' });
  });

  it('none of them appears in any log line, raw or JSON-escaped', async () => {
    await t.app.runtime.background.drain();
    const logged = t.logs.join('\n');
    // The server did log these requests (at trace level): the check is not vacuous.
    expect(t.logs.length).toBeGreaterThan(50);
    expect(logged).toContain('/api/v1/auth/login');
    // Query strings are logged with their names, and values only for list filters.
    expect(logged).toContain('/api/v1/auth/oauth/callback?code=[redacted]&state=[redacted]');
    // A 6-digit code could turn up inside a number or an id by chance: look for it standing alone.
    const appears = (value: string) =>
      /^\d{6}$/.test(value)
        ? new RegExp(`(?<![\\w.])${value}(?![\\w.])`).test(logged)
        : logged.includes(value) || logged.includes(JSON.stringify(value).slice(1, -1)) || logged.includes(encodeURIComponent(value));
    const leaks = secrets.filter(([, value]) => appears(value)).map(([what]) => what);
    expect(leaks).toEqual([]);
    expect(secrets.length).toBeGreaterThan(30);
  });
});
