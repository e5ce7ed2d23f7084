import SwaggerParser from '@apidevtools/swagger-parser';
import { buildSchema } from '../../src/graphql/schema';
import { ATTACHMENT_ROUTES } from '../../src/rest/attachments';
import { buildOpenApi } from '../../src/rest/openapi';
import { restRoutes } from '../../src/rest/routes';
import { createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';

type Schema = Record<string, unknown> & { type?: string; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: boolean; items?: Schema; anyOf?: Schema[]; allOf?: Schema[]; $ref?: string };
type Operation = {
  requestBody?: { content: { 'application/json': { schema: { properties: object; required?: string[] } } } };
  parameters: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: Record<string, string[]>[];
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> } };

/** The `data` schema of an operation's success answer (the envelope is `allOf` Success and `{ data }`). */
const dataOf = (op: Operation): Schema | undefined => {
  const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))?.[1];
  return success?.content?.['application/json']?.schema.allOf?.[1].properties?.data;
};

/** Where a schema says less than the answer's exact shape: an object without its fields, or no schema at all. */
function generic(schema: Schema, where: string): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap((s, i) => generic(s, `${where}|${i}`));
  if (schema.type === 'array') return schema.items ? generic(schema.items, `${where}[]`) : [`${where}: a list of anything`];
  if (schema.type === 'object') {
    if (schema.additionalProperties === true) return []; // a JSON object scalar: any fields, by its type
    if (!schema.properties || schema.additionalProperties !== false) return [`${where}: an object without its exact fields`];
    return Object.entries(schema.properties).flatMap(([k, s]) => generic(s, `${where}.${k}`));
  }
  return schema.type || 'const' in schema || schema.enum ? [] : [`${where}: anything`];
}

/** The ways a value differs from a schema: the subset of JSON Schema the document uses. */
function mismatches(schema: Schema, value: unknown, doc: Doc, where = 'body'): string[] {
  if (schema.$ref) return mismatches(doc.components.schemas[schema.$ref.split('/').pop()!], value, doc, where);
  if (schema.allOf) return schema.allOf.flatMap((s) => mismatches(s, value, doc, where));
  if (schema.anyOf) return schema.anyOf.some((s) => mismatches(s, value, doc, where).length === 0) ? [] : [`${where}: matches none of ${JSON.stringify(schema.anyOf)}`];
  if ('const' in schema && value !== schema.const) return [`${where}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) return [`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (schema.type && schema.type !== type && !(schema.type === 'number' && type === 'integer')) return [`${where}: a ${type}, not a ${schema.type}`];
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(value as string))) return [`${where}: not a date-time`];
  if (type === 'array' && schema.items) return (value as unknown[]).flatMap((v, i) => mismatches(schema.items!, v, doc, `${where}[${i}]`));
  if (type !== 'object') return [];
  const fields = value as Record<string, unknown>;
  return [
    ...(schema.required ?? []).filter((k) => !(k in fields)).map((k) => `${where}.${k}: missing`),
    ...Object.keys(fields).filter((k) => schema.additionalProperties === false && !schema.properties?.[k]).map((k) => `${where}.${k}: not in the document`),
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => (k in fields ? mismatches(s, fields[k], doc, `${where}.${k}`) : [])),
  ];
}

