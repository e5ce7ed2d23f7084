import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError } from '../../src/auth/auth.errors';
import { TokenService, type Audience } from '../../src/auth/tokens';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, type CustomerFixture } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, tokenIn, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Session = { accessToken: string; refreshToken: string };

/**
 * Every kind of bad access token, in one place, against protected staff and portal operations over GraphQL
 * and REST: each is refused with 401 / UNAUTHENTICATED and the one message for invalid tokens. Only a genuine
 * but expired token says "expired" (clients refresh on it; its holder learns nothing new).
 *
 * Related checks elsewhere: TokenService in isolation (tests/unit/tokens.spec.ts), key rotation
 * (tests/security/token-rotation*.ts), refresh-token reuse and cross-process revocation
 * (tests/integration/auth-session.int-spec.ts).
 */
describe('token matrix: every bad access token is refused alike', () => {
  let t: TestApp;
  let mail: Mailbox;
  let tenant: Tenant;
  let admin: Session;
  let manager: Session;
  let staff: StaffFixture;
  let customer: CustomerFixture;
  let staffSession: Session;
  let portalSession: Session;

  const INVALID = InvalidTokenError.INVALID;
  const EXPIRED = InvalidTokenError.EXPIRED;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const portalLogin = async (email: string, password: string): Promise<Session> => {
    const res = await t.rest<Envelope<Session>>('POST', '/api/v1/portal/auth/login', { tenantSlug: tenant.slug, email, password });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const staffLogin = async (email: string, password: string): Promise<Session> => {
    const { accessToken, refreshToken } = await login(t, email, password);
    return { accessToken, refreshToken };
  };

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    tenant = await createTenant(em, { slug: 'matrix-co' });
    const adminUser = await createStaff(em, hasher, { tenant, role: 'ADMIN' });
    const managerUser = await createStaff(em, hasher, { tenant, role: 'MANAGER' });
    admin = await staffLogin(adminUser.email, adminUser.password);
    manager = await staffLogin(managerUser.email, managerUser.password);
    staff = await createStaff(em, hasher, { tenant, role: 'ENGINEER' });
    customer = await createCustomerUser(em, hasher, tenant, { org: await createCustomerOrg(em, tenant) });
    staffSession = await staffLogin(staff.email, staff.password);
    portalSession = await portalLogin(customer.email, customer.password);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  /** Protected operations of each kind, over GraphQL and over REST. */
  const probes: Record<Audience, { gql: string[]; rest: string[] }> = {
    staff: { gql: ['{ me { id } }', '{ incidents { items { id } } }'], rest: ['/api/v1/auth/me', '/api/v1/incidents'] },
    portal: { gql: ['{ portalMe { id } }', '{ tickets { items { id } } }'], rest: ['/api/v1/portal/auth/me', '/api/v1/portal/tickets', '/api/v1/customer/get-incidents'] },
  };

  /** The one root field a probe selects: refused, it answers null (root fields are nullable). */
  const rootFieldOf = (query: string) => /^\{\s*(\w+)/.exec(query)![1];
  /** Calls every probe of a kind with the token; the outcome of each, comparable as a whole. */
  const callAll = async (kind: Audience, token: string) => {
    const out: { via: string; status: number; code: unknown; message: unknown; data?: unknown }[] = [];
    for (const query of probes[kind].gql) {
      const res = await t.gql(query, undefined, bearer(token));
      out.push({ via: query, status: res.status, code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message, data: res.data });
    }
    for (const path of probes[kind].rest) {
      const res = await t.rest<Envelope>('GET', path, undefined, bearer(token));
      out.push({ via: path, status: res.status, code: res.body.errors?.[0]?.code, message: res.body.message });
    }
    return out;
  };
  const expectRefused = async (kind: Audience, token: string, message = INVALID) => {
    for (const r of await callAll(kind, token)) {
      if (r.via.startsWith('/')) expect(r).toEqual({ via: r.via, status: 401, code: 'UNAUTHENTICATED', message });
      else expect(r).toEqual({ via: r.via, status: expect.any(Number), code: 'UNAUTHENTICATED', message, data: { [rootFieldOf(r.via)]: null } });
    }
  };
  /** A valid token refused: FORBIDDEN (403 on REST), never the "invalid or revoked" answer that makes clients sign out. */
  const expectForbidden = async (kind: Audience, token: string) => {
    for (const r of await callAll(kind, token)) {
      if (r.via.startsWith('/')) expect({ via: r.via, status: r.status, code: r.code }).toEqual({ via: r.via, status: 403, code: 'FORBIDDEN' });
      else expect({ via: r.via, code: r.code, data: r.data }).toEqual({ via: r.via, code: 'FORBIDDEN', data: { [rootFieldOf(r.via)]: null } });
    }
  };
  const expectAccepted = async (kind: Audience, token: string) => {
    for (const r of await callAll(kind, token)) {
      if (r.via.startsWith('/')) expect({ via: r.via, status: r.status }).toEqual({ via: r.via, status: 200 });
      else expect({ via: r.via, code: r.code }).toEqual({ via: r.via, code: undefined });
    }
  };

  // ---- forging -------------------------------------------------------------------------------------------

  const secretOf = (kind: Audience) => (kind === 'staff' ? t.config.secrets.staffJwt : t.config.secrets.portalJwt);
  const kidOf = (kind: Audience) => TokenService.keyId(kind, secretOf(kind));
  /** The claims of the live session of each kind, as the server would sign them. */
  const claimsOf = (kind: Audience): Record<string, unknown> => {
    const issued = jwt.decode(kind === 'staff' ? staffSession.accessToken : portalSession.accessToken) as Record<string, unknown>;
    const { iat: _iat, exp: _exp, nbf: _nbf, aud: _aud, iss: _iss, ...claims } = issued;
    return claims;
  };
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  interface Forge {
    claims?: Record<string, unknown>;
    payload?: Record<string, unknown>;
    header?: Record<string, unknown>;
    /** How the signing input is signed: HMAC-SHA256 with a key, an RSA private key, or not at all. */
    sign?: { hmac: string } | { rsa: string } | 'none';
  }
  /** A token built by hand, so that header, claims and signature can each be wrong on their own. */
  const forge = (kind: Audience, f: Forge = {}): string => {
    const header = { alg: 'HS256', typ: 'JWT', kid: kidOf(kind), ...f.header };
    const payload = { ...claimsOf(kind), ...f.claims, aud: kind, iss: t.config.tokens.issuer, iat: now(), exp: now() + 300, ...f.payload };
    for (const [k, v] of Object.entries(payload)) if (v === undefined) delete (payload as Record<string, unknown>)[k];
    const input = `${b64(header)}.${b64(payload)}`;
    const sign = f.sign ?? { hmac: secretOf(kind) };
    if (sign === 'none') return `${input}.`;
    if ('rsa' in sign) return jwt.sign(payload, sign.rsa, { algorithm: 'RS256', keyid: header.kid as string, noTimestamp: true });
    return `${input}.${createHmac('sha256', sign.hmac).update(input).digest('base64url')}`;
  };

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

  describe.each<Audience>(['staff', 'portal'])('forged %s tokens', (kind) => {
    const other: Audience = kind === 'staff' ? 'portal' : 'staff';

    it('control: a token forged correctly with the real key is accepted, so each refusal below is about its one defect', async () => {
      await expectAccepted(kind, forge(kind));
    });

    it.each<[string, () => Forge]>([
      ['nbf in the future', () => ({ payload: { nbf: now() + 600 } })],
      ['alg none, unsigned', () => ({ header: { alg: 'none' }, sign: 'none' })],
      ['alg none, with the HMAC signature kept', () => ({ header: { alg: 'none' } })],
      ['RS256, signed with an attacker RSA key pair', () => ({ sign: { rsa: rsa.privateKey } })],
      ['header says RS256, signed with the HMAC secret used as a public key', () => ({ header: { alg: 'RS256' } })],
      ['header says ES256, signed with the HMAC secret', () => ({ header: { alg: 'ES256' } })],
      ['HS512 with the right key', () => ({ header: { alg: 'HS512' } })],
      ['wrong audience (unknown)', () => ({ payload: { aud: 'admin' } })],
      ['wrong issuer', () => ({ payload: { iss: 'someone-else' } })],
      ['no issuer', () => ({ payload: { iss: undefined } })],
      ['unknown kid', () => ({ header: { kid: 'unknown-key-id00' } })],
      ['a kid that is not a string', () => ({ header: { kid: 42 } })],
      ['right kid, wrong key', () => ({ sign: { hmac: 'x'.repeat(48) } })],
      ['no kid and a wrong key', () => ({ header: { kid: undefined }, sign: { hmac: 'y'.repeat(48) } })],
      ['typ other than access', () => ({ claims: { typ: 'refresh' } })],
      ['no session id', () => ({ claims: { sid: undefined } })],
      ['signature stripped', () => ({ sign: 'none' })],
    ])('%s', async (_name, make) => {
      await expectRefused(kind, forge(kind, make()));
    });

    it("signed with the other audience's key (kid and key of the other kind)", async () => {
      await expectRefused(kind, forge(kind, { header: { kid: kidOf(other) }, sign: { hmac: secretOf(other) } }));
    });

    it(`a ${kind}-claims token with aud ${other}, signed with the ${kind} key`, async () => {
      await expectRefused(other, forge(kind, { payload: { aud: other } }));
      await expectRefused(kind, forge(kind, { payload: { aud: other } }));
    });

    it('expired: refused, and the only case that says so', async () => {
      await expectRefused(kind, forge(kind, { payload: { iat: now() - 1000, exp: now() - 10 } }), EXPIRED);
      // An expired token with a bad signature is just invalid: "expired" is never an answer to a forgery.
      await expectRefused(kind, forge(kind, { payload: { iat: now() - 1000, exp: now() - 10 }, sign: { hmac: 'z'.repeat(48) } }));
    });

    it('garbage and a truncated token', async () => {
      await expectRefused(kind, 'not.a.token');
      const real = kind === 'staff' ? staffSession.accessToken : portalSession.accessToken;
      await expectRefused(kind, real.slice(0, -4));
    });
  });

  // ---- real tokens, used where they do not belong or after their session ended -----------------------------

  it('a portal token on staff operations, and a staff token on portal operations', async () => {
    await expectAccepted('portal', portalSession.accessToken);
    await expectAccepted('staff', staffSession.accessToken);
    await expectForbidden('staff', portalSession.accessToken);
    await expectForbidden('portal', staffSession.accessToken);
  });

  it('a refresh token used as an access token', async () => {
    await expectRefused('staff', staffSession.refreshToken);
    await expectRefused('portal', portalSession.refreshToken);
    await expectRefused('portal', staffSession.refreshToken);
  });

  it('the token of a logged-out session', async () => {
    const s = await staffLogin(staff.email, staff.password);
    const p = await portalLogin(customer.email, customer.password);
    await expectAccepted('staff', s.accessToken);
    await expectAccepted('portal', p.accessToken);
    expect((await t.rest('POST', '/api/v1/auth/logout', undefined, bearer(s.accessToken))).status).toBe(200);
    expect((await t.rest('POST', '/api/v1/portal/auth/logout', {}, bearer(p.accessToken))).status).toBe(200);
    await expectRefused('staff', s.accessToken);
    await expectRefused('portal', p.accessToken);
  });

  it("a staff member's other sessions after a password change", async () => {
    const user = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    const changing = await staffLogin(user.email, user.password);
    const other = await staffLogin(user.email, user.password);
    await expectAccepted('staff', other.accessToken);
    const res = await t.rest('POST', '/api/v1/auth/change-password', { currentPassword: user.password, newPassword: 'Another-Strong-One-7' }, bearer(changing.accessToken));
    expect(res.status).toBe(200);
    await expectAccepted('staff', changing.accessToken); // the session that changed it stays
    await expectRefused('staff', other.accessToken);
  });

  it("a customer's sessions after a password reset", async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, tenant);
    const before = await portalLogin(user.email, user.password);
    await expectAccepted('portal', before.accessToken);
    expect((await t.rest('POST', '/api/v1/customer/forgot-password', { email: user.email, companyId: tenant.id })).status).toBe(200);
    const token = tokenIn(await mail.next(user.email, 10000), 'rst');
    const reset = await t.rest<Envelope>('POST', '/api/v1/customer/reset-password', { token, password: 'Another-Strong-One-7' });
    expect(reset.status).toBe(200);
    await expectRefused('portal', before.accessToken);
  });

  it('a staff member deactivated by an ADMIN', async () => {
    const user = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    const s = await staffLogin(user.email, user.password);
    await expectAccepted('staff', s.accessToken);
    const res = await t.gql('mutation($id: ID!) { deactivateStaff(userId: $id) { id } }', { id: user.user.id }, bearer(admin.accessToken));
    expect(res.errors).toBeUndefined();
    await expectRefused('staff', s.accessToken);
  });

  it('a portal user deactivated by a MANAGER', async () => {
    const user = await createCustomerUser(t.em(), t.app.runtime.passwords, tenant);
    const p = await portalLogin(user.email, user.password);
    await expectAccepted('portal', p.accessToken);
    expect((await t.rest('POST', `/api/v1/portal-users/${user.user.id}/deactivate`, undefined, bearer(manager.accessToken))).status).toBe(200);
    await expectRefused('portal', p.accessToken);
  });

  // Issue 15: the new-style names end sessions exactly as the old ones (the same service methods).
  it('the token of a session ended with sessionEnd or customerSessionEnd', async () => {
    const s = await staffLogin(staff.email, staff.password);
    const p = await portalLogin(customer.email, customer.password);
    const ended = await t.gql<{ sessionEnd: { ended: boolean } }>('mutation { sessionEnd { ended } }', undefined, bearer(s.accessToken));
    expect(ended.data?.sessionEnd).toEqual({ ended: true });
    const portalEnded = await t.gql<{ customerSessionEnd: { ended: boolean } }>('mutation { customerSessionEnd { ended } }', undefined, bearer(p.accessToken));
    expect(portalEnded.data?.customerSessionEnd).toEqual({ ended: true });
    await expectRefused('staff', s.accessToken);
    await expectRefused('portal', p.accessToken);
    // Their refresh tokens are spent with them.
    const refresh = await t.gql('mutation($i: SessionRefreshInput!) { sessionRefresh(input: $i) { accessToken } }', { i: { refreshToken: s.refreshToken } });
    expect(refresh.errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
    const portalRefresh = await t.gql('mutation($i: CustomerSessionRefreshInput!) { customerSessionRefresh(input: $i) { accessToken } }', { i: { refreshToken: p.refreshToken } });
    expect(portalRefresh.errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it("a staff member's other sessions after passwordChange", async () => {
    const user = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    const changing = await staffLogin(user.email, user.password);
    const other = await staffLogin(user.email, user.password);
    const res = await t.gql<{ passwordChange: { changed: boolean } }>(
      'mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { changed } }',
      { i: { currentPassword: user.password, newPassword: 'Another-Strong-One-7' } },
      bearer(changing.accessToken),
    );
    expect(res.data?.passwordChange).toEqual({ changed: true });
    await expectAccepted('staff', changing.accessToken);
    await expectRefused('staff', other.accessToken);
  });

  it('a staff member deactivated with staffDeactivate, a portal user with portalUserDeactivate', async () => {
    const user = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    const s = await staffLogin(user.email, user.password);
    const res = await t.gql('mutation($id: ID!) { staffDeactivate(input: { userId: $id }) { staffMember { id isActive } } }', { id: user.user.id }, bearer(admin.accessToken));
    expect(res.data).toEqual({ staffDeactivate: { staffMember: { id: user.user.id, isActive: false } } });
    await expectRefused('staff', s.accessToken);

    const portalUser = await createCustomerUser(t.em(), t.app.runtime.passwords, tenant);
    const p = await portalLogin(portalUser.email, portalUser.password);
    const off = await t.gql('mutation($id: ID!) { portalUserDeactivate(input: { id: $id }) { portalUser { id isActive } } }', { id: portalUser.user.id }, bearer(manager.accessToken));
    expect(off.data).toEqual({ portalUserDeactivate: { portalUser: { id: portalUser.user.id, isActive: false } } });
    await expectRefused('portal', p.accessToken);
  });

  it('no token at all is refused too, with its own message (nothing was presented to be invalid)', async () => {
    const res = await t.rest<Envelope>('GET', '/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].code).toBe('UNAUTHENTICATED');
    expect(res.body.message).not.toBe(INVALID);
  });
});
