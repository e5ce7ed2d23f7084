import jwt from 'jsonwebtoken';
import { ConfigError, loadConfig } from '../../src/config/config';
import { CodeHasher } from '../../src/auth/secrets';
import { TokenError, TokenService } from '../../src/auth/tokens';

const OLD_STAFF = 'old-staff-key-'.padEnd(40, 'o');
const NEW_STAFF = 'new-staff-key-'.padEnd(40, 'n');
const OLD_PORTAL = 'old-portal-key-'.padEnd(40, 'q');
const NEW_PORTAL = 'new-portal-key-'.padEnd(40, 'r');
const settings = { issuer: 'incident-desk', accessTtlSeconds: 900 };

const before = new TokenService({ staffJwt: OLD_STAFF, portalJwt: OLD_PORTAL }, settings);
const during = new TokenService({ staffJwt: NEW_STAFF, portalJwt: NEW_PORTAL, staffJwtPrevious: [OLD_STAFF], portalJwtPrevious: [OLD_PORTAL] }, settings);
const after = new TokenService({ staffJwt: NEW_STAFF, portalJwt: NEW_PORTAL }, settings);

const staffClaims = { sub: 'u1', sid: 's1', tid: 't1', role: 'ADMIN' as const };
const portalClaims = { sub: 'c1', sid: 's2', tenantId: 't1', customerId: null, email: 'c@x.test', displayName: 'C', portal: true as const };

const outcome = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return e instanceof TokenError ? e.reason : `other: ${(e as Error).message}`;
  }
};
const headerOf = (token: string) => jwt.decode(token, { complete: true })!.header;
const forge = (claims: object, key: string, header: Partial<jwt.JwtHeader>, audience = 'staff') =>
  jwt.sign({ ...claims, typ: 'access' }, key, { algorithm: 'HS256', audience, issuer: 'incident-desk', expiresIn: 60, header: { alg: 'HS256', ...header } });

