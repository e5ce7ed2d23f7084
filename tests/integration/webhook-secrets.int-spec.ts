import { verifySignature } from '../../src/modules/notifications/webhook';
import { isSealed, WebhookSecretBox } from '../../src/modules/notifications/webhook-secrets';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createWebhookRow } from '../factories/webhooks';
import { startTestApp, type TestApp } from '../setup/app';
import { afterMarker } from '../setup/deliveries';
import { startReceiver, type Receiver, type ReceivedHook } from '../setup/webhook-receiver';

type Envelope<T = unknown> = { success: boolean; data: T };
type Endpoint = { id: string; secret: string };
type DeliveryRow = { status: string; attempts: number; lastError: string | null; target: string };

const KEY_A = 'webhook-secrets-test-key-a-'.padEnd(44, 'a');
const KEY_B = 'webhook-secrets-test-key-b-'.padEnd(44, 'b');
const FAST = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', // the receiver is on 127.0.0.1
  WORKER_POLL_INTERVAL_MS: '50',
  DELIVERY_MAX_ATTEMPTS: '3',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_RETRY_MAX_MS: '200',
  SLA_CHECK_INTERVAL_MS: '0',
  EZRA_AUTO_ANALYZE: 'false',
};

/** A workspace with an ADMIN (registers endpoints, reads deliveries) and an ENGINEER (whose incidents are the events). */
async function workspace(t: TestApp, slug: string) {
  const em = t.em();
  const tenant = await createTenant(em, { slug });
  const admin = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'ADMIN' });
  const engineer = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
  const as = { admin: (await login(t, admin.email, admin.password)).auth, engineer: (await login(t, engineer.email, engineer.password)).auth };
  return {
    tenant,
    register: async (url: string): Promise<Endpoint> => {
      const res = await t.rest<Envelope<Endpoint>>('POST', '/api/v1/webhooks', { url, eventTypes: ['incident.created'] }, as.admin);
      expect(res.status).toBe(201);
      return res.body.data;
    },
    rotate: async (id: string): Promise<string> => {
      const res = await t.rest<Envelope<Endpoint>>('POST', `/api/v1/webhooks/${id}/rotate-secret`, undefined, as.admin);
      expect(res.status).toBe(200);
      return res.body.data.secret;
    },
    /** Any app on the database may serve the request: the event is the database's. */
    incident: async (app: TestApp, title: string) => {
      const res = await app.rest('POST', '/api/v1/incidents', { type: 'INCIDENT', title, description: 'Something broke.', priority: 'LOW' }, as.engineer);
      expect(res.status).toBe(201);
    },
    deliveries: async (query: string) => (await t.rest<Envelope<{ items: DeliveryRow[] }>>('GET', `/api/v1/deliveries${query}`, undefined, as.admin)).body.data.items,
  };
}

const stored = async (t: TestApp, id: string): Promise<string> =>
  (await t.em().getConnection().execute<{ s: string }[]>('SELECT encrypted_secret AS s FROM webhook_endpoints WHERE id = ?', [id]))[0].s;
const verifies = (secret: string, hook: ReceivedHook) => verifySignature(secret, hook.body, hook.headers['x-webhook-signature'] as string, Math.floor(Date.now() / 1000));
const titled = (hooks: ReceivedHook[], title: string) => hooks.filter((h) => h.body.includes(title));

