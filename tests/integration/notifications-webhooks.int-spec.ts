import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StaffRole } from '../../src/auth/viewer';
import { runSlaCheck } from '../../src/modules/incident/sla-check';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createWebhookRow } from '../factories/webhooks';
import { startTestApp, type TestApp } from '../setup/app';
import { startReceiver, type Receiver } from '../setup/webhook-receiver';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Endpoint = { id: string; url: string; eventTypes: string[]; isActive: boolean; secret?: string };
type DeliveryRow = { id: string; status: string; attempts: number; maxAttempts: number; lastError: string | null; responseStatus: number | null; responseExcerpt: string | null; target: string; eventType: string };
type Hook = { id: string; type: string; timestamp: string; payload: { incident: Record<string, unknown> | null; update?: { body: string; visibility: string } | null; [k: string]: unknown } };

const ALL_TYPES = ['incident.created', 'incident.created_by_customer', 'incident.customer_comment', 'incident.status_changed', 'incident.public_update', 'incident.assigned', 'incident.sla_breached'];
const INTERNAL = {
  techDescription: 'TECHDESC-HOOK-SECRET-1',
  impactSummary: 'IMPACT-HOOK-SECRET-2',
  blastRadius: 'BLAST-HOOK-SECRET-3',
  serviceArea: 'AREA-HOOK-SECRET-4',
  environment: 'ENV-HOOK-SECRET-5',
  region: 'REGION-HOOK-SECRET-6',
};
const INTERNAL_NOTE = 'NOTE-HOOK-SECRET-7';
const INTERNAL_STATUS = 'STATUS-HOOK-SECRET-8';

