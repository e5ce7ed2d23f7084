import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../db/read';
import { ValidationError } from './errors';
import { COUNT_CAP, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './listing';

/**
 * Cursor connections (the GraphQL Cursor Connections spec), the one home of their rules for every list:
 * `first`/`after` forwards, `last`/`before` backwards, keyset pages (a `WHERE (key, id) > (cursor values)`
 * bound in the index scan, however deep), `totalCount` counted only when selected and capped like the
 * page/limit lists' totals. A list supplies its query (ListQuery: the same one its page/limit form runs) and
 * its order (KeysetOrder); connection.types.ts makes the GraphQL types.
 */

/** How a sort key's value travels in a cursor and comes back as a parameter. */
export type KeyType = 'timestamp' | 'int' | 'bigint' | 'real' | 'uuid' | 'text';

/** One column of a list's order: an SQL expression that is never NULL, and its type. */
export interface SortKey {
  sql: string;
  type: KeyType;
}

/**
 * A list's order, every key in one direction, the last key unique (the id), so each row has one place.
 * `tag` names the list and its sort: a cursor of another list or another sort is refused, not misread.
 */
export interface KeysetOrder {
  tag: string;
  keys: readonly SortKey[];
  direction: 'ASC' | 'DESC';
}

/** The arguments of a connection field as the client sent them. */
export interface ConnectionArgsInput {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A connection's page after connectionArgs: how many, which way, from which cursor (still opaque). */
export interface ConnectionRequest {
  size: number;
  backward: boolean;
  cursor: string | null;
}

/** The longest cursor a connection takes (text keys such as a name make them longer than an id's). */
export const CONNECTION_CURSOR_MAX = 1024;

/**
 * The one rule for a connection's arguments: `first` (1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE) with
 * `after`, or `last` (1..MAX_PAGE_SIZE) with `before`; first and last together, after with last or before
 * with first, or a cursor longer than any handed out, are refused with a field error naming the argument.
 */
export function connectionArgs(args: ConnectionArgsInput, defaultSize = DEFAULT_PAGE_SIZE): ConnectionRequest {
  const { first, after, last, before } = args;
  const size = (field: string, n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw ValidationError.field(field, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    return n;
  };
  for (const [field, cursor] of [['after', after], ['before', before]] as const) {
    if (cursor != null && (typeof cursor !== 'string' || cursor.length > CONNECTION_CURSOR_MAX)) throw ValidationError.field(field, 'is not a cursor of this list');
  }
  if (first != null && last != null) throw ValidationError.field('last', 'cannot be combined with first; page forwards with first/after or backwards with last/before');
  if (last != null || before != null) {
    if (after != null) throw ValidationError.field('after', 'cannot be combined with last or before; page backwards with last/before');
    if (first != null) throw ValidationError.field('first', 'cannot be combined with before; page backwards with last/before');
    return { size: size('last', last ?? defaultSize), backward: true, cursor: before || null };
  }
  return { size: size('first', first ?? defaultSize), backward: false, cursor: after || null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** The longest text key value a cursor carries (names are at most 200 characters). */
const TEXT_KEY_MAX = 300;
/** The date and time exist (JavaScript rolls 2026-02-30 over to March: compare the round trip), from year 1. */
function isRealInstant(v: string): boolean {
  const at = new Date(`${v.slice(0, 23)}Z`);
  return !v.startsWith('0000') && !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === v.slice(0, 19);
}

/**
 * What PostgreSQL takes as a parameter of each key type: a value it would refuse (a 30th of February, year 0, an
 * int past 32 bits, a real it cannot hold, a NUL in text) must be refused here as a bad cursor, not fail the
 * statement with a 500.
 */
const VALID: Record<KeyType, (v: unknown) => boolean> = {
  timestamp: (v) => typeof v === 'string' && TIMESTAMP.test(v) && isRealInstant(v),
  int: (v) => typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31,
  bigint: (v) => typeof v === 'string' && /^-?\d{1,18}$/.test(v),
  real: (v) => typeof v === 'number' && (v === 0 || (Math.abs(v) >= 1.2e-38 && Math.abs(v) <= 3.4e38)),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  text: (v) => typeof v === 'string' && v.length <= TEXT_KEY_MAX && !v.includes('\u0000'),
};
/** A key's value as the cursor keeps it: timestamps to the microsecond (a millisecond would skip or repeat rows). */
const SELECT: Record<KeyType, (sql: string) => string> = {
  timestamp: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  int: (sql) => `(${sql})::int`,
  bigint: (sql) => `(${sql})::text`,
  real: (sql) => `(${sql})::real`,
  uuid: (sql) => `(${sql})::text`,
  text: (sql) => `(${sql})::text`,
};
const CAST: Record<KeyType, string> = { timestamp: 'timestamptz', int: 'int', bigint: 'bigint', real: 'real', uuid: 'uuid', text: 'text' };

/** The opaque cursor of a row: base64url of its list's tag and its sort key values (JSON). */
export function encodeCursor(order: KeysetOrder, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([order.tag, ...values])).toString('base64url');
}

/**
 * A cursor's key values, checked against the order: the list's tag and one value of the right type per key,
 * else a field error naming the argument. The values only ever become parameters, never SQL text; a cursor
 * forged with well-typed values merely places a page elsewhere within what the caller may see anyway.
 */
export function decodeCursor(order: KeysetOrder, cursor: string, field: string): unknown[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw ValidationError.field(field, 'is not a cursor of this list');
  }
  if (!Array.isArray(parsed) || parsed.length !== order.keys.length + 1 || parsed[0] !== order.tag) throw ValidationError.field(field, 'is not a cursor of this list');
  const values = parsed.slice(1);
  if (!order.keys.every((key, i) => VALID[key.type](values[i]))) throw ValidationError.field(field, 'is not a cursor of this list');
  return values;
}

/** The SQL pieces of one keyset page: the key columns to select, the cursor's condition, the order, the LIMIT. */
export interface KeysetWindow {
  /** `"_k0", "_k1", ...`: the key values of each row (for its cursor); toConnection takes them off the row. */
  keyColumns: string;
  /** The rows past the cursor in the page's direction (a row comparison: one index range), or null for the first page. */
  condition: { sql: string; params: unknown[] } | null;
  /** ORDER BY: the list's order, reversed for `last`/`before` (the rows are turned back afterwards). */
  orderBy: string;
  /** One more row than the page, to know whether there is another. */
  limit: number;
}

const keyAlias = (i: number) => `"_k${i}"`;

export function keysetWindow(order: KeysetOrder, req: ConnectionRequest): KeysetWindow {
  const forward = order.direction === 'ASC' ? !req.backward : req.backward;
  const direction = forward ? 'ASC' : 'DESC';
  let condition: KeysetWindow['condition'] = null;
  if (req.cursor) {
    const values = decodeCursor(order, req.cursor, req.backward ? 'before' : 'after');
    condition = {
      sql: `(${order.keys.map((k) => k.sql).join(', ')}) ${forward ? '>' : '<'} (${order.keys.map((k) => `?::${CAST[k.type]}`).join(', ')})`,
      params: values,
    };
  }
  return {
    keyColumns: order.keys.map((k, i) => `${SELECT[k.type](k.sql)} AS ${keyAlias(i)}`).join(', '),
    condition,
    orderBy: order.keys.map((k) => `${k.sql} ${direction}`).join(', '),
    limit: req.size + 1,
  };
}

/** A connection as the API answers it (the XConnection types): `totalCount` is counted only when read. */
export interface ConnectionView<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | Promise<number>;
}

/**
 * The connection of a window's rows (as keysetWindow fetched them: up to size + 1, in the window's order):
 * the page in the list's order, each row's cursor from its key values, whether there is more beyond the page
 * (the extra row) and whether there is more before it (a cursor was given: its row, at least, lies that way).
 * `count` runs at most once, only if `totalCount` is read, and answers at most COUNT_CAP.
 */
export function toConnection<T>(order: KeysetOrder, req: ConnectionRequest, rows: readonly Record<string, unknown>[], count: () => Promise<number>): ConnectionView<T> {
  const more = rows.length > req.size;
  const page = rows.slice(0, req.size);
  if (req.backward) page.reverse();
  const edges = page.map((row) => {
    const values = order.keys.map((_k, i) => row[`_k${i}`]);
    const node = { ...row };
    order.keys.forEach((_k, i) => delete node[`_k${i}`]);
    return { cursor: encodeCursor(order, values), node: node as T };
  });
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: req.backward ? req.cursor !== null : more,
      hasPreviousPage: req.backward ? more : req.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      return (counted ??= count()).then((n) => Math.min(n, COUNT_CAP));
    },
  };
}

