import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { PUBLIC_ROOT_FIELDS } from '../authz/rules';
import type { Viewer } from '../auth/viewer';
import { BadRequestError } from '../shared/errors';
import { Semaphore } from '../shared/semaphore';

/**
 * PostgreSQL row-level security as a backstop for tenant isolation (the migration of 2026-12-02 creates the
 * role and the policies). Services still scope every query by the viewer; this makes a query that forgets
 * to return nothing of another tenant instead of its rows.
 *
 * The server connects as the tables' owner, which RLS does not restrict. A request of a tenant-scoped viewer
 * (staff of a tenant, a portal customer, a SUPER_ADMIN acting in a tenant with X-Tenant-Id) runs in one
 * transaction that first switches to TENANT_ROLE and sets `app.tenant_id`, both local to the transaction
 * (the PostGraphile/PostgREST pattern); the request's EntityManager is bound to it, so the services'
 * `em.transactional` become savepoints inside it and loaders and read models run on it.
 *
 * System paths keep the owner role and see every tenant: anonymous flows (login finds staff by e-mail across
 * tenants; register, codes, resets, refresh, OAuth callback, portal login and register, public KB), the
 * notifications worker (Ezra's automatic runs included), the SLA check, the revocation cache, Ezra's provider
 * calls, migrations, and a SUPER_ADMIN without X-Tenant-Id.
 */
export const TENANT_ROLE = 'incident_desk_tenant';

/** The tenant whose rows a viewer's requests are confined to, or undefined for the owner role (system paths). */
export function rlsTenantOf(viewer: Viewer, actingWithHeader: boolean): string | undefined {
  if (viewer.kind === 'anonymous') return undefined;
  if (viewer.kind === 'staff' && viewer.role === 'SUPER_ADMIN' && !actingWithHeader) return undefined;
  return viewer.tenantId;
}

/**
 * What an operation's root fields ask for (`__typename` aside): all public (sign-in, sign-up, codes, resets,
 * the company list: flows that act on no viewer's tenant, as staff sign in by e-mail across tenants), none
 * public (a fragment at the root counts as not public), or both. Unknown (no operation): not public.
 */
