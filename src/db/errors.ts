import { ConnectionException, UniqueConstraintViolationException } from '@mikro-orm/core';

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now". */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);
const SQLSTATE_PREFIXES = ['08', '57P', '53300', '3D000'];
/** In class 08 but a fault of the client (a bug here), not an outage: answered 500 like any other. */
const PROTOCOL_VIOLATION = '08P01';
const MESSAGES = /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|Unable to acquire a connection|Client has encountered a connection error/i;

/** True when an error says the database is unreachable (answered 503 UNAVAILABLE), not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown; previous?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ConnectionException) return true;
    const code = typeof e.code === 'string' ? e.code : '';
    if (NODE_CODES.has(code) || (code !== PROTOCOL_VIOLATION && SQLSTATE_PREFIXES.some((p) => code.startsWith(p)))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    e = (e.previous ?? e.cause) as typeof e;
  }
  return false;
}

/** True when an insert or update failed on the named unique constraint (and not on another one of the table). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof UniqueConstraintViolationException && (error as { constraint?: string }).constraint === constraint;
}
