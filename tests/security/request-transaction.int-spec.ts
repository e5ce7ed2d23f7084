import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { overTransport, TRANSPORTS, type Answer } from '../setup/transports';

/**
 * One operation, many root fields (graphql/schema.ts, graphql/pipeline.ts). Fields that need the token run in
 * the request's transaction as the viewer's tenant; public fields (sign-in looks staff up across tenants and
 * audits without a tenant, the company list spans tenants) run as the owner on a connection of their own, so
 * a query may mix them and each part answers as if sent alone. A mutation may not (the public part could
 * wait on the other part's row locks). Every root field is nullable: a refused or failed one answers null
 * with its coded error, and its siblings keep their data.
 */
describe('one operation, many root fields', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let viewerAuth: Record<string, string>;
  let refresh: string;
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
    const signedIn = await login(t, staffA.email, staffA.password);
    auth = signedIn.auth;
    refresh = signedIn.refreshToken;
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

  it.each([
    ['a sign-in of another tenant\u2019s staff', 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } updateProfile(input: { firstName: "Mixed" }) { id } }', true],
    ['a failed sign-in', 'mutation($e: String!) { login(input: { email: $e, password: "wrong-Password-1" }) { accessToken } updateProfile(input: { firstName: "Mixed" }) { id } }', false],
    // The case that would hang: logout locks the session row in the request's transaction, and refresh, on a
    // connection of its own, would wait for that lock until the request ended, which it never would.
    ['a sign-out beside a refresh of the same session', 'mutation($r: String!) { logout refreshToken(input: { refreshToken: $r }) { accessToken } }', false],
    // Issue 15: the new names are public or staff exactly as the old ones, alone or mixed with them.
    ['sessionEnd beside sessionRefresh of the same session', 'mutation($r: String!) { sessionEnd { ended } sessionRefresh(input: { refreshToken: $r }) { accessToken } }', false],
    ['logout beside sessionRefresh of the same session', 'mutation($r: String!) { logout sessionRefresh(input: { refreshToken: $r }) { accessToken } }', false],
    ['a reset request beside profileUpdate', 'mutation($e: String!) { passwordResetRequest(input: { email: $e }) { sent } profileUpdate(input: { firstName: "Mixed" }) { me { id } } }', false],
  ])('%s beside a staff mutation is refused with BAD_REQUEST (400) before anything runs: public mutations go apart', async (_name, query, withPassword) => {
    const failedBefore = await auditRows('auth.login.failed', other.tenantId);
    const variables = query.includes('$r') ? { r: refresh } : { e: other.email, ...(withPassword ? { p: other.password } : {}) };
    const res = await post(query, variables, auth);
    expect({ status: res.status, data: res.data ?? null, codes: res.errors?.map((e) => e.extensions?.code) }).toEqual({ status: 400, data: null, codes: ['BAD_REQUEST'] });
    expect(await auditRows('auth.login.failed', other.tenantId)).toBe(failedBefore);
    expect((await post('{ me { firstName } }', {}, auth)).data?.me).not.toEqual({ firstName: 'Mixed' });
    expect((await post('{ me { id } }', {}, auth)).errors).toBeUndefined(); // the session was not ended either
  });

  it('over the WebSocket too, a public mutation beside a staff mutation is refused before anything runs', async () => {
    const res = await overTransport(t, 'WS', 'mutation($r: String!) { logout refreshToken(input: { refreshToken: $r }) { accessToken } }', { r: refresh }, auth);
    expect({ data: res.data ?? null, codes: res.errors?.map((e) => e.extensions?.code) }).toEqual({ data: null, codes: ['BAD_REQUEST'] });
    expect((await post('{ me { id } }', {}, auth)).errors).toBeUndefined();
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
