import jwt from 'jsonwebtoken';
import { Session } from '../../src/auth/auth.entities';
import { CustomerUser } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { User } from '../../src/modules/user/user.entity';
import { STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { at, op, type Data, type Op } from '../setup/operation-pairs';
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
});
