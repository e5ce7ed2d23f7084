import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from 'pino';
import type { Context } from '../graphql/context';
import { failure } from '../rest/envelope';

/** What the gauges read when Prometheus scrapes, so nothing is kept up to date between scrapes. */
export interface MetricSources {
  /** The database pool: connections in use, idle, and requests waiting for one. */
  pool(): { used: number; free: number; pending: number };
  /** Request transactions waiting for a slot (db/tenant-transaction.ts requestTransactionSlots). */
  transactionsWaiting(): number;
  /** Jobs in the queue: waiting or running, and out of tries. Undefined when the queue cannot be read. */
  jobs(): Promise<{ pending: number; failed: number } | undefined>;
  subscriptionsOpen(): number;
  /** The read replica (db/read-routing.ts): transactions run there, and whether queries use it now; undefined without one. */
  readReplica(): { transactions: number; up: boolean } | undefined;
}

/** Operation names are the client's: the first ones seen get a label each, the rest share "other" (bounded series). */
const MAX_OPERATION_NAMES = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics (prom-client), one registry per app: HTTP requests by route pattern (never the raw URL),
 * GraphQL operations by name and type (REST routes are named operations too), errors by code, the database
 * pool, request transactions waiting, the job queue, open subscriptions, and Node's own process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly operationDuration: Histogram<'operation' | 'type' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly compiled: Counter;
  private readonly names = new Set<string>();

  constructor(sources: MetricSources, log: Logger) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers });
    this.operationDuration = new Histogram({ name: 'graphql_operation_duration_seconds', help: 'GraphQL operations (REST routes included) by name, type and outcome', labelNames: ['operation', 'type', 'outcome'], buckets: SECONDS, registers });
    this.errors = new Counter({ name: 'api_errors_total', help: 'Errors answered, by code (RATE_LIMITED: rate-limit refusals)', labelNames: ['code'], registers });
    this.compiled = new Counter({ name: 'graphql_documents_compiled_total', help: 'Operations compiled by graphql-jit (once each, after GRAPHQL_JIT_THRESHOLD runs; again when Apollo\'s document cache has let one go)', registers });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state (pending: requests waiting for one)',
      labelNames: ['state'],
      registers,
      collect() {
        const p = sources.pool();
        for (const state of ['used', 'free', 'pending'] as const) this.set({ state }, p[state]);
      },
    });
    new Gauge({ name: 'request_transactions_waiting', help: 'Requests waiting for a request-transaction slot', registers, collect() { this.set(sources.transactionsWaiting()); } });
    // Only with a replica: a gauge without labels would otherwise read 0, "the replica is away".
    if (sources.readReplica()) {
      let counted = 0;
      new Counter({
        name: 'read_replica_transactions_total',
        help: 'Request transactions (GraphQL queries, REST GETs) run on the read replica (DATABASE_READ_URL)',
        registers,
        collect() {
          const now = sources.readReplica()?.transactions ?? 0;
          this.inc(now - counted);
          counted = now;
        },
      });
      new Gauge({
        name: 'read_replica_up',
        help: 'Whether queries read the replica now (0: it could not be reached lately, and they read the primary)',
        registers,
        collect() {
          this.set(sources.readReplica()?.up ? 1 : 0);
        },
      });
    }
    new Gauge({ name: 'graphql_subscriptions_open', help: 'Open WebSocket connections', registers, collect() { this.set(sources.subscriptionsOpen()); } });
    new Gauge({
      name: 'job_queue_jobs',
      help: 'Jobs in the queue: pending (waiting, scheduled or running) and failed (out of tries)',
      labelNames: ['state'],
      registers,
      async collect() {
        const jobs = await sources.jobs().catch((err) => void log.warn({ err }, 'metrics: the job queue could not be read'));
        if (!jobs) return;
        this.set({ state: 'pending' }, jobs.pending);
        this.set({ state: 'failed' }, jobs.failed);
      },
    });
  }

  error(code: string): void {
    this.errors.inc({ code });
  }

  documentCompiled(): void {
    this.compiled.inc();
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (!this.names.has(name) && this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }

  /** Times every HTTP request by its route pattern (`/api/v1/incidents/:id`; `unmatched` for 404s). */
  register(http: FastifyInstance): void {
    http.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
  }

  /** Times operations and counts the codes of the errors they answer (GraphQL over HTTP and the REST adapter). */
  apolloPlugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ operation, operationName, response }) => {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            for (const e of errors) this.error(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            const labels = { operation: this.operationLabel(operationName ?? operation?.name?.value), type: operation?.operation ?? 'unknown', outcome: errors.length ? 'error' : 'ok' };
            this.operationDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }
}

/**
 * `GET /metrics` in Prometheus' text format. With METRICS_TOKEN set it asks for `Authorization: Bearer
 * <token>`; in production it is served only then (config.ts), so a public server never lists its internals.
 */
export function registerMetricsRoute(http: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  http.get('/metrics', async (request, reply) => {
    if (expected) {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        const message = 'Send the metrics token as "Authorization: Bearer <token>".';
        return reply.status(401).header('www-authenticate', 'Bearer').send(failure(message, [{ code: 'UNAUTHENTICATED', message }]));
      }
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