describe('token key rotation', () => {
  it('names the signing key in the header (kid), pinned to HS256, different per audience and key', () => {
    const staff = headerOf(before.signStaff(staffClaims));
    const portal = headerOf(before.signPortal(portalClaims));
    expect(staff).toMatchObject({ alg: 'HS256', typ: 'JWT', kid: TokenService.keyId('staff', OLD_STAFF) });
    expect(portal.kid).toBe(TokenService.keyId('portal', OLD_PORTAL));
    expect(staff.kid).not.toBe(TokenService.keyId('staff', NEW_STAFF));
    expect(TokenService.keyId('staff', OLD_STAFF)).not.toBe(TokenService.keyId('portal', OLD_STAFF));
    expect(staff.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('a token signed with the previous key still verifies while that key is listed, then not', () => {
    const oldStaff = before.signStaff(staffClaims);
    const oldPortal = before.signPortal(portalClaims);
    expect(during.verifyStaff(oldStaff)).toMatchObject(staffClaims);
    expect(during.verifyPortal(oldPortal)).toMatchObject(portalClaims);
    expect(outcome(() => after.verifyStaff(oldStaff))).toBe('invalid');
    expect(outcome(() => after.verifyPortal(oldPortal))).toBe('invalid');
  });

  it('new tokens are signed with the new key, which the old process does not know', () => {
    const fresh = during.signStaff(staffClaims);
    expect(headerOf(fresh).kid).toBe(TokenService.keyId('staff', NEW_STAFF));
    expect(after.verifyStaff(fresh)).toMatchObject(staffClaims);
    expect(outcome(() => before.verifyStaff(fresh))).toBe('invalid');
  });

  it('refuses an unknown kid, a kid of another key than the one that signed, and a kid of the other audience', () => {
    expect(outcome(() => during.verifyStaff(forge(staffClaims, OLD_STAFF, { kid: 'no-such-key' })))).toBe('invalid');
    expect(outcome(() => during.verifyStaff(forge(staffClaims, OLD_STAFF, { kid: TokenService.keyId('staff', NEW_STAFF) })))).toBe('invalid');
    // A portal key id on a staff token: the staff ring has no such key.
    expect(outcome(() => during.verifyStaff(forge(staffClaims, OLD_PORTAL, { kid: TokenService.keyId('portal', OLD_PORTAL) })))).toBe('invalid');
    // A staff-signed token presented as a portal one, even naming the staff key.
    expect(outcome(() => during.verifyPortal(forge(portalClaims, OLD_STAFF, { kid: TokenService.keyId('staff', OLD_STAFF) }, 'portal')))).toBe('invalid');
    // Non-string kids are refused too.
    expect(outcome(() => during.verifyStaff(forge(staffClaims, NEW_STAFF, { kid: 7 as unknown as string })))).toBe('invalid');
  });

  it('keeps alg, audience, issuer and expiry checks with every key', () => {
    const kid = TokenService.keyId('staff', OLD_STAFF);
    const sign = (options: jwt.SignOptions, key: string = OLD_STAFF) =>
      jwt.sign({ ...staffClaims, typ: 'access' }, key, { algorithm: 'HS256', audience: 'staff', issuer: 'incident-desk', expiresIn: 60, keyid: kid, ...options });
    expect(outcome(() => during.verifyStaff(sign({})))).toBe('accepted');
    expect(outcome(() => during.verifyStaff(sign({ algorithm: 'HS512' })))).toBe('invalid');
    expect(outcome(() => during.verifyStaff(jwt.sign({ ...staffClaims, typ: 'access' }, '', { algorithm: 'none', audience: 'staff', issuer: 'incident-desk', keyid: kid })))).toBe('invalid');
    expect(outcome(() => during.verifyStaff(sign({ audience: 'portal' })))).toBe('invalid');
    expect(outcome(() => during.verifyStaff(sign({ issuer: 'evil' })))).toBe('invalid');
    expect(outcome(() => during.verifyStaff(sign({ expiresIn: -10 })))).toBe('expired');
  });

  it('a token without a kid (issued before key ids) is tried against each key of its audience only', () => {
    const legacy = (key: string, expiresIn = 60) => jwt.sign({ ...staffClaims, typ: 'access' }, key, { algorithm: 'HS256', audience: 'staff', issuer: 'incident-desk', expiresIn });
    expect(outcome(() => during.verifyStaff(legacy(OLD_STAFF)))).toBe('accepted');
    expect(outcome(() => during.verifyStaff(legacy(NEW_STAFF)))).toBe('accepted');
    expect(outcome(() => during.verifyStaff(legacy(OLD_STAFF, -10)))).toBe('expired');
    expect(outcome(() => during.verifyStaff(legacy(OLD_PORTAL)))).toBe('invalid');
    expect(outcome(() => during.verifyStaff(legacy('x'.repeat(40))))).toBe('invalid');
  });

  it('e-mail codes hashed under the previous key still match during the rotation', () => {
    const old = new CodeHasher(OLD_STAFF);
    const rotated = new CodeHasher(NEW_STAFF, [OLD_STAFF]);
    const stored = old.hash('123456', 'otp:u1');
    expect(rotated.matches('123456', 'otp:u1', stored)).toBe(true);
    expect(rotated.matches('654321', 'otp:u1', stored)).toBe(false);
    expect(new CodeHasher(NEW_STAFF).matches('123456', 'otp:u1', stored)).toBe(false);
    // New codes are hashed with the new key.
    expect(new CodeHasher(NEW_STAFF).matches('123456', 'otp:u1', rotated.hash('123456', 'otp:u1'))).toBe(true);
  });
});

describe('rotation settings', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
  };

  it('reads comma-separated previous keys for each audience', () => {
    const c = loadConfig({ JWT_STAFF_SECRET: NEW_STAFF, JWT_STAFF_PREVIOUS_SECRETS: ` ${OLD_STAFF} , ${'z'.repeat(32)}`, JWT_PORTAL_SECRET: NEW_PORTAL, JWT_PORTAL_PREVIOUS_SECRETS: OLD_PORTAL });
    expect(c.secrets).toEqual({ staffJwt: NEW_STAFF, portalJwt: NEW_PORTAL, staffJwtPrevious: [OLD_STAFF, 'z'.repeat(32)], portalJwtPrevious: [OLD_PORTAL] });
    expect(loadConfig({}).secrets.staffJwtPrevious).toEqual([]);
  });

  it('refuses short previous keys and any key shared by staff and portal', () => {
    expect(problems({ JWT_STAFF_PREVIOUS_SECRETS: 'short' })[0]).toMatch(/^JWT_STAFF_PREVIOUS_SECRETS(\.0)?: each key must be at least 32 characters/);
    expect(problems({ JWT_STAFF_SECRET: NEW_STAFF, JWT_PORTAL_SECRET: NEW_PORTAL, JWT_PORTAL_PREVIOUS_SECRETS: NEW_STAFF })[0]).toMatch(/^JWT_PORTAL_PREVIOUS_SECRETS: staff and portal keys must all differ/);
    expect(problems({ JWT_STAFF_SECRET: NEW_STAFF, JWT_PORTAL_SECRET: NEW_PORTAL, JWT_STAFF_PREVIOUS_SECRETS: NEW_PORTAL })[0]).toMatch(/staff and portal keys must all differ/);
  });
});