/** The receiver's side, as documented in docs/api.md: verify the HMAC over "<t>.<body>" and refuse old timestamps. */
function verify(secret: string, body: string, header: string | undefined, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(String(parts.v1 ?? ''));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('webhooks', () => {
  let receiver: Receiver;
  let t: TestApp;
  let acme: Tenant;
  const staff: Partial<Record<StaffRole, StaffFixture>> = {};
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({
      WORKER_ENABLED: 'true',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', // the receiver is on 127.0.0.1
      WORKER_POLL_INTERVAL_MS: '50',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_RETRY_MAX_MS: '400',
      WEBHOOK_TIMEOUT_MS: '500',
    });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'hook-acme' });
    for (const role of ['ENGINEER', 'MANAGER', 'ADMIN'] as StaffRole[]) {
      staff[role] = await createStaff(em, hasher, { tenant: acme, role });
      auth[role] = (await login(t, staff[role]!.email, staff[role]!.password)).auth;
    }
    const stranger = await createStaff(em, hasher, { tenant: await createTenant(em), role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
    const org = await createCustomerOrg(em, acme, 'OWN');
    const c = await createCustomerUser(em, hasher, acme, { org });
    auth.customer = await portalLogin(t, 'hook-acme', c.email, c.password);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const register = (path: string, eventTypes = ALL_TYPES, who = 'ADMIN') =>
    t.rest<Envelope<Endpoint>>('POST', '/api/v1/webhooks', { url: `${receiver.url}${path}`, eventTypes, description: path }, auth[who]);
  const createTicket = async (title: string) => {
    const res = await t.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'Customer words.', priority: 'HIGH' }, auth.customer);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const deliveries = async (query = '') => (await t.rest<Envelope<{ items: DeliveryRow[] }>>('GET', `/api/v1/deliveries${query}`, undefined, auth.ADMIN)).body.data.items;
  const deliveryOf = (endpointId: string) => async () => (await t.em().getConnection().execute<DeliveryRow[]>('SELECT status, attempts FROM notification_deliveries WHERE endpoint_id = ?', [endpointId]))[0];

  it('an ADMIN registers an endpoint and sees its secret once; others are refused; unknown event types too', async () => {
    const res = await register('/registered', ['incident.public_update']);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ url: `${receiver.url}/registered`, eventTypes: ['incident.public_update'], isActive: true, secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/) });
    const list = await t.rest('GET', '/api/v1/webhooks', undefined, auth.ADMIN);
    expect(list.status).toBe(200);
    expect(list.text).toContain(res.body.data.id);
    expect(list.text).not.toContain(res.body.data.secret!);
    const gql = await t.gql<{ webhookEndpoints: Record<string, unknown>[] }>('{ webhookEndpoints { id url } }', undefined, auth.ADMIN);
    expect(gql.data?.webhookEndpoints).toContainEqual({ id: res.body.data.id, url: `${receiver.url}/registered` });

    expect((await register('/x', ALL_TYPES, 'MANAGER')).status).toBe(403);
    expect((await t.rest('GET', '/api/v1/webhooks', undefined, auth.ENGINEER)).status).toBe(403);
    expect((await t.rest('GET', '/api/v1/webhooks', undefined, auth.customer)).status).toBe(403);
    expect((await t.rest('GET', '/api/v1/deliveries', undefined, auth.MANAGER)).status).toBe(403);
    const unknown = await register('/x', ['incident.exploded']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({ field: 'eventTypes' });

    // Another workspace's endpoint answers like a missing one.
    for (const [method, suffix, body] of [
      ['PATCH', '', { isActive: false }],
      ['DELETE', '', undefined],
      ['POST', '/rotate-secret', undefined],
    ] as const) {
      const theirs = await t.rest(method, `/api/v1/webhooks/${res.body.data.id}${suffix}`, body, auth.stranger);
      const none = await t.rest(method, `/api/v1/webhooks/00000000-0000-4000-8000-000000000000${suffix}`, body, auth.stranger);
      expect([theirs.status, theirs.text]).toEqual([404, none.text]);
    }

    const rotated = await t.rest<Envelope<Endpoint>>('POST', `/api/v1/webhooks/${res.body.data.id}/rotate-secret`, undefined, auth.ADMIN);
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secret).toMatch(/^whsec_/);
    expect(rotated.body.data.secret).not.toBe(res.body.data.secret);
    expect((await t.rest('DELETE', `/api/v1/webhooks/${res.body.data.id}`, undefined, auth.ADMIN)).status).toBe(200);
    expect((await t.rest('GET', '/api/v1/webhooks', undefined, auth.ADMIN)).text).not.toContain(res.body.data.id);
  });

  it('POSTs each subscribed event as signed JSON { id, type, timestamp, payload } that a receiver verifies, and whose replay it can refuse', async () => {
    const { body } = await register('/signed', ['incident.created_by_customer', 'incident.public_update']);
    const secret = body.data.secret!;
    const ticket = await createTicket('Signed ticket');
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: 'Public progress.', visibility: 'PUBLIC' }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.MANAGER); // not subscribed
    const hooks = await receiver.waitFor('/signed', 2);
    // Not a third: once every event is dispatched (an event's deliveries are planned in the transaction that
    // marks it so) and the endpoint's deliveries are all sent, nothing more is on its way.
    const undispatched = async () => (await t.em().getConnection().execute<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL'))[0].n;
    const statuses = async () => (await t.em().getConnection().execute<{ status: string }[]>('SELECT status FROM notification_deliveries WHERE endpoint_id = ?', [body.data.id])).map((d) => d.status);
    await until(async () => (await undispatched()) === 0 && (await statuses()).every((st) => st === 'SENT'));
    expect(await statuses()).toEqual(['SENT', 'SENT']);
    expect(receiver.received('/signed')).toHaveLength(2);

    const parsed = hooks.map((h) => JSON.parse(h.body) as Hook);
    expect(parsed.map((p) => p.type).sort()).toEqual(['incident.created_by_customer', 'incident.public_update']);
    for (const [i, h] of hooks.entries()) {
      const p = parsed[i];
      expect(Object.keys(p)).toEqual(['id', 'type', 'timestamp', 'payload']);
      expect(p.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(h.headers['content-type']).toBe('application/json');
      expect(h.headers['x-webhook-id']).toBe(p.id);
      expect(h.headers['x-webhook-event']).toBe(p.type);
      expect(verify(secret, h.body, h.headers['x-webhook-signature'] as string)).toBe(true);
      // Tampering and replays fail: another body, another secret, an old timestamp.
      expect(verify(secret, h.body.replace('Signed', 'Forged'), h.headers['x-webhook-signature'] as string)).toBe(false);
      expect(verify('whsec_other', h.body, h.headers['x-webhook-signature'] as string)).toBe(false);
      const old = Math.floor(Date.now() / 1000) - 3600;
      const oldSignature = `t=${old},v1=${createHmac('sha256', secret).update(`${old}.${h.body}`).digest('hex')}`;
      expect(verify(secret, h.body, oldSignature)).toBe(false);
    }
    const update = parsed.find((p) => p.type === 'incident.public_update')!;
    expect(update.payload.incident).toMatchObject({ id: ticket.id, number: ticket.number, title: 'Signed ticket', status: 'OPEN' });
    expect(update.payload.update).toMatchObject({ body: 'Public progress.', visibility: 'PUBLIC' });
    const sent = await deliveries('?status=sent&channel=webhook');
    expect(sent.filter((d) => d.target === `${receiver.url}/signed`)).toHaveLength(2);
    expect(sent[0]).toMatchObject({ status: 'SENT', attempts: 1, responseStatus: 200, responseExcerpt: 'ok' });
  });

  it('payloads carry the customer view only, whatever the event', async () => {
    await register('/view');
    const ticket = await createTicket('Viewed ticket');
    const current = await t.rest<Envelope<{ version: number }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.ENGINEER);
    await t.rest('PATCH', `/api/v1/incidents/${ticket.id}`, { version: current.body.data.version, ...INTERNAL }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: INTERNAL_NOTE, visibility: 'INTERNAL' }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'ACKNOWLEDGED', internal: true, note: INTERNAL_STATUS }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'INVESTIGATION', note: 'Public note.' }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: 'Public word.', visibility: 'PUBLIC' }, auth.ENGINEER);
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.MANAGER);
    await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Customer comment.' }, auth.customer);
    await t.em().getConnection().execute(`UPDATE incidents SET resolution_due_at = now() - interval '1 minute' WHERE id = ?`, [ticket.id]);
    await runSlaCheck(t.em());
    const hooks = await receiver.waitFor('/view', 7);
    const types = hooks.map((h) => (JSON.parse(h.body) as Hook).type).sort();
    expect(types).toEqual([
      'incident.assigned',
      'incident.created_by_customer',
      'incident.customer_comment',
      'incident.public_update',
      'incident.sla_breached',
      'incident.status_changed',
      'incident.status_changed',
    ]);
    for (const h of hooks) {
      for (const secret of [...Object.values(INTERNAL), INTERNAL_NOTE, INTERNAL_STATUS]) expect([secret, h.body.includes(secret)]).toEqual([secret, false]);
      const incident = (JSON.parse(h.body) as Hook).payload.incident!;
      for (const key of ['techDescription', 'internalSla', 'assignee', 'impactSummary', 'version', 'customerId']) expect(incident).not.toHaveProperty(key);
    }
    const internalChange = hooks.map((h) => JSON.parse(h.body) as Hook).find((p) => p.type === 'incident.status_changed' && p.payload.to === 'ACKNOWLEDGED')!;
    expect(internalChange.payload.update).toBeNull();
  });

  it('retries with growing waits, then leaves the delivery FAILED; an ADMIN lists and retries it', async () => {
    let healthy = false;
    receiver.on('/down', () => (healthy ? { status: 204 } : { status: 503, body: `Service Unavailable ${'x'.repeat(5000)}` }));
    const { body } = await register('/down', ['incident.created_by_customer']);
    await createTicket('Down receiver');
    await until(async () => (await deliveryOf(body.data.id)())?.status === 'FAILED');
    const tries = receiver.received('/down');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((h) => h.body)).size).toBe(1); // the same event each time
    expect(new Set(tries.map((h) => h.headers['x-webhook-id'])).size).toBe(1);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(35); // base 50 ms, -20% jitter at most

    const failed = await deliveries('?status=failed');
    const dead = failed.find((d) => d.target === `${receiver.url}/down`)!;
    expect(dead).toMatchObject({ status: 'FAILED', attempts: 3, maxAttempts: 3, responseStatus: 503, lastError: 'The endpoint answered 503.' });
    expect(dead.responseExcerpt!.length).toBeLessThanOrEqual(200);
    expect(dead.responseExcerpt).toMatch(/^Service Unavailable x+$/);

    expect((await t.rest('POST', `/api/v1/deliveries/${dead.id}/retry`, undefined, auth.MANAGER)).status).toBe(403);
    // Another workspace's ADMIN: none of these deliveries listed, and a retry answers like a missing id.
    const theirs = await t.rest('POST', `/api/v1/deliveries/${dead.id}/retry`, undefined, auth.stranger);
    const missing = await t.rest('POST', '/api/v1/deliveries/00000000-0000-4000-8000-000000000000/retry', undefined, auth.stranger);
    expect([theirs.status, theirs.text]).toEqual([404, missing.text]);
    const strangerList = await t.rest<Envelope<{ items: DeliveryRow[] }>>('GET', '/api/v1/deliveries', undefined, auth.stranger);
    expect(strangerList.body.data.items).toEqual([]);
    healthy = true;
    const retried = await t.rest<Envelope<DeliveryRow>>('POST', `/api/v1/deliveries/${dead.id}/retry`, undefined, auth.ADMIN);
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ status: 'PENDING', attempts: 0 });
    await until(async () => (await deliveryOf(body.data.id)())?.status === 'SENT');
    expect(receiver.received('/down')).toHaveLength(4);
    const again = await t.rest<Envelope>('POST', `/api/v1/deliveries/${dead.id}/retry`, undefined, auth.ADMIN);
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0].code).toBe('DELIVERY_NOT_FAILED');
    const gql = await t.gql<{ deliveries: { items: { id: string; status: string }[] } }>('{ deliveries(status: SENT, channel: WEBHOOK) { items { id status } } }', undefined, auth.ADMIN);
    expect(gql.data?.deliveries.items).toContainEqual({ id: dead.id, status: 'SENT' });
  });

  it('a receiver that recovers gets the event on a later try; one that never answers is cut off at the timeout', async () => {
    receiver.on('/flaky', (n) => (n < 2 ? { status: 500, body: 'boom' } : { status: 200, body: 'fine now' }));
    receiver.on('/slow', () => 'hang');
    const flaky = (await register('/flaky', ['incident.created_by_customer'])).body.data.id;
    const slow = (await register('/slow', ['incident.created_by_customer'])).body.data.id;
    await createTicket('Flaky and slow');
    await until(async () => (await deliveryOf(flaky)())?.status === 'SENT');
    expect(await deliveryOf(flaky)()).toMatchObject({ status: 'SENT', attempts: 3 });
    await until(async () => (await deliveryOf(slow)())?.status === 'FAILED', 15000);
    const [row] = await t.em().getConnection().execute<{ last_error: string; attempts: number }[]>('SELECT last_error, attempts FROM notification_deliveries WHERE endpoint_id = ?', [slow]);
    expect(row).toEqual({ last_error: 'No answer within 500 ms.', attempts: 3 });
  });

  describe('without WEBHOOK_ALLOW_PRIVATE_TARGETS (the default)', () => {
    let strict: TestApp;
    let admin: Record<string, string>;
    let tenant: Tenant;
    beforeAll(async () => {
      strict = await startTestApp({ WORKER_ENABLED: 'true', WORKER_POLL_INTERVAL_MS: '50' });
      const em = strict.em();
      tenant = await createTenant(em, { slug: 'strict-acme' });
      const a = await createStaff(em, strict.app.runtime.passwords, { tenant, role: 'ADMIN' });
      admin = (await login(strict, a.email, a.password)).auth;
    });
    afterAll(() => strict.close());

    it('refuses URLs that point to loopback, private, link-local or metadata addresses, and malformed ones', async () => {
      for (const url of [
        `${receiver.url}/ssrf`,
        'http://localhost/hook',
        'http://127.1.2.3/',
        'http://0.0.0.0/',
        'http://10.0.0.5/hook',
        'http://172.16.0.1/',
        'http://192.168.1.10/',
        'http://169.254.169.254/latest/meta-data/',
        'http://100.100.100.200/',
        'http://[::1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://[fe80::1]/',
        'http://[fd00:ec2::254]/',
        'http://[64:ff9b::a9fe:a9fe]/',
      ]) {
        const res = await strict.rest<Envelope>('POST', '/api/v1/webhooks', { url, eventTypes: ['incident.created'] }, admin);
        expect([url, res.status, res.body.errors?.[0]?.code, res.body.errors?.[0]?.field]).toEqual([url, 400, 'WEBHOOK_URL_REFUSED', 'url']);
      }
      for (const url of ['ftp://example.com/', 'not a url', 'https://user:secret@example.com/hook']) {
        const res = await strict.rest<Envelope>('POST', '/api/v1/webhooks', { url, eventTypes: ['incident.created'] }, admin);
        expect([url, res.status, res.body.errors?.[0]?.code]).toEqual([url, 400, 'WEBHOOK_URL_REFUSED']);
      }
      const update = await strict.rest<Envelope>('PATCH', `/api/v1/webhooks/00000000-0000-4000-8000-000000000000`, { url: 'http://127.0.0.1/' }, admin);
      expect(update.status).toBe(400);
      expect(receiver.received('/ssrf')).toHaveLength(0);
    });

    it('checks again when sending: an endpoint whose host now resolves to an internal address gets nothing', async () => {
      // As if the name pointed elsewhere when it was registered (DNS rebinding): the rows are written directly.
      const em = strict.em();
      const box = strict.app.runtime.webhookSecrets;
      const { endpoint: byName } = await createWebhookRow(em, box, tenant.id, { url: `${receiver.url.replace('127.0.0.1', 'localhost')}/rebound`, eventTypes: ['incident.created'] });
      const { endpoint: byAddress } = await createWebhookRow(em, box, tenant.id, { url: `${receiver.url}/literal`, eventTypes: ['incident.created'] });
      const engineer = await createStaff(em, strict.app.runtime.passwords, { tenant, role: 'ENGINEER' });
      const { auth: eng } = await login(strict, engineer.email, engineer.password);
      const res = await strict.rest('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'x', description: 'y', priority: 'LOW' }, eng);
      expect(res.status).toBe(201);
      const conn = strict.em().getConnection();
      await until(async () => (await conn.execute<{ n: string }[]>(`SELECT count(*) AS n FROM notification_deliveries WHERE status = 'FAILED'`))[0].n === '2');
      const rows = await conn.execute<{ endpoint_id: string; last_error: string; attempts: number }[]>('SELECT endpoint_id, last_error, attempts FROM notification_deliveries ORDER BY last_error');
      expect(rows).toEqual(
        expect.arrayContaining([
          { endpoint_id: byName.id, last_error: expect.stringMatching(/^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback/), attempts: 1 },
          { endpoint_id: byAddress.id, last_error: 'Refused: 127.0.0.1 is a loopback, private, link-local or otherwise internal address.', attempts: 1 },
        ]),
      );
      expect(receiver.received('/rebound')).toHaveLength(0);
      expect(receiver.received('/literal')).toHaveLength(0);
    });
  });
});
