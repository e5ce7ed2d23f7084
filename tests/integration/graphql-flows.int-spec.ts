import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createArticle } from '../factories/portal';
import { STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { codeIn, startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

/** The same lifecycles as the REST tests, over GraphQL only: every operation, its success and a refusal. */
describe('GraphQL flows', () => {
  let t: TestApp;
  let mail: Mailbox;
  let acme: Tenant;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    acme = await createTenant(t.em(), { slug: 'gql-acme', allowCustomerSignup: true });
    await createArticle(t.em(), acme, { title: 'Rotate API keys', markdown: 'Go to **Keys**.', tags: ['api'] });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };
  const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0].extensions?.code;

  it('staff: register, verify, login, me, profile, refresh, change password, reset, logout', async () => {
    const email = 'gql-owner@acme.test';
    ok(await t.gql('mutation($i: RegisterBusinessInput!) { registerBusiness(input: $i) { user { id } business { slug } } }', { i: { businessName: 'GQL Inc', email, password: STRONG_PASSWORD } }));
    const otp = codeIn(await mail.next(email));
    expect(code(await t.gql('mutation { verifyEmail(input: { email: "gql-owner@acme.test", otp: "000000" }) }'))).toBe('INVALID_OTP');
    expect(code(await t.gql(`mutation { login(input: { email: "${email}", password: "${STRONG_PASSWORD}" }) { accessToken } }`))).toBe('EMAIL_NOT_VERIFIED');
    ok(await t.gql('mutation($i: VerifyEmailInput!) { verifyEmail(input: $i) }', { i: { email, otp } }));
    ok(await t.gql('mutation($i: EmailInput!) { resendOtp(input: $i) }', { i: { email } }));

    type Pair = { accessToken: string; refreshToken: string };
    const login = ok(await t.gql<{ login: Pair & { user: { role: string } } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken user { role } } }', { i: { email, password: STRONG_PASSWORD } })).login;
    expect(login.user.role).toBe('ADMIN');
    const h = { authorization: `Bearer ${login.accessToken}` };
    expect(ok(await t.gql<{ me: { email: string } }>('{ me { email } }', undefined, h)).me.email).toBe(email);
    expect(code(await t.gql('{ me { email } }'))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql<{ updateProfile: { phone: string } }>('mutation { updateProfile(input: { phone: "+4930123456" }) { phone } }', undefined, h)).updateProfile.phone).toBe('+4930123456');
    expect(code(await t.gql('mutation { updateProfile(input: { email: "x@y.z" }) { phone } }', undefined, h))).toBe('GRAPHQL_VALIDATION_FAILED');

    const refreshed = ok(await t.gql<{ refreshToken: Pair }>('mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }', { i: { refreshToken: login.refreshToken } })).refreshToken;
    expect(code(await t.gql('mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken } }', { i: { refreshToken: login.refreshToken } }))).toBe('INVALID_REFRESH_TOKEN');
    const h2 = { authorization: `Bearer ${(await t.gql<{ login: Pair }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email, password: STRONG_PASSWORD } })).data!.login.accessToken}` };
    expect(refreshed.accessToken).toBeTruthy();

    expect(code(await t.gql('mutation { changePassword(input: { currentPassword: "wrong-one-123", newPassword: "Another-Strong-1" }) }', undefined, h2))).toBe('VALIDATION_FAILED');
    ok(await t.gql(`mutation { changePassword(input: { currentPassword: "${STRONG_PASSWORD}", newPassword: "Another-Strong-1" }) }`, undefined, h2));

    ok(await t.gql('mutation($i: EmailInput!) { forgotPassword(input: $i) }', { i: { email } }));
    const token = tokenIn(await mail.next(email), 'rst');
    expect(ok(await t.gql<{ validateResetToken: { valid: boolean } }>('mutation($i: ResetTokenInput!) { validateResetToken(input: $i) { valid } }', { i: { token } })).validateResetToken.valid).toBe(true);
    ok(await t.gql('mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }', { i: { token, password: 'Third-Strong-Pass-3' } }));
    expect(code(await t.gql('{ me { email } }', undefined, h2))).toBe('UNAUTHENTICATED'); // the reset ended every session

    const last = ok(await t.gql<{ login: Pair }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email, password: 'Third-Strong-Pass-3' } })).login;
    const h3 = { authorization: `Bearer ${last.accessToken}` };
    ok(await t.gql('mutation { logout }', undefined, h3));
    expect(code(await t.gql('mutation { logout }', undefined, h3))).toBe('UNAUTHENTICATED');
  });

  it('customer: register, verify, login on both doors, me, tickets, comment, kb, refresh, logout', async () => {
    const email = 'gql-customer@client.test';
    ok(await t.gql('mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { id } }', { i: { email, password: STRONG_PASSWORD, name: 'Gina', companyId: acme.id } }));
    const otp = codeIn(await mail.next(email));
    ok(await t.gql('mutation($i: CustomerEmailInput!) { resendCustomerOtp(input: $i) }', { i: { email } }));
    const otp2 = codeIn(await mail.next(email));
    expect(code(await t.gql('mutation($i: CustomerVerifyEmailInput!) { verifyCustomerEmail(input: $i) }', { i: { email, otp: otp === otp2 ? '000001' : otp } }))).toBe('INVALID_OTP');
    ok(await t.gql('mutation($i: CustomerVerifyEmailInput!) { verifyCustomerEmail(input: $i) }', { i: { email, otp: otp2 } }));

    type Pair = { accessToken: string; refreshToken: string };
    const a = ok(await t.gql<{ customerLogin: Pair }>('mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken refreshToken } }', { i: { email, password: STRONG_PASSWORD } })).customerLogin;
    const b = ok(await t.gql<{ portalLogin: Pair }>('mutation($i: PortalLoginInput!) { portalLogin(input: $i) { accessToken refreshToken } }', { i: { tenantSlug: 'gql-acme', email, password: STRONG_PASSWORD } })).portalLogin;
    expect(code(await t.gql('mutation($i: PortalLoginInput!) { portalLogin(input: $i) { accessToken } }', { i: { tenantSlug: 'gql-acme', email, password: 'Wrong-Password-1' } }))).toBe('INVALID_CREDENTIALS');
    const h = { authorization: `Bearer ${a.accessToken}` };
    expect(ok(await t.gql<{ portalMe: { displayName: string } }>('{ portalMe { displayName } }', undefined, h)).portalMe.displayName).toBe('Gina');

    const created = ok(await t.gql<{ createTicket: { id: string; number: string } }>('mutation { createTicket(input: { title: "Down", description: "All down", priority: CRITICAL }) { id number } }', undefined, h)).createTicket;
    expect(ok(await t.gql<{ ticket: { number: string } }>(`{ ticket(id: "${created.number}") { number } }`, undefined, h)).ticket.number).toBe(created.number);
    expect(code(await t.gql('{ ticket(id: "INC-20000101-0001") { number } }', undefined, h))).toBe('INCIDENT_NOT_FOUND');
    expect(ok(await t.gql<{ tickets: { pagination: { total: number } } }>('{ tickets(status: OPEN) { pagination { total } } }', undefined, h)).tickets.pagination.total).toBe(1);
    ok(await t.gql(`mutation { addTicketComment(ticketId: "${created.id}", body: "More info") { id } }`, undefined, h));
    expect(code(await t.gql(`mutation { addTicketComment(ticketId: "${created.id}", body: "") { id } }`, undefined, h))).toBe('VALIDATION_FAILED');
    expect(ok(await t.gql<{ kbArticles: { items: { slug: string }[] } }>('{ kbArticles(q: "keys") { items { slug } } }', undefined, h)).kbArticles.items.map((x) => x.slug)).toEqual(['rotate-api-keys']);
    expect(ok(await t.gql<{ kbArticle: { html: string } }>('{ kbArticle(slug: "rotate-api-keys") { html } }', undefined, h)).kbArticle.html).toContain('<strong>Keys</strong>');

    ok(await t.gql('mutation($i: RefreshTokenInput!) { customerRefreshToken(input: $i) { accessToken } }', { i: { refreshToken: b.refreshToken } }));
    ok(await t.gql('mutation { customerLogout }', undefined, h));
    expect(code(await t.gql('{ portalMe { id } }', undefined, h))).toBe('UNAUTHENTICATED');
  });
});
