import WebSocket from 'ws';
import { createStaff, login } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';

/** The value of one series in Prometheus' text format, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics (Prometheus)', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN' });
    auth = (await login(t, staff.email, staff.password)).auth;
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('counts requests by route pattern, operations by name, and errors by code', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (let i = 0; i < 3; i++) expect((await t.rest('GET', `/api/v1/incidents/${missing}`, undefined, auth)).status).toBe(404);
    expect((await t.rest('GET', '/api/v1/nothing/here')).status).toBe(404);
    await t.gql('query Dashboard { incidents(limit: 1) { items { id } } }', undefined, auth);
    const text = await scrape();
    // The pattern, never the raw URL (ids would make a series each).
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/incidents/:id', status: '404' })).toBe(3);
    expect(text).not.toContain(missing);
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBe(1);
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'RestIncident', type: 'query', outcome: 'error' })).toBe(3);
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Dashboard', type: 'query', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'api_errors_total', { code: 'INCIDENT_NOT_FOUND' })).toBe(3);
    expect(sample(text, 'api_errors_total', { code: 'NOT_FOUND' })).toBe(1);
  });

  it('counts rate-limit refusals (RATE_LIMITED answers)', async () => {
    const limited = await startTestApp({ OTP_RESEND_PER_MINUTE: '1' }, { sameDatabaseAs: t });
    try {
      const resend = () => limited.rest('POST', '/api/v1/auth/resend_otp', { email: 'metrics-limit@example.test' });
      expect([(await resend()).status, (await resend()).status, (await resend()).status]).toEqual([200, 429, 429]);
      const text = await (await fetch(`${limited.url}/metrics`)).text();
      expect(sample(text, 'api_errors_total', { code: 'RATE_LIMITED' })).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('reports the database pool, the job queue, waiting transactions, open sockets and the process', async () => {
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    try {
      const text = await scrape();
      expect(sample(text, 'graphql_subscriptions_open')).toBe(1);
      expect(sample(text, 'db_pool_connections', { state: 'used' })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'db_pool_connections', { state: 'pending' })).toBe(0);
      expect(sample(text, 'request_transactions_waiting')).toBe(0);
      expect(text).not.toContain('read_replica_'); // no DATABASE_READ_URL (tests/integration/read-replica.int-spec.ts has one)
      expect(sample(text, 'job_queue_jobs', { state: 'failed' })).toBe(0);
      expect(sample(text, 'job_queue_jobs', { state: 'pending' })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });

  it('asks for METRICS_TOKEN when one is set', async () => {
    const token = 'metrics-token-0123456789abcdef0123456789';
    const guarded = await startTestApp({ METRICS_TOKEN: token }, { sameDatabaseAs: t });
    try {
      const none = await fetch(`${guarded.url}/metrics`);
      expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
      expect(((await none.json()) as { errors: { code: string }[] }).errors[0].code).toBe('UNAUTHENTICATED');
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
