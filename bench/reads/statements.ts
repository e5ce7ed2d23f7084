/**
 * SQL statements per request, counted by PostgreSQL itself (pg_stat_statements), or where it is not loaded by
 * a proxy reading the protocol (pg-proxy.ts): the calls of every statement in the data set's database before
 * and after `n` requests sent one after another (fewer for slow ones, at least 10). The server's background
 * work runs meanwhile on the same database and is set apart: statements of the job queue (graphile_worker),
 * the revocation poll, the SLA check and this counter's own; of the rest, a statement called at least n/2
 * times belongs to the requests (calls ÷ n each), anything rarer is counted as background too (and shown).
 * BEGIN, COMMIT and the role-and-tenant set_config of row-level security count like any other statement.
 * Round trips per request are the statements less those that travel with the next one in the same message or
 * pipeline: BEGIN and the claim (db/request-connection.ts); COMMIT is a round trip of its own.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { PreparedRequest } from './load';
import type { CountingProxy } from './pg-proxy';

export interface StatementCount {
  /** Statements per request (the request's own, background excluded). */
  perRequest: number;
  /** Round trips per request: the statements less BEGIN and the tenant claim, which ride with the next one. */
  roundTrips: number;
  /** Each of the request's statements: its text (shortened) and calls per request. */
  statements: { sql: string; perRequest: number }[];
  /** Calls of other statements meanwhile, per request. */
  backgroundPerRequest: number;
  requests: number;
}

/** Statements of the server's background work (and of this counter), never of a read request. */
const BACKGROUND = [/graphile_worker/i, /queue_worker_heartbeats/i, /FROM sessions WHERE revoked_at/i, /SET response_breached_at/i, /pg_stat_statements|pg_database/i];

/** Statements sent in the same message or pipeline as the statement after them: BEGIN, and the tenant claim. */
const RIDES_ALONG = /^(BEGIN|SELECT set_config\('role')/i;

type Snapshot = Map<string, { calls: number; sql: string }>;

/** Where statement counts come from: pg_stat_statements, or the counting proxy (pg-proxy.ts). */
export interface StatementSource {
  /** What it is, for the report. */
  name: string;
  snapshot(): Promise<Snapshot>;
  close(): Promise<void>;
}

/** pg_stat_statements of the database at `databaseUrl` (created there if missing; it must be preloaded). */
export async function pgStatStatements(databaseUrl: string): Promise<StatementSource> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  } catch (e) {
    await c.end();
    throw e;
  }
  return {
    name: 'pg_stat_statements',
    snapshot: async () => {
      const { rows } = await c.query<{ key: string; calls: string; sql: string }>(
        `SELECT userid::text || ':' || queryid::text || ':' || toplevel::text AS key, calls, query AS sql FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return new Map(rows.map((r) => [r.key, { calls: Number(r.calls), sql: r.sql }]));
    },
    close: () => c.end(),
  };
}

/**
 * A statement's text with its literals replaced by `?`, as pg_stat_statements groups them: the ORM inlines
 * parameters (ids, the tenant), so the same statement arrives with a different text for every key.
 */
export function normalise(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, '?').replace(/\b\d+(?:\.\d+)?\b/g, '?');
}

/** The statements a counting proxy saw (every connection through it), grouped by their normalised text. */
export function proxyStatements(proxy: CountingProxy): StatementSource {
  return {
    name: 'a counting proxy between a second server process and PostgreSQL (pg_stat_statements is not loaded)',
    snapshot: async () => {
      const out: Snapshot = new Map();
      for (const [text, calls] of proxy.counts) {
        const sql = normalise(text);
        const prev = out.get(sql);
        out.set(sql, { calls: (prev?.calls ?? 0) + calls, sql });
      }
      return out;
    },
    close: () => proxy.close(),
  };
}

/**
 * Sends the requests (in turn, one at a time) to `url` and counts their statements: `n` of them, or fewer (at
 * least `min`) when they take longer than `budgetMs` in all: a page of the big workspace can take a second.
 */
export async function countStatements(
  source: StatementSource,
  url: string,
  requests: PreparedRequest[],
  max: number,
  budgetMs = 8000,
  min = 10,
): Promise<StatementCount> {
  const before = await source.snapshot();
  const t0 = performance.now();
  let n = 0;
  while (n < max && (n < min || performance.now() - t0 < budgetMs)) {
    const r = requests[n++ % requests.length];
    const res = await fetch(`${url}${r.path}`, {
      method: r.method,
      headers: r.body === undefined ? r.headers : { ...r.headers, 'content-type': 'application/json' },
      body: r.body,
    });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors":')) throw new Error(`${r.method} ${r.path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  const after = await source.snapshot();
  const statements: { sql: string; perRequest: number }[] = [];
  let background = 0;
  for (const [key, { calls, sql }] of after) {
    const delta = calls - (before.get(key)?.calls ?? 0);
    if (delta <= 0) continue;
    if (!BACKGROUND.some((re) => re.test(sql)) && delta >= n / 2) statements.push({ sql: sql.replace(/\s+/g, ' ').slice(0, 120), perRequest: delta / n });
    else background += delta;
  }
  statements.sort((a, b) => b.perRequest - a.perRequest);
  const perRequest = statements.reduce((s, x) => s + x.perRequest, 0);
  const riding = statements.filter((x) => RIDES_ALONG.test(x.sql)).reduce((s, x) => s + x.perRequest, 0);
  return { perRequest, roundTrips: perRequest - riding, statements, backgroundPerRequest: background / n, requests: n };
}
