import { randomBytes } from 'node:crypto';
import { CustomerUser } from '../../../src/modules/customer/customer.entity';
import type { Tenant } from '../../../src/modules/tenant/tenant.entity';
import { createCustomerUser } from '../../factories/portal';
import { createStaff, STRONG_PASSWORD } from '../../factories/staff';
import type { TestApp } from '../../setup/app';
import type { TimingClient } from '../../setup/timing-client';

/**
 * The flows of tests/security/enumeration*.ts: login, register, forgot-password, resend-OTP and sign-in links at both
 * doors and over both transports, each for an address that has an account and one that has none. The
 * answers are compared in enumeration.int-spec.ts, their timing in enumeration.timing-spec.ts.
 */

export interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

/** An answer and how long it took, timed by a client on its own thread (tests/setup/timing-client.ts). */
export interface Timed {
  answer: Answer;
  ms: number;
}

/** Every sent value (address, its local part, the per-call token) masked, and ids: they differ on every call. */
export function masked(answer: Answer, sent: string[]): Answer {
  let text = JSON.stringify(answer.body);
  for (const value of sent.filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(value).join('<sent>');
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
  return { ...answer, body: JSON.parse(text) };
}

/** Settings of both enumeration files: every limiter far away, so only the account makes a difference. */
export const FAR_LIMITS = {
  WORKER_ENABLED: 'true',
  OTP_RESEND_PER_MINUTE: '100',
  LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '100000',
  LOGIN_FAILURES_PER_IP_PER_HOUR: '1000000',
  REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
  MAIL_REQUESTS_PER_IP_PER_HOUR: '1000000',
};

export const hex = (n = 4) => randomBytes(n).toString('hex');
/** Addresses of one length (`x` + 8 hex + domain), so nothing about them differs but whether they exist. */
export const address = (prefix: 'k' | 'u') => `${prefix}${hex()}@enum.test`;

export type Transport = 'REST' | 'GraphQL';

export interface Call {
  timed: Timed;
  sent: string[];
}


/** What the flows run against, filled in by the spec's beforeAll (the cases are listed before it runs). */
export interface EnumerationWorld {
  t: TestApp;
  /** A workspace open to customer sign-up. */
  open: Tenant;
  /** Requests are sent from their own thread, so their times are a remote caller's (tests/setup/timing-client.ts). */
  client: TimingClient;
}

export function enumerationFlows(world: EnumerationWorld) {
  const rest = async (path: string, body: Record<string, unknown>): Promise<Timed> => {
    const res = await world.client.post(path, body);
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
        ? await rest('/api/v1/portal/auth/login', { tenantSlug: world.open.slug, email, password })
        : await gql('mutation ($input: PortalLoginInput!) { portalLogin(input: $input) { accessToken } }', { tenantSlug: world.open.slug, email, password }),
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
    const input = { email, password: STRONG_PASSWORD, name: 'Max Mustermann', companyId: world.open.id };
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
  const customerSignInLink: Send = async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/customer/sign-in-link', { email })
        : await gql('mutation ($input: SignInLinkRequestInput!) { requestSignInLink(input: $input) }', { email }),
  });
  const portalSignInLink: Send = async (transport, email) => ({
    sent: [email],
    timed:
      transport === 'REST'
        ? await rest('/api/v1/portal/auth/sign-in-link', { tenantSlug: world.open.slug, email })
        : await gql('mutation ($input: SignInLinkRequestInput!) { requestSignInLink(input: $input) }', { tenantSlug: world.open.slug, email }),
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
    (await createStaff(world.t.em(), world.t.app.runtime.passwords, { email: address('k'), ...options })).email;
  const customerAccount = async (options: { verified?: boolean; active?: boolean } = {}) => {
    const { user, email } = await createCustomerUser(world.t.em(), world.t.app.runtime.passwords, world.open, { email: address('k'), verified: options.verified });
    if (options.active === false) await world.t.em().nativeUpdate(CustomerUser, { id: user.id }, { isActive: false });
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
    { flow: 'customer sign-in link', send: customerSignInLink, existing: () => customerAccount() },
    { flow: 'portal sign-in link (tenant slug)', send: portalSignInLink, existing: () => customerAccount() },
    { flow: 'portal sign-in link: deactivated account vs unknown e-mail', send: portalSignInLink, existing: () => customerAccount({ active: false }) },
  ];

  // Issue 15: the new-style names of the public flows that e-mail or register, over GraphQL (the REST cases above
  // run them too, through the routes' operations). They call the old names' service methods; these cases hold their
  // answers to the same rule.
  const graphqlOnly =
    (query: string, input: (email: string) => Record<string, unknown>): Send =>
    async (_transport, email) => ({ sent: [email], timed: await gql(query, input(email)) });
  /** customerRegister, its workspace named as given. */
  const customerRegister = (workspace: () => Record<string, string>) =>
    graphqlOnly('mutation ($input: CustomerRegisterInput!) { customerRegister(input: $input) { account { id email name companyId } } }', (email) => ({
      email,
      password: STRONG_PASSWORD,
      name: 'Max Mustermann',
      ...workspace(),
    }));
  const newStyleCases: Case[] = [
    {
      flow: 'passwordResetRequest',
      send: graphqlOnly('mutation ($input: PasswordResetRequestInput!) { passwordResetRequest(input: $input) { sent } }', (email) => ({ email })),
      existing: () => staffAccount(),
    },
    {
      flow: 'emailOtpResend (unverified account)',
      send: graphqlOnly('mutation ($input: EmailOtpResendInput!) { emailOtpResend(input: $input) { sent } }', (email) => ({ email })),
      existing: () => staffAccount({ verified: false }),
    },
    {
      flow: 'emailOtpResend (verified account)',
      send: graphqlOnly('mutation ($input: EmailOtpResendInput!) { emailOtpResend(input: $input) { sent } }', (email) => ({ email })),
      existing: () => staffAccount(),
    },
    {
      flow: 'customerRegister',
      send: customerRegister(() => ({ companyId: world.open.id })),
      existing: () => customerAccount(),
      freshUnknown: true,
    },
    {
      flow: 'customerPasswordResetRequest',
      send: graphqlOnly('mutation ($input: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $input) { sent } }', (email) => ({ email })),
      existing: () => customerAccount(),
    },
    {
      flow: 'customerEmailOtpResend (unverified account)',
      send: graphqlOnly('mutation ($input: CustomerEmailOtpResendInput!) { customerEmailOtpResend(input: $input) { sent } }', (email) => ({ email })),
      existing: () => customerAccount({ verified: false }),
    },
    {
      flow: 'customerSignInLinkRequest',
      send: graphqlOnly('mutation ($input: CustomerSignInLinkRequestInput!) { customerSignInLinkRequest(input: $input) { sent } }', (email) => ({ email })),
      existing: () => customerAccount(),
    },
    {
      flow: 'customerSignInLinkRequest (tenant slug), deactivated account',
      send: graphqlOnly('mutation ($input: CustomerSignInLinkRequestInput!) { customerSignInLinkRequest(input: $input) { sent } }', (email) => ({ email, tenantSlug: world.open.slug })),
      existing: () => customerAccount({ active: false }),
    },
  ];

  // Issue 15: `workspace` (its slug or id) instead of companyId/tenantSlug, over GraphQL only (REST keeps the documents'
  // names). Answers with an error as well as without, so held to the rule of `cases`.
  const workspaceCases: Case[] = [
    {
      flow: 'customerLogin (workspace slug): wrong password vs unknown e-mail',
      send: graphqlOnly('mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken } }', (email) => ({ email, password: WRONG, workspace: world.open.slug })),
      existing: () => customerAccount(),
    },
    {
      flow: 'portalLogin (workspace id): deactivated account (right password) vs unknown e-mail',
      send: graphqlOnly('mutation ($input: PortalLoginInput!) { portalLogin(input: $input) { accessToken } }', (email) => ({ email, password: STRONG_PASSWORD, workspace: world.open.id })),
      existing: () => customerAccount({ active: false }),
    },
    {
      flow: 'customerRegister (workspace slug)',
      send: customerRegister(() => ({ workspace: world.open.slug })),
      existing: () => customerAccount(),
      freshUnknown: true,
    },
    {
      flow: 'customerPasswordResetRequest (workspace slug)',
      send: graphqlOnly('mutation ($input: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $input) { sent } }', (email) => ({ email, workspace: world.open.slug })),
      existing: () => customerAccount(),
    },
    {
      flow: 'customerSignInLinkRequest (workspace id)',
      send: graphqlOnly('mutation ($input: CustomerSignInLinkRequestInput!) { customerSignInLinkRequest(input: $input) { sent } }', (email) => ({ email, workspace: world.open.id })),
      existing: () => customerAccount(),
    },
  ];

  return { cases, newStyleCases, workspaceCases, staffLogin, customerLogin, registerBusiness, staffAccount, customerAccount, WRONG };
}
