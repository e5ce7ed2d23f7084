import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { purgeExpiredRows, type RetentionSettings } from '../../src/modules/housekeeping/retention';
import { housekeepingCronItems, NotificationWorker, retentionSettings } from '../../src/modules/notifications/notification-worker';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { WebhookSecretBox } from '../../src/modules/notifications/webhook-secrets';
import { createMailer } from '../../src/shared/mailer';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createWebhookRow } from '../factories/webhooks';
import { startTestApp, type TestApp } from '../setup/app';
import { until } from '../setup/wait';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Envelope<T = unknown> = { success: boolean; data: T; errors?: { code: string }[] };

/**
 * Housekeeping deletes finished outbox events, deliveries and dead auth rows past their retention, and
 * nothing that is still needed. The job function is called directly with an explicit clock (rows are
 * written with timestamps relative to it); one test runs it through a real worker, as its cron job does.
 */
describe('housekeeping: retention of outbox, deliveries and auth rows', () => {
  let t: TestApp;
  let acme: Tenant;
  let globex: Tenant;
  let ada: StaffFixture;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false', RETENTION_SCHEDULE: '17 * * * *' });
    acme = await createTenant(t.em(), { slug: 'retention-acme' });
    globex = await createTenant(t.em(), { slug: 'retention-globex' });
    ada = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'ADMIN', email: 'ada@retention.test' });
  });
  afterAll(() => t.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => t.em().execute<T[]>(query, params);
  const settings = (over: Partial<RetentionSettings> = {}): RetentionSettings => ({ ...retentionSettings(t.config), ...over });
  const purge = (now: Date, over: Partial<RetentionSettings> = {}) => purgeExpiredRows(t.em(), settings(over), now);
  const before = (now: Date, ms: number) => new Date(now.getTime() - ms);
  const exists = async (table: string, id: string, key = 'id') => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${key} = ?`, [id]))[0].n === 1;
  const sessionEnd = async (sid: string) => new Date((await sql<{ at: string }>('SELECT expires_at AS at FROM sessions WHERE id = ?', [sid]))[0].at);
  const count = async (table: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  /** An outbox event as the writers leave it; processed (by a dispatch) when `processedAt` is given. */
  const event = async (tenant: Tenant, processedAt: Date | null, createdAt: Date = processedAt ?? new Date()) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO outbox_events (tenant_id, type, payload, created_at, processed_at) VALUES (?, 'incident.created', '{}'::jsonb, ?, ?) RETURNING id`,
        [tenant.id, createdAt, processedAt],
      )
    )[0].id;
  /** A delivery of the event, last changed (sent, failed for good, or tried) at `updatedAt`. */
  const delivery = async (tenant: Tenant, eventId: string, status: 'PENDING' | 'SENT' | 'FAILED', updatedAt: Date) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO notification_deliveries (tenant_id, event_id, event_type, channel, target, message, max_attempts, status, attempts, created_at, updated_at, delivered_at)
         VALUES (?, ?, 'incident.created', 'EMAIL', ?, ?::jsonb, 8, ?::delivery_status, 1, ?, ?, ?) RETURNING id`,
        [
          tenant.id,
          eventId,
          `${randomBytes(4).toString('hex')}@retention.test`,
          JSON.stringify({ kind: 'email', to: 'x@retention.test', subject: 's', text: 't', html: 'h' }),
          status,
          updatedAt,
          updatedAt,
          status === 'SENT' ? updatedAt : null,
        ],
      )
    )[0].id;
  /** A finished notification: a processed event with one SENT delivery, both `age` before `now`. */
  const sentNotification = async (tenant: Tenant, now: Date, age: number) => {
    const eventId = await event(tenant, before(now, age));
    return { eventId, deliveryId: await delivery(tenant, eventId, 'SENT', before(now, age)) };
  };

  it('runs as the cron job of a real worker, which registers it and logs what it deleted per table, and re-seals webhook secrets left under a previous key', async () => {
    const old = await sentNotification(globex, new Date(), 31 * DAY);
    const recent = await sentNotification(globex, new Date(), 29 * DAY);
    // Sealed by a process still on the previous key, after this process re-sealed at start (which the worker does not repeat).
    const [previousKey, currentKey] = [randomBytes(24).toString('base64url'), randomBytes(24).toString('base64url')];
    const { endpoint } = await createWebhookRow(t.em(), new WebhookSecretBox(previousKey), acme.id, { url: 'https://hooks.retention.test/in', eventTypes: ['incident.created'] });
    const config = { ...t.config, worker: { ...t.config.worker, pollIntervalMs: 100 } };
    const mailer = createMailer({ from: t.config.mailFrom, log: t.app.runtime.log });
    const secrets = new WebhookSecretBox(currentKey, [previousKey]);
    const worker = new NotificationWorker({ config, orm: t.orm, log: t.app.runtime.log, mailer, secrets });
    await worker.start();
    try {
      // Every worker registers the cron item; the queue's known_crontabs row is what lets one of them add each tick's job.
      const known = () => sql(`SELECT identifier FROM graphile_worker._private_known_crontabs`);
      await until(async () => (await known()).length > 0, 'the known crontab', 20000);
      expect(await known()).toEqual([{ identifier: 'housekeeping.purge' }]);
      // A tick's job, as the cron scheduler adds it (it fires at RETENTION_SCHEDULE's minute, not in a test).
      await sql(`SELECT graphile_worker.add_job('housekeeping.purge', '{}'::json, queue_name := 'housekeeping', job_key := 'housekeeping.purge')`);
      const logged = () => t.logs.map((l) => JSON.parse(l) as { level: number; msg: string; deleted?: Record<string, number> }).find((l) => l.msg.startsWith('housekeeping:'));
      await until(() => !!logged(), "the purge's log line", 20000);
      expect(logged()).toMatchObject({ level: 30, deleted: { outbox_events: 1, notification_deliveries: 1, sessions: 0, refresh_tokens: 0, one_time_codes: 0, action_tokens: 0, rate_limits: 0 } });
    } finally {
      await worker.stop();
      mailer.close();
    }
    expect(await exists('outbox_events', old.eventId)).toBe(false);
    expect(await exists('notification_deliveries', old.deliveryId)).toBe(false);
    expect(await exists('outbox_events', recent.eventId)).toBe(true);
    expect(await exists('notification_deliveries', recent.deliveryId)).toBe(true);
    const [row] = await sql<{ stored: string }>('SELECT encrypted_secret AS stored FROM webhook_endpoints WHERE id = ?', [endpoint.id]);
    expect(WebhookSecretBox.keyIdOf(row.stored)).toBe(WebhookSecretBox.keyId(currentKey));
  });

  it('schedules the job at RETENTION_SCHEDULE, once per tick, one run at a time; off schedules nothing', () => {
    const [item] = housekeepingCronItems(t.config);
    expect(item).toMatchObject({ task: 'housekeeping.purge', identifier: 'housekeeping.purge', options: { backfillPeriod: 0, queueName: 'housekeeping', jobKey: 'housekeeping.purge' } });
    const at = (hour: number, min: number) => ({ min, hour, date: 2, month: 12, dow: 3 });
    expect(item.match(at(10, 17))).toBe(true); // the default, 17 * * * *: hourly
    expect(item.match(at(23, 17))).toBe(true);
    expect(item.match(at(10, 18))).toBe(false);
    expect(housekeepingCronItems({ ...t.config, retention: { ...t.config.retention, schedule: undefined } })).toEqual([]);
  });

  it('deletes processed events and sent deliveries past RETENTION_DAYS, dead letters past RETENTION_DEAD_LETTER_DAYS, in every tenant; keeps what is still needed', async () => {
    const now = new Date();
    const oldAcme = await sentNotification(acme, now, 31 * DAY);
    const oldGlobex = await sentNotification(globex, now, 31 * DAY); // another tenant: row-level security does not hide it
    const recent = await sentNotification(acme, now, 29 * DAY);
    const unprocessed = await event(acme, null, before(now, 400 * DAY));
    const pendingEvent = await event(acme, before(now, 100 * DAY));
    const pending = await delivery(acme, pendingEvent, 'PENDING', before(now, 100 * DAY)); // between tries
    const deadEvent = await event(acme, before(now, 60 * DAY));
    const dead = await delivery(acme, deadEvent, 'FAILED', before(now, 60 * DAY)); // still within the dead-letter window
    const expiredDeadEvent = await event(globex, before(now, 91 * DAY));
    const expiredDead = await delivery(globex, expiredDeadEvent, 'FAILED', before(now, 91 * DAY));
    const mixedEvent = await event(acme, before(now, 40 * DAY));
    const mixedSent = await delivery(acme, mixedEvent, 'SENT', before(now, 40 * DAY));
    const mixedDead = await delivery(acme, mixedEvent, 'FAILED', before(now, 40 * DAY));

    const counts = await purge(now);
    expect(counts).toMatchObject({ outbox_events: 3, notification_deliveries: 4 });

    for (const gone of [oldAcme, oldGlobex, { eventId: expiredDeadEvent, deliveryId: expiredDead }]) {
      expect(await exists('outbox_events', gone.eventId)).toBe(false);
      expect(await exists('notification_deliveries', gone.deliveryId)).toBe(false);
    }
    expect(await exists('notification_deliveries', mixedSent)).toBe(false);
    // Kept: recent rows, an unprocessed event however old, a delivery still being tried however old, a dead
    // letter ADMINs may still retry, and the events those deliveries belong to.
    for (const id of [recent.eventId, unprocessed, pendingEvent, deadEvent, mixedEvent]) expect(await exists('outbox_events', id)).toBe(true);
    for (const id of [recent.deliveryId, pending, dead, mixedDead]) expect(await exists('notification_deliveries', id)).toBe(true);

    // An ADMIN can still retry the kept dead letter.
    const { auth } = await login(t, ada.email, ada.password);
    const retried = await t.rest<Envelope<{ status: string }>>('POST', `/api/v1/deliveries/${dead}/retry`, undefined, auth);
    expect(retried.status).toBe(200);
    expect(retried.body.data.status).toBe('PENDING');

    // A second run finds nothing more to delete.
    expect(await purge(now)).toMatchObject({ outbox_events: 0, notification_deliveries: 0 });
  });

  it('keeps a session, revoked or not, until its refresh tokens would have expired anyway, so reuse is still detected', async () => {
    const first = await login(t, ada.email, ada.password);
    // GraphQL's refresh rotates: the first token is spent.
    const rotated = await t.gql<{ refreshToken: { refreshToken: string } }>('mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { refreshToken } }', { t: first.refreshToken });
    expect(rotated.data?.refreshToken.refreshToken).toMatch(/^rt_/);
    const sid = (jwt.decode(first.accessToken) as { sid: string }).sid;
    const loggedOut = await login(t, ada.email, ada.password);
    expect((await t.rest('POST', '/api/v1/auth/logout', undefined, loggedOut.auth)).status).toBe(200);
    const revokedSid = (jwt.decode(loggedOut.accessToken) as { sid: string }).sid;
    const expiresAt = await sessionEnd(sid);

    // A day before the session ends, well past the grace after the logout: both sessions and every token stay.
    await purge(before(expiresAt, DAY));
    expect(await exists('sessions', sid)).toBe(true);
    expect(await exists('sessions', revokedSid)).toBe(true);
    expect(await count('refresh_tokens')).toBeGreaterThanOrEqual(3);

    // The used refresh token presented again is still recognised as reuse: the whole session is revoked.
    const reuse = await t.rest<Envelope>('POST', '/api/v1/auth/refresh-token', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect((await t.rest('POST', '/api/v1/auth/refresh-token', { refreshToken: rotated.data!.refreshToken.refreshToken })).status).toBe(401);
    expect((await sql('SELECT revoked_reason AS reason FROM sessions WHERE id = ?', [sid]))[0]).toEqual({ reason: 'refresh_token_reuse' });

    // Within the grace after the end it stays; past it, the session goes with its refresh tokens.
    await purge(new Date(expiresAt.getTime() + 23 * HOUR));
    expect(await exists('sessions', sid)).toBe(true);
    const counts = await purge(new Date(expiresAt.getTime() + 25 * HOUR));
    expect(counts.sessions).toBeGreaterThanOrEqual(2);
    expect(await exists('sessions', sid)).toBe(false);
    expect(await exists('sessions', revokedSid)).toBe(false);
    expect((await sql('SELECT 1 FROM refresh_tokens WHERE session_id IN (?, ?)', [sid, revokedSid])).length).toBe(0);
  });

  it('never deletes a session before its access tokens have expired, whatever the grace is set to', async () => {
    const session = await login(t, ada.email, ada.password);
    const sid = (jwt.decode(session.accessToken) as { sid: string }).sid;
    const expiresAt = await sessionEnd(sid);
    // A one-hour grace but two-hour access tokens: an access token issued just before the end lives two hours more.
    const shortGrace = { authGraceHours: 1, accessTtlSeconds: 2 * 3600 };
    await purge(new Date(expiresAt.getTime() + 90 * 60_000), shortGrace);
    expect(await exists('sessions', sid)).toBe(true);
    await purge(new Date(expiresAt.getTime() + 2 * HOUR + 6 * 60_000), shortGrace);
    expect(await exists('sessions', sid)).toBe(false);
  });

  it('deletes codes, action tokens and rate-limit rows a grace period after they expired or were used', async () => {
    const now = new Date();
    const subject = randomUUID();
    const code = async (expiresAt: Date, consumedAt: Date | null = null) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO one_time_codes (subject_kind, subject_id, purpose, code_hash, expires_at, consumed_at) VALUES ('staff', ?, 'EMAIL_VERIFICATION', 'h', ?, ?) RETURNING id`,
          [subject, expiresAt, consumedAt],
        )
      )[0].id;
    const token = async (expiresAt: Date, usedAt: Date | null = null) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO action_tokens (subject_kind, subject_id, purpose, token_hash, expires_at, used_at) VALUES ('staff', ?, 'INVITATION', ?, ?, ?) RETURNING id`,
          [subject, randomBytes(16).toString('hex'), expiresAt, usedAt],
        )
      )[0].id;
    const limit = async (expireMs: number) => {
      const key = `test:${randomBytes(4).toString('hex')}`;
      await sql('INSERT INTO rate_limits (key, points, expire) VALUES (?, 3, ?)', [key, expireMs]);
      return key;
    };
    const gone = {
      expiredCode: await code(before(now, 25 * HOUR)),
      usedCode: await code(before(now, 24 * HOUR + 50 * 60_000), before(now, 25 * HOUR)),
      expiredToken: await token(before(now, 25 * HOUR)),
      usedInvitation: await token(new Date(now.getTime() + 5 * DAY), before(now, 25 * HOUR)),
    };
    const kept = {
      liveCode: await code(new Date(now.getTime() + 10 * 60_000)),
      recentlyExpiredCode: await code(before(now, 23 * HOUR)),
      liveToken: await token(new Date(now.getTime() + 5 * DAY)),
      recentlyUsedToken: await token(new Date(now.getTime() + 5 * DAY), before(now, 23 * HOUR)),
    };
    const oldLimit = await limit(now.getTime() - 25 * HOUR);
    const recentLimit = await limit(now.getTime() - 23 * HOUR);
    const liveLimit = await limit(now.getTime() + HOUR);

    const counts = await purge(now);
    expect(counts).toMatchObject({ one_time_codes: 2, action_tokens: 2, rate_limits: 1 });
    expect(await exists('one_time_codes', gone.expiredCode)).toBe(false);
    expect(await exists('one_time_codes', gone.usedCode)).toBe(false);
    expect(await exists('action_tokens', gone.expiredToken)).toBe(false);
    expect(await exists('action_tokens', gone.usedInvitation)).toBe(false);
    expect(await exists('one_time_codes', kept.liveCode)).toBe(true);
    expect(await exists('one_time_codes', kept.recentlyExpiredCode)).toBe(true);
    expect(await exists('action_tokens', kept.liveToken)).toBe(true);
    expect(await exists('action_tokens', kept.recentlyUsedToken)).toBe(true);
    expect(await exists('rate_limits', oldLimit, 'key')).toBe(false);
    expect(await exists('rate_limits', recentLimit, 'key')).toBe(true);
    expect(await exists('rate_limits', liveLimit, 'key')).toBe(true);
  });

  it('clears a backlog larger than a batch in several statements, and two runs at once share it without failing', async () => {
    const now = new Date();
    const backlog = async (n: number) => {
      await sql(
        `WITH e AS (
           INSERT INTO outbox_events (tenant_id, type, payload, created_at, processed_at)
           SELECT ?, 'incident.created', '{}'::jsonb, ?, ? FROM generate_series(1, ?) RETURNING id
         )
         INSERT INTO notification_deliveries (tenant_id, event_id, event_type, channel, target, message, max_attempts, status, updated_at)
         SELECT ?, e.id, 'incident.created', 'EMAIL', 'x@retention.test', '{}'::jsonb, 8, 'SENT', ? FROM e`,
        [acme.id, before(now, 40 * DAY), before(now, 40 * DAY), n, acme.id, before(now, 40 * DAY)],
      );
    };
    await backlog(25);
    expect(await purge(now, { batchSize: 4 })).toMatchObject({ outbox_events: 25, notification_deliveries: 25 });

    await backlog(300);
    const [a, b] = await Promise.all([purge(now, { batchSize: 7 }), purge(now, { batchSize: 7 })]);
    expect(a.outbox_events + b.outbox_events).toBe(300);
    expect(a.notification_deliveries + b.notification_deliveries).toBe(300);
    expect((await sql(`SELECT 1 FROM outbox_events e WHERE processed_at < ? AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.event_id = e.id)`, [before(now, 30 * DAY)])).length).toBe(0);
    expect((await sql(`SELECT 1 FROM notification_deliveries WHERE status = 'SENT' AND updated_at < ?`, [before(now, 30 * DAY)])).length).toBe(0);
  });

  it('refuses loudly, deleting nothing, when run under a role that row-level security restricts', async () => {
    const now = new Date();
    const old = await sentNotification(acme, now, 31 * DAY);
    await expect(
      t.em().transactional(async (tx) => {
        await tx.execute(`SELECT set_config('role', 'incident_desk_tenant', true), set_config('app.tenant_id', ?, true)`, [acme.id]);
        await purgeExpiredRows(tx, settings(), now);
      }),
    ).rejects.toThrow(/row-level security/);
    expect(await exists('outbox_events', old.eventId)).toBe(true);
    expect(await exists('notification_deliveries', old.deliveryId)).toBe(true);
  });

  it('never touches the audit log, however old its entries', async () => {
    await login(t, ada.email, ada.password); // audited
    const checksum = async () => (await sql<{ n: number; sum: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) AS sum FROM audit_log a`))[0];
    const beforeRun = await checksum();
    expect(beforeRun.n).toBeGreaterThan(0);
    await purge(new Date(Date.now() + 10 * 365 * DAY)); // ten years on: everything else finished is gone
    expect(await checksum()).toEqual(beforeRun);
    const { auth } = await login(t, ada.email, ada.password);
    const verified = await t.rest<Envelope<{ ok: boolean }>>('GET', '/api/v1/audit-log/verify', undefined, auth);
    expect(verified.body.data.ok).toBe(true);
    // Ten years on, only what is never finished is left: unprocessed events and deliveries still being tried.
    expect((await sql(`SELECT 1 FROM outbox_events WHERE processed_at IS NOT NULL AND id NOT IN (SELECT event_id FROM notification_deliveries)`)).length).toBe(0);
    expect((await sql(`SELECT DISTINCT status FROM notification_deliveries`)).map((r) => r.status)).toEqual(['PENDING']);
  });
});
