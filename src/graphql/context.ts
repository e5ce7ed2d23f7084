import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { InvalidTokenError } from '../auth/auth.errors';
import type { RateLimits } from '../auth/rate-limits';
import type { Runtime } from '../runtime';
import type { ClientInfo, Door } from '../auth/sessions';
import { TokenError } from '../auth/tokens';
import { ANONYMOUS, type StaffViewer, type Viewer } from '../auth/viewer';
import type { Config } from '../config/config';
import { createServices, type Services } from '../modules/services';
import type { AppError } from '../shared/errors';
import { isUuid } from '../shared/ids';
import { lazyMembers, once } from '../shared/lazy';
import { RateLimitMeter } from '../shared/rate-limit-meter';
import { createIncidentLoaders, type IncidentLoaders } from '../modules/incident/incident.loaders';
import { RequestTransaction, rlsTenantOf } from '../db/tenant-transaction';
import type { CallerReads } from '../db/read-routing';

/** Everything a resolver may use, made once per request; services and loaders each on first use. */
export interface Context {
  requestId: string;
  viewer: Viewer;
  /**
   * Whether the viewer's session has been revoked since the token was checked: by an earlier part of the same
   * mutation (`sessionEnd`, then a public field, then a field that needs the token), or elsewhere.
   */
  sessionRevoked(): boolean;
  /** Why a presented token was refused; rules answer it to anonymous callers of protected fields. */
  authError?: AppError;
  client: ClientInfo;
  /** A fork of the ORM's EntityManager for this request only (writes and single-row paths). */
  em: EntityManager;
  /**
   * The request's own transaction as the tenant's database role (db/tenant-transaction.ts), which `em` is
   * bound to while it is open: opened and finished around the operation by graphql/pipeline.ts, on every transport
   * (HTTP, REST and WebSocket). `afterCommit` queues work for after its commit.
   */
  transaction: RequestTransaction;
  /**
   * Whether the caller's queries read the replica (DATABASE_READ_URL), and `wrote()` to keep its session on
   * the primary for a while after a write (db/read-routing.ts).
   */
  reads: CallerReads;
  services: Services;
  /**
   * The caller's own account (me, profile, password, sign-out, notification preferences): the viewer and
   * services those fields use (graphql/viewer.ts `ownAccount`). Set only for a SUPER_ADMIN acting in another
   * tenant; everyone else's own rows are in the request's tenant, and `viewer` and `services` serve.
   */
  ownAccount?: { viewer: StaffViewer; services: Services };
  /**
   * For public query fields (the company list) in a query that also has fields needing the token: as the
   * owner, on a fork of its own outside the request's transaction, which runs as the viewer's tenant
   * (graphql/schema.ts `publicFieldsApart`). Made on first use.
   */
  readonly owner: { em: EntityManager; services: Services };
  /**
   * Set by graphql/pipeline.ts for a tenant's mutation, which runs in parts when it mixes public fields with
   * fields that need the token (`OperationPipeline.partsOf`); graphql/schema.ts enters each Mutation field.
   */
  mutationParts?: MutationParts;
  loaders: { incidents: IncidentLoaders };
  log: Logger;
  config: Config;
  /** The rate limiters, reporting to `rateLimit` (services get the same through their runtime). */
  rateLimits: RateLimits;
  /** Every limiter state this request met; the most restrictive becomes the RateLimit-* headers. */
  rateLimit: RateLimitMeter;
}

/** The parts of a mutation (see `Context.mutationParts`). */
export interface MutationParts {
  /** Before each Mutation field: ends or opens the request's transaction as the field needs; throws when it cannot run. */
  enter(publicField: boolean): Promise<void>;
  /**
   * The operation's answer in place of its data, if any: the failure of its last part's commit (`closing`) or
   * of an earlier one. Once a part has taken effect, a failure can no longer say that nothing did: it is then
   * UNKNOWN_OUTCOME, not UNAVAILABLE.
   */
  failure(closing?: GraphQLError): GraphQLError | undefined;
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
  /** The REST adapter says so; GraphQL otherwise (auth/sessions.ts Door). */
  door?: Door;
  /** Settles once the answer has been sent (or the request was abandoned): background work waits for it. */
  answered?: Promise<void>;
}

/**
 * The viewer from the Authorization header: a staff or portal access token, verified with its own key and
 * audience, whose session is not revoked. A refused token leaves the caller anonymous, with the reason kept
 * for the rules of protected fields; public fields still answer. `acting`: a SUPER_ADMIN whose X-Tenant-Id was
 * honoured (its requests then run confined to that tenant, even when it is its own).
 */
