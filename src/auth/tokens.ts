import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
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

/** The keys of one audience: the one that signs, and every one that verifies, by key id. */
interface KeyRing {
  signing: { kid: string; key: KeyObject };
  byKid: Map<string, KeyObject>;
}

export interface TokenSecrets {
  staffJwt: string;
  portalJwt: string;
  /** Keys that still verify but no longer sign (rotation); none by default. */
  staffJwtPrevious?: readonly string[];
  portalJwtPrevious?: readonly string[];
}

/**
 * Signs and verifies access tokens. Staff and portal tokens use separate keys and audiences, so each is
 * refused where the other is expected. Keys are KeyObjects built once (a string secret costs ~30x more per
 * verification); verification pins the algorithm, audience and issuer.
 *
 * Rotation: each audience has one signing key and any number of verification-only keys. A token names its
 * key in the header (`kid`, derived from the key, so every process agrees without naming keys); an unknown
 * kid is refused without trying any key. Tokens without a kid (issued before key ids existed) are tried
 * against the audience's keys in turn; they live one access-token lifetime at most.
 */
export class TokenService {
  private readonly rings: Record<Audience, KeyRing>;

  constructor(
    secrets: TokenSecrets,
    private readonly settings: { issuer: string; accessTtlSeconds: number },
  ) {
    this.rings = {
      staff: TokenService.ring('staff', secrets.staffJwt, secrets.staffJwtPrevious ?? []),
      portal: TokenService.ring('portal', secrets.portalJwt, secrets.portalJwtPrevious ?? []),
    };
    for (const audience of ['staff', 'portal'] as const) for (const kid of this.rings[audience].byKid.keys()) this.audienceByKid.set(kid, audience);
  }

  /** Every key id of both rings → its audience: a kid says which key, and so which kind of token, it is. */
  private readonly audienceByKid = new Map<string, Audience>();

  /** A key's public id: a hash of audience and key, short, revealing nothing a signed token does not. */
  static keyId(audience: Audience, secret: string): string {
    return createHash('sha256').update(`incident-desk:jwt:${audience}:`).update(secret).digest('base64url').slice(0, 16);
  }

  private static ring(audience: Audience, current: string, previous: readonly string[]): KeyRing {
    const byKid = new Map<string, KeyObject>();
    for (const secret of [current, ...previous]) byKid.set(TokenService.keyId(audience, secret), createSecretKey(Buffer.from(secret)));
    const kid = TokenService.keyId(audience, current);
    return { signing: { kid, key: byKid.get(kid)! }, byKid };
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
    const { kid, key } = this.rings[audience].signing;
    return jwt.sign({ ...claims, typ: 'access' }, key, {
      algorithm: 'HS256',
      keyid: kid,
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

  /** The keys a token may have been signed with: the one its kid names, or (no kid) all of the audience's. */
  private candidateKeys(audience: Audience, token: string): KeyObject[] {
    const header = headerOf(token);
    if (!header) return [];
    const { kid } = header;
    const ring = this.rings[audience];
    if (kid === undefined) return [...ring.byKid.values()];
    const key = typeof kid === 'string' ? ring.byKid.get(kid) : undefined;
    return key ? [key] : [];
  }

  private verify<T>(audience: Audience, token: string): Verified<T> {
    const keys = this.candidateKeys(audience, token);
    if (!keys.length) throw new TokenError('invalid');
    let payload: jwt.JwtPayload | string | undefined;
    for (const [i, key] of keys.entries()) {
      try {
        payload = jwt.verify(token, key, { algorithms: ['HS256'], audience, issuer: this.settings.issuer });
        break;
      } catch (e) {
        // Only a bad signature means "maybe another key"; anything else is this token's final answer.
        const badSignature = e instanceof jwt.JsonWebTokenError && !(e instanceof jwt.TokenExpiredError) && e.message === 'invalid signature';
        if (badSignature && i < keys.length - 1) continue;
        throw new TokenError(e instanceof jwt.TokenExpiredError ? 'expired' : 'invalid');
      }
    }
    if (!payload || typeof payload === 'string' || payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
      throw new TokenError('invalid');
    }
    return payload as Verified<T>;
  }

  /**
   * Which kind of token this claims to be, read without verifying, only to choose the keys to verify with:
   * from the key id in the header (the cheap part of the token), or for a token without one from its `aud`.
   * Verification then checks the audience for real.
   */
  audienceOf(token: string): Audience | undefined {
    const header = headerOf(token);
    if (!header) return undefined;
    if (header.kid !== undefined) return typeof header.kid === 'string' ? this.audienceByKid.get(header.kid) : undefined;
    const decoded = jwt.decode(token);
    const aud = decoded && typeof decoded === 'object' ? decoded.aud : undefined;
    return aud === 'staff' || aud === 'portal' ? aud : undefined;
  }
}

/**
 * A JWT's header, decoded without verifying (jwt.decode would also decode the payload, which every request
 * pays for again when jwt.verify runs); undefined when it is not a JSON object.
 */
function headerOf(token: string): { kid?: unknown } | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
    return header && typeof header === 'object' && !Array.isArray(header) ? (header as { kid?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