describe('OpenAPI for the REST adapter', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
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

  it("describes every route's data exactly (no object without its fields), so a route answering a generic data fails here", () => {
    const loose = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const where = `${method.toUpperCase()} ${path}`;
        if (op.responses['302']) return [];
        const binary = (s: string) => Object.values(op.responses[s].content ?? {}).some((c) => (c as { schema?: { format?: string } }).schema?.format === 'binary');
        if (Object.keys(op.responses).some((s) => s.startsWith('2') && binary(s))) return []; // a download: the file itself
        const data = dataOf(op);
        return data ? generic(data, where) : [`${where}: no data`];
      }),
    );
    expect(loose).toEqual([]);
    // `{}` answers are an object with no fields at all.
    expect(dataOf(doc.paths['/api/v1/auth/logout'].post)).toEqual({ type: 'object', properties: {}, additionalProperties: false });
    // A reshaped answer: the fields the route picks, renamed and nested as it does.
    const customerLogin = dataOf(doc.paths['/api/v1/customer/login'].post)!;
    expect(customerLogin.required).toEqual(['accessToken', 'refreshToken', 'customer']);
    expect(customerLogin.properties!.customer.required).toEqual(['id', 'email', 'name', 'companyId', 'customerId']);
    const objectOf = (schema: Schema) => schema.anyOf?.[0] ?? schema;
    expect(Object.keys(objectOf(dataOf(doc.paths['/api/v1/customer/get-incident/{id}'].get)!).properties!)).not.toContain('comments');
    // The OpsWeave ticket's comments are some of its updates (routes/portal.ts), described as the updates are.
    const ticket = objectOf(dataOf(doc.paths['/api/v1/portal/tickets/{id}'].get)!);
    expect(Object.keys(ticket.properties!)).toEqual(expect.arrayContaining(['updates', 'comments', 'attachments']));
    expect(ticket.properties!.comments).toEqual(ticket.properties!.updates);
    expect(dataOf(doc.paths['/api/v1/webhooks'].post)!.properties).toHaveProperty('secret');
  });

  it('refuses to describe a route whose data is computed rather than picked, naming the route', () => {
    const loginRoute = restRoutes.find((r) => r.path === '/api/v1/auth/login')!;
    const computed = { ...loginRoute, data: (r: { login: { accessToken: string } }) => ({ length: r.login.accessToken.length }) };
    expect(() => buildOpenApi(buildSchema(), [computed], '0')).toThrow(/^POST \/api\/v1\/auth\/login: data\.length is undefined/);
    const templated = { ...loginRoute, data: (r: { login: { accessToken: string } }) => ({ bearer: `Bearer ${r.login.accessToken}` }) };
    expect(() => buildOpenApi(buildSchema(), [templated], '0')).toThrow('POST /api/v1/auth/login: data cannot be described from its operation: it computes a value from a field');
    const unselected = { ...loginRoute, data: (r: { login: Record<string, unknown> }) => ({ hash: r.login.passwordHash }) };
    expect(() => buildOpenApi(buildSchema(), [unselected], '0')).toThrow(/data\.hash is undefined: a field the operation does not select/);
  });

  it("declares each route's token from its operation's rule: none for public routes, staff or portal bearer, either where both may", () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['portalBearer', 'staffBearer']);
    const security = (method: string, path: string) => doc.paths[path][method].security;
    expect(security('post', '/api/v1/auth/login')).toEqual([]);
    expect(security('get', '/api/v1/customer/companies')).toEqual([]);
    expect(security('post', '/api/v1/portal/auth/refresh-token')).toEqual([]);
    expect(security('get', '/api/v1/auth/me')).toEqual([{ staffBearer: [] }]);
    expect(security('get', '/api/v1/incidents/{id}')).toEqual([{ staffBearer: [] }]);
    expect(security('post', '/api/v1/customer/logout')).toEqual([{ portalBearer: [] }]);
    expect(security('get', '/api/v1/portal/tickets')).toEqual([{ portalBearer: [] }]);
    expect(security('post', '/api/v1/portal/tickets/{id}/attachments')).toEqual([{ portalBearer: [] }]);
    expect(security('delete', '/api/v1/incidents/{id}/attachments/{attachmentId}')).toEqual([{ staffBearer: [] }]);
    expect(security('get', '/api/v1/notification-preferences')).toEqual([{ staffBearer: [] }, { portalBearer: [] }]);
    // Every route states it: none is left to the document's default.
    const unstated = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => !Array.isArray(op.security)).map(([m]) => `${m} ${path}`));
    expect(unstated).toEqual([]);
  });

  it('matches what the routes answer, reshaped answers and `{}` included', async () => {
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN' });
    const org = await createCustomerOrg(t.em(), staff.tenant, 'ORGANIZATION');
    const customer = await createCustomerUser(t.em(), t.app.runtime.passwords, staff.tenant, { org });
    const incident = await createIncident(t.em(), staff.tenant, { reporter: customer.user, org });
    const checks: [method: string, pattern: string, path: string, body?: unknown, who?: 'staff' | 'portal'][] = [
      ['POST', '/api/v1/auth/login', '/api/v1/auth/login', { email: staff.email, password: staff.password }],
      ['POST', '/api/v1/customer/login', '/api/v1/customer/login', { email: customer.email, password: customer.password, companyId: staff.tenant.id }],
      ['GET', '/api/v1/auth/me', '/api/v1/auth/me', undefined, 'staff'],
      ['GET', '/api/v1/customer/get-incident/{id}', `/api/v1/customer/get-incident/${incident.id}`, undefined, 'portal'],
      ['GET', '/api/v1/portal/tickets/{id}', `/api/v1/portal/tickets/${incident.id}`, undefined, 'portal'],
      ['GET', '/api/v1/portal/tickets/{id}/participants', `/api/v1/portal/tickets/${incident.id}/participants`, undefined, 'portal'],
      ['POST', '/api/v1/customer/create-incident', '/api/v1/customer/create-incident', { summary: 'Checkout fails', description: 'Card payments time out.', priority: 'high' }, 'portal'],
      ['GET', '/api/v1/incidents/{id}', `/api/v1/incidents/${incident.id}`, undefined, 'staff'],
      ['POST', '/api/v1/webhooks', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['incident.created'] }, 'staff'],
      ['DELETE', '/api/v1/customers/{id}', `/api/v1/customers/${(await createCustomerOrg(t.em(), staff.tenant)).id}`, undefined, 'staff'],
      ['POST', '/api/v1/customer/logout', '/api/v1/customer/logout', undefined, 'portal'],
      ['POST', '/api/v1/auth/logout', '/api/v1/auth/logout', undefined, 'staff'],
    ];
    const auth = { staff: (await login(t, staff.email, staff.password)).auth, portal: await portalLogin(t, staff.tenant.slug, customer.email, customer.password) };
    for (const [method, pattern, path, body, who] of checks) {
      const res = await t.rest(method, path, body, who ? auth[who] : {});
      const schema = doc.paths[pattern][method.toLowerCase()].responses[String(res.status)]?.content?.['application/json']?.schema;
      expect([method, path, res.status < 300, schema ? mismatches(schema, res.body, doc) : 'no schema for this status']).toEqual([method, path, true, []]);
    }
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