export function viewerFrom(
  authorization: string | undefined,
  runtime: Runtime,
  actingTenant?: string,
): { viewer: Viewer; authError?: AppError; acting?: boolean; /** The token's `iat` (seconds). */ issuedAt?: number } {
  if (!authorization) return { viewer: ANONYMOUS };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { viewer: ANONYMOUS, authError: new InvalidTokenError('Send the access token as "Authorization: Bearer <token>".') };
  const token = match[1];
  try {
    const audience = runtime.tokens.audienceOf(token);
    if (audience === 'staff') {
      const c = runtime.tokens.verifyStaff(token);
      if (runtime.revocations.isRevoked(c.sid)) throw new TokenError('invalid');
      // Only a SUPER_ADMIN operates across tenants, naming the tenant to act in with X-Tenant-Id; for anyone
      // else the header means nothing and the tenant stays the token's.
      const acting = c.role === 'SUPER_ADMIN' && isUuid(actingTenant);
      const tenantId = acting ? actingTenant!.toLowerCase() : c.tid;
      const viewer: StaffViewer = { kind: 'staff', userId: c.sub, tenantId, role: c.role, sessionId: c.sid };
      if (tenantId !== c.tid) viewer.homeTenantId = c.tid;
      return { viewer, acting, issuedAt: c.iat };
    }
    if (audience === 'portal') {
      const c = runtime.tokens.verifyPortal(token);
      if (runtime.revocations.isRevoked(c.sid)) throw new TokenError('invalid');
      return { viewer: { kind: 'customer', customerUserId: c.sub, tenantId: c.tenantId, customerId: c.customerId ?? null, sessionId: c.sid }, issuedAt: c.iat };
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

/**
 * The runtime as a request's services see it. Background tasks start only once the answer has been sent, so
 * work done for some callers only (mail to an existing address) never shows in their answer's timing; and for
 * a tenant request also only after its transaction commits, as does this process's revocation cache learning
 * of revoked sessions (a task started earlier could read rows not yet committed, or act on a change that is
 * then rolled back).
 */
export function requestRuntime(runtime: Runtime, transaction: RequestTransaction | undefined, answered?: Promise<void>, requestId?: string): Runtime {
  const run = (name: string, job: () => Promise<unknown>) => runtime.background.run(name, job, answered, requestId);
  const drain = () => runtime.background.drain();
  if (transaction?.tenantId === undefined) return { ...runtime, background: { run, drain } }; // no transaction: "after commit" is now
  return {
    ...runtime,
    background: { run: (name, job) => transaction.afterCommit(() => run(name, job)), drain },
    sessions: runtime.sessions.withRevocations({ add: (ids) => transaction.afterCommit(() => runtime.revocations.add(ids)) }),
  };
}

/**
 * A SUPER_ADMIN acting in another tenant reaches its own rows (user, sessions, notification preferences), which
 * live in its own tenant, as the owner on a fork of its own: row-level security as the acting tenant would hide
 * them (and write its preferences into the wrong tenant). The fork is not the request's transaction: its writes
 * commit on their own, at once, so its after-commit work (the revocation cache) runs at once too. Only these
 * fields use it, with the viewer of the SUPER_ADMIN's own tenant, so nothing of the acting tenant is read here.
 */
function ownAccountOf(deps: ContextDeps, viewer: Viewer, rateLimits: RateLimits): Context['ownAccount'] {
  if (viewer.kind !== 'staff' || viewer.homeTenantId === undefined) return undefined;
  const { homeTenantId, ...rest } = viewer;
  // The fork and its services are made when one of those fields first asks: most of the requests of a
  // SUPER_ADMIN acting in another tenant are about that tenant only.
  const services = once(() => createServices(deps.orm.em.fork(), () => ({ ...deps.runtime, rateLimits })));
  return {
    viewer: { ...rest, tenantId: homeTenantId },
    get services() {
      return services();
    },
  };
}

/** The request's DataLoaders, each made on first use. */
const loadersOf = lazyMembers<{ em: EntityManager; viewer: Viewer }, Context['loaders']>({
  incidents: ({ em, viewer }) => createIncidentLoaders(em, viewer),
});

export async function buildContext(deps: ContextDeps, request: RequestInfo): Promise<Context> {
  const em = deps.orm.em.fork();
  const { viewer, authError, acting = false, issuedAt } = viewerFrom(request.authorization, deps.runtime, request.actingTenant);
  const rateLimit = new RateLimitMeter();
  const rateLimits = deps.runtime.rateLimits.reportingTo(rateLimit);
  const reportHookError = (err: unknown) => deps.runtime.log.error({ err, requestId: request.requestId }, 'after-commit work failed');
  const transaction = new RequestTransaction(em, rlsTenantOf(viewer, acting), reportHookError, deps.runtime.requestTransactions);
  const owner = once(() => {
    const fork = deps.orm.em.fork();
    return { em: fork, services: createServices(fork, () => ({ ...requestRuntime(deps.runtime, undefined, request.answered, request.requestId), rateLimits })) };
  });
  return {
    requestId: request.requestId,
    viewer,
    sessionRevoked: () => viewer.kind !== 'anonymous' && deps.runtime.revocations.isRevoked(viewer.sessionId),
    authError,
    client: { ip: request.ip, userAgent: request.userAgent, door: request.door },
    em,
    transaction,
    reads: deps.runtime.reads.forCaller(viewer.kind === 'anonymous' ? undefined : viewer.sessionId, issuedAt),
    // The services see this request's rate limits, so what they consume shows in the request's headers.
    services: createServices(em, () => ({ ...requestRuntime(deps.runtime, transaction, request.answered, request.requestId), rateLimits }), transaction.tenantId),
    ownAccount: ownAccountOf(deps, viewer, rateLimits),
    get owner() {
      return owner();
    },
    loaders: loadersOf({ em, viewer }),
    log: request.log,
    config: deps.config,
    rateLimits,
    rateLimit,
  };
}
