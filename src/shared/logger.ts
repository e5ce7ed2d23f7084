import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Paths never written to logs, wherever they appear in a logged object. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.resetToken',
  '*.idToken',
  '*.otp',
  '*.secret',
  '*.clientSecret',
  '*.codeVerifier',
];

/**
 * Query-string parameters whose values may be logged with a request's URL (list filters). Every other
 * value is replaced: an OAuth callback carries `code` and `state`, a GraphQL GET its variables, a mistyped
 * link a token.
 */
const LOGGABLE_QUERY_PARAMS = new Set(['page', 'limit', 'status', 'priority', 'type', 'category', 'tag', 'provider']);

/** The URL as logged: the path, and the query with only the values of LOGGABLE_QUERY_PARAMS kept. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = [...new URLSearchParams(url.slice(at + 1))].map(
    ([name, value]) => `${encodeURIComponent(name)}=${LOGGABLE_QUERY_PARAMS.has(name) ? encodeURIComponent(value) : '[redacted]'}`,
  );
  return `${url.slice(0, at)}?${params.join('&')}`;
}

/** Fastify's request serializer, with the URL's query values redacted (Fastify takes a logger's own `req` serializer). */
interface LoggedRequest extends Partial<Pick<IncomingMessage, 'method' | 'url' | 'socket'>> {
  host?: string;
  ip?: string;
}
const serializeRequest = (req: LoggedRequest) => ({
  method: req.method,
  url: loggableUrl(req.url ?? ''),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Errors as pino logs them, but a database error without the values it was writing: MikroORM inlines the
 * bound values into the statement its message starts with (`insert … values ('ada@…', '$argon2id$…') -
 * duplicate key …`), and PostgreSQL's `detail` repeats key values. Only PostgreSQL's own sentence stays,
 * with the SQLSTATE, constraint, table and column.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  const code = out.sqlState ?? out.code;
  if (typeof out.message !== 'string' || typeof code !== 'string' || !SQLSTATE.test(code)) return out;
  const at = out.message.lastIndexOf(' - ');
  const message = at >= 0 ? out.message.slice(at + 3) : out.message;
  const { detail: _detail, where: _where, internalQuery: _internalQuery, query: _query, params: _params, ...rest } = out;
  const stack = typeof rest.stack === 'string' ? rest.stack.split(out.message).join(message) : rest.stack;
  return { ...rest, message, stack };
}

/** Structured JSON logs (pino). Tests pass their own destination to read what was logged. */
/**
 * The process's logger. `pretty` (development's default) writes readable lines through pino-pretty,
 * synchronously, with multi-line messages (an e-mail, the demo accounts) as they are; `json` one object a line.
 */
export function createLogger(level: string, destination?: DestinationStream, format: 'json' | 'pretty' = 'json'): Logger {
  const out = format === 'pretty' ? pretty({ sync: true, destination: destination as never, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: false }) : destination;
  return pino(
    {
      level,
      base: { service: 'incident-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { req: serializeRequest, err: serializeError },
    },
    out,
  );
}
