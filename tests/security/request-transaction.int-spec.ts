import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { overTransport, TRANSPORTS, type Answer } from '../setup/transports';

/**
 * One operation, many root fields (graphql/schema.ts, graphql/pipeline.ts). Fields that need the token run in
 * the request's transaction as the viewer's tenant; public fields (sign-in looks staff up across tenants and
 * audits without a tenant, the company list spans tenants) run as the owner on a connection of their own, so
 * an operation may mix them and each part answers as if sent alone. Every root field is nullable: a refused
 * or failed one answers null with its coded error, and its siblings keep their data.
 */
describe('one operation, many root fields', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let viewerAuth: Record<string, string>;
  let admin: { id: string };
  let other: { id: string; tenantId: string; email: string; password: string };
  let openTenants: string[];

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false', SLA_CHECK_INTERVAL_MS: '0' });
    const hasher = t.app.runtime.passwords;
    const a = await createTenant(t.em(), { slug: 'mix-a' });
    const b = await createTenant(t.em(), { slug: 'mix-b', allowCustomerSignup: true });
    const c = await createTenant(t.em(), { slug: 'mix-c', allowCustomerSignup: true });
    openTenants = [b.id, c.id];
    const staffA = await createStaff(t.em(), hasher, { tenant: a, role: 'ADMIN' });
    const viewer = await createStaff(t.em(), hasher, { tenant: a, role: 'VIEWER' });
    const staffB = await createStaff(t.em(), hasher, { tenant: b, role: 'ENGINEER' });
    admin = { id: staffA.user.id };
    other = { id: staffB.user.id, tenantId: b.id, email: staffB.email, password: staffB.password };
    auth = (await login(t, staffA.email, staffA.password)).auth;
    viewerAuth = (await login(t, viewer.email, viewer.password)).auth;
  });
  afterAll(() => t?.close());

  const auditRows = async (action: string, tenantId: string) =>
    Number((await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*) AS n FROM audit_log WHERE action = ? AND tenant_id = ?', [action, tenantId]))[0].n);
  const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => overTransport(t, 'POST', query, variables, headers);

  it.each(TRANSPORTS)('over %s, the company list beside a staff field: every open company (as the owner) and the viewer (as its tenant)', async (transport) => {
    const res = await overTransport(t, transport, '{ companies { id } me { id } }', undefined, auth);
    expect(res.errors).toBeUndefined();
    expect((res.data?.companies as { id: string }[]).map((x) => x.id)).toEqual(expect.arrayContaining(openTenants));
    expect(res.data?.me).toEqual({ id: admin.id });
  });

  it('a sign-in of another tenant\u2019s staff beside a staff mutation: both take effect, each as if sent alone', async () => {
    const res = await post(
      'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken user { id } } updateProfile(input: { firstName: "Mixed" }) { id firstName } }',
      { e: other.email, p: other.password },
      auth,
    );
    expect(res.errors).toBeUndefined();
    const signedIn = res.data?.login as { accessToken: string; user: { id: string } };
    expect(signedIn.user.id).toBe(other.id);
    expect(res.data?.updateProfile).toEqual({ id: admin.id, firstName: 'Mixed' });
    // The new token is the other tenant's member's, and works.
    const me = await post('{ me { id } }', {}, { authorization: `Bearer ${signedIn.accessToken}` });
    expect(me.data?.me).toEqual({ id: other.id });
  });

  it('a failed sign-in beside a staff mutation: the sign-in answers null with its code and is audited in its own tenant; the mutation still commits', async () => {
    const failedBefore = await auditRows('auth.login.failed', other.tenantId);
    const res = await post(
      'mutation($e: String!) { login(input: { email: $e, password: "wrong-Password-1" }) { accessToken } updateProfile(input: { firstName: "Still" }) { firstName } }',
      { e: other.email },
      auth,
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ login: null, updateProfile: { firstName: 'Still' } });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['login'], 'INVALID_CREDENTIALS']]);
    expect((await post('{ me { firstName } }', {}, auth)).data?.me).toEqual({ firstName: 'Still' });
    // Written as the owner: under the viewer's tenant role, row-level security would refuse another tenant's row.
    expect(await auditRows('auth.login.failed', other.tenantId)).toBe(failedBefore + 1);
  });

  it.each(TRANSPORTS)('over %s, a field refused to the viewer answers null with FORBIDDEN and does not wipe its siblings (`{ me auditLog }` as a VIEWER)', async (transport) => {
    const res: Answer = await overTransport(t, transport, '{ me { id } auditLog { items { id } } }', undefined, viewerAuth);
    expect(res.data).toMatchObject({ me: { id: expect.any(String) }, auditLog: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['auditLog'], 'FORBIDDEN']]);
  });

  it.each(TRANSPORTS)('over %s, a missing object answers null with its code beside the fields that worked', async (transport) => {
    const res = await overTransport(t, transport, '{ me { id } incident(id: "INC-0000-9999") { id } }', undefined, auth);
    expect(res.data).toEqual({ me: { id: admin.id }, incident: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['incident'], 'INCIDENT_NOT_FOUND']]);
  });

  it('each part alone still works for the same caller', async () => {
    const companies = await post('{ companies { id } }', {}, auth);
    expect((companies.data?.companies as unknown[]).length).toBeGreaterThan(0);
    const signIn = await post('mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: other.email, p: other.password }, auth);
    expect((signIn.data?.login as { accessToken: string }).accessToken).toEqual(expect.any(String));
    const me = await post('{ me { id } }', {}, auth);
    expect(me.data?.me).toEqual({ id: admin.id });
  });
});
