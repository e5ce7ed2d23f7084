import { ActionToken } from '../../src/auth/auth.entities';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';
import { afterMarker } from '../setup/deliveries';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };

describe('password reset', () => {
  let t: TestApp;
  let mail: Mailbox;
  let grace: StaffFixture;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    grace = await createStaff(t.em(), t.app.runtime.passwords, { email: 'grace@navy.test' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const forgot = (email: string) => t.rest<Envelope>('POST', '/api/v1/auth/forgot-password', { email });

  it('answers the same for known and unknown addresses, and mails only the known one', async () => {
    const known = await forgot('Grace@Navy.test');
    const unknown = await forgot('nobody@navy.test');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    const message = await afterMarker(t, mail.next('grace@navy.test'));
    expect(mail.messages.filter((m) => m.to.includes('nobody@navy.test'))).toHaveLength(0);
    expect(message.subject).toMatch(/reset/i);
    tokenIn(message, 'rst');
  });

  it('validates, resets once, and ends every session of the user', async () => {
    const session = await login(t, grace.email, grace.password);
    await forgot(grace.email);
    const token = tokenIn(await mail.next(grace.email), 'rst');
    // Tokens are stored hashed.
    expect(await t.em().count(ActionToken, { tokenHash: token })).toBe(0);

    const valid = await t.rest<Envelope<{ valid: boolean; expiresAt: string }>>('POST', '/api/v1/auth/validate-reset-token', { token });
    expect(valid.status).toBe(200);
    expect(valid.body.data.valid).toBe(true);
    const minutes = (Date.parse(valid.body.data.expiresAt) - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);

    const weak = await t.rest<Envelope>('POST', '/api/v1/auth/reset-password', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors?.[0].field).toBe('password');

    const reset = await t.rest<Envelope>('POST', '/api/v1/auth/reset-password', { token, password: 'Brand-New-Secret-42' });
    expect(reset.status).toBe(200);
    expect((await t.rest('GET', '/api/v1/auth/me', undefined, session.auth)).status).toBe(401);
    expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: session.refreshToken })).status).toBe(401);
    await login(t, grace.email, 'Brand-New-Secret-42');
    grace.password = 'Brand-New-Secret-42';

    const again = await t.rest<Envelope>('POST', '/api/v1/auth/reset-password', { token, password: 'Another-New-Secret-43' });
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0].code).toBe('INVALID_RESET_TOKEN');
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token })).status).toBe(400);
  });

  it('refuses an expired token, and a new request replaces the previous token', async () => {
    await forgot(grace.email);
    const first = tokenIn(await mail.next(grace.email), 'rst');
    await t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'reset_send:%'");
    await forgot(grace.email);
    const second = tokenIn(await mail.next(grace.email), 'rst');
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: first })).status).toBe(400);
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: second })).status).toBe(200);

    await t.em().nativeUpdate(ActionToken, { usedAt: null }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.rest<Envelope>('POST', '/api/v1/auth/reset-password', { token: second, password: 'Brand-New-Secret-44' });
    expect(expired.status).toBe(400);
  });

  it('refuses made-up tokens over REST and GraphQL', async () => {
    expect((await t.rest('POST', '/api/v1/auth/validate-reset-token', { token: 'rst_made-up-token-value-xxxxxxxx' })).status).toBe(400);
    const gql = await t.gql('mutation { validateResetToken(input: { token: "rst_nope" }) { valid } }');
    expect(gql.errors?.[0].extensions?.code).toBe('INVALID_RESET_TOKEN');
  });

  it('limits reset e-mails per address (429 after 3 a minute)', async () => {
    await t.em().getConnection().execute("DELETE FROM rate_limits WHERE key LIKE 'reset_send:%'");
    for (let i = 0; i < 3; i++) expect((await forgot('limit@navy.test')).status).toBe(200);
    const limited = await forgot('limit@navy.test');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });
});
