import { ConfigError, loadConfig } from '../../src/config/config';
import { API_CSP } from '../../src/http/security';
import { startTestApp, type TestApp } from '../setup/app';

const expectSecurityHeaders = (headers: Headers, what: string) => {
  const got = {
    what,
    nosniff: headers.get('x-content-type-options'),
    frame: headers.get('x-frame-options'),
    referrer: headers.get('referrer-policy'),
    csp: headers.get('content-security-policy'),
    poweredBy: headers.get('x-powered-by'),
  };
  expect(got).toEqual({
    what,
    nosniff: 'nosniff',
    frame: 'DENY',
    referrer: 'no-referrer',
    csp: API_CSP,
    poweredBy: null,
  });
};

describe('security headers on every response', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '2048' }, { overHttp: true });
  });
  afterAll(() => t.close());

  it('REST, GraphQL, health, refusals, errors and 404s all carry them, and no HSTS over plain http', async () => {
    const responses: [string, Promise<{ status: number; headers: Headers }>][] = [
      ['health', t.rest('GET', '/healthz')],
      ['REST success', t.rest('GET', '/api/v1/customer/companies')],
      ['REST 401', t.rest('GET', '/api/v1/auth/me')],
      ['REST 400 validation', t.rest('POST', '/api/v1/auth/login', { email: 'x' })],
      ['REST 400 bad JSON', t.rest('POST', '/api/v1/auth/login', '{"a":', { 'content-type': 'application/json' })],
      ['REST 415', t.rest('POST', '/api/v1/auth/login', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' })],
      ['REST 413', t.rest('POST', '/api/v1/auth/login', { pad: 'x'.repeat(5000) })],
      ['404', t.rest('GET', '/nowhere')],
      ['404 under /api', t.rest('DELETE', '/api/v1/customer/companies')],
      ['GraphQL success', t.rest('POST', '/graphql', { query: '{ companies { id } }' })],
      ['GraphQL error', t.rest('POST', '/graphql', { query: '{ nope }' })],
      ['GraphQL parse error', t.rest('POST', '/graphql', { query: '{' })],
      ['GraphQL CSRF refusal', t.rest('GET', '/graphql?query=%7B__typename%7D')],
      ['GraphQL 413', t.rest('POST', '/graphql', { query: `{ companies { id } } # ${'x'.repeat(5000)}` })],
    ];
    const statuses: Record<string, number> = {};
    for (const [what, pending] of responses) {
      const res = await pending;
      statuses[what] = res.status;
      expectSecurityHeaders(res.headers, what);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect(statuses).toMatchObject({ 'REST 401': 401, 'REST 415': 415, 'REST 413': 413, '404': 404, 'GraphQL parse error': 400, 'GraphQL 413': 413 });
  });

  it('the playground page gets a CSP of its own: its scripts by nonce, nothing inline otherwise, not framable', async () => {
    const get = () => fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    const [first, second] = [await get(), await get()];
    expect(first.status).toBe(200);
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get('content-security-policy')).not.toContain(nonce!); // fresh per response
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');

    // Every script on the page is a local file or carries the nonce.
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) {
      const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
      if (src) expect(src).not.toMatch(/^(https?:)?\/\//);
      else expect(tag).toContain(`nonce="${nonce}"`);
    }
    await second.text();
  });

  it("the playground's files allow what its workers and sandbox frame need, and only they", async () => {
    const asset = await fetch(`${t.url}/graphql/playground/main.js`);
    expect(asset.status).toBe(200);
    await asset.arrayBuffer();
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-eval'");
    expect(asset.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(asset.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    // The same /graphql route answering an API client keeps the strict policy.
    expectSecurityHeaders((await t.rest('GET', '/graphql?query=%7B__typename%7D', undefined, { 'apollo-require-preflight': '1' })).headers, 'GET query');
  });

  it('no cross-origin access by default: no CORS headers for any origin, and preflights get none either', async () => {
    const origin = 'https://evil.example';
    const simple = await t.rest('GET', '/api/v1/customer/companies', undefined, { origin });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    for (const path of ['/graphql', '/api/v1/auth/login']) {
      const preflight = await t.rest('OPTIONS', path, undefined, { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    }
  });
});

describe('CORS with an allow-list', () => {
  let t: TestApp;
  const app = 'https://app.example.com';
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${app}, http://localhost:3000` }, { overHttp: true });
  });
  afterAll(() => t.close());

  it('answers a listed origin’s preflight with the methods and headers the API uses', async () => {
    for (const path of ['/graphql', '/api/v1/auth/login', '/api/v1/incidents/abc']) {
      const res = await t.rest('OPTIONS', path, undefined, { origin: app, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(app);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/x-tenant-id/); // a SUPER_ADMIN console on another origin
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(res.headers.get('vary')).toMatch(/Origin/i);
      expectSecurityHeaders(res.headers, `preflight ${path}`);
    }
  });

  it('lets a browser client send the headers GraphQL clients and the SUPER_ADMIN console send', async () => {
    // What Apollo Client, graphql-request and a SUPER_ADMIN console acting in a workspace send: the browser
    // sends the request only when every one of them comes back in Access-Control-Allow-Headers.
    const sent = ['content-type', 'authorization', 'x-tenant-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'apollographql-client-name', 'apollographql-client-version'];
    for (const method of ['POST', 'GET']) {
      const res = await t.rest('OPTIONS', '/graphql', undefined, { origin: app, 'access-control-request-method': method, 'access-control-request-headers': sent.join(',') });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(app);
      expect(res.headers.get('access-control-allow-methods')?.split(',').map((m) => m.trim())).toContain(method);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
      expect(sent.filter((h) => !allowed.includes(h))).toEqual([]);
    }
    // And the request itself: a listed origin's SUPER_ADMIN-style header does not stop an ordinary answer.
    const res = await t.rest('POST', '/graphql', { query: '{ companies { id } }' }, { origin: app, 'x-tenant-id': '00000000-0000-0000-0000-000000000000' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(app);
  });

  it('lets a listed origin read answers (success and errors) and the request id, and nobody else', async () => {
    const ok = await t.rest('POST', '/graphql', { query: '{ companies { id } }' }, { origin: 'http://localhost:3000' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
    const refused = await t.rest('GET', '/api/v1/auth/me', undefined, { origin: app });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(app);

    for (const origin of ['https://evil.example', 'https://app.example.com.evil.example', 'http://app.example.com', 'null']) {
      const res = await t.rest('GET', '/api/v1/customer/companies', undefined, { origin });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await t.rest('OPTIONS', '/api/v1/auth/login', undefined, { origin, 'access-control-request-method': 'POST' });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('HSTS only over TLS', () => {
  let t: TestApp;
  let direct: TestApp;
  let always: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' }, { overHttp: true });
    direct = await startTestApp({}, { sameDatabaseAs: t, overHttp: true });
    always = await startTestApp({ HSTS: 'always' }, { sameDatabaseAs: t, overHttp: true });
  });
  afterAll(async () => {
    await always.close();
    await direct.close();
    await t.close();
  });

  it('behind a trusted proxy: sent when the proxy says the request came over https', async () => {
    const https = await t.rest('GET', '/api/v1/customer/companies', undefined, { 'x-forwarded-proto': 'https' });
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const notFound = await t.rest('GET', '/nowhere', undefined, { 'x-forwarded-proto': 'https' });
    expect(notFound.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await t.rest('GET', '/healthz', undefined, { 'x-forwarded-proto': 'http' })).headers.get('strict-transport-security')).toBeNull();
    expect((await t.rest('GET', '/healthz')).headers.get('strict-transport-security')).toBeNull();
  });

  it('without TRUST_PROXY a client cannot claim https', async () => {
    const res = await direct.rest('GET', '/healthz', undefined, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('HSTS=always sends it on every response', async () => {
    expect((await always.rest('GET', '/healthz')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('security settings', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (e) {
      if (e instanceof ConfigError) return e.problems.join('\n');
      throw e;
    }
    return '';
  };

  it('CORS_ORIGINS takes exact origins only', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).security.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(loadConfig({}).security.corsOrigins).toEqual([]);
    for (const bad of ['*', 'https://a.example/', 'https://a.example/app', 'a.example', 'ftp://a.example']) {
      expect(problems({ CORS_ORIGINS: bad })).toMatch(/^CORS_ORIGINS(\.\d+)?: must be a comma-separated list of origins/);
    }
  });

  it('HSTS is auto, always or off', () => {
    expect(loadConfig({}).security.hsts).toBe('auto');
    expect(problems({ HSTS: 'yes' })).toMatch(/^HSTS: must be auto, always or off/);
  });
});
