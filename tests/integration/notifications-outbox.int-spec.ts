import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import { Delivery } from '../../src/modules/notifications/notification.entity';
import { NotificationWorker } from '../../src/modules/notifications/notification-worker';
import { createMailer } from '../../src/shared/mailer';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createWebhookRow } from '../factories/webhooks';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, type Mailbox } from '../setup/mailbox';
import { spawnWorker, type ServerProcess } from '../setup/process';
import { startReceiver, type Receiver } from '../setup/webhook-receiver';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; data: T };

/**
 * The transactional outbox: events are written with the change, and delivered by a worker after commit,
 * whenever one runs. Here the server runs without its in-process worker, and `npm run worker`'s entry
 * runs as a real process that is stopped and started again.
 */
describe('outbox delivery through the job queue', () => {
  let mail: Mailbox;
  let t: TestApp;
  let acme: Tenant;
  let manager: StaffFixture;
  let customer: Record<string, string>;
  const workers: ServerProcess[] = [];
  /** In-process workers not yet stopped: a test that fails midway must not leave one taking the next test's jobs. */
  const running = new Set<{ stop: () => Promise<void> }>();

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ SMTP_URL: mail.url, WORKER_ENABLED: 'false' });
    const em = t.em();
    acme = await createTenant(em, { slug: 'outbox-acme' });
    manager = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'MANAGER', email: 'oncall-manager@acme.test' });
    const org = await createCustomerOrg(em, acme, 'OWN');
    const c = await createCustomerUser(em, t.app.runtime.passwords, acme, { org });
    customer = await portalLogin(t, 'outbox-acme', c.email, c.password);
  });
  afterEach(async () => {
    for (const w of [...running]) await w.stop();
  });
  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await t.close();
    await mail.close();
  });

  /** A worker in this process (the class the server and `npm run worker` both run): quick to start and stop. */
  const inProcessWorker = async (heartbeatMs = t.config.worker.heartbeatMs) => {
    const mailer = createMailer({ smtpUrl: mail.url, from: t.config.mailFrom, log: t.app.runtime.log });
    const config = { ...t.config, worker: { ...t.config.worker, pollIntervalMs: 100, heartbeatMs }, webhooks: { ...t.config.webhooks, timeoutMs: 20000, allowPrivateTargets: true } };
    const worker = new NotificationWorker({ config, orm: t.orm, log: t.app.runtime.log, mailer });
    await worker.start();
    const handle = {
      stop: async () => {
        running.delete(handle);
        await worker.stop();
        mailer.close();
      },
    };
    running.add(handle);
    return handle;
  };
  const startWorker = async (env: Record<string, string> = {}) => {
    const w = spawnWorker({ DATABASE_URL: t.db.url, SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100', NODE_ENV: 'test', ...env });
    workers.push(w);
    await w.waitFor(/notifications worker started/, 90000); // swc compiles the sources as they load: slow on a busy machine
    return w;
  };
  const stopWorker = async (w: ServerProcess) => {
    w.proc.kill('SIGTERM');
    const exit = await w.exited;
    expect(exit.code).toBe(0);
    expect(w.output()).toMatch(/"msg":"stopped"/);
  };
  const createTicket = async (title: string) => {
    const res = await t.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'It broke.', priority: 'HIGH' }, customer);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const jobsFor = async (task: string) =>
    Number((await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = ?', [task]))[0].n);
  const mailsTo = (address: string) => mail.messages.filter((m) => m.to.includes(address));

  it('the server runs no worker when told so; the events wait, each with its job, in the same database', async () => {
    expect(t.app.runtime.worker).toBeUndefined();
    const tickets = [await createTicket('Queued one'), await createTicket('Queued two')];
    const events = await t.em().find(OutboxEvent, { type: 'incident.created_by_customer' });
    expect(events.map((e) => e.payload.number).sort()).toEqual(tickets.map((x) => x.number).sort());
    expect(events.every((e) => !e.processedAt)).toBe(true);
    expect(await jobsFor('outbox.dispatch')).toBe(2);
    expect(mailsTo(manager.email)).toHaveLength(0);
    // A mail goes out only after its event is dispatched: both still undispatched after the mailbox was read,
    // so none was on its way (and the next test sees them delivered once a worker runs).
    expect(await t.em().count(OutboxEvent, { processedAt: null })).toBe(2);
    expect(await jobsFor('outbox.dispatch')).toBe(2);
  });

  it('a worker started later delivers everything written while none ran (`npm run worker`), and stops cleanly on SIGTERM', async () => {
    // A separate process, as `npm run worker` runs it (compiled by swc as it loads here, by tsc there).
    const w = await startWorker();
    const first = await mail.next(manager.email, 15000);
    const second = await mail.next(manager.email, 15000);
    expect([first.subject, second.subject].join('\n')).toMatch(/Queued one[\s\S]*Queued two|Queued two[\s\S]*Queued one/);
    await until(async () => (await t.em().count(Delivery, { status: 'SENT' })) === 2);
    expect(await t.em().count(OutboxEvent, { processedAt: null })).toBe(0);
    await stopWorker(w);
  }, 120000);

  it('a worker stopped mid-stream and started again loses nothing', async () => {
    const w = await inProcessWorker();
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => createTicket(`Stream ${i}`)));
    await mail.next(manager.email, 15000);
    await w.stop(); // graceful: jobs in progress finish; the rest stay queued
    const delivered = () => new Set(mailsTo(manager.email).map((m) => /\[(INC-[^\]]+)\]/.exec(m.subject)?.[1]));
    const w2 = await inProcessWorker();
    await until(() => created.every((c) => delivered().has(c.number)));
    await until(async () => (await t.em().count(Delivery, { status: { $ne: 'SENT' } })) === 0);
    expect(await t.em().count(OutboxEvent, { processedAt: null })).toBe(0);
    // A job's row is deleted just after its task commits (graphile-worker completes it in a statement of its
    // own), so the last ones may still be finishing: none may be left once they have.
    await until(async () => (await jobsFor('outbox.dispatch')) + (await jobsFor('delivery.send')) === 0, 5000);
    await w2.stop();
  });

  it('a dispatch that runs again (a retry after a crash) creates no second delivery', async () => {
    const ticket = await createTicket('Dispatched twice');
    const w = await inProcessWorker();
    await until(async () => (await t.em().count(OutboxEvent, { processedAt: null })) === 0);
    await w.stop();
    const event = await t.em().findOneOrFail(OutboxEvent, { payload: { number: ticket.number } });
    const before = await t.em().count(Delivery, { event: event.id });
    // Unmark it and queue it again, as if the worker died after sending but before recording it.
    await t.em().getConnection().execute('UPDATE outbox_events SET processed_at = NULL WHERE id = ?', [event.id]);
    const w2 = await inProcessWorker(); // re-queues undispatched events on start
    await until(async () => (await t.em().count(OutboxEvent, { processedAt: null })) === 0);
    expect(await t.em().count(Delivery, { event: event.id })).toBe(before);
    await w2.stop();
  });

  it('the job of a worker killed mid-delivery is freed once the worker misses six heartbeats, and delivered by another', async () => {
    const receiver: Receiver = await startReceiver();
    try {
      receiver.on('/hang', (n) => (n === 0 ? 'hang' : { status: 200, body: 'ok' }));
      const { endpoint: hang } = await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, acme.id, { url: `${receiver.url}/hang`, eventTypes: ['incident.created_by_customer'] });
      // The worker process opens the endpoint's secret with the server's key.
      const w = await startWorker({
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_TIMEOUT_MS: '60000',
        WORKER_HEARTBEAT_MS: '200',
        WEBHOOK_SECRETS_KEY: t.config.webhooks.secretKeys.current!,
      });
      await createTicket('Killed mid-delivery');
      await receiver.waitFor('/hang', 1, 15000); // the worker is now inside the POST, its job locked
      w.proc.kill('SIGKILL');
      await w.exited;
      const survivor = await inProcessWorker(200);
      const second = await receiver.waitFor('/hang', 2, 15000);
      expect(second[1].headers['x-webhook-id']).toBe(second[0].headers['x-webhook-id']);
      await until(async () => (await t.em().count(Delivery, { channel: 'WEBHOOK', status: 'SENT' })) === 1);
      expect(t.logs.some((l) => l.includes('freed the jobs of queue workers that stopped answering'))).toBe(true);
      await survivor.stop();
      await t.em().getConnection().execute('UPDATE webhook_endpoints SET is_active = false WHERE id = ?', [hang.id]);
    } finally {
      await receiver.close();
    }
  }, 120000);

  it('stopping a worker interrupts a webhook POST in flight (after graphile-worker\'s 5 s grace), records the try and keeps the delivery for later', async () => {
    const receiver: Receiver = await startReceiver();
    try {
      receiver.on('/stall', () => 'hang');
      const { endpoint } = await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, acme.id, { url: `${receiver.url}/stall`, eventTypes: ['incident.created_by_customer'] });
      const w = await inProcessWorker();
      await createTicket('Stalled receiver');
      await receiver.waitFor('/stall', 1);
      const started = Date.now();
      await w.stop();
      expect(Date.now() - started).toBeLessThan(9000);
      const [row] = await t.em().getConnection().execute<{ id: string; status: string; attempts: number; last_error: string; next_attempt_at: string | null }[]>(
        'SELECT id, status, attempts, last_error, next_attempt_at FROM notification_deliveries WHERE endpoint_id = ?',
        [endpoint.id],
      );
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'Interrupted: the worker was stopping.', next_attempt_at: expect.anything() });
      const waiting = await t.em().getConnection().execute<{ n: string }[]>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'delivery.send' AND key = ?`, [`delivery:${row.id}`]);
      expect(waiting[0].n).toBe('1'); // the next try, waiting for a worker
      await t.em().getConnection().execute('UPDATE webhook_endpoints SET is_active = false WHERE id = ?', [endpoint.id]);
    } finally {
      await receiver.close();
    }
  }, 30000);
});
