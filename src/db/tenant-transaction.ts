import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { isUuid } from '../shared/ids';
import { UnavailableError, UnknownOutcomeError } from '../shared/errors';
import { Semaphore } from '../shared/semaphore';
import { isDatabaseUnavailable } from './errors';
import { frameRequestConnection, type FrameOptions, type PgConnection, type RequestFrame, type TenantClaim } from './request-connection';
import type { ReplicaUse } from './read-routing';

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

/** The framed connection of each open request transaction, by the knex transaction the request's EntityManager is bound to. */
const framedConnections = new WeakMap<object, PgConnection>();

/**
 * The request connection (framed, db/request-connection.ts) behind `transactionContext` (an EntityManager's,
 * `em.getTransactionContext()`), when that is a request transaction itself and not a savepoint inside it:
 * read models send their statements there directly (db/read.ts), with no knex query object in between.
 */
export function requestConnectionOf(transactionContext: unknown): PgConnection | undefined {
  return transactionContext ? framedConnections.get(transactionContext as object) : undefined;
}

/** The claim of a request transaction: the role and the tenant, both local to the transaction. */
function claimOf(tenantId: string): TenantClaim {
  if (!isUuid(tenantId)) throw new Error('a tenant id must be a UUID'); // inlined with BEGIN: never anything else
  const id = tenantId.toLowerCase();
  return { role: TENANT_ROLE, tenantId: id, sql: `SELECT set_config('role', '${TENANT_ROLE}', true), set_config('app.tenant_id', '${id}', true)` };
}

/** Where a request transaction's connection came from: the ORM's primary or its replica, which commits and rolls back. */
type Source = ReturnType<EntityManager['getConnection']>;

export interface BeginOptions extends FrameOptions {
  /**
   * Acquire on the ORM's replica (DATABASE_READ_URL; db/read-routing.ts decides when), or on the primary when
   * the replica cannot be reached. Only for read-only operations: a standby refuses writes and row locks.
   */
  replica?: ReplicaUse;
}

interface KnexLike {
  client: { acquireConnection(): Promise<PgConnection>; releaseConnection(connection: PgConnection): unknown };
  transaction(handler: null, config: { connection: PgConnection; doNotRejectOnRollback: boolean }): Promise<unknown>;
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
  private frame?: RequestFrame;
  /** Whether a failed commit had reached a live connection (see RequestFrame.commitSent). */
  private commitSent = false;
  /** The pooled connection the transaction holds, given back when it ends, and where it came from. */
  private connection?: { source: Source; knex: KnexLike; connection: PgConnection; replica?: ReplicaUse };

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
   * Ends the transaction once its operation has run: commits, or rolls back when the execution threw, when
   * it had errors and a statement failed outside a savepoint (PostgreSQL then refuses everything and COMMIT
   * quietly rolls back), or when the commit fails. Returns the error to answer with in place of the data,
   * if any; never throws. Does nothing when no transaction is open.
   *
   * A failure for want of the database (a restart, a dead connection found here or at commit) is
   * UNAVAILABLE, or UNKNOWN_OUTCOME when the operation may write (`writes`) and COMMIT had been sent: only
   * then can the change be stored without the caller hearing so.
   */
  async end(outcome: ExecutionOutcome, options: { writes?: boolean } = {}): Promise<Error | undefined> {
    if (!this.isOpen) return undefined;
    try {
      if (outcome === 'threw') {
        await this.rollback();
        return undefined;
      }
      const unusable = outcome === 'errors' ? await this.unusableBecause() : undefined;
      if (unusable) {
        this.retireIfLost(unusable);
        await this.rollback().catch(() => undefined);
        if (isDatabaseUnavailable(unusable)) return new UnavailableError(undefined, { cause: unusable });
        return new Error('a statement failed outside a savepoint; the request was rolled back', { cause: unusable });
      }
      await this.commit();
      return undefined;
    } catch (e) {
      await this.rollback().catch(() => undefined);
      if (!isDatabaseUnavailable(e)) return e as Error;
      return options.writes && this.commitSent ? new UnknownOutcomeError({ cause: e }) : new UnavailableError(undefined, { cause: e });
    }
  }

