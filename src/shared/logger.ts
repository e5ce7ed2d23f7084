import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';

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

/** Structured JSON logs (pino). Tests pass their own destination to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'incident-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { req: serializeRequest },
    },
    destination,
  );
}
