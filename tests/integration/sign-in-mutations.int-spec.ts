import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Session } from '../../src/auth/auth.entities';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { User } from '../../src/modules/user/user.entity';
import { createCustomerUser } from '../factories/portal';
import { STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { at, op, type Data, type Op } from '../setup/operation-pairs';
import { checksum, changedTables } from '../setup/db-checksum';
import { codeIn, startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

/**
 * Issue 15: the sign-in mutations under their old and their new names, run through the same assertions (a table
 * of name sets): register, verify the address with the code from the e-mail (the real SMTP capture), sign in,
 * refresh, sign out; and the password reset. The old names answer Booleans and bare types, the new ones
 * `<Name>Payload`s: each set says where in its answer the value is, the assertions are the same.
 */


interface StaffNames {
  verify: Op;
  resend: Op;
  refresh: Op;
  end: Op;
  resetRequest: Op;
  tokenCheck: Op;
  reset: Op;
}

const STAFF: [string, StaffNames][] = [
  [
    'old names',
    {
      verify: op('mutation($i: VerifyEmailInput!) { verifyEmail(input: $i) }', at('verifyEmail')),
      resend: op('mutation($i: EmailInput!) { resendOtp(input: $i) }', at('resendOtp')),
      refresh: op('mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }', at('refreshToken')),
      end: op('mutation { logout }', at('logout')),
      resetRequest: op('mutation($i: EmailInput!) { forgotPassword(input: $i) }', at('forgotPassword')),
      tokenCheck: op('mutation($i: ResetTokenInput!) { validateResetToken(input: $i) { valid expiresAt } }', at('validateResetToken')),
      reset: op('mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }', at('resetPassword')),
    },
  ],
  [
    'new names',
    {
      verify: op('mutation($i: EmailVerifyInput!) { emailVerify(input: $i) { verified } }', at('emailVerify', 'verified')),
      resend: op('mutation($i: EmailOtpResendInput!) { emailOtpResend(input: $i) { sent } }', at('emailOtpResend', 'sent')),
      refresh: op('mutation($i: SessionRefreshInput!) { sessionRefresh(input: $i) { accessToken refreshToken } }', at('sessionRefresh')),
      end: op('mutation { sessionEnd { ended } }', at('sessionEnd', 'ended')),
      resetRequest: op('mutation($i: PasswordResetRequestInput!) { passwordResetRequest(input: $i) { sent } }', at('passwordResetRequest', 'sent')),
      tokenCheck: op('mutation($i: PasswordResetTokenCheckInput!) { passwordResetTokenCheck(input: $i) { valid expiresAt } }', at('passwordResetTokenCheck')),
      reset: op('mutation($i: PasswordResetInput!) { passwordReset(input: $i) { reset } }', at('passwordReset', 'reset')),
    },
  ],
];

interface CustomerNames extends StaffNames {
  register: Op;
  linkRequest: Op;
}

const CUSTOMER: [string, CustomerNames][] = [
  [
    'old names',
    {
      register: op('mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { id email name companyId } }', at('registerCustomer')),
      verify: op('mutation($i: CustomerVerifyEmailInput!) { verifyCustomerEmail(input: $i) }', at('verifyCustomerEmail')),
      resend: op('mutation($i: CustomerEmailInput!) { resendCustomerOtp(input: $i) }', at('resendCustomerOtp')),
      refresh: op('mutation($i: RefreshTokenInput!) { customerRefreshToken(input: $i) { accessToken refreshToken } }', at('customerRefreshToken')),
      end: op('mutation { customerLogout }', at('customerLogout')),
      resetRequest: op('mutation($i: CustomerEmailInput!) { customerForgotPassword(input: $i) }', at('customerForgotPassword')),
      tokenCheck: op('mutation($i: ResetTokenInput!) { validateCustomerResetToken(input: $i) { valid expiresAt } }', at('validateCustomerResetToken')),
      reset: op('mutation($i: ResetPasswordInput!) { customerResetPassword(input: $i) }', at('customerResetPassword')),
      linkRequest: op('mutation($i: SignInLinkRequestInput!) { requestSignInLink(input: $i) }', at('requestSignInLink')),
    },
  ],
  [
    'new names',
    {
      register: op('mutation($i: CustomerRegisterInput!) { customerRegister(input: $i) { account { id email name companyId } } }', at('customerRegister', 'account')),
      verify: op('mutation($i: CustomerEmailVerifyInput!) { customerEmailVerify(input: $i) { verified } }', at('customerEmailVerify', 'verified')),
      resend: op('mutation($i: CustomerEmailOtpResendInput!) { customerEmailOtpResend(input: $i) { sent } }', at('customerEmailOtpResend', 'sent')),
      refresh: op('mutation($i: CustomerSessionRefreshInput!) { customerSessionRefresh(input: $i) { accessToken refreshToken } }', at('customerSessionRefresh')),
      end: op('mutation { customerSessionEnd { ended } }', at('customerSessionEnd', 'ended')),
      resetRequest: op(
        'mutation($i: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $i) { sent } }',
        at('customerPasswordResetRequest', 'sent'),
      ),
      tokenCheck: op(
        'mutation($i: CustomerPasswordResetTokenCheckInput!) { customerPasswordResetTokenCheck(input: $i) { valid expiresAt } }',
        at('customerPasswordResetTokenCheck'),
      ),
      reset: op('mutation($i: CustomerPasswordResetInput!) { customerPasswordReset(input: $i) { reset } }', at('customerPasswordReset', 'reset')),
      linkRequest: op('mutation($i: CustomerSignInLinkRequestInput!) { customerSignInLinkRequest(input: $i) { sent } }', at('customerSignInLinkRequest', 'sent')),
    },
  ],
];

type Pair = { accessToken: string; refreshToken: string };

describe('sign-in mutations: old and new names, the same flows', () => {
  let t: TestApp;
  let mail: Mailbox;
  let open: Tenant;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    open = await createTenant(t.em(), { allowCustomerSignup: true });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  /** Runs an operation: the picked value, or the first error's code. */
  const run = async (o: Op, variables?: Data, auth?: Record<string, string>) => {
    const res = await t.gql<Data>(o.query, variables, auth);
    return { value: res.data ? o.pick(res.data) : undefined, code: res.errors?.[0]?.extensions?.code as string | undefined, errors: res.errors };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const sessionOf = (accessToken: string) => t.em().findOneOrFail(Session, { id: (jwt.decode(accessToken) as { sid: string }).sid });

  describe.each(STAFF)('staff, %s', (label, n) => {
    const email = `staff-${label.split(' ')[0]}@names.test`;
    const password = STRONG_PASSWORD;
    const newPassword = 'Brand-New-Secret-42';
    const staffLogin = async (pw: string) => {
      const res = await t.gql<{ login: Pair }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email, password: pw } });
      return { pair: res.data?.login, code: res.errors?.[0]?.extensions?.code };
    };
    const me = async (accessToken: string) => (await t.gql<{ me: { email: string } }>('{ me { email } }', undefined, bearer(accessToken))).errors?.[0]?.extensions?.code ?? 'OK';

    it('register, then verify the address with the e-mailed code (a wrong one refused, a resent one works)', async () => {
      const registered = await t.gql('mutation($i: RegisterBusinessInput!) { registerBusiness(input: $i) { user { id } } }', { i: { businessName: `Names ${label}`, email, password } });
      expect(registered.errors).toBeUndefined();
      const first = codeIn(await mail.next(email));
      expect((await staffLogin(password)).code).toBe('EMAIL_NOT_VERIFIED');

      const wrong = await run(n.verify, { i: { email, otp: first === '000000' ? '111111' : '000000' } });
      expect(wrong.code).toBe('INVALID_OTP');
      // A new code, by the same rule for known and unknown addresses.
      expect((await run(n.resend, { i: { email } })).value).toBe(true);
      expect((await run(n.resend, { i: { email: `nobody-${label.split(' ')[0]}@names.test` } })).value).toBe(true);
      const second = codeIn(await mail.next(email));

      const ok = await run(n.verify, { i: { email, otp: second } });
      expect(ok.errors).toBeUndefined();
      expect(ok.value).toBe(true);
      expect((await t.em().findOneOrFail(User, { email })).emailVerifiedAt).toBeInstanceOf(Date);
    });

    it('login, refresh (rotating over GraphQL), then end the session: its tokens stop working', async () => {
      const { pair } = await staffLogin(password);
      const refreshed = await run(n.refresh, { i: { refreshToken: pair!.refreshToken } });
      expect(refreshed.errors).toBeUndefined();
      const next = refreshed.value as Pair;
      expect(next).toEqual({ accessToken: expect.stringMatching(/^eyJ/), refreshToken: expect.stringMatching(/^rt_/) });
      expect(next.refreshToken).not.toBe(pair!.refreshToken);
      expect(await me(next.accessToken)).toBe('OK');

      // Without a token: refused, and nothing ends.
      expect((await run(n.end)).code).toBe('UNAUTHENTICATED');
      const ended = await run(n.end, undefined, bearer(next.accessToken));
      expect(ended.value).toBe(true);
      expect((await sessionOf(next.accessToken)).revokedReason).toBe('logout');
      expect(await me(next.accessToken)).toBe('UNAUTHENTICATED');
      expect((await run(n.refresh, { i: { refreshToken: next.refreshToken } })).code).toBe('INVALID_REFRESH_TOKEN');
    });

    it('password reset: the same answer for an unknown address, a token by e-mail, checked, used once; every session ends', async () => {
      const { pair } = await staffLogin(password);
      expect((await run(n.resetRequest, { i: { email } })).value).toBe(true);
      expect((await run(n.resetRequest, { i: { email: `nobody-${label.split(' ')[0]}@names.test` } })).value).toBe(true);
      const token = tokenIn(await mail.next(email), 'rst');

      const status = (await run(n.tokenCheck, { i: { token } })).value as { valid: boolean; expiresAt: string };
      expect(status.valid).toBe(true);
      expect(Date.parse(status.expiresAt)).toBeGreaterThan(Date.now());
      expect((await run(n.reset, { i: { token, password: 'short' } })).code).toBe('VALIDATION_FAILED');

      expect((await run(n.reset, { i: { token, password: newPassword } })).value).toBe(true);
      expect(await me(pair!.accessToken)).toBe('UNAUTHENTICATED');
      expect((await staffLogin(password)).code).toBe('INVALID_CREDENTIALS');
      expect((await staffLogin(newPassword)).pair?.accessToken).toMatch(/^eyJ/);
      expect((await run(n.tokenCheck, { i: { token } })).code).toBe('INVALID_RESET_TOKEN');
      expect((await run(n.reset, { i: { token, password: 'Another-New-Secret-43' } })).code).toBe('INVALID_RESET_TOKEN');
    });
  });

  describe.each(CUSTOMER)('customer, %s', (label, n) => {
    const email = `customer-${label.split(' ')[0]}@names.test`;
    const password = STRONG_PASSWORD;
    const newPassword = 'Brand-New-Secret-42';
    const customerLogin = async (pw: string) => {
      const res = await t.gql<{ customerLogin: Pair }>('mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken refreshToken } }', {
        i: { email, password: pw, companyId: open.id },
      });
      return { pair: res.data?.customerLogin, code: res.errors?.[0]?.extensions?.code };
    };
    const portalMe = async (accessToken: string) => (await t.gql('{ portalMe { email } }', undefined, bearer(accessToken))).errors?.[0]?.extensions?.code ?? 'OK';

    it('register in a company open to sign-up, then verify the address with the e-mailed code', async () => {
      const registered = await run(n.register, { i: { email, password, name: 'Max Names', companyId: open.id } });
      expect(registered.errors).toBeUndefined();
      expect(registered.value).toEqual({ id: expect.any(String), email, name: 'Max Names', companyId: open.id });
      const first = codeIn(await mail.next(email));
      expect((await customerLogin(password)).code).toBe('EMAIL_NOT_VERIFIED');

      expect((await run(n.verify, { i: { email, otp: first === '000000' ? '111111' : '000000' } })).code).toBe('INVALID_OTP');
      expect((await run(n.resend, { i: { email } })).value).toBe(true);
      expect((await run(n.resend, { i: { email: `nobody-${label.split(' ')[0]}@names.test` } })).value).toBe(true);
      const second = codeIn(await mail.next(email));
      expect((await run(n.verify, { i: { email, otp: second } })).value).toBe(true);
      const account = await t.em().findOneOrFail(CustomerUser, { email, tenant: open.id });
      expect(account.emailVerifiedAt).toBeInstanceOf(Date);
    });

    it('login, refresh, then end the session: its tokens stop working', async () => {
      const { pair } = await customerLogin(password);
      const refreshed = await run(n.refresh, { i: { refreshToken: pair!.refreshToken } });
      expect(refreshed.errors).toBeUndefined();
      const next = refreshed.value as Pair;
      expect(next.refreshToken).not.toBe(pair!.refreshToken);
      expect(await portalMe(next.accessToken)).toBe('OK');
      // Without a token: refused, and nothing ends.
      expect((await run(n.end)).code).toBe('UNAUTHENTICATED');
      expect((await run(n.end, undefined, bearer(next.accessToken))).value).toBe(true);
      expect((await sessionOf(next.accessToken)).revokedReason).toBe('logout');
      expect(await portalMe(next.accessToken)).toBe('UNAUTHENTICATED');
      expect((await run(n.refresh, { i: { refreshToken: next.refreshToken } })).code).toBe('INVALID_REFRESH_TOKEN');
    });

    it('password reset: the same answer for an unknown address, a token by e-mail, checked, used once', async () => {
      const { pair } = await customerLogin(password);
      expect((await run(n.resetRequest, { i: { email } })).value).toBe(true);
      expect((await run(n.resetRequest, { i: { email: `nobody-${label.split(' ')[0]}@names.test` } })).value).toBe(true);
      const token = tokenIn(await mail.next(email), 'rst');
      const status = (await run(n.tokenCheck, { i: { token } })).value as { valid: boolean; expiresAt: string };
      expect(status.valid).toBe(true);
      expect((await run(n.reset, { i: { token, password: newPassword } })).value).toBe(true);
      expect(await portalMe(pair!.accessToken)).toBe('UNAUTHENTICATED');
      expect((await customerLogin(password)).code).toBe('INVALID_CREDENTIALS');
      expect((await customerLogin(newPassword)).pair?.accessToken).toMatch(/^eyJ/);
      expect((await run(n.tokenCheck, { i: { token } })).code).toBe('INVALID_RESET_TOKEN');
    });

    it('a sign-in link by e-mail (the same answer for an unknown address), signed in with once', async () => {
      expect((await run(n.linkRequest, { i: { email, companyId: open.id } })).value).toBe(true);
      expect((await run(n.linkRequest, { i: { email: `nobody-${label.split(' ')[0]}@names.test`, companyId: open.id } })).value).toBe(true);
      const token = tokenIn(await mail.next(email), 'sgn');
      const signIn = 'mutation($i: SignInWithLinkInput!) { signInWithLink(input: $i) { accessToken account { email } } }';
      const first = await t.gql<{ signInWithLink: { accessToken: string; account: { email: string } } }>(signIn, { i: { token } });
      expect(first.data?.signInWithLink.account.email).toBe(email);
      expect(await portalMe(first.data!.signInWithLink.accessToken)).toBe('OK');
      expect((await t.gql(signIn, { i: { token } })).errors?.[0]?.extensions?.code).toBeDefined();
    });
  });

  // Issue 15: `workspace` (its id or its slug) chooses the workspace in every sign-in input. The deprecated
  // companyId/tenantSlug still work; a pair that disagrees is refused before anything is written or counted; an
  // unknown workspace answers exactly as an unknown companyId/tenantSlug does.
  describe('choosing the workspace: `workspace`, by slug or by id', () => {
    let other: Tenant;
    let closed: Tenant;
    const both = 'both@workspace.test';
    const LOGIN = 'mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { account { tenantId } } }';
    const PORTAL_LOGIN = 'mutation($i: PortalLoginInput!) { portalLogin(input: $i) { account { tenantId } } }';
    const REGISTER = 'mutation($i: CustomerRegisterInput!) { customerRegister(input: $i) { account { email companyId } } }';
    const VERIFY = 'mutation($i: CustomerEmailVerifyInput!) { customerEmailVerify(input: $i) { verified } }';
    const RESEND = 'mutation($i: CustomerEmailOtpResendInput!) { customerEmailOtpResend(input: $i) { sent } }';
    const RESET_REQUEST = 'mutation($i: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $i) { sent } }';
    const OLD_RESET_REQUEST = 'mutation($i: CustomerEmailInput!) { customerForgotPassword(input: $i) }';
    const LINK_REQUEST = 'mutation($i: CustomerSignInLinkRequestInput!) { customerSignInLinkRequest(input: $i) { sent } }';
    const REDEEM = 'mutation($i: SignInWithLinkInput!) { signInWithLink(input: $i) { account { tenantId } } }';
    type Account = { account: { tenantId: string } };

    beforeAll(async () => {
      other = await createTenant(t.em(), { allowCustomerSignup: true });
      closed = await createTenant(t.em(), { allowCustomerSignup: false });
      await createCustomerUser(t.em(), t.app.runtime.passwords, open, { email: both });
      await createCustomerUser(t.em(), t.app.runtime.passwords, other, { email: both });
    });
    // Each test asks for several e-mails to one address: the per-address and per-IP limits are tested elsewhere.
    beforeEach(() => t.em().getConnection().execute('DELETE FROM rate_limits'));

    const mailsTo = (email: string) => mail.messages.filter((m) => m.to.includes(email)).length;
    const login = (i: Data) => t.gql<{ customerLogin: Account }>(LOGIN, { i: { email: both, password: STRONG_PASSWORD, ...i } });
    const tenantOf = async (i: Data) => {
      const res = await login(i);
      return res.data?.customerLogin?.account.tenantId ?? res.errors?.[0]?.extensions?.code;
    };
    const register = (email: string, i: Data) => t.gql<{ customerRegister: { account: { email: string; companyId: string } } }>(REGISTER, { i: { email, password: STRONG_PASSWORD, name: 'Wanda Workspace', ...i } });

    it('login: by slug or by id (any case); the deprecated names and a pair that agrees still work', async () => {
      expect(await tenantOf({})).toBe('COMPANY_REQUIRED');
      expect(await tenantOf({ workspace: open.slug })).toBe(open.id);
      expect(await tenantOf({ workspace: other.slug })).toBe(other.id);
      expect(await tenantOf({ workspace: other.id })).toBe(other.id);
      expect(await tenantOf({ workspace: open.id.toUpperCase() })).toBe(open.id);
      expect(await tenantOf({ companyId: other.id })).toBe(other.id);
      expect(await tenantOf({ tenantSlug: open.slug })).toBe(open.id);
      expect(await tenantOf({ workspace: other.slug, tenantSlug: other.slug })).toBe(other.id);
      expect(await tenantOf({ workspace: other.id.toUpperCase(), companyId: other.id })).toBe(other.id);
      expect(await tenantOf({ workspace: open.slug, companyId: open.id })).toBe(open.id);
      // The COMPANY_REQUIRED answer names the new field.
      expect((await login({})).errors?.[0]?.message).toMatch(/with workspace/);
    });

    it('the portal door requires a workspace: by slug or id, or the deprecated tenantSlug; none is VALIDATION_FAILED on `workspace`', async () => {
      const portalTenant = async (i: Data) => {
        const res = await t.gql<{ portalLogin: Account }>(PORTAL_LOGIN, { i: { email: both, password: STRONG_PASSWORD, ...i } });
        return res.data?.portalLogin?.account.tenantId ?? res.errors?.[0]?.extensions;
      };
      expect(await portalTenant({ workspace: other.slug })).toBe(other.id);
      expect(await portalTenant({ workspace: open.id })).toBe(open.id);
      expect(await portalTenant({ tenantSlug: other.slug })).toBe(other.id);
      expect(await portalTenant({})).toEqual({ code: 'VALIDATION_FAILED', errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: 'is required' }] });
      // REST keeps the document's name for it.
      const rest = await t.rest<{ errors: unknown[] }>('POST', '/api/v1/portal/auth/login', { email: both, password: STRONG_PASSWORD });
      expect(rest.status).toBe(400);
      expect(rest.body.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'tenantSlug', message: 'is required' }]);
    });

    it('register by slug or by id, then resend and verify the code in that workspace; none is VALIDATION_FAILED on `workspace`', async () => {
      const bySlug = await register('slug@workspace.test', { workspace: other.slug });
      expect(bySlug.errors).toBeUndefined();
      expect(bySlug.data?.customerRegister.account).toEqual({ email: 'slug@workspace.test', companyId: other.id });
      codeIn(await mail.next('slug@workspace.test'));
      const resent = await t.gql<{ customerEmailOtpResend: { sent: boolean } }>(RESEND, { i: { email: 'slug@workspace.test', workspace: other.slug } });
      expect(resent.data?.customerEmailOtpResend.sent).toBe(true);
      const code = codeIn(await mail.next('slug@workspace.test'));
      // Named by the other workspace, the right code verifies nothing; by its own id, it does.
      expect((await t.gql(VERIFY, { i: { email: 'slug@workspace.test', otp: code, workspace: open.slug } })).errors?.[0]?.extensions?.code).toBe('INVALID_OTP');
      expect((await t.gql<{ customerEmailVerify: { verified: boolean } }>(VERIFY, { i: { email: 'slug@workspace.test', otp: code, workspace: other.id } })).data?.customerEmailVerify.verified).toBe(true);
      expect((await t.em().findOneOrFail(CustomerUser, { email: 'slug@workspace.test' }, { populate: ['tenant'] })).tenant.id).toBe(other.id);

      const byId = await register('id@workspace.test', { workspace: open.id });
      expect(byId.data?.customerRegister.account).toEqual({ email: 'id@workspace.test', companyId: open.id });
      codeIn(await mail.next('id@workspace.test'));
      expect((await t.em().findOneOrFail(CustomerUser, { email: 'id@workspace.test' }, { populate: ['tenant'] })).tenant.id).toBe(open.id);

      const before = await checksum(t);
      const none = await register('none@workspace.test', {});
      expect(none.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: 'is required' }] });
      await t.app.runtime.background.drain();
      expect(changedTables(before, await checksum(t))).toEqual([]);
    });

    it('an unknown or closed workspace answers exactly as an unknown companyId or tenantSlug does', async () => {
      const unknownId = randomUUID();
      const answer = async (query: string, i: Data) => {
        const { data, errors } = await t.gql(query, { i });
        return { data, errors };
      };
      const pairs: [string, Data, Data][] = [
        [LOGIN, { email: both, password: STRONG_PASSWORD, workspace: 'no-such-workspace' }, { email: both, password: STRONG_PASSWORD, tenantSlug: 'no-such-workspace' }],
        [LOGIN, { email: both, password: STRONG_PASSWORD, workspace: unknownId }, { email: both, password: STRONG_PASSWORD, companyId: unknownId }],
        [PORTAL_LOGIN, { email: both, password: STRONG_PASSWORD, workspace: 'no-such-workspace' }, { email: both, password: STRONG_PASSWORD, tenantSlug: 'no-such-workspace' }],
        [REGISTER, { email: 'nowhere@workspace.test', password: STRONG_PASSWORD, name: 'N', workspace: unknownId }, { email: 'nowhere@workspace.test', password: STRONG_PASSWORD, name: 'N', companyId: unknownId }],
        [REGISTER, { email: 'nowhere@workspace.test', password: STRONG_PASSWORD, name: 'N', workspace: 'no-such-workspace' }, { email: 'nowhere@workspace.test', password: STRONG_PASSWORD, name: 'N', companyId: 'no-such-workspace' }],
        [REGISTER, { email: 'nowhere@workspace.test', password: STRONG_PASSWORD, name: 'N', workspace: closed.slug }, { email: 'nowhere@workspace.test', password: STRONG_PASSWORD, name: 'N', companyId: closed.id }],
        [RESET_REQUEST, { email: both, workspace: 'no-such-workspace' }, { email: both, companyId: unknownId }],
        [LINK_REQUEST, { email: both, workspace: 'no-such-workspace' }, { email: both, tenantSlug: 'no-such-workspace' }],
        [RESEND, { email: both, workspace: unknownId }, { email: both, companyId: unknownId }],
        [VERIFY, { email: both, otp: '123456', workspace: 'no-such-workspace' }, { email: both, otp: '123456', companyId: unknownId }],
      ];
      const mailed = mailsTo(both);
      for (const [query, byWorkspace, byOldName] of pairs) {
        const [a, b] = [await answer(query, byWorkspace), await answer(query, byOldName)];
        expect({ query, ...a }).toEqual({ query, ...b });
        expect(a.errors?.[0]?.extensions?.code ?? 'OK').toMatch(/^(OK|INVALID_CREDENTIALS|COMPANY_NOT_AVAILABLE|INVALID_OTP)$/);
      }
      await t.app.runtime.background.drain();
      expect(mailsTo(both)).toBe(mailed);
      expect(await t.em().count(CustomerUser, { email: 'nowhere@workspace.test' })).toBe(0);
    });

    it('a workspace that disagrees with companyId or tenantSlug: VALIDATION_FAILED on `workspace`, nothing written, counted or mailed', async () => {
      const refusals: [string, Data][] = [
        [LOGIN, { email: both, password: STRONG_PASSWORD, workspace: open.slug, tenantSlug: other.slug }],
        [LOGIN, { email: both, password: STRONG_PASSWORD, workspace: open.id, companyId: other.id }],
        [PORTAL_LOGIN, { email: both, password: STRONG_PASSWORD, workspace: other.slug, tenantSlug: open.slug }],
        [REGISTER, { email: 'split@workspace.test', password: STRONG_PASSWORD, name: 'S', workspace: open.id, companyId: other.id }],
        [VERIFY, { email: both, otp: '123456', workspace: open.id, companyId: other.id }],
        [RESEND, { email: both, workspace: other.id, companyId: open.id }],
        [RESET_REQUEST, { email: both, workspace: other.id, companyId: open.id }],
        [OLD_RESET_REQUEST, { email: both, workspace: other.id, companyId: 'not-a-uuid' }],
        [LINK_REQUEST, { email: both, workspace: open.slug, tenantSlug: other.slug }],
        [REDEEM, { token: 'sgn_never-issued-token-value-xxxxxxxxxxxxxxxxxx', workspace: open.id, companyId: other.id }],
      ];
      const mailed = mailsTo(both);
      const before = await checksum(t);
      for (const [query, i] of refusals) {
        const res = await t.gql(query, { i });
        const legacy = 'tenantSlug' in i ? 'tenantSlug' : 'companyId';
        expect({ query, data: res.data, error: res.errors?.[0]?.extensions }).toEqual({
          query,
          data: { [Object.keys(res.data ?? {})[0]]: null },
          error: { code: 'VALIDATION_FAILED', errors: [{ code: 'VALIDATION_FAILED', field: 'workspace', message: `names another workspace than ${legacy}` }] },
        });
      }
      await t.app.runtime.background.drain();
      expect(changedTables(before, await checksum(t))).toEqual([]);
      expect(mailsTo(both)).toBe(mailed);
    });

    it("password reset and sign-in links by slug or by id: only that workspace's account gets one; a link must be of the workspace named", async () => {
      expect((await t.gql<{ customerPasswordResetRequest: { sent: boolean } }>(RESET_REQUEST, { i: { email: both, workspace: other.slug } })).data?.customerPasswordResetRequest.sent).toBe(true);
      await t.app.runtime.background.drain();
      expect((await mail.next(both)).subject).toBe(`Reset your ${other.name} support password`);
      expect((await t.gql(RESET_REQUEST, { i: { email: both, workspace: open.id } })).errors).toBeUndefined();
      await t.app.runtime.background.drain();
      expect((await mail.next(both)).subject).toBe(`Reset your ${open.name} support password`);

      const mailed = mailsTo(both);
      expect((await t.gql(LINK_REQUEST, { i: { email: both, workspace: other.id } })).errors).toBeUndefined();
      await t.app.runtime.background.drain();
      const link = await mail.next(both);
      expect(link.subject).toBe(`Sign in to ${other.name} support`);
      expect(mailsTo(both)).toBe(mailed + 1);
      const token = tokenIn(link, 'sgn');

      const redeem = async (i: Data) => {
        const res = await t.gql<{ signInWithLink: Account }>(REDEEM, { i: { token, ...i } });
        return res.data?.signInWithLink?.account.tenantId ?? res.errors?.[0]?.extensions?.code;
      };
      // Another workspace named, by either name: refused alike, and the link still works in its own.
      expect(await redeem({ workspace: open.slug })).toBe('INVALID_SIGN_IN_LINK');
      expect(await redeem({ workspace: open.id })).toBe('INVALID_SIGN_IN_LINK');
      expect(await redeem({ tenantSlug: open.slug })).toBe('INVALID_SIGN_IN_LINK');
      expect(await redeem({ workspace: other.slug, tenantSlug: open.slug })).toBe('VALIDATION_FAILED');
      expect(await redeem({ workspace: other.slug })).toBe(other.id);
      expect(await redeem({ workspace: other.slug })).toBe('INVALID_SIGN_IN_LINK');
    });
  });
});