  /**
   * Opens the transaction on a pooled connection framed by db/request-connection.ts: BEGIN and the tenant
   * claim travel with the first statement, so opening costs no round trip, and a request that sends no
   * statement sends nothing at all. The request's EntityManager is bound to it (a knex transaction on that
   * connection), so services' `em.transactional` become savepoints inside it. `readOnly`: the operation only
   * reads (a GraphQL query), so its plain reads go as pipelines of their own and may never open a transaction;
   * `preparedStatements`: DB_PREPARED_STATEMENTS; `replica`: on the read replica (see BeginOptions). Once
   * ended it may be opened again: a mutation that mixes public fields with others runs in parts
   * (graphql/pipeline.ts `partsOf`).
   */
  async begin(options: BeginOptions = {}): Promise<void> {
    if (this.tenantId === undefined || this.isOpen) return;
    this.commitSent = false;
    if (this.slots) this.release = await this.slots.acquire();
    try {
      const held = await this.acquire(options.replica);
      this.connection = held;
      const { knex, connection } = held;
      this.frame = frameRequestConnection(connection, claimOf(this.tenantId), options);
      const trx = (await knex.transaction(null, { connection, doNotRejectOnRollback: true })) as object;
      framedConnections.set(trx, connection);
      this.em.setTransactionContext(trx as never);
    } catch (e) {
      this.releaseSlot();
      throw e;
    }
    this.state = 'open';
  }

  /**
   * A pooled connection of the replica when asked for and reachable, else of the primary. Any failure to get
   * one from the replica (down, refusing, misconfigured) falls back: a read never fails for the replica's sake.
   */
  private async acquire(replica: ReplicaUse | undefined): Promise<NonNullable<RequestTransaction['connection']>> {
    if (replica) {
      const source = this.em.getConnection('read');
      const knex = source.getKnex() as unknown as KnexLike;
      try {
        const connection = await knex.client.acquireConnection();
        replica.reached();
        return { source, knex, connection, replica };
      } catch (e) {
        replica.unreachable(e);
      }
    }
    const source = this.em.getConnection('write');
    const knex = source.getKnex() as unknown as KnexLike;
    return { source, knex, connection: await knex.client.acquireConnection() };
  }

  /**
   * False when a statement failed outside a savepoint: PostgreSQL then refuses everything until the end of the
   * transaction, and COMMIT quietly rolls back. Costs a round trip; asked only when the operation had errors.
   */
  async isUsable(): Promise<boolean> {
    return (await this.unusableBecause()) === undefined;
  }

  /** Why the transaction takes no more statements (see isUsable), or undefined when it does. */
  private async unusableBecause(): Promise<unknown> {
    // Pipelined reads only: a failed one ended with its own implicit transaction.
    if (this.state !== 'open' || !this.frame?.opened()) return undefined;
    try {
      await this.em.execute('SELECT 1');
      return undefined;
    } catch (e) {
      return e;
    }
  }

  async commit(): Promise<void> {
    if (this.state !== 'open') return;
    const ctx = this.em.getTransactionContext()!;
    try {
      // The connection's commit, not em.commit(): that flushes the request's EntityManager first, and reads
      // never flush. Writes were flushed by the services' own transactions (savepoints here).
      // On the connection the transaction was acquired from (the primary's or the replica's).
      await this.connection!.source.commit(ctx);
      this.state = 'committed';
    } catch (e) {
      this.state = 'rolled back';
      this.hooks.length = 0;
      this.commitSent = this.frame?.commitSent() ?? false;
      this.retireIfLost(e);
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
      await this.connection!.source.rollback(ctx);
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

  /**
   * A connection that failed for want of the database must not serve the next request: the pool learns it is
   * dead only from its 'end' event, which may come after it is handed out again. Marked as knex marks one.
   */
  private retireIfLost(error: unknown): void {
    if (!this.connection || !isDatabaseUnavailable(error)) return;
    (this.connection.connection as { __knex__disposed?: unknown }).__knex__disposed ??= error;
    // The replica went away under the request: the next queries read the primary rather than find out again.
    this.connection.replica?.unreachable(error);
  }

  private releaseSlot(): void {
    this.frame?.undo();
    this.frame = undefined;
    if (this.connection) this.connection.knex.client.releaseConnection(this.connection.connection);
    this.connection = undefined;
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}