/** The connection of a filter that can match nothing (an id that is not one), without asking the database. */
export const emptyConnection = <T>(): ConnectionView<T> => ({
  edges: [],
  nodes: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
});

/**
 * A list's query without its order and page: what both its page/limit form and its connection run. `from`
 * is the FROM clause's body (tables and joins), `where` the conditions (the tenant's first), `?` marks values:
 * `columnParams` those of the columns, `params` those of `from` and `where`, in the order they appear.
 */
export interface ListQuery {
  columns: string;
  columnParams?: unknown[];
  from: string;
  where: string[];
  params: unknown[];
}

/** How many rows the query matches, counting at most COUNT_CAP + 1 (a total never costs more than that). */
export async function cappedCount(em: EntityManager, q: ListQuery): Promise<number> {
  const [{ n }] = await sqlRows<{ n: number }>(em, `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${q.from} WHERE ${q.where.join(' AND ')} LIMIT ?) x`, [...q.params, COUNT_CAP + 1]);
  return n;
}

/** A list's page by offset (its page/limit form), in `orderBy`, from the same query as its connection. */
export function offsetRows<T>(em: EntityManager, q: ListQuery, orderBy: string, page: number, limit: number, extraColumns = ''): Promise<T[]> {
  return sqlRows<T>(em, `SELECT ${q.columns}${extraColumns} FROM ${q.from} WHERE ${q.where.join(' AND ')} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [
    ...(q.columnParams ?? []),
    ...q.params,
    limit,
    (page - 1) * limit,
  ]);
}

/**
 * One page of a list query in its page/limit form, with the list's exact total in the same statement
 * (count(*) OVER ()); past the end, where no row carries it, one count. The page form's one home, beside
 * keysetConnection for the connection form.
 */
export async function offsetPage<T>(em: EntityManager, q: ListQuery, order: KeysetOrder, page: number, limit: number): Promise<{ items: T[]; total: number }> {
  const rows = await offsetRows<T & { total: string }>(em, q, orderByOf(order), page, limit, ', count(*) OVER () AS total');
  if (rows.length) return { items: rows.map(({ total: _t, ...row }) => row as T), total: Number(rows[0].total) };
  if (page === 1) return { items: [], total: 0 };
  const [{ n }] = await sqlRows<{ n: number }>(em, `SELECT count(*)::int AS n FROM ${q.from} WHERE ${q.where.join(' AND ')}`, q.params);
  return { items: [], total: n };
}

/** The ORDER BY of an order as its page/limit form sorts (the same keys, the same direction). */
export const orderByOf = (order: KeysetOrder) => order.keys.map((k) => `${k.sql} ${order.direction}`).join(', ');

/** One keyset page of a list query: the statement a connection field runs (plus the count, if selected). */
export async function keysetConnection<T>(em: EntityManager, q: ListQuery, order: KeysetOrder, req: ConnectionRequest): Promise<ConnectionView<T>> {
  const w = keysetWindow(order, req);
  const where = w.condition ? [...q.where, w.condition.sql] : q.where;
  const rows = await sqlRows<Record<string, unknown>>(em, `SELECT ${q.columns}, ${w.keyColumns} FROM ${q.from} WHERE ${where.join(' AND ')} ORDER BY ${w.orderBy} LIMIT ?`, [
    ...(q.columnParams ?? []),
    ...q.params,
    ...(w.condition?.params ?? []),
    w.limit,
  ]);
  return toConnection<T>(order, req, rows, () => cappedCount(em, q));
}

/** A connection whose nodes are shaped for the API (a read model's row → its view), cursors and counts untouched. */
export function mapConnection<T, U>(connection: ConnectionView<T>, view: (node: T) => U): ConnectionView<U> {
  const edges = connection.edges.map((e) => ({ cursor: e.cursor, node: view(e.node) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}
