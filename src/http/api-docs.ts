import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../config/settings';
import { newNonce } from './security';

const ASSETS = '/api/v1/docs/assets/';
/** swagger-ui's own files, from its npm package (no CDN). */
const assetsRoot = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** The version the document states: the package's. */
export const apiVersion = (): string => (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** swagger-ui styles itself inline; nothing else loads but its own files and the document. */
const docsCsp = (nonce: string) =>
  `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const page = (nonce: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>incident-desk REST API</title>
<link rel="stylesheet" href="${ASSETS}swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="${ASSETS}swagger-ui-bundle.js"></script>
<script nonce="${nonce}">SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true });</script>
</body></html>`;

/**
 * `GET /api/v1/openapi.json`, the REST adapter's OpenAPI document (rest/openapi.ts), and `GET /api/v1/docs`,
 * a reference page for it from swagger-ui's own files.
 */
export async function registerApiDocs(http: FastifyInstance, build: () => Record<string, unknown>): Promise<void> {
  let body: string | undefined; // made on first request: nothing at start-up
  http.get('/api/v1/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send((body ??= JSON.stringify(build()))));
  http.get('/api/v1/docs', async (_request, reply) => {
    const nonce = newNonce();
    reply.raw.removeHeader('content-security-policy');
    return reply.header('content-security-policy', docsCsp(nonce)).type('text/html; charset=utf-8').send(page(nonce));
  });
  await http.register(fastifyStatic, { root: assetsRoot, prefix: ASSETS, decorateReply: false, allowedPath: (p) => /^\/swagger-ui(-bundle\.js|\.css)$/.test(p) });
}
