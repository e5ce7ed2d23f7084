import { CustomerUser } from '../../src/modules/customer/customer.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login, STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { startTestApp, type TestApp } from '../setup/app';
import { codeIn, startMailbox, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };

describe('customer portal accounts (both doors)', () => {
  let t: TestApp;
  let mail: Mailbox;
  let acme: Tenant;
  let globex: Tenant;
  let closed: Tenant;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url });
    acme = await createTenant(t.em(), { name: 'Acme Cloud', slug: 'acme', allowCustomerSignup: true });
    globex = await createTenant(t.em(), { name: 'Globex', slug: 'globex', allowCustomerSignup: true });
    closed = await createTenant(t.em(), { name: 'Closed Corp', slug: 'closed', allowCustomerSignup: false });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('runs the documented Scrubbe flow as written: companies, register, verify, login, create, get, list', async () => {
    const companies = await t.rest<Envelope<{ id: string; name: string }[]>>('GET', '/api/v1/customer/companies');
    const companyId = companies.body.data.find((c) => c.name === 'Acme Cloud')!.id;

    const reg = await t.rest<Envelope<{ customer: object }>>('POST', '/api/v1/customer/register', {
      email: 'user@acme.com',
      password: 'securepassword-1',
      name: 'Alex Johnson',
      companyId,
    });
    expect(reg.status).toBe(201);
    expect(reg.body.data.customer).toEqual({ id: expect.any(String), email: 'user@acme.com', name: 'Alex Johnson', companyId });

    // The account is made after the answer (so a taken address cannot be told apart by time), before the code is mailed.
    const otp = codeIn(await mail.next('user@acme.com'));
    const account = await t.em().findOneOrFail(CustomerUser, { id: (reg.body.data.customer as { id: string }).id });
    expect({ email: account.email, tenant: account.tenant.id }).toEqual({ email: 'user@acme.com', tenant: companyId });

    const early = await t.rest<Envelope>('POST', '/api/v1/customer/login', { email: 'user@acme.com', password: 'securepassword-1' });
    expect(early.status).toBe(403);
    expect(early.body.errors?.[0].code).toBe('EMAIL_NOT_VERIFIED');

    expect((await t.rest('POST', '/api/v1/customer/verify_email', { email: 'user@acme.com', otp })).status).toBe(200);

    const login = await t.rest<Envelope<{ accessToken: string; refreshToken: string; customer: object }>>('POST', '/api/v1/customer/login', {
      email: 'user@acme.com',
      password: 'securepassword-1',
    });
    expect(login.status).toBe(200);
    expect(login.body.data.customer).toEqual({ id: expect.any(String), email: 'user@acme.com', name: 'Alex Johnson', companyId, customerId: null });
    const auth = { authorization: `Bearer ${login.body.data.accessToken}` };

    const created = await t.rest<Envelope<{ id: string; number: string; status: string; priority: string }>>(
      'POST',
      '/api/v1/customer/create-incident',
      { summary: 'Unable to complete checkout', description: 'Getting a 500 error when clicking Pay Now. Started approximately 30 minutes ago.', priority: 'HIGH' },
      auth,
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ id: expect.any(String), number: expect.stringMatching(/^INC-\d{8}-0001$/), status: 'OPEN', priority: 'HIGH', createdAt: expect.any(String) });

    const one = await t.rest<Envelope<{ summary: string; status: string; updates: unknown[] }>>('GET', `/api/v1/customer/get-incident/${created.body.data.id}`, undefined, auth);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ summary: 'Unable to complete checkout', status: 'OPEN', updates: [] });

    const list = await t.rest<Envelope<{ items: { id: string }[]; pagination: object }>>('GET', '/api/v1/customer/get-incidents', undefined, auth);
    expect(list.body.data.items.map((i) => i.id)).toEqual([created.body.data.id]);
    expect(list.body.data.pagination).toEqual({ page: 1, limit: 20, total: 1, totalPages: 1 });
  });

  it('refuses unknown and closed companies alike, without listing tenants', async () => {
    const closedRes = await t.rest<Envelope>('POST', '/api/v1/customer/register', { email: 'a@x.test', password: STRONG_PASSWORD, name: 'A', companyId: closed.id });
    const unknownRes = await t.rest<Envelope>('POST', '/api/v1/customer/register', { email: 'a@x.test', password: STRONG_PASSWORD, name: 'A', companyId: '00000000-0000-4000-8000-000000000000' });
    const garbage = await t.rest<Envelope>('POST', '/api/v1/customer/register', { email: 'a@x.test', password: STRONG_PASSWORD, name: 'A', companyId: 'no-such-company' });
    // companyId is read as `workspace` (an id or a slug): the closed one's slug is refused like its id.
    const closedBySlug = await t.rest<Envelope>('POST', '/api/v1/customer/register', { email: 'a@x.test', password: STRONG_PASSWORD, name: 'A', companyId: closed.slug });
    expect(closedRes.status).toBe(400);
    expect(closedRes.body).toEqual(unknownRes.body);
    expect(garbage.body).toEqual(unknownRes.body);
    expect(closedBySlug.body).toEqual(unknownRes.body);
    expect(closedRes.body.errors?.[0].code).toBe('COMPANY_NOT_AVAILABLE');
    expect(await t.em().count(CustomerUser, { email: 'a@x.test' })).toBe(0);
  });

  it('answers a registration for a taken address like a new one, and tells the owner by e-mail', async () => {
    const owner = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'taken@client.test' });
    const res = await t.rest<Envelope<{ customer: { id: string } }>>('POST', '/api/v1/customer/register', { email: 'taken@client.test', password: STRONG_PASSWORD, name: 'Someone', companyId: acme.id });
    expect(res.status).toBe(201);
    expect(res.body.data.customer.id).not.toBe(owner.user.id);
    expect((await mail.next('taken@client.test')).text).toMatch(/already has an account/);
    expect(await t.em().count(CustomerUser, { email: 'taken@client.test' })).toBe(1);
  });

  it('applies the staff password rules', async () => {
    const res = await t.rest<Envelope>('POST', '/api/v1/customer/register', { email: 'weak@x.test', password: 'password1', name: 'W', companyId: acme.id });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ field: 'password', message: expect.stringMatching(/too common/) });
  });

  describe('login without a company', () => {
    let both: { email: string; password: string };
    beforeAll(async () => {
      both = { email: 'twice@client.test', password: STRONG_PASSWORD };
      await createCustomerUser(t.em(), t.app.runtime.passwords, acme, both);
      await createCustomerUser(t.em(), t.app.runtime.passwords, globex, both);
      await createCustomerUser(t.em(), t.app.runtime.passwords, globex, { email: 'split@client.test', password: 'Other-Password-For-Globex-1' });
      await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'split@client.test', password: STRONG_PASSWORD });
    });

    it('signs in the one account whose e-mail and password match', async () => {
      const res = await t.rest<Envelope<{ customer: { companyId: string } }>>('POST', '/api/v1/customer/login', { email: 'split@client.test', password: STRONG_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.data.customer.companyId).toBe(acme.id);
    });

    it('asks for the company only from a caller who proved the password for several', async () => {
      const ambiguous = await t.rest<Envelope>('POST', '/api/v1/customer/login', both);
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.errors?.[0].code).toBe('COMPANY_REQUIRED');
      const wrong = await t.rest<Envelope>('POST', '/api/v1/customer/login', { email: both.email, password: 'Not-The-Password-1' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors?.[0].code).toBe('INVALID_CREDENTIALS');
      const chosen = await t.rest<Envelope<{ customer: { companyId: string } }>>('POST', '/api/v1/customer/login', { ...both, companyId: globex.id });
      expect(chosen.body.data.customer.companyId).toBe(globex.id);
    });

    it('the portal door names its tenant by slug', async () => {
      const res = await t.rest<Envelope<{ user: object }>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'globex', ...both });
      expect(res.status).toBe(200);
      expect(res.body.data.user).toEqual({ id: expect.any(String), email: both.email, displayName: 'Max Mustermann', customerId: null, tenantId: globex.id });
      const wrongTenant = await t.rest<Envelope>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'closed', ...both });
      expect(wrongTenant.status).toBe(401);
      const missing = await t.rest<Envelope>('POST', '/api/v1/portal/auth/login', both);
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.[0]).toMatchObject({ field: 'tenantSlug', message: 'is required' });
    });
  });

  it('REST errors on the workspace name the body\'s field (companyId, tenantSlug), not the input\'s `workspace` it goes to', async () => {
    const register = { email: 'named@x.test', password: STRONG_PASSWORD, name: 'A' };
    const login = { email: 'named@x.test', password: STRONG_PASSWORD };
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['/api/v1/customer/register', 'companyId', { ...register, companyId: 'x'.repeat(101) }, 'too long'],
      ['/api/v1/customer/register', 'companyId', { ...register, companyId: 42 }, 'wrong type'],
      ['/api/v1/customer/register', 'companyId', register, 'required'],
      ['/api/v1/customer/login', 'companyId', { ...login, companyId: 'x'.repeat(101) }, 'too long'],
      ['/api/v1/customer/sign-in-link', 'companyId', { email: login.email, companyId: ['acme'] }, 'wrong type'],
      ['/api/v1/portal/auth/login', 'tenantSlug', { ...login, tenantSlug: 'x'.repeat(101) }, 'too long'],
      ['/api/v1/portal/auth/login', 'tenantSlug', { ...login, tenantSlug: { slug: 'acme' } }, 'wrong type'],
      ['/api/v1/portal/auth/login', 'tenantSlug', login, 'required'],
      ['/api/v1/portal/auth/login', 'tenantSlug', { ...login, tenantSlug: '' }, 'required'],
      ['/api/v1/portal/auth/sign-in-link/redeem', 'tenantSlug', { token: 'abc', tenantSlug: 'x'.repeat(101) }, 'too long'],
    ];
    for (const [path, field, body, what] of cases) {
      const res = await t.rest<Envelope>('POST', path, body);
      const where = `${path} ${field} ${what}`;
      expect({ where, status: res.status, codes: res.body.errors?.map((e) => e.code), fields: res.body.errors?.map((e) => e.field) }).toEqual({
        where,
        status: 400,
        codes: ['VALIDATION_FAILED'],
        fields: [field],
      });
      expect({ where, message: res.body.message }).toEqual({ where, message: expect.not.stringMatching(/workspace/) });
      if (what === 'required') expect(res.body).toEqual({ success: false, message: `${field} is required`, errors: [{ code: 'VALIDATION_FAILED', field, message: 'is required' }] });
    }
    expect(await t.em().count(CustomerUser, { email: 'named@x.test' })).toBe(0);
  });

  it('portal tokens carry the documented claims and their own audience', async () => {
    const org = await createCustomerOrg(t.em(), acme, 'OWN', 'Initrode');
    const c = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org, name: 'Max Mustermann' });
    const res = await t.rest<Envelope<{ accessToken: string }>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'acme', email: c.email, password: c.password });
    const claims = JSON.parse(Buffer.from(res.body.data.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: c.user.id, email: c.email, displayName: 'Max Mustermann', customerId: org.id, tenantId: acme.id, portal: true, aud: 'portal' });

    const me = await t.rest<Envelope>('GET', '/api/v1/portal/auth/me', undefined, { authorization: `Bearer ${res.body.data.accessToken}` });
    expect(me.body.data).toEqual({ id: c.user.id, email: c.email, displayName: 'Max Mustermann', tenant: { id: acme.id, name: 'Acme Cloud', slug: 'acme' }, customer: { id: org.id, name: 'Initrode' } });
  });

  it('a portal token grants nothing on staff operations, and a staff token nothing on portal ones (403: valid, not for this)', async () => {
    const c = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
    const portal = await portalLogin(t, 'acme', c.email, c.password);
    expect((await t.rest('GET', '/api/v1/auth/me', undefined, portal)).status).toBe(403);
    expect((await t.rest('POST', '/api/v1/auth/logout', undefined, portal)).status).toBe(403);

    const staff = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'ADMIN' });
    const { auth } = await login(t, staff.email, staff.password);
    for (const [method, path, body] of [
      ['GET', '/api/v1/portal/auth/me', undefined],
      ['GET', '/api/v1/portal/tickets', undefined],
      ['GET', '/api/v1/customer/get-incidents', undefined],
      ['POST', '/api/v1/customer/create-incident', { summary: 'x', description: 'y', priority: 'LOW' }],
      ['POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: 'x', description: 'y', priority: 'LOW' }],
      ['GET', '/api/v1/portal/kb', undefined],
      ['POST', '/api/v1/customer/logout', undefined],
    ] as const) {
      const res = await t.rest<Envelope>(method, path, body, auth);
      expect([path, res.status, res.body.errors?.[0].code]).toEqual([path, 403, 'FORBIDDEN']);
    }
  });

  it('refreshes with a long-lived token on REST, rotates on GraphQL, detects reuse, and logs out on both doors', async () => {
    const c = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
    const first = await t.rest<Envelope<{ accessToken: string; refreshToken: string }>>('POST', '/api/v1/customer/login', { email: c.email, password: c.password });
    const refreshToken = first.body.data.refreshToken;
    // Both REST doors, as their documents say: the same refresh token again and again.
    for (const path of ['/api/v1/portal/auth/refresh-token', '/api/v1/customer/refresh-token', '/api/v1/portal/auth/refresh-token']) {
      const res = await t.rest<Envelope<{ accessToken: string; refreshToken: string }>>('POST', path, { refreshToken });
      expect([path, res.status, res.body.data.refreshToken]).toEqual([path, 200, refreshToken]);
      expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, { authorization: `Bearer ${res.body.data.accessToken}` })).status).toBe(200);
    }
    // A staff refresh endpoint does not take a customer's refresh token.
    expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken })).status).toBe(401);
    const rotated = await t.gql<{ customerRefreshToken: { accessToken: string; refreshToken: string } }>(
      'mutation($t: String!) { customerRefreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }',
      { t: refreshToken },
    );
    expect(rotated.data?.customerRefreshToken.refreshToken).not.toBe(refreshToken);
    const auth = { authorization: `Bearer ${rotated.data!.customerRefreshToken.accessToken}` };
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, auth)).status).toBe(200);
    // The spent token presented again: the session ends for everyone holding it.
    expect((await t.rest('POST', '/api/v1/customer/refresh-token', { refreshToken })).status).toBe(401);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, auth)).status).toBe(401);

    const again = await portalLogin(t, 'acme', c.email, c.password);
    expect((await t.rest('POST', '/api/v1/portal/auth/logout', undefined, again)).status).toBe(200);
    expect((await t.rest('GET', '/api/v1/portal/auth/me', undefined, again)).status).toBe(401);
  });

  it('throttles customer logins like staff logins, keyed by e-mail', async () => {
    const limited = await startTestApp({ WORKER_ENABLED: 'true', LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '3' }, { sameDatabaseAs: t });
    try {
      const c = await createCustomerUser(t.em(), t.app.runtime.passwords, acme);
      for (let i = 0; i < 3; i++) expect((await limited.rest('POST', '/api/v1/customer/login', { email: c.email, password: `Wrong-${i}-password` })).status).toBe(401);
      const res = await limited.rest<Envelope>('POST', '/api/v1/customer/login', { email: c.email, password: c.password });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBeTruthy();
    } finally {
      await limited.close();
    }
  });

  it('limits sign-ups per IP', async () => {
    const limited = await startTestApp({ WORKER_ENABLED: 'true', REGISTRATIONS_PER_IP_PER_HOUR: '2' });
    try {
      const company = await createTenant(limited.em(), { allowCustomerSignup: true });
      const body = (n: number) => ({ email: `n${n}@x.test`, password: STRONG_PASSWORD, name: 'N', companyId: company.id });
      expect((await limited.rest('POST', '/api/v1/customer/register', body(1))).status).toBe(201);
      expect((await limited.rest('POST', '/api/v1/customer/register', body(2))).status).toBe(201);
      expect((await limited.rest('POST', '/api/v1/customer/register', body(3))).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
