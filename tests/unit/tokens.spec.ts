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

  it('reads the claimed audience without trusting it', () => {
    expect(TokenService.claimedAudience(tokens.signStaff(staffClaims))).toBe('staff');
    expect(TokenService.claimedAudience('garbage')).toBeUndefined();
  });
});