export function rootFieldsOf(operation: OperationDefinitionNode | null | undefined): 'public' | 'tenant' | 'mixed' {
  if (!operation) return 'tenant';
  const type = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[operation.operation];
  const fields = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  const publicFields = fields.filter((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(`${type}.${s.name.value}`)).length;
  return publicFields === fields.length ? 'public' : publicFields === 0 ? 'tenant' : 'mixed';
}

export const MIXED_OPERATION_MESSAGE = 'Send sign-in, sign-up and other public fields in an operation of their own, not beside fields that need your token.';

/** How an operation's execution ended, for `RequestTransaction.end`. */
export type ExecutionOutcome = 'threw' | 'errors' | 'ok';

/** Switches the transaction `em` is in to the tenant role, for that transaction only. */
async function claimTenant(em: EntityManager, tenantId: string): Promise<void> {
  await em.execute(`SELECT set_config('role', ?, true), set_config('app.tenant_id', ?, true)`, [TENANT_ROLE, tenantId]);
}

/**
 * Runs `work` in a transaction of its own as the tenant (or as the owner when `tenantId` is undefined), on a
 * fresh fork: for work outside an HTTP request, such as each event of a subscription.
 */
export async function inTenantTransaction<T>(em: EntityManager, tenantId: string | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const fork = em.fork();
  if (tenantId === undefined) return work(fork);
  return fork.transactional(async (tx) => {
    await claimTenant(tx, tenantId);
    return work(tx);
  });
}

/**
 * Request transactions hold a pooled connection from begin to commit, and a few request paths briefly take a
 * second one (rate limits, the job queue's own pool aside). Leaving two connections of the pool to those
 * (and to the worker, the SLA check and the revocation poll) means a second connection is always eventually
 * free, so requests cannot deadlock the pool waiting for each other; beyond that, requests queue here.
 */
export function requestTransactionSlots(poolMax: number): Semaphore {
  return new Semaphore(Math.max(1, poolMax - 2));
}

type State = 'idle' | 'open' | 'committed' | 'rolled back';

type QueryCallback = (err: Error | null, result: unknown) => void;
interface PgConnection {
  query(config: unknown, callback?: QueryCallback): unknown;
}

/**
 * Resolvers of one request run in parallel (root fields, loaders), and now all on the transaction's one
 * connection. node-pg queues overlapping queries itself, but deprecates doing so (removed in pg 9): queue them
 * here instead, in the order they are issued, until the transaction ends. Returns the undo.
 */
function serializeQueries(connection: PgConnection): () => void {
  const original = connection.query;
  const ownBefore = Object.prototype.hasOwnProperty.call(connection, 'query');
  let tail: Promise<void> = Promise.resolve();
  const queued = function (config: unknown, callback?: QueryCallback): unknown {
    if (typeof callback !== 'function') return original.call(connection, config, callback); // not knex's form: as it was
    tail = tail.then(
      () =>
        new Promise<void>((done) => {
          original.call(connection, config, (err, result) => {
            done();
            callback(err, result);
          });
        }),
    );
    return undefined;
  };
  connection.query = queued;
  return () => {
    // The connection may be back in the pool already: undo only our own wrapper.
    if (connection.query !== queued) return;
    if (ownBefore) connection.query = original;
    else delete (connection as Partial<PgConnection>).query;
  };
}

/** The pooled connection a knex transaction runs on (its client hands out that one connection). */
async function connectionOf(ctx: unknown): Promise<PgConnection> {
  return (ctx as { client: { acquireConnection(): Promise<PgConnection> } }).client.acquireConnection();
}

/**
 * The transaction of one request. Opened by `begin` (for a tenant-scoped viewer; for the owner role it does
 * nothing and the request runs as before), finished by `commit` or `rollback`. Work that must only happen
 * once the request's changes are visible to others (e-mails, background tasks, the process's revocation cache)
 * is queued with `afterCommit`: it runs right after the commit, is dropped on rollback, and runs at once
 * outside a transaction.
 */
export class RequestTransaction {
  private state: State = 'idle';
  private readonly hooks: (() => void)[] = [];
  private release?: () => void;
  private unqueue?: () => void;

  constructor(
    private readonly em: EntityManager,
    /** The tenant the request is confined to; undefined: the owner role, no transaction of its own. */
    readonly tenantId: string | undefined,
    /** Where a failing after-commit hook is reported: the commit stands, so the answer must not turn into an error. */
    private readonly onHookError: (err: unknown) => void,
    private readonly slots?: Semaphore,
  ) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /**
   * The refusal of an operation with public root fields beside others, for a tenant-scoped viewer: in the
   * tenant's transaction the public fields would run under row-level security (sign-in finds no staff of
   * another tenant and cannot write its audit entries, the company list shows one company). Sent apart, each
   * part works.
   */
  mixedOperationRefusal(operation: OperationDefinitionNode | null | undefined): BadRequestError | undefined {
    return this.tenantId !== undefined && rootFieldsOf(operation) === 'mixed' ? new BadRequestError(MIXED_OPERATION_MESSAGE) : undefined;
  }

  /** Opens the transaction for an operation, unless all its root fields are public: those run as the owner. */
  async beginFor(operation: OperationDefinitionNode | null | undefined): Promise<void> {
    if (rootFieldsOf(operation) !== 'public') await this.begin();
  }

  /**
   * Ends the transaction once its operation has run: commits, or rolls back when the execution threw, when
   * it had errors and a statement failed outside a savepoint (PostgreSQL then refuses everything and COMMIT
   * quietly rolls back), or when the commit fails. Returns the error to answer with in place of the data,
   * if any; never throws. Does nothing when no transaction is open.
   */
  async end(outcome: ExecutionOutcome): Promise<Error | undefined> {
    if (!this.isOpen) return undefined;
    try {
      if (outcome === 'threw') {
        await this.rollback();
        return undefined;
      }
      if (outcome === 'errors' && !(await this.isUsable())) {
        await this.rollback();
        return new Error('a statement failed outside a savepoint; the request was rolled back');
      }
      await this.commit();
      return undefined;
    } catch (e) {
      await this.rollback().catch(() => undefined);
      return e as Error;
    }
  }

  async begin(): Promise<void> {
    if (this.tenantId === undefined || this.state !== 'idle') return;
    if (this.slots) this.release = await this.slots.acquire();
    try {
      await this.em.begin();
    } catch (e) {
      this.releaseSlot();
      throw e;
    }
    this.state = 'open';
    try {
      this.unqueue = serializeQueries(await connectionOf(this.em.getTransactionContext()));
      await claimTenant(this.em, this.tenantId);
    } catch (e) {
      await this.rollback();
      throw e;
    }
  }

  /**
   * False when a statement failed outside a savepoint: PostgreSQL then refuses everything until the end of the
   * transaction, and COMMIT quietly rolls back. Costs a round trip; asked only when the operation had errors.
   */
  async isUsable(): Promise<boolean> {
    if (this.state !== 'open') return true;
    try {
      await this.em.execute('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async commit(): Promise<void> {
    if (this.state !== 'open') return;
    const ctx = this.em.getTransactionContext()!;
    try {
      // The connection's commit, not em.commit(): that flushes the request's EntityManager first, and reads
      // never flush. Writes were flushed by the services' own transactions (savepoints here).
      await this.em.getConnection('write').commit(ctx);
      this.state = 'committed';
    } catch (e) {
      this.state = 'rolled back';
      this.hooks.length = 0;
      throw e;
    } finally {
      this.em.resetTransactionContext();
      this.releaseSlot();
    }
    this.runHooks();
  }

  async rollback(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'rolled back';
    this.hooks.length = 0;
    const ctx = this.em.getTransactionContext()!;
    try {
      await this.em.getConnection('write').rollback(ctx);
    } finally {
      this.em.resetTransactionContext();
      this.releaseSlot();
    }
  }

  /** Runs `hook` once the request's changes are committed (at once when there is no request transaction). */
  afterCommit(hook: () => void): void {
    this.hooks.push(hook);
    if (this.state !== 'open') this.runHooks();
  }

  /** Each hook on its own: one that throws is reported, and neither stops the others nor undoes the commit. */
  private runHooks(): void {
    if (this.state === 'rolled back') this.hooks.length = 0;
    for (const hook of this.hooks.splice(0)) {
      try {
        hook();
      } catch (err) {
        this.onHookError(err);
      }
    }
  }

  private releaseSlot(): void {
    this.unqueue?.();
    this.unqueue = undefined;
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}
