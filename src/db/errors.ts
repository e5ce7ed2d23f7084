import { ConnectionException, UniqueConstraintViolationException } from '@mikro-orm/core';

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now". */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);
const SQLSTATE_PREFIXES = ['08', '57P', '53300', '3D000'];
/** In class 08 but a fault of the client (a bug here), not an outage: answered 500 like any other. */
const PROTOCOL_VIOLATION = '08P01';
/**
 * Driver and pool messages without a code: node-pg's lost or closed connections, knex's pool timeouts, and
 * knex refusing a statement on a transaction whose connection died under it ("already complete"). And a read
 * replica cancelling a query so that replay can go on ("canceling statement due to conflict with recovery",
 * SQLSTATE 40001, which otherwise means a serialization failure this server's isolation level never meets):
 * gone on a retry, so 503 with Retry-After rather than 500.
 */
const MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|Unable to acquire a connection|Client has encountered a connection error|Client was closed and is not queryable|Transaction query already complete|due to conflict with recovery/i;

/**
 * True when an error says the database is unreachable or restarting (answered 503 UNAVAILABLE), not that a
 * query was wrong: refused or reset connections, 57P01 (terminated by an administrator: a fast shutdown),
 * 57P02/57P03 (shutting down, cannot connect now), class 08, too many connections, a lost connection.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  type Link = { code?: unknown; message?: unknown; cause?: unknown; previous?: unknown; originalError?: unknown };
  // Through the wrappers: MikroORM's `previous`, Error's `cause`, a GraphQLError's `originalError`.
  for (let e = error as Link | undefined, depth = 0; e && depth < 6; depth++) {
    if (e instanceof ConnectionException) return true;
    const code = typeof e.code === 'string' ? e.code : '';
    if (NODE_CODES.has(code) || (code !== PROTOCOL_VIOLATION && SQLSTATE_PREFIXES.some((p) => code.startsWith(p)))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    e = (e.previous ?? e.cause ?? e.originalError) as Link | undefined;
  }
  return false;
}

/** True when an insert or update failed on the named unique constraint (and not on another one of the table). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof UniqueConstraintViolationException && (error as { constraint?: string }).constraint === constraint;
}
