import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { StaffRole } from './viewer';

export type Audience = 'staff' | 'portal';

export interface StaffAccessClaims {
  sub: string;
  sid: string;
  tid: string;
  role: StaffRole;
}

export interface PortalAccessClaims {
  sub: string;
  sid: string;
  tenantId: string;
  customerId: string | null;
  email: string;
  displayName: string;
  portal: true;
}

type Verified<T> = T & { aud: Audience; iss: string; typ: 'access'; exp: number; iat: number };

/** Why a token was refused; never shown in detail beyond "expired" vs "invalid". */
export class TokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The access token has expired.' : 'The access token is invalid.');
  }
}

/**
 * Signs and verifies access tokens. Staff and portal tokens use separate keys and audiences, so each is
 * refused where the other is expected. Keys are KeyObjects built once (a string secret costs ~30x more per
 * verification); verification pins the algorithm, audience and issuer.
 */
export class TokenService {
  private readonly keys: Record<Audience, KeyObject>;

  constructor(
    secrets: { staffJwt: string; portalJwt: string },
    private readonly settings: { issuer: string; accessTtlSeconds: number },
  ) {
    this.keys = { staff: createSecretKey(Buffer.from(secrets.staffJwt)), portal: createSecretKey(Buffer.from(secrets.portalJwt)) };
  }

  get accessTtlSeconds(): number {
    return this.settings.accessTtlSeconds;
  }

  signStaff(claims: StaffAccessClaims): string {
    return this.sign('staff', { ...claims });
  }

  signPortal(claims: PortalAccessClaims): string {
    return this.sign('portal', { ...claims });
  }

  private sign(audience: Audience, claims: Record<string, unknown>): string {
    return jwt.sign({ ...claims, typ: 'access' }, this.keys[audience], {
      algorithm: 'HS256',
      audience,
      issuer: this.settings.issuer,
      expiresIn: this.settings.accessTtlSeconds,
    });
  }

  verifyStaff(token: string): Verified<StaffAccessClaims> {
    return this.verify<StaffAccessClaims>('staff', token);
  }

  verifyPortal(token: string): Verified<PortalAccessClaims> {
    const claims = this.verify<PortalAccessClaims>('portal', token);
    if (claims.portal !== true) throw new TokenError('invalid');
    return claims;
  }

  private verify<T>(audience: Audience, token: string): Verified<T> {
    let payload: jwt.JwtPayload | string;
    try {
      payload = jwt.verify(token, this.keys[audience], { algorithms: ['HS256'], audience, issuer: this.settings.issuer });
    } catch (e) {
      throw new TokenError(e instanceof jwt.TokenExpiredError ? 'expired' : 'invalid');
    }
    if (typeof payload === 'string' || payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
      throw new TokenError('invalid');
    }
    return payload as Verified<T>;
  }

  /** The audience a token claims, read without verifying; only to choose which key to verify with. */
  static claimedAudience(token: string): Audience | undefined {
    const decoded = jwt.decode(token);
    const aud = decoded && typeof decoded === 'object' ? decoded.aud : undefined;
    return aud === 'staff' || aud === 'portal' ? aud : undefined;
  }
}
