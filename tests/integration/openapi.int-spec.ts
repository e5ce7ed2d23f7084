import SwaggerParser from '@apidevtools/swagger-parser';
import { ATTACHMENT_ROUTES } from '../../src/rest/attachments';
import { restRoutes } from '../../src/rest/routes';
import { startTestApp, type TestApp } from '../setup/app';

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { schema: { properties: object; required?: string[] } } } }; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>> };

describe('OpenAPI for the REST adapter', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.rest<Doc>('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('has every route of the table and the attachment routes, and nothing else', () => {
    const routes = [...restRoutes, ...ATTACHMENT_ROUTES].map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(documented).toEqual(routes);
  });

  it("describes a route's parameters, body and answers from its operation", () => {
    const create = doc.paths['/api/v1/portal/tickets'].post;
    const body = create.requestBody!.content['application/json'].schema;
    expect(Object.keys(body.properties).sort()).toEqual(['description', 'priority', 'title', 'type']);
    expect(body.required?.sort()).toEqual(['description', 'priority', 'title']); // type: INCIDENT unless said
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '429', '503']));
    const list = doc.paths['/api/v1/portal/tickets'].get;
    expect(list.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual(['query:after', 'query:limit', 'query:page', 'query:priority', 'query:status', 'query:type']);
    expect(doc.paths['/api/v1/incidents/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('describes the attachment upload as a multipart body, with the Idempotency-Key header', () => {
    const upload = doc.paths['/api/v1/portal/tickets/{id}/attachments'].post as unknown as { requestBody: { content: Record<string, { schema: { properties: object } }> }; parameters: { name: string; in: string }[] };
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(upload.requestBody.content['multipart/form-data'].schema.properties).sort()).toEqual(['file', 'updateId']);
    expect(upload.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(doc.paths['/api/v1/incidents/{id}/attachments/{attachmentId}'])).toEqual(['get', 'delete']);
    // The download: the file itself, any sniffed type, with the download-only headers.
    const file = (doc.paths['/api/v1/portal/tickets/{id}/attachments/{attachmentId}'].get as unknown as { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> }).responses['200'];
    expect(Object.keys(file.content!)).toEqual(['*/*']);
    expect(Object.keys(file.headers!).sort()).toEqual(['Cache-Control', 'Content-Disposition', 'Content-Length', 'Content-Security-Policy', 'X-Content-Type-Options']);
  });

  it('has a reference page from swagger-ui’s own files, with a CSP of its own', async () => {
    const page = await t.rest<string>('GET', '/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')![1];
    expect(page.text).toContain(`<script nonce="${nonce}">SwaggerUIBundle({ url: '/api/v1/openapi.json'`);
    expect(page.text).not.toMatch(/https?:\/\//); // nothing from elsewhere
    const bundle = await t.rest('GET', '/api/v1/docs/assets/swagger-ui-bundle.js');
    expect([bundle.status, bundle.headers.get('content-type')]).toEqual([200, expect.stringMatching(/javascript/)]);
    expect((await t.rest('GET', '/api/v1/docs/assets/swagger-ui.css')).status).toBe(200);
    expect((await t.rest('GET', '/api/v1/docs/assets/index.html')).status).toBe(404); // only the two files the page uses
  });
});
