import jwt from 'jsonwebtoken';
import { TokenError, TokenService } from '../../src/auth/tokens';

const secrets = { staffJwt: 's'.repeat(40), portalJwt: 'p'.repeat(40) };
const tokens = new TokenService(secrets, { issuer: 'incident-desk', accessTtlSeconds: 900 });
const staffClaims = { sub: 'u1', sid: 's1', tid: 't1', role: 'ADMIN' as const };
const portalClaims = { sub: 'c1', sid: 's2', tenantId: 't1', customerId: null, email: 'c@x.test', displayName: 'C', portal: true as const };

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof TokenError ? e.reason : 'other';
  }
  return 'accepted';
};

describe('TokenService', () => {
  it('round-trips staff and portal tokens with their own audiences', () => {
    expect(tokens.verifyStaff(tokens.signStaff(staffClaims))).toMatchObject({ ...staffClaims, aud: 'staff', iss: 'incident-desk', typ: 'access' });
    expect(tokens.verifyPortal(tokens.signPortal(portalClaims))).toMatchObject({ ...portalClaims, aud: 'portal' });
  });

  it('refuses each kind where the other is expected', () => {
    expect(reason(() => tokens.verifyStaff(tokens.signPortal(portalClaims)))).toBe('invalid');
    expect(reason(() => tokens.verifyPortal(tokens.signStaff(staffClaims)))).toBe('invalid');
  });

  it('refuses alg none, other algorithms, wrong issuer, missing typ, and expired tokens', () => {
    const opts = { audience: 'staff', issuer: 'incident-desk', expiresIn: 60 };
    expect(reason(() => tokens.verifyStaff(jwt.sign({ ...staffClaims, typ: 'access' }, '', { ...opts, algorithm: 'none' })))).toBe('invalid');
    expect(reason(() => tokens.verifyStaff(jwt.sign({ ...staffClaims, typ: 'access' }, secrets.staffJwt, { ...opts, algorithm: 'HS512' })))).toBe('invalid');
    expect(reason(() => tokens.verifyStaff(jwt.sign({ ...staffClaims, typ: 'access' }, secrets.staffJwt, { ...opts, algorithm: 'HS256', issuer: 'x' })))).toBe('invalid');
    expect(reason(() => tokens.verifyStaff(jwt.sign({ ...staffClaims }, secrets.staffJwt, { ...opts, algorithm: 'HS256' })))).toBe('invalid');
    expect(reason(() => tokens.verifyStaff(jwt.sign({ ...staffClaims, typ: 'access' }, secrets.staffJwt, { ...opts, algorithm: 'HS256', expiresIn: -1 })))).toBe('expired');
  });

  it('tells the kind of token from its key id (or, without one, its claimed audience), without trusting it', () => {
    expect(tokens.audienceOf(tokens.signStaff(staffClaims))).toBe('staff');
    expect(tokens.audienceOf(tokens.signPortal(portalClaims))).toBe('portal');
    // A kid names the key: a staff key id is a staff token whatever its payload claims.
    const staffKid = TokenService.keyId('staff', secrets.staffJwt);
    expect(tokens.audienceOf(jwt.sign({ ...portalClaims, typ: 'access' }, 'x'.repeat(40), { audience: 'portal', keyid: staffKid }))).toBe('staff');
    // No kid (tokens from before key ids): the claimed audience; an unknown or non-string kid: none.
    expect(tokens.audienceOf(jwt.sign({ typ: 'access' }, secrets.portalJwt, { audience: 'portal' }))).toBe('portal');
    expect(tokens.audienceOf(jwt.sign({ typ: 'access' }, secrets.staffJwt, { audience: 'staff', keyid: 'unknown' }))).toBeUndefined();
    expect(tokens.audienceOf(`${Buffer.from(JSON.stringify({ alg: 'HS256', kid: 42 })).toString('base64url')}.e30.x`)).toBeUndefined();
    for (const garbage of ['garbage', '', '.', 'e30', '!!!.e30.x', `${Buffer.from('[1]').toString('base64url')}.e30.x`]) expect(tokens.audienceOf(garbage)).toBeUndefined();
  });
});
