import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/config';
import { emailLink } from '../../shared/email-links';
import { isUuid } from '../../shared/ids';
import type { RatingLinkFor } from '../notifications/dispatch';

/** What a rating link stands for: who may rate which ticket, until when. */
export interface RatingClaims {
  tenantId: string;
  incidentId: string;
  customerUserId: string;
  expiresAt: Date;
}

const PREFIX = 'rate';
export const DAY_MS = 86_400_000;

/**
 * The signed token of the rating link in a resolution e-mail: `rate.<claims>.<HMAC-SHA256>` (base64url). Signed
 * rather than stored, since the worker writes the e-mail and nothing needs revoking: the link is single use
 * because a ticket takes one rating per rater (the second is ALREADY_RATED). The key derives from the portal
 * token key (HKDF, its own purpose, so it never doubles as a token key); links signed under a previous key
 * still verify during a rotation.
 */
export class RatingLinks {
  private readonly keys: Buffer[];

  constructor(secrets: Pick<Config['secrets'], 'portalJwt' | 'portalJwtPrevious'>) {
    this.keys = [secrets.portalJwt, ...secrets.portalJwtPrevious].map((s) => Buffer.from(hkdfSync('sha256', s, 'incident-desk', 'rating-links', 32)));
  }

  sign(claims: RatingClaims): string {
    const body = Buffer.from(JSON.stringify([claims.tenantId, claims.incidentId, claims.customerUserId, Math.floor(claims.expiresAt.getTime() / 1000)])).toString('base64url');
    return `${PREFIX}.${body}.${this.mac(body, this.keys[0]).toString('base64url')}`;
  }

  /** The claims of a genuine, unexpired token; null for anything else. */
  verify(token: unknown, now = new Date()): RatingClaims | null {
    if (typeof token !== 'string' || token.length > 400) return null;
    const [prefix, body, mac, ...rest] = token.split('.');
    if (prefix !== PREFIX || !body || !mac || rest.length) return null;
    const given = Buffer.from(mac, 'base64url');
    if (!this.keys.some((key) => { const expected = this.mac(body, key); return expected.length === given.length && timingSafeEqual(expected, given); })) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [tenantId, incidentId, customerUserId, exp] = parsed as unknown[];
    if (!isUuid(tenantId) || !isUuid(incidentId) || !isUuid(customerUserId) || typeof exp !== 'number' || exp * 1000 <= now.getTime()) return null;
    return { tenantId, incidentId, customerUserId, expiresAt: new Date(exp * 1000) };
  }

  private mac(body: string, key: Buffer): Buffer {
    return createHmac('sha256', key).update(`${PREFIX}.${body}`).digest();
  }
}

const byConfig = new WeakMap<object, RatingLinks>();
/** One signer per configuration (the server's and the worker's). */
export function ratingLinksOf(config: Pick<Config, 'secrets'>): RatingLinks {
  let links = byConfig.get(config.secrets);
  if (!links) byConfig.set(config.secrets, (links = new RatingLinks(config.secrets)));
  return links;
}

/**
 * The resolution e-mail's rating link (notifications/dispatch.ts), valid as long as the rating window: the
 * page it opens (PORTAL_RATING_URL, by default this server's /portal/rate-ticket) gets the token.
 */
export function ratingLinkMaker(config: Pick<Config, 'secrets' | 'links' | 'csat'>): RatingLinkFor {
  const links = ratingLinksOf(config);
  return ({ tenantId, incidentId, customerUserId, resolvedAt, participant }) => {
    if (participant && !config.csat.participantsMayRate) return null; // participants rate only with CSAT_PARTICIPANTS_MAY_RATE
    const expiresAt = new Date(Date.parse(resolvedAt) + config.csat.windowDays * DAY_MS);
    return emailLink(config, 'portal', 'rating', { token: links.sign({ tenantId, incidentId, customerUserId, expiresAt }) });
  };
}
