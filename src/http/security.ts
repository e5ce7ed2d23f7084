import { randomBytes } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config';

/**
 * Every response (API, playground, errors, 404s) is a JSON document no page should frame, sniff or load
 * anything from: a Content-Security-Policy that allows nothing, no framing, no referrer.
 */
const API_CSP_DIRECTIVES = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };
/** As helmet writes it. */
export const API_CSP = "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'";

/**
 * The playground (Altair at GET /graphql) is a page of its own scripts and styles, all served from
 * /graphql/playground/. The page's one inline script (the init call) carries a per-request nonce; Angular
 * and the editor inject inline styles at run time, hence 'unsafe-inline' for styles only. Checked in
 * headless Chromium: queries, docs (introspection) and pre-request scripts work, and the only report is
 * zod probing whether it may compile code (it falls back when it may not).
 *
 * Altair runs the user's own pre- and post-request scripts with `eval` in a web worker; a worker follows
 * the CSP of its own script's response, so the playground's files (not the page) also allow 'unsafe-eval'.
 */
export function playgroundCsp(options: { nonce?: string; forAssets?: boolean } = {}): string {
  const scripts = ["'self'", ...(options.nonce ? [`'nonce-${options.nonce}'`] : []), ...(options.forAssets ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    // The page itself is framed by nobody; its sandbox iframe is framed by the page.
    `frame-ancestors ${options.forAssets ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** A fresh nonce for the playground page's inline script. */
export const newNonce = (): string => randomBytes(16).toString('base64');

/** HSTS: a year, subdomains included; only sent on a request that came over TLS (see `hstsApplies`). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * Whether a response gets Strict-Transport-Security: `always`, never with `off`, and with `auto` when the
 * request came over TLS (`request.protocol` is https on a TLS socket, or when TRUST_PROXY is set and the
 * proxy says X-Forwarded-Proto: https). A plain-http answer with HSTS would be ignored by browsers anyway,
 * and sending it from a development server on localhost pins every localhost port to https.
 */
export function hstsApplies(mode: Config['security']['hsts'], request: FastifyRequest): boolean {
  if (mode === 'always') return true;
  if (mode === 'off') return false;
  return request.protocol === 'https';
}

/**
 * Headers a simple cross-site form post cannot carry: Apollo's CSRF prevention asks a GET or multipart POST
 * /graphql for one of them (graphql/server.ts), the upload parser asks before reading a body (graphql/uploads.ts),
 * and CORS lets browsers send them. One list for the three.
 */
export const CSRF_PREFLIGHT_HEADERS = ['Apollo-Require-Preflight', 'X-Apollo-Operation-Name'] as const;

/**
 * Request headers a cross-origin browser client may send, and response headers it may read. `x-tenant-id`:
 * a SUPER_ADMIN's console acting in a workspace (graphql/context.ts); anyone else's is ignored.
 * `apollo-require-preflight` and `x-apollo-operation-name` satisfy Apollo's CSRF check on GET;
 * `apollographql-client-name`/`-version` are what Apollo Client sends once given a name (a browser refuses
 * the whole request when a header it sends is not listed here).
 */
const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  ...CSRF_PREFLIGHT_HEADERS.map((h) => h.toLowerCase()),
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
  'idempotency-key',
  'x-tenant-id',
];
const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy'];

/**
 * Security headers on every response and CORS from an allow-list. Registered before any route, as
 * onRequest hooks, so 404s, refusals and errors carry the headers too.
 */
export async function registerHttpSecurity(http: FastifyInstance, config: Config): Promise<void> {
  await http.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: API_CSP_DIRECTIVES,
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Set below, per request, only over TLS.
    hsts: false,
  });

  if (config.security.hsts !== 'off') {
    http.addHook('onRequest', async (request, reply) => {
      if (hstsApplies(config.security.hsts, request)) reply.header('strict-transport-security', HSTS_VALUE);
    });
  }

  // Cross-origin browser calls only from the listed origins; everyone else gets no CORS headers at all, so
  // the browser keeps the answer from the calling page. Same-origin calls do not need CORS.
  const allowed = new Set(config.security.corsOrigins);
  await http.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  });
}

/**
 * In the scope that serves the playground's files: their CSP instead of the API one, and framing by the
 * same origin (Altair runs user scripts in its own iframe-sandbox page, framed by the playground).
 */
export function usePlaygroundAssetHeaders(scope: FastifyInstance): void {
  scope.addHook('onSend', async (_request, reply) => {
    reply.raw.removeHeader('content-security-policy');
    reply.raw.removeHeader('x-frame-options');
    reply.header('content-security-policy', playgroundCsp({ forAssets: true })).header('x-frame-options', 'SAMEORIGIN');
  });
}

/** Sends the playground page with its own CSP (replacing the API one) and a fresh nonce. */
export function sendPlaygroundPage(reply: FastifyReply, render: (nonce: string) => string): FastifyReply {
  const nonce = newNonce();
  reply.raw.removeHeader('content-security-policy');
  return reply.header('content-security-policy', playgroundCsp({ nonce })).type('text/html; charset=utf-8').send(render(nonce));
}

/**
 * The e-mail link pages (src/pages/): plain HTML forms with no script at all, so stricter than the
 * playground's policy: nothing loads, only the page's one inline stylesheet, under the response's nonce
 * (`newNonce`, as the playground's script), and forms post only to this origin.
 */
export function linkPageCsp(nonce: string): string {
  return ["default-src 'none'", `style-src 'nonce-${nonce}'`, "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
}

/**
 * Sends a link page with its CSP (replacing the API one). The page's URL carries a token, so it is never
 * cached, and the Referer header never repeats it (helmet sets no-referrer everywhere; said again here, as
 * these pages depend on it).
 */
export function sendLinkPage(reply: FastifyReply, status: number, render: (nonce: string) => string): FastifyReply {
  const nonce = newNonce();
  reply.raw.removeHeader('content-security-policy');
  return reply
    .status(status)
    .header('content-security-policy', linkPageCsp(nonce))
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(render(nonce));
}

/** The CSP of a downloaded attachment: a sandbox without scripts, origin or anything to load (an HTML or SVG file opened anyway runs nothing). */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

/**
 * Headers of an attachment download: always a download (`Content-Disposition: attachment`), never sniffed by the
 * browser, sandboxed if opened anyway, never cached by shared caches; the content type is the one sniffed from
 * the bytes at upload.
 */
export function useDownloadHeaders(reply: FastifyReply, download: { contentDisposition: string; contentType: string; size: number }): FastifyReply {
  reply.raw.removeHeader('content-security-policy');
  return reply
    .header('content-security-policy', DOWNLOAD_CSP)
    .header('content-disposition', download.contentDisposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-length', String(download.size))
    .type(download.contentType);
}
