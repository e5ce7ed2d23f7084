import { freeLocalPort } from '../../src/db/embedded';
import { createStaff } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope = { success: boolean; message: string; errors?: { code: string; field?: string; message: string }[] };

describe('HTTP edges: every refusal is a coded JSON answer, never an HTML page or a stack trace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true', BODY_LIMIT_BYTES: '2048' }, { overHttp: true });
  });
  afterAll(() => t.close());

  const expectEnvelope = (body: Envelope, code: string) => {
    expect(body.success).toBe(false);
    expect(typeof body.message).toBe('string');
    expect(body.errors?.[0].code).toBe(code);
  };

  it('unknown route: 404 envelope', async () => {
    const res = await t.rest<Envelope>('GET', '/api/v1/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expectEnvelope(res.body, 'NOT_FOUND');
  });

  it('a known path asked with another method: 405 with Allow; unknown paths stay 404', async () => {
    const del = await t.rest<Envelope>('DELETE', '/api/v1/auth/login');
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('POST');
    expectEnvelope(del.body, 'METHOD_NOT_ALLOWED');
    expect(del.body.message).toBe('/api/v1/auth/login does not answer DELETE; it answers POST.');
    // A path with a parameter, answered by several methods.
    const put = await t.rest<Envelope>('PUT', '/api/v1/auth/oauth/login?provider=google');
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    const patch = await t.rest<Envelope>('PATCH', '/api/v1/portal/tickets/123/comments', {});
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('POST');
    const gql = await t.rest<{ errors: { extensions: { code: string } }[] }>('DELETE', '/graphql');
    expect(gql.status).toBe(405);
    expect(gql.body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    // Nothing answers these paths with any method.
    expect((await t.rest('DELETE', '/api/v1/auth/login/extra')).status).toBe(404);
    expect((await t.rest('GET', '/api/v1/portal/tickets/1/comments/2')).status).toBe(404);
  });

  it('an empty body is no body, whatever its Content-Type says', async () => {
    for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      // A body-less route answers as it would without the header (401: no token here, not 400 or 415).
      const logout = await t.rest<Envelope>('POST', '/api/v1/auth/logout', '', { 'content-type': type });
      expect([type, logout.status, logout.body.errors?.[0].code]).toEqual([type, 401, 'UNAUTHENTICATED']);
      // A route with required fields names them.
      const login = await t.rest<Envelope>('POST', '/api/v1/auth/login', '', { 'content-type': type });
      expect([type, login.status, login.body.errors?.map((e) => e.field).sort()]).toEqual([type, 400, ['email', 'password']]);
    }
  });

  it('malformed JSON on /graphql: 400 with a GraphQL-shaped coded error', async () => {
    const gql = await t.rest<{ errors: { extensions: { code: string } }[] }>('POST', '/graphql', '{"query":', { 'content-type': 'application/json' });
    expect(gql.status).toBe(400);
    expect(gql.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('malformed JSON on a REST route: 400 envelope with BAD_REQUEST', async () => {
    const res = await t.rest<Envelope>('POST', '/api/v1/nothing-here', '{"a":', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expectEnvelope(res.body, 'BAD_REQUEST');
    expect(res.text).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('wrong content type: 415 with a coded error', async () => {
    const form = await t.rest<{ errors: { extensions: { code: string } }[] }>('POST', '/graphql', 'query={companies{id}}', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const plain = await t.rest('POST', '/graphql', '{ companies { id } }', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });

  it('a REST route refuses a form body with 415 and broken JSON with 400, in the envelope', async () => {
    const form = await t.rest<Envelope>('POST', '/api/v1/auth/login', 'email=a@b.c&password=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expectEnvelope(form.body, 'UNSUPPORTED_MEDIA_TYPE');
    const broken = await t.rest<Envelope>('POST', '/api/v1/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expectEnvelope(broken.body, 'BAD_REQUEST');
    const array = await t.rest<Envelope>('POST', '/api/v1/auth/login', '[1,2]', { 'content-type': 'application/json' });
    expect(array.status).toBe(400);
    expectEnvelope(array.body, 'BAD_REQUEST');
  });

  it('oversized body: 413 envelope', async () => {
    const res = await t.rest<Envelope>('POST', '/api/v1/nothing-here', { pad: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expectEnvelope(res.body, 'PAYLOAD_TOO_LARGE');
  });

  it('every response carries X-Request-Id, and a well-formed incoming one is echoed', async () => {
    const a = await t.rest('GET', '/healthz');
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const b = await t.rest('GET', '/api/v1/customer/companies', undefined, { 'x-request-id': 'trace-abc.123' });
    expect(b.headers.get('x-request-id')).toBe('trace-abc.123');
    const c = await t.rest('GET', '/healthz', undefined, { 'x-request-id': 'bad id with spaces <script>' });
    expect(c.headers.get('x-request-id')).not.toContain('script');
    // The id is in the structured log line of that request: one line, once it is answered.
    const lines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'trace-abc.123');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request completed', statusCode: 200, responseTime: expect.any(Number), req: expect.objectContaining({ method: 'GET', url: '/api/v1/customer/companies' }) }),
    ]);
  });

  it('GraphQL syntax and validation errors are coded', async () => {
    const parse = await t.gql('{ companies { ');
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await t.gql('{ nope }');
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('GraphQL batching is off', async () => {
    const res = await t.rest<unknown>('POST', '/graphql', [{ query: '{ companies { id } }' }, { query: '{ companies { id } }' }]);
    expect(res.status).toBe(400);
  });

  it('a browser opening /graphql gets the playground, served from local files', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/graphql/playground/">');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    const script = html.match(/src="([^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${t.url}/graphql/playground/${script}`);
    expect(asset.status).toBe(200);
  });

  it('health: /healthz is alive, /readyz is ready with migrations applied', async () => {
    expect((await t.rest('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.rest<{ status: string }>('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });
});

describe('work left for after the answer', () => {
  it('logs a failure with the id of the request that left it, so it can be traced to what its caller was answered', async () => {
    // Nothing listens on this port: the reset e-mail, sent after the answer, fails.
    const t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: `smtp://127.0.0.1:${await freeLocalPort()}` }, { overHttp: true });
    try {
      const staff = await createStaff(t.em(), t.app.runtime.passwords);
      const res = await t.rest('POST', '/api/v1/auth/forgot-password', { email: staff.email }, { 'x-request-id': 'trace-reset-1' });
      expect(res.status).toBe(200);
      await t.app.runtime.background.drain();
      const failed = t.logs.map((l) => JSON.parse(l) as { msg: string; task?: string; requestId?: string }).filter((l) => l.msg === 'background task failed');
      expect(failed).toEqual([expect.objectContaining({ task: 'mail.password_reset', requestId: 'trace-reset-1' })]);
    } finally {
      await t.close();
    }
  });
});
