import { RequestTransaction } from '../../src/db/tenant-transaction';
import { createCustomerUser } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { overTransport, TRANSPORTS, type Answer } from '../setup/transports';

/**
 * One operation, many root fields (graphql/schema.ts, graphql/pipeline.ts). Fields that need the token run in
 * the request's transaction as the viewer's tenant; public fields (sign-in looks staff up across tenants and
 * audits without a tenant, the company list spans tenants) run as the owner on a connection of their own, so
 * a query may mix them and each part answers as if sent alone. A mutation may too: it runs in parts, its
 * transaction committed before each public field (which must not wait on the other part's row locks) and a
 * fresh one opened after it. Every root field is nullable: a refused or failed one answers null
 * with its coded error, and its siblings keep their data.
 */
describe('one operation, many root fields', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let viewerAuth: Record<string, string>;
  let admin: { id: string };
  let other: { id: string; tenantId: string; email: string; password: string };
  let staffA: StaffFixture;
  let customer: { email: string; password: string };
  let openTenants: string[];

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false', SLA_CHECK_INTERVAL_MS: '0' });
    const hasher = t.app.runtime.passwords;
    const a = await createTenant(t.em(), { slug: 'mix-a' });
    const b = await createTenant(t.em(), { slug: 'mix-b', allowCustomerSignup: true });
    const c = await createTenant(t.em(), { slug: 'mix-c', allowCustomerSignup: true });
    openTenants = [b.id, c.id];
    staffA = await createStaff(t.em(), hasher, { tenant: a, role: 'ADMIN' });
    customer = await createCustomerUser(t.em(), hasher, b);
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

  /** A fresh session of the admin, so that ending or refreshing it leaves the suite's own one alone. */
  const session = () => login(t, staffA.email, staffA.password);
  const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });
  const codes = (res: Answer) => res.errors?.map((e) => [e.path?.[0], e.extensions?.code]);
  const firstName = async () => ((await post('{ me { firstName } }', {}, auth)).data?.me as { firstName: string }).firstName;

  // A mutation that mixes them runs in parts (graphql/pipeline.ts `partsOf`): the request's transaction is
  // committed before each public field and a fresh one opened for the next field that needs the token. GET
  // runs no mutation at all.
  describe.each(['POST', 'WS'] as const)('a mutation mixing public fields and fields that need the token, over %s: each part answers as if sent apart', (transport) => {
    const send = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => overTransport(t, transport, query, variables, headers);

    it('a sign-in of another tenant\u2019s staff (found as the owner) beside a profile change, and a second change after it: all done', async () => {
      const [a, b] = [`A${transport}${Date.now()}`, `B${transport}${Date.now()}`];
      const res = await send(
        'mutation($e: String!, $p: String!, $a: String!, $b: String!) { first: profileUpdate(input: { firstName: $a }) { me { firstName } } login(input: { email: $e, password: $p }) { accessToken } then: updateProfile(input: { firstName: $b }) { firstName } }',
        { e: other.email, p: other.password, a, b },
        auth,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ first: { me: { firstName: a } }, login: { accessToken: expect.any(String) }, then: { firstName: b } });
      expect((await post('{ me { id } }', {}, bearer((res.data?.login as { accessToken: string }).accessToken))).data?.me).toEqual({ id: other.id });
      expect(await firstName()).toBe(b);
    });

    it('a portal sign-in (its account read as the owner) beside a staff mutation', async () => {
      const name = `Portal${transport}${Date.now()}`;
      const res = await send(
        'mutation($e: String!, $p: String!, $n: String!) { customerLogin(input: { email: $e, password: $p, tenantSlug: "mix-b" }) { accessToken account { email } } profileUpdate(input: { firstName: $n }) { me { firstName } } }',
        { e: customer.email, p: customer.password, n: name },
        auth,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ customerLogin: { accessToken: expect.any(String), account: { email: customer.email } }, profileUpdate: { me: { firstName: name } } });
      expect(await firstName()).toBe(name);
    });

    it('a refused public part (a failed sign-in, audited in its tenant) leaves the signed-in part done, and the reverse', async () => {
      const failedBefore = await auditRows('auth.login.failed', other.tenantId);
      const name = `Kept${transport}${Date.now()}`;
      const res = await send(
        'mutation($e: String!, $n: String!) { login(input: { email: $e, password: "wrong-Password-1" }) { accessToken } updateProfile(input: { firstName: $n }) { firstName } }',
        { e: other.email, n: name },
        auth,
      );
      expect(res.data).toEqual({ login: null, updateProfile: { firstName: name } });
      expect(codes(res)).toEqual([['login', 'INVALID_CREDENTIALS']]);
      expect(await auditRows('auth.login.failed', other.tenantId)).toBe(failedBefore + 1);
      expect(await firstName()).toBe(name);

      // The signed-in part refused by its service, and one refused by its rule (a VIEWER's): the sign-in stands.
      const reverse = await send(
        'mutation($e: String!, $p: String!) { passwordChange(input: { currentPassword: "wrong-Password-1", newPassword: "Another-Horse-Battery-7" }) { changed } login(input: { email: $e, password: $p }) { accessToken } }',
        { e: other.email, p: other.password },
        auth,
      );
      expect(reverse.data).toEqual({ passwordChange: null, login: { accessToken: expect.any(String) } });
      expect(codes(reverse)).toEqual([['passwordChange', expect.any(String)]]);
      expect((await post('{ me { id } }', {}, bearer((reverse.data?.login as { accessToken: string }).accessToken))).data?.me).toEqual({ id: other.id });
      const denied = await send(
        'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } staffInvite(input: { email: "nobody@mix.test", role: ENGINEER }) { __typename } }',
        { e: other.email, p: other.password },
        viewerAuth,
      );
      expect(denied.data).toEqual({ login: { accessToken: expect.any(String) }, staffInvite: null });
      expect(codes(denied)).toEqual([['staffInvite', 'FORBIDDEN']]);
    });
  });

  // The case that would hang with one transaction for the whole operation: the sign-out locks the session row,
  // and the refresh, on a connection of its own, would wait for that lock until the request ended. In parts,
  // the sign-out is committed first and the refresh finds the session ended; the other way round the refresh
  // rotates the token and the sign-out then ends the session. Each under the old names and the new.
  it.each([
    ['logout', 'refreshToken'],
    ['sessionEnd { ended }', 'sessionRefresh'],
    ['logout', 'sessionRefresh'],
  ])('over POST, %s then %s of the same session finishes, the refresh refused; the other order refreshes, then ends the session', async (end, refresh) => {
    const endKey = end.split(' ')[0];
    const first = await session();
    const ended = await post(`mutation($r: String!) { ${end} ${refresh}(input: { refreshToken: $r }) { accessToken refreshToken } }`, { r: first.refreshToken }, first.auth);
    expect(ended.status).toBe(200);
    expect(ended.data).toEqual({ [endKey]: endKey === 'logout' ? true : { ended: true }, [refresh]: null });
    expect(codes(ended)).toEqual([[refresh, 'INVALID_REFRESH_TOKEN']]);
    expect(codes(await post('{ me { id } }', {}, first.auth))).toEqual([['me', 'UNAUTHENTICATED']]);

    const second = await session();
    const refreshed = await post(`mutation($r: String!) { ${refresh}(input: { refreshToken: $r }) { accessToken refreshToken } ${end} }`, { r: second.refreshToken }, second.auth);
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data).toEqual({ [refresh]: { accessToken: expect.any(String), refreshToken: expect.any(String) }, [endKey]: endKey === 'logout' ? true : { ended: true } });
    const pair = refreshed.data?.[refresh] as { accessToken: string; refreshToken: string };
    expect(pair.refreshToken).not.toBe(second.refreshToken);
    // The session the refresh rotated is the one that ended.
    expect(codes(await post('{ me { id } }', {}, bearer(pair.accessToken)))).toEqual([['me', 'UNAUTHENTICATED']]);
    expect(codes(await post(`mutation($r: String!) { ${refresh}(input: { refreshToken: $r }) { accessToken } }`, { r: pair.refreshToken }, {}))).toEqual([[refresh, 'INVALID_REFRESH_TOKEN']]);
  });

  it('over POST, a portal session ended then refreshed in one operation, and the reverse, as for staff', async () => {
    const signIn = async () => {
      const res = await post('mutation($e: String!, $p: String!) { customerLogin(input: { email: $e, password: $p, tenantSlug: "mix-b" }) { accessToken refreshToken } }', { e: customer.email, p: customer.password }, {});
      return res.data?.customerLogin as { accessToken: string; refreshToken: string };
    };
    const first = await signIn();
    const ended = await post('mutation($r: String!) { customerSessionEnd { ended } customerSessionRefresh(input: { refreshToken: $r }) { accessToken } }', { r: first.refreshToken }, bearer(first.accessToken));
    expect(ended.data).toEqual({ customerSessionEnd: { ended: true }, customerSessionRefresh: null });
    expect(codes(ended)).toEqual([['customerSessionRefresh', 'INVALID_REFRESH_TOKEN']]);
    const second = await signIn();
    const refreshed = await post('mutation($r: String!) { customerSessionRefresh(input: { refreshToken: $r }) { accessToken } customerSessionEnd { ended } }', { r: second.refreshToken }, bearer(second.accessToken));
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data).toEqual({ customerSessionRefresh: { accessToken: expect.any(String) }, customerSessionEnd: { ended: true } });
  });

  it('over the WebSocket, a sign-out beside a refresh of the socket\u2019s own session finishes in either order: the socket is closed as revoked, the session ended', async () => {
    for (const query of [
      'mutation($r: String!) { sessionEnd { ended } sessionRefresh(input: { refreshToken: $r }) { accessToken } }',
      'mutation($r: String!) { sessionRefresh(input: { refreshToken: $r }) { accessToken } sessionEnd { ended } }',
    ]) {
      const s = await session();
      // Ending the socket's own session closes it (4403) as the sign-out commits, before the answer, as a
      // sign-out alone over the socket does; nothing waits (the answer of each order is asserted over POST).
      await expect(overTransport(t, 'WS', query, { r: s.refreshToken }, s.auth)).rejects.toThrow('"code":4403');
      expect(codes(await post('{ me { id } }', {}, s.auth))).toEqual([['me', 'UNAUTHENTICATED']]);
      expect(codes(await post('mutation($r: String!) { sessionRefresh(input: { refreshToken: $r }) { accessToken } }', { r: s.refreshToken }, {}))).toEqual([['sessionRefresh', 'INVALID_REFRESH_TOKEN']]);
    }
  });

  it('a public field inside a fragment at the root is a part of its own too', async () => {
    const s = await session();
    const res = await post('mutation($r: String!) { ...Parts } fragment Parts on Mutation { sessionEnd { ended } sessionRefresh(input: { refreshToken: $r }) { accessToken } }', { r: s.refreshToken }, s.auth);
    expect(res.data).toEqual({ sessionEnd: { ended: true }, sessionRefresh: null });
    expect(codes(res)).toEqual([['sessionRefresh', 'INVALID_REFRESH_TOKEN']]);
  });

  it.each([
    ['without a token', {}],
    ['with a forged token', { authorization: 'Bearer not.a.token' }],
  ])('over POST %s, the signed-in part is refused by its rule and the public part still answers', async (_name, headers) => {
    const before = await firstName();
    const res = await post('mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } profileUpdate(input: { firstName: "Nobody" }) { me { id } } }', { e: other.email, p: other.password }, headers);
    expect(res.data).toEqual({ login: { accessToken: expect.any(String) }, profileUpdate: null });
    expect(codes(res)).toEqual([['profileUpdate', 'UNAUTHENTICATED']]);
    expect(await firstName()).toBe(before);
  });

  it('over GET, a mixed mutation is refused as every mutation is (405), before anything runs', async () => {
    const s = await session();
    const res = await overTransport(t, 'GET', 'mutation($r: String!) { sessionEnd { ended } sessionRefresh(input: { refreshToken: $r }) { accessToken } }', { r: s.refreshToken }, s.auth);
    expect(res.status).toBe(405);
    expect(res.data ?? null).toBeNull();
    expect((await post('{ me { id } }', {}, s.auth)).data?.me).toEqual({ id: admin.id });
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

  describe.each(['POST', 'WS'] as const)('a mutation in parts, over %s: what the parts before did is not denied', (transport) => {
    afterEach(() => jest.restoreAllMocks());

    /** The request's `nth` COMMIT fails as a connection cut in the middle of it would. */
    const failCommit = (nth: number) => {
      const real = RequestTransaction.prototype.commit;
      let calls = 0;
      jest.spyOn(RequestTransaction.prototype, 'commit').mockImplementation(async function (this: RequestTransaction) {
        if (++calls !== nth) return real.call(this);
        await this.rollback();
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      });
    };

    it('a later part whose commit fails answers UNKNOWN_OUTCOME, not UNAVAILABLE: the first part is stored', async () => {
      const s = await login(t, staffA.email, staffA.password);
      const name = `Stored${transport}${Date.now()}`;
      failCommit(2); // 1: the first part, before the public field; 2: the last part
      const res: Answer = await overTransport(
        t,
        transport,
        'mutation($r: String!, $n: String!) { profileUpdate(input: { firstName: $n }) { me { firstName } } sessionRefresh(input: { refreshToken: $r }) { accessToken } then: profileUpdate(input: { firstName: "Never" }) { me { firstName } } }',
        { r: s.refreshToken, n: name },
        s.auth,
      );
      jest.restoreAllMocks();
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNKNOWN_OUTCOME']);
      const me = await overTransport(t, 'POST', '{ me { firstName } }', {}, (await login(t, staffA.email, staffA.password)).auth);
      expect(me.data?.me).toEqual({ firstName: name });
    });

    it('the only part failing to commit, before anything took effect, is still UNAVAILABLE: nothing was changed', async () => {
      const s = await login(t, staffA.email, staffA.password);
      failCommit(1);
      const res: Answer = await overTransport(
        t,
        transport,
        'mutation($r: String!) { profileUpdate(input: { firstName: "Never" }) { me { firstName } } sessionRefresh(input: { refreshToken: $r }) { accessToken } }',
        { r: s.refreshToken },
        s.auth,
      );
      jest.restoreAllMocks();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAVAILABLE']);
      // The public field after it did not run: its refresh token still works.
      const refreshed = await overTransport(t, 'POST', 'mutation($r: String!) { sessionRefresh(input: { refreshToken: $r }) { accessToken } }', { r: s.refreshToken }, {});
      expect(refreshed.data?.sessionRefresh).toEqual({ accessToken: expect.any(String) });
    });
  });

  it('a part that needs the token, after a committed sign-out of its own session, is refused as a request of that session would be', async () => {
    const s = await login(t, staffA.email, staffA.password);
    const spare = await login(t, staffA.email, staffA.password);
    const res: Answer = await post(
      'mutation($r: String!) { sessionEnd { ended } sessionRefresh(input: { refreshToken: $r }) { accessToken } profileUpdate(input: { firstName: "AfterSignOut" }) { me { firstName } } }',
      { r: spare.refreshToken },
      s.auth,
    );
    expect(res.data?.sessionEnd).toEqual({ ended: true });
    expect(res.data?.sessionRefresh).toEqual({ accessToken: expect.any(String) });
    expect(res.data?.profileUpdate).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['profileUpdate'], 'UNAUTHENTICATED']]);
    const me = await post('{ me { firstName } }', {}, spare.auth);
    expect((me.data?.me as { firstName: string }).firstName).not.toBe('AfterSignOut');
  });
});
