import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { InvalidTokenError } from '../auth/auth.errors';
import type { RateLimits } from '../auth/rate-limits';
import type { Runtime } from '../auth/runtime';
import type { ClientInfo } from '../auth/sessions';
import { TokenError, TokenService } from '../auth/tokens';
import { ANONYMOUS, type Viewer } from '../auth/viewer';
import type { Config } from '../config/config';
import { createServices, type Services } from '../modules/services';
import type { AppError } from '../shared/errors';
import { isUuid } from '../shared/ids';
import { RateLimitMeter } from '../shared/rate-limit-meter';
import { createIncidentLoaders, type IncidentLoaders } from '../modules/incident/incident.loaders';

/** Everything a resolver may use, built once per request. */
export interface Context {
  requestId: string;
  viewer: Viewer;
  /** Why a presented token was refused; rules answer it to anonymous callers of protected fields. */
  authError?: AppError;
  client: ClientInfo;
  /** A fork of the ORM's EntityManager for this request only (writes and single-row paths). */
  em: EntityManager;
  services: Services;
  loaders: { incidents: IncidentLoaders };
  log: Logger;
  config: Config;
  /** The rate limiters, reporting to `rateLimit` (services get the same through their runtime). */
  rateLimits: RateLimits;
  /** Every limiter state this request met; the most restrictive becomes the RateLimit-* headers. */
  rateLimit: RateLimitMeter;
}

export interface ContextDeps {
  orm: MikroORM;
  config: Config;
  runtime: Runtime;
}

export interface RequestInfo {
  requestId: string;
  log: Logger;
  authorization?: string;
  /** X-Tenant-Id: honoured for SUPER_ADMIN tokens only. */
  actingTenant?: string;
  ip: string;
  userAgent?: string;
}

/**
 * The viewer from the Authorization header: a staff or portal access token, verified with its own key and
 * audience, whose session is not revoked. A refused token leaves the caller anonymous, with the reason kept
 * for the rules of protected fields; public fields still answer.
 */
export function viewerFrom(authorization: string | undefined, runtime: Runtime, actingTenant?: string): { viewer: Viewer; authError?: AppError } {
  if (!authorization) return { viewer: ANONYMOUS };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { viewer: ANONYMOUS, authError: new InvalidTokenError('Send the access token as "Authorization: Bearer <token>".') };
  const token = match[1];
  try {
    const audience = TokenService.claimedAudience(token);
    if (audience === 'staff') {
      const c = runtime.tokens.verifyStaff(token);
      if (runtime.revocations.isRevoked(c.sid)) throw new TokenError('invalid');
      // Only a SUPER_ADMIN operates across tenants, naming the tenant to act in with X-Tenant-Id; for anyone
      // else the header means nothing and the tenant stays the token's.
      const tenantId = c.role === 'SUPER_ADMIN' && actingTenant && isUuid(actingTenant) ? actingTenant.toLowerCase() : c.tid;
      return { viewer: { kind: 'staff', userId: c.sub, tenantId, role: c.role, sessionId: c.sid } };
    }
    if (audience === 'portal') {
      const c = runtime.tokens.verifyPortal(token);
      if (runtime.revocations.isRevoked(c.sid)) throw new TokenError('invalid');
      return { viewer: { kind: 'customer', customerUserId: c.sub, tenantId: c.tenantId, customerId: c.customerId ?? null, sessionId: c.sid } };
    }
    throw new TokenError('invalid');
  } catch (e) {
    const expired = e instanceof TokenError && e.reason === 'expired';
    return {
      viewer: ANONYMOUS,
      authError: new InvalidTokenError(expired ? InvalidTokenError.EXPIRED : InvalidTokenError.INVALID),
    };
  }
}

export async function buildContext(deps: ContextDeps, request: RequestInfo): Promise<Context> {
  const em = deps.orm.em.fork();
  const { viewer, authError } = viewerFrom(request.authorization, deps.runtime, request.actingTenant);
  const rateLimit = new RateLimitMeter();
  const rateLimits = deps.runtime.rateLimits.reportingTo(rateLimit);
  return {
    requestId: request.requestId,
    viewer,
    authError,
    client: { ip: request.ip, userAgent: request.userAgent },
    em,
    // The services see this request's rate limits, so what they consume shows in the request's headers.
    services: createServices(em, { ...deps.runtime, rateLimits }),
    loaders: { incidents: createIncidentLoaders(em, viewer) },
    log: request.log,
    config: deps.config,
    rateLimits,
    rateLimit,
  };
}
