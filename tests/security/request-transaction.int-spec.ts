import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

/**
 * Edges of the request transaction (db/tenant-transaction.ts, graphql/server.ts): operations whose root
 * fields are all public run as the owner, the rest as the viewer's tenant. An operation that mixes the two
 * for a tenant-scoped viewer would run the public fields (sign-in looks staff up across tenants, writes audit
 * entries without a tenant, lists every company) under row-level security: refused with a coded error
 * before any of it runs, and without holding a connection.
 */
describe('request transaction: public fields mixed with tenant fields', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let other: { email: string; password: string };

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false', SLA_CHECK_INTERVAL_MS: '0' });
    const hasher = t.app.runtime.passwords;
    const a = await createTenant(t.em(), { slug: 'mix-a' });
    const b = await createTenant(t.em(), { slug: 'mix-b', allowCustomerSignup: true });
    const admin = await createStaff(t.em(), hasher, { tenant: a, role: 'ADMIN' });
    const staffB = await createStaff(t.em(), hasher, { tenant: b, role: 'ENGINEER' });
    other = { email: staffB.email, password: staffB.password };
    auth = (await login(t, admin.email, admin.password)).auth;
  });
  afterAll(() => t?.close());

  const auditCount = async () => Number((await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*) AS n FROM audit_log'))[0].n);

  it.each([
    ['a failed sign-in beside a staff field', 'mutation($e: String!) { login(input: { email: $e, password: "wrong-Password-1" }) { accessToken } updateProfile(input: { firstName: "X" }) { id } }', true],
    ['a sign-in of another tenant\u2019s staff beside a staff field', 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } updateProfile(input: { firstName: "X" }) { id } }', false],
    ['the company list beside a staff field', 'query { companies { id } me { id } }', false],
  ])('%s is refused with BAD_REQUEST (400), nothing written', async (_name, query, wrong) => {
    const before = await auditCount();
    const res = await t.rest<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>(
      'POST',
      '/graphql',
      { query, variables: query.includes('$e') ? { e: other.email, ...(wrong ? {} : { p: other.password }) } : {} },
      auth,
    );
    expect({ status: res.status, codes: res.body.errors?.map((e) => e.extensions?.code) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    expect(await auditCount()).toBe(before);
  });

  it('each part alone still works for the same caller', async () => {
    const companies = await t.rest<{ data: { companies: { id: string }[] } }>('POST', '/graphql', { query: '{ companies { id } }' }, auth);
    expect(companies.body.data.companies.length).toBeGreaterThan(0);
    const signIn = await t.rest<{ data: { login: { accessToken: string } } }>(
      'POST',
      '/graphql',
      { query: 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', variables: { e: other.email, p: other.password } },
      auth,
    );
    expect(signIn.body.data.login.accessToken).toEqual(expect.any(String));
    const me = await t.rest<{ data: { me: { id: string } } }>('POST', '/graphql', { query: '{ me { id } }' }, auth);
    expect(me.body.data.me.id).toEqual(expect.any(String));
  });
});