describe('webhook secrets encrypted at rest', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  describe('with one key', () => {
    let t: TestApp;
    let ws: Awaited<ReturnType<typeof workspace>>;
    beforeAll(async () => {
      t = await startTestApp({ WORKER_ENABLED: 'true', ...FAST, WEBHOOK_SECRETS_KEY: KEY_A });
      ws = await workspace(t, 'sealed-acme');
    });
    afterAll(() => t.close());

    it('the database holds an encrypted value, not the secret; deliveries verify with the secret the ADMIN was shown', async () => {
      const a = await ws.register(`${receiver.url}/sealed-a`);
      const b = await ws.register(`${receiver.url}/sealed-b`);
      for (const e of [a, b]) {
        const value = await stored(t, e.id);
        expect(isSealed(value)).toBe(true);
        expect(WebhookSecretBox.keyIdOf(value)).toBe(WebhookSecretBox.keyId(KEY_A));
        expect(value).not.toContain(e.secret);
        expect(value).not.toContain(e.secret.slice(6)); // nor its random part
      }
      await ws.incident(t, 'Sealed delivery');
      const [toA] = await receiver.waitFor('/sealed-a', 1);
      const [toB] = await receiver.waitFor('/sealed-b', 1);
      expect([verifies(a.secret, toA), verifies(b.secret, toB)]).toEqual([true, true]);
      expect([verifies(b.secret, toA), verifies(a.secret, toB)]).toEqual([false, false]);

      // Rotating shows the new secret once and stores it encrypted too; deliveries follow it at once.
      const before = await stored(t, a.id);
      const rotated = await ws.rotate(a.id);
      const after = await stored(t, a.id);
      expect([after === before, after.includes(rotated), isSealed(after)]).toEqual([false, false, true]);
      await ws.incident(t, 'After rotation');
      const hook = titled(await receiver.waitFor('/sealed-a', 2), 'After rotation')[0];
      expect([verifies(rotated, hook), verifies(a.secret, hook)]).toEqual([true, false]);

      // Neither the secrets nor what is stored for them is logged.
      const logs = t.logs.join('\n');
      for (const value of [a.secret, b.secret, rotated, after, await stored(t, b.id)]) expect(logs).not.toContain(value);
    });

    it("a value copied to another endpoint's row does not sign there: that delivery dead-letters with the reason, the rest go on", async () => {
      const victim = await ws.register(`${receiver.url}/victim`);
      const thief = await ws.register(`${receiver.url}/thief`);
      await t.em().getConnection().execute('UPDATE webhook_endpoints SET encrypted_secret = ? WHERE id = ?', [await stored(t, victim.id), thief.id]);
      await ws.incident(t, 'Copied ciphertext');
      const [toVictim] = await afterMarker(t, receiver.waitFor('/victim', 1));
      expect(verifies(victim.secret, toVictim)).toBe(true);
      expect(receiver.received('/thief')).toHaveLength(0);
      const failed = (await ws.deliveries('?status=failed&channel=webhook')).filter((d) => d.target === `${receiver.url}/thief`);
      expect(failed).toEqual([
        expect.objectContaining({
          status: 'FAILED',
          attempts: 1, // no retries: another try cannot decrypt it either
          lastError: expect.stringMatching(/WEBHOOK_SECRET_UNREADABLE.*encrypted for another endpoint, or altered\. Rotate the endpoint's secret/),
        }),
      ]);
      expect(t.logs.some((l) => l.includes('delivery failed for good') && l.includes('WEBHOOK_SECRET_UNREADABLE'))).toBe(true);

      // Rotating the secret repairs the endpoint.
      const fresh = await ws.rotate(thief.id);
      await ws.incident(t, 'After repair');
      const [repaired] = await receiver.waitFor('/thief', 1);
      expect(verifies(fresh, repaired)).toBe(true);
    });

    it('plain-text secrets of rows from before encryption are refused when sending, and encrypted when a server starts, before it serves', async () => {
      // Two rows as an older version left them: the same plain secret in each (rows written straight to the table).
      const legacy = 'whsec_legacy-plain-secret-shared-by-two-rows-000';
      const one = await ws.register(`${receiver.url}/legacy-1`);
      const two = await ws.register(`${receiver.url}/legacy-2`);
      await t.em().getConnection().execute('UPDATE webhook_endpoints SET encrypted_secret = ? WHERE id IN (?, ?)', [legacy, one.id, two.id]);

      // A running server does not sign with a plain value it finds (it encrypts them at start only).
      const marker = await ws.register(`${receiver.url}/plain-marker`); // readable: sent the same event
      await ws.incident(t, 'Plain at send time');
      expect(verifies(marker.secret, (await afterMarker(t, receiver.waitFor('/plain-marker', 1)))[0])).toBe(true);
      expect(receiver.received('/legacy-1')).toHaveLength(0);
      const refused = (await ws.deliveries('?status=failed&channel=webhook')).filter((d) => d.target.includes('/legacy-'));
      expect(refused.map((d) => d.lastError)).toEqual([expect.stringMatching(/stored unencrypted/), expect.stringMatching(/stored unencrypted/)]);

      // A server starting on the database encrypts them, each for its own row, before it answers anything.
      const restarted = await startTestApp({ WORKER_ENABLED: 'true', ...FAST, WEBHOOK_SECRETS_KEY: KEY_A }, { sameDatabaseAs: t });
      try {
        expect(restarted.logs.some((l) => l.includes('encrypted the plain-text secrets of webhook endpoints') && l.includes('"endpoints":2'))).toBe(true);
        const [s1, s2] = [await stored(t, one.id), await stored(t, two.id)];
        expect([isSealed(s1), isSealed(s2)]).toEqual([true, true]);
        expect(s1).not.toBe(s2); // equal secrets, different stored values
        expect(s1 + s2).not.toContain(legacy.slice(6));
        expect(restarted.logs.join('\n')).not.toContain(legacy);

        await ws.incident(restarted, 'Legacy encrypted');
        const [h1] = titled(await receiver.waitFor('/legacy-1', 1), 'Legacy encrypted');
        const [h2] = titled(await receiver.waitFor('/legacy-2', 1), 'Legacy encrypted');
        expect([verifies(legacy, h1), verifies(legacy, h2)]).toEqual([true, true]); // receivers keep the secret they had
        // Starting again finds nothing left to do.
        const again = await startTestApp({ ...FAST, WEBHOOK_SECRETS_KEY: KEY_A, WORKER_ENABLED: 'false' }, { sameDatabaseAs: t });
        expect(again.logs.some((l) => l.includes('encrypted the plain-text secrets'))).toBe(false);
        expect([await stored(t, one.id), await stored(t, two.id)]).toEqual([s1, s2]);
        await again.close();
      } finally {
        await restarted.close();
      }
    });
  });

  describe('rotating WEBHOOK_SECRETS_KEY', () => {
    it('with the old key listed as previous, old rows still sign and are re-encrypted under the new key at start; without it, their deliveries dead-letter naming the key', async () => {
      // Before the rotation: key A, no worker (the servers started below deliver).
      const before = await startTestApp({ ...FAST, WEBHOOK_SECRETS_KEY: KEY_A, WORKER_ENABLED: 'false' });
      let rotated: TestApp | undefined;
      let dropped: TestApp | undefined;
      try {
        const ws = await workspace(before, 'rotating-acme');
        const old = await ws.register(`${receiver.url}/rotating-old`);
        expect(WebhookSecretBox.keyIdOf(await stored(before, old.id))).toBe(WebhookSecretBox.keyId(KEY_A));

        // The new key signs, the old one is listed: the row is re-encrypted at start and still signs with the same secret.
        rotated = await startTestApp({ WORKER_ENABLED: 'true', ...FAST, WEBHOOK_SECRETS_KEY: KEY_B, WEBHOOK_SECRETS_PREVIOUS_KEYS: KEY_A }, { sameDatabaseAs: before });
        expect(rotated.logs.some((l) => l.includes('re-encrypted webhook secrets sealed with a previous WEBHOOK_SECRETS_KEY') && l.includes('"endpoints":1'))).toBe(true);
        expect(WebhookSecretBox.keyIdOf(await stored(before, old.id))).toBe(WebhookSecretBox.keyId(KEY_B));
        // A row a process still on the old key writes meanwhile opens with the previous key.
        const late = await createWebhookRow(before.em(), new WebhookSecretBox(KEY_A), ws.tenant.id, { url: `${receiver.url}/rotating-late`, eventTypes: ['incident.created'] });
        await ws.incident(before, 'During the rotation');
        const [toOld] = await receiver.waitFor('/rotating-old', 1);
        const [toLate] = await receiver.waitFor('/rotating-late', 1);
        expect([verifies(old.secret, toOld), verifies(late.secret, toLate)]).toEqual([true, true]);
        await rotated.close();
        rotated = undefined;

        // The old key dropped too early: the row still under it is reported at start and its deliveries fail
        // with the key named, while the row under the new key is delivered.
        dropped = await startTestApp({ WORKER_ENABLED: 'true', ...FAST, WEBHOOK_SECRETS_KEY: KEY_B }, { sameDatabaseAs: before });
        expect(dropped.logs.some((l) => l.includes('webhook secrets this process cannot decrypt') && l.includes('"endpoints":1,"reasons":{"UNKNOWN_KEY":1}'))).toBe(true);
        await ws.incident(before, 'Old key dropped');
        const [again] = titled(await afterMarker(dropped, receiver.waitFor('/rotating-old', 2)), 'Old key dropped');
        expect(titled(receiver.received('/rotating-late'), 'Old key dropped')).toHaveLength(0);
        expect(verifies(old.secret, again)).toBe(true);
        const failed = (await ws.deliveries('?status=failed&channel=webhook')).filter((d) => d.target === `${receiver.url}/rotating-late`);
        expect(failed).toEqual([
          expect.objectContaining({ attempts: 1, lastError: expect.stringContaining(`a key this server does not have; list that key in WEBHOOK_SECRETS_PREVIOUS_KEYS (key id ${WebhookSecretBox.keyId(KEY_A)})`) }),
        ]);
      } finally {
        await rotated?.close();
        await dropped?.close();
        await before.close();
      }
    });
  });
});
