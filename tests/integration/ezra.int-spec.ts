import { IncidentAnalysis as AnalysisRow } from '../../src/modules/ezra/ezra.entity';
import { runAutoAnalysis } from '../../src/modules/ezra/ezra.auto';
import { NO_PROVIDER_IN_WORKER } from '../../src/modules/ezra/ezra.analyst';
import { runProviderCall } from '../../src/modules/ezra/ezra.provider-job';
import { Delivery } from '../../src/modules/notifications/notification.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import type { Customer } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import type { StaffRole } from '../../src/auth/viewer';
import { createArticle, createCustomerOrg, createCustomerUser, createIncident, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startChatProvider, type ChatProvider } from '../setup/chat-provider';
import { waitForEzraJobs } from '../setup/deliveries';
import { startMailbox, type Mailbox } from '../setup/mailbox';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Analysis = {
  id: string;
  incidentId: string;
  version: number;
  audience: string;
  trigger: string;
  analyzer: string;
  requestedBy: { displayName: string } | null;
  similarIncidents: { number: string; title: string; score: number; status: string; resolutionSummary: string | null }[];
  suggestedArticles: { slug: string; title: string; visibility: string }[];
  suggestedPriority: { priority: string; current: string; reasons: string[] };
  suggestedServiceArea: { area: string | null; reasons: string[] };
  signals: { kind: string; detail: string; suggests: string }[];
  linkedReports: number;
  affectedCustomers: number;
  report: string;
  provider: { status: string; model: string | null; report: string | null; error: string | null; finishedAt: string | null };
};

/** Planted internal text: none of it may ever reach a CUSTOMER report or the provider's CUSTOMER input. */
const SECRETS = {
  tech: 'TECHSECRET-7f3a pool exhausted on db-primary-3',
  internalNote: 'INTERNALNOTE-91bc vendor contract breach suspected',
  internalStatus: 'INTERNALSTATUS-4d2e rollback of build 8812',
  impact: 'IMPACTSECRET-22aa revenue loss 40k per hour',
  blast: 'BLASTSECRET-55cd all EU shards',
  area: 'AREASECRET-payments-core',
  environment: 'ENVSECRET-prod-blue',
  region: 'REGIONSECRET-eu-west-9',
  otherCustomer: 'OTHERCUSTOMER-0c1d checkout gateway 502 for Globex',
  internalKb: 'INTERNALKB-6e6e checkout gateway 502 runbook',
  draftKb: 'DRAFTKB-1f1f checkout gateway 502 draft',
};
const SECRET_PATTERN = /TECHSECRET|INTERNALNOTE|INTERNALSTATUS|IMPACTSECRET|BLASTSECRET|AREASECRET|ENVSECRET|REGIONSECRET|OTHERCUSTOMER|INTERNALKB|DRAFTKB|ASSIGNEENAME|@ezra\.test/;

describe('Ezra, the incident analyst', () => {
  let t: TestApp;
  let acme: Tenant;
  let org: Customer;
  let customer: CustomerFixture;
  const staff: Partial<Record<StaffRole, StaffFixture>> = {};
  let assignee: StaffFixture;
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true' });
    const em = t.em();
    acme = await createTenant(em, { slug: 'ezra-acme' });
    for (const role of ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER'] as StaffRole[]) {
      staff[role] = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role, email: `${role.toLowerCase()}@ezra.test` });
      auth[role] = (await login(t, staff[role]!.email, staff[role]!.password)).auth;
    }
    assignee = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'ENGINEER', email: 'assignee@ezra.test' });
    assignee.user.firstName = 'ASSIGNEENAME';
    await em.flush();
    org = await createCustomerOrg(em, acme, 'OWN', 'Initrode');
    customer = await createCustomerUser(em, t.app.runtime.passwords, acme, { org, name: 'Max Mustermann' });
    auth.customer = await portalLogin(t, 'ezra-acme', customer.email, customer.password);
    const stranger = await createStaff(em, t.app.runtime.passwords, { tenant: await createTenant(em), role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;

    // The fixture set of past incidents for the ranking, and the knowledge base.
    await createIncident(em, acme, {
      title: 'Checkout returns 502 Bad Gateway',
      description: 'Customers get a 502 error when paying at checkout.',
      resolutionSummary: 'Payment gateway connection pool resized.',
      status: 'RESOLVED',
      priority: 'CRITICAL',
      serviceArea: 'payments',
    });
    await createIncident(em, acme, { title: '502 on login page', description: 'Login shows 502 Bad Gateway.', resolutionSummary: 'Auth service restarted.', status: 'RESOLVED', serviceArea: 'authentication' });
    await createIncident(em, acme, { title: 'Payment page slow', description: 'The checkout payment page takes 20 seconds to load.', resolutionSummary: 'CDN cache fixed.', status: 'RESOLVED', priority: 'MEDIUM' });
    await createIncident(em, acme, { title: 'Password reset e-mail not delivered', description: 'Reset e-mails never arrive.', resolutionSummary: 'SMTP credentials rotated.', status: 'RESOLVED' });
    const globex = await createTenant(em, { slug: 'ezra-globex' });
    await createIncident(em, globex, { title: 'Checkout fails with 502', description: 'OTHER-TENANT checkout 502 Bad Gateway at Pay Now.', resolutionSummary: 'OTHER-TENANT fix.' });
    await createArticle(em, acme, { title: 'Checkout errors and payment retries', markdown: 'What to do when checkout shows a 502 error: retry the payment.', category: 'Billing' });
    await createArticle(em, acme, { title: 'Payment gateway runbook', markdown: `${SECRETS.internalKb}. Restart the gateway pool.`, visibility: 'INTERNAL' });
    await createArticle(em, acme, { title: 'Checkout gateway draft', markdown: SECRETS.draftKb, status: 'DRAFT' });
  });
  afterAll(() => t.close());

  const analyze = (who: string, id: string, body: Record<string, unknown> = {}, app = t) =>
    app.rest<Envelope<Analysis>>('POST', `/api/v1/incidents/${id}/analysis`, body, auth[who]);
  const latest = (who: string, id: string, query = '', app = t) => app.rest<Envelope<Analysis>>('GET', `/api/v1/incidents/${id}/analysis${query}`, undefined, auth[who]);
  const history = (who: string, id: string, query = '') =>
    t.rest<Envelope<{ items: Analysis[]; pagination: { total: number } }>>('GET', `/api/v1/incidents/${id}/analyses${query}`, undefined, auth[who]);
  const portalTicket = (app: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', priority: 'MEDIUM', ...body }, { ...auth.customer, ...headers });

  /** A portal ticket with internal text planted everywhere staff can put it. */
  async function plantedIncident(app: TestApp = t): Promise<{ id: string; number: string }> {
    const created = await portalTicket(app, { title: 'Checkout fails with 502', description: 'Getting a 502 Bad Gateway error when clicking Pay Now at checkout.' });
    expect(created.status).toBe(201);
    const { id } = created.body.data;
    await app.rest('PATCH', `/api/v1/incidents/${id}`, {
      version: 1,
      techDescription: SECRETS.tech,
      impactSummary: SECRETS.impact,
      blastRadius: SECRETS.blast,
      serviceArea: SECRETS.area,
      environment: SECRETS.environment,
      region: SECRETS.region,
    }, auth.ENGINEER);
    await app.rest('POST', `/api/v1/incidents/${id}/updates`, { body: SECRETS.internalNote }, auth.ENGINEER);
    await app.rest('POST', `/api/v1/incidents/${id}/updates`, { body: 'We are looking into the checkout errors.', visibility: 'PUBLIC' }, auth.ENGINEER);
    await app.rest('POST', `/api/v1/incidents/${id}/status`, { status: 'INVESTIGATION', internal: true, note: SECRETS.internalStatus }, auth.ENGINEER);
    await app.rest('POST', `/api/v1/incidents/${id}/assign`, { assigneeId: assignee.user.id }, auth.MANAGER);
    // Another customer's report of the same problem: similar, but not this customer's to see.
    await createIncident(app.em(), acme, { title: SECRETS.otherCustomer, description: 'Checkout gateway 502 Bad Gateway at Pay Now.', resolutionSummary: 'OTHERCUSTOMER fix applied.' });
    return created.body.data;
  }

  it('analyzes every portal-created incident once, as a worker job after the commit, for the engineers', async () => {
    const created = await portalTicket(t, { title: 'Webhooks time out', description: 'Our webhook endpoint sees timeouts since noon.' }, { 'idempotency-key': 'ezra-auto-1' });
    expect(created.status).toBe(201);
    await waitForEzraJobs(t);
    const auto = await latest('VIEWER', created.body.data.id);
    expect(auto.status).toBe(200);
    expect(auto.body.data).toMatchObject({ version: 1, trigger: 'AUTO', audience: 'ENGINEER', requestedBy: null, analyzer: 'ezra-deterministic-1', provider: { status: 'NOT_CONFIGURED' } });
    expect(auto.body.data.signals.map((s) => s.kind)).toContain('TIMEOUT');
    expect(auto.body.data.suggestedServiceArea.area).toBe('api');
    // The same request again (idempotent replay) runs nothing new.
    expect((await portalTicket(t, { title: 'Webhooks time out', description: 'Our webhook endpoint sees timeouts since noon.' }, { 'idempotency-key': 'ezra-auto-1' })).status).toBe(201);
    await waitForEzraJobs(t);
    expect((await history('VIEWER', created.body.data.id)).body.data.pagination.total).toBe(1);
    // Staff-created incidents are not analyzed automatically.
    const byStaff = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Staff made', description: 'x', priority: 'LOW' }, auth.ENGINEER);
    await waitForEzraJobs(t);
    expect((await latest('VIEWER', byStaff.body.data.id)).body.errors?.[0].code).toBe('ANALYSIS_NOT_FOUND');
  });

  it('ranks similar past incidents of the same workspace, with scores and how they were resolved', async () => {
    const target = await createIncident(t.em(), acme, {
      title: 'Checkout fails with 502',
      description: 'Getting a 502 Bad Gateway error when clicking Pay Now at checkout. The site is down for all customers.',
      priority: 'MEDIUM',
    });
    const res = await analyze('ENGINEER', target.id);
    expect(res.status).toBe(201);
    const similar = res.body.data.similarIncidents;
    expect(similar.map((s) => s.title)).toEqual(['Checkout returns 502 Bad Gateway', '502 on login page', 'Payment page slow']);
    expect(similar[0]).toMatchObject({ status: 'RESOLVED', resolutionSummary: 'Payment gateway connection pool resized.' });
    expect(similar.every((s, i) => s.score > 0 && s.score <= 1 && (i === 0 || similar[i - 1].score >= s.score))).toBe(true);
    expect(JSON.stringify(res.body.data)).not.toContain('OTHER-TENANT');

    expect(res.body.data.suggestedArticles.map((a) => a.title)).toEqual(['Checkout errors and payment retries', 'Payment gateway runbook']);
    expect(res.body.data.suggestedPriority).toMatchObject({ priority: 'CRITICAL', current: 'MEDIUM' });
    expect(res.body.data.suggestedPriority.reasons.join('\n')).toMatch(/Outage words: "is down", "all customers" → CRITICAL/);
    expect(res.body.data.suggestedPriority.reasons.join('\n')).toMatch(/Server error codes: "502", "bad gateway" → HIGH/);
    expect(res.body.data.suggestedServiceArea).toMatchObject({ area: 'payments' });
    expect(res.body.data.report).toContain('## Similar incidents');
    expect(res.body.data.report).toContain('Payment gateway connection pool resized.');
  });

  it('counts linked reports and affected customers as signals', async () => {
    const em = t.em();
    const parent = await createIncident(em, acme, { title: 'Dashboard widgets empty', description: 'Widgets show no data.', priority: 'LOW' });
    for (const name of ['A', 'B', 'C']) {
      const o = await createCustomerOrg(em, acme, 'OWN', `Org ${name}`);
      const c = await createCustomerUser(em, t.app.runtime.passwords, acme, { org: o });
      await createIncident(em, acme, { title: `Report ${name}`, description: 'Widgets empty.', reporter: c.user, parent });
    }
    const res = await analyze('ENGINEER', parent.id);
    expect(res.body.data).toMatchObject({ linkedReports: 3, affectedCustomers: 3 });
    expect(res.body.data.signals.filter((s) => ['AFFECTED_CUSTOMERS', 'LINKED_REPORTS'].includes(s.kind))).toEqual([
      { kind: 'AFFECTED_CUSTOMERS', detail: '3 customers affected', suggests: 'HIGH' },
      { kind: 'LINKED_REPORTS', detail: '3 linked reports', suggests: 'HIGH' },
    ]);
    expect(res.body.data.suggestedPriority.priority).toBe('HIGH');
    expect(res.body.data.similarIncidents.map((s) => s.title)).not.toContain('Report A'); // its own reports are not "similar"
  });

  it('writes a report per audience, numbers the runs and keeps them all', async () => {
    const { id, number } = await plantedIncident();
    await waitForEzraJobs(t); // the automatic run is version 1
    const engineer = await analyze('ENGINEER', number, { audience: 'ENGINEER' });
    const leadership = await analyze('MANAGER', id, { audience: 'LEADERSHIP' });
    expect([engineer.body.data.version, leadership.body.data.version]).toEqual([2, 3]);
    expect(engineer.body.data.report).toContain(SECRETS.tech); // engineers get internal data
    expect(engineer.body.data.report).toContain(SECRETS.internalNote);
    expect(engineer.body.data.requestedBy).toEqual({ id: staff.ENGINEER!.user.id, displayName: 'Ada Lovelace' });
    const brief = leadership.body.data.report;
    expect(brief).toMatch(/^# Leadership brief: INC-/);
    expect(brief).toContain(SECRETS.impact);
    expect(brief).toMatch(/## SLA\n- State: (OK|AT_RISK|BREACHED)\n- First response: due .* UTC, done .* UTC \(met\)/);
    expect(brief).toContain('- Investigation ');

    const all = await history('VIEWER', id);
    expect(all.body.data.items.map((a) => [a.version, a.audience, a.trigger])).toEqual([
      [3, 'LEADERSHIP', 'MANUAL'],
      [2, 'ENGINEER', 'MANUAL'],
      [1, 'ENGINEER', 'AUTO'],
    ]);
    expect((await history('VIEWER', id, '?audience=leadership')).body.data.items.map((a) => a.version)).toEqual([3]);
    expect((await latest('VIEWER', id, '?audience=engineer')).body.data.version).toBe(2);
    expect((await latest('VIEWER', id, '?audience=customer')).status).toBe(404);
    expect((await latest('VIEWER', id, '?audience=customer')).body.errors?.[0].code).toBe('ANALYSIS_NOT_FOUND');
    expect((await analyze('ENGINEER', id, { audience: 'BOARD' })).status).toBe(400);
    expect((await analyze('ENGINEER', id, { audience: 7 })).status).toBe(400);
    expect((await analyze('ENGINEER', id, { audience: 'CUSTOMER', extra: 1 })).status).toBe(400);
  });

  it('the CUSTOMER report holds customer-visible data only', async () => {
    const { id, number } = await plantedIncident();
    const res = await analyze('ENGINEER', id, { audience: 'CUSTOMER' });
    expect(res.status).toBe(201);
    const report = res.body.data.report;
    expect(report).toMatch(new RegExp(`^# Update on your report ${number}: Checkout fails with 502`));
    expect(report).toContain('We are looking into the checkout errors.');
    expect(report).toContain('Checkout errors and payment retries'); // a PUBLIC published article
    expect(report).not.toMatch(SECRET_PATTERN);
    expect(report).not.toMatch(/Payment gateway runbook|Checkout gateway draft|Checkout returns 502|502 on login page/);
    // Positive control: the planted text is there for staff, so its absence above means something.
    const engineer = await analyze('ENGINEER', id, { audience: 'ENGINEER' });
    expect(engineer.body.data.report).toContain(SECRETS.tech);
    expect(engineer.body.data.report).toContain(SECRETS.internalStatus);
    expect(engineer.body.data.report).toContain('ASSIGNEENAME');
  });

  it('enforces the role matrix: ENGINEER and above run Ezra, all staff read runs, customers and anonymous callers get nothing', async () => {
    const incident = await createIncident(t.em(), acme, { title: 'Role check', reporter: customer.user });
    for (const who of ['VIEWER', 'RESPONDER']) expect((await analyze(who, incident.id)).status).toBe(403);
    expect((await analyze('customer', incident.id)).status).toBe(403); // a valid token of the other kind
    expect((await t.rest('POST', `/api/v1/incidents/${incident.id}/analysis`, {})).status).toBe(401);
    expect((await analyze('MANAGER', incident.id)).status).toBe(201);
    expect((await latest('VIEWER', incident.id)).status).toBe(200);
    expect((await latest('customer', incident.id)).status).toBe(403);
    expect((await history('customer', incident.id)).status).toBe(403);
    const gql = await t.gql(`query($id: ID!) { incidentAnalysis(incidentId: $id) { report } }`, { id: incident.id }, auth.customer);
    expect(gql.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const refused = await t.gql(`mutation($id: ID!) { analyzeIncident(id: $id) { id } }`, { id: incident.id }, auth.RESPONDER);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const runs = await t.gql<{ incidentAnalyses: { items: { version: number; trigger: string }[] }; incidentAnalysis: { audience: string } }>(
      `query($id: ID!) { incidentAnalyses(incidentId: $id) { items { version trigger } } incidentAnalysis(incidentId: $id) { audience } }`,
      { id: incident.id },
      auth.VIEWER,
    );
    expect(runs.data).toEqual({ incidentAnalyses: { items: [{ version: 1, trigger: 'MANUAL' }] }, incidentAnalysis: { audience: 'ENGINEER' } });
  });

  const autoJobs = async (incidentId: string) =>
    Number((await t.em().getConnection().execute<{ n: string }[]>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'ezra.auto' AND key = ?`, [`ezra.auto:${incidentId}`]))[0].n);
  /** The queued provider job of a staff run, if any: graphile-worker deletes a job once it succeeded. */
  const providerJob = async (analysisId: string) =>
    (
      await t.em().getConnection().execute<{ attempts: number; locked_by: string | null; last_error: string | null }[]>(
        `SELECT attempts, locked_by, last_error FROM graphile_worker.jobs WHERE task_identifier = 'ezra.provider' AND key = ?`,
        [`ezra.provider:${analysisId}`],
      )
    )[0];
  const autoRuns = (incidentId: string) => t.em().count(AnalysisRow, { incident: incidentId, trigger: 'AUTO' });
  /** Runs `body` with this file's in-process worker stopped (other apps on the database then do the work, or none). */
  const withoutMainWorker = async (body: () => Promise<void>) => {
    await t.app.runtime.worker!.stop();
    try {
      await body();
    } finally {
      await t.app.runtime.worker!.start();
    }
  };

  it('runs nothing automatically with EZRA_AUTO_ANALYZE=false in the worker that dispatches the ticket\'s event', async () => {
    await withoutMainWorker(async () => {
      const off = await startTestApp({ WORKER_ENABLED: 'true', EZRA_AUTO_ANALYZE: 'false' }, { sameDatabaseAs: t });
      try {
        const created = await portalTicket(off, { title: 'No automatic run', description: 'Quiet please.' });
        expect(created.status).toBe(201);
        await waitForEzraJobs(off); // the event is dispatched by off's worker
        expect(await t.em().count(OutboxEvent, { type: 'incident.created_by_customer', payload: { incidentId: created.body.data.id }, processedAt: { $ne: null } })).toBe(1);
        expect(await autoJobs(created.body.data.id)).toBe(0);
        expect((await latest('VIEWER', created.body.data.id, '', off)).body.errors?.[0].code).toBe('ANALYSIS_NOT_FOUND');
        // Staff can still run Ezra on it.
        expect((await analyze('ENGINEER', created.body.data.id, {}, off)).body.data).toMatchObject({ version: 1, trigger: 'MANUAL' });
      } finally {
        await off.close();
      }
    });
  });

  it('a ticket committed while no worker runs is analyzed once one starts: the run waits in the queue, not in the server', async () => {
    let id = '';
    await withoutMainWorker(async () => {
      // A server without a worker takes the ticket and goes away: nothing of the run is left in any process.
      const server = await startTestApp({ WORKER_ENABLED: 'false' }, { sameDatabaseAs: t });
      const created = await portalTicket(server, { title: 'Queued while down', description: 'Exports time out since the upgrade.' });
      expect(created.status).toBe(201);
      id = created.body.data.id;
      await server.close();
      const [event] = await t.em().find(OutboxEvent, { type: 'incident.created_by_customer', payload: { incidentId: id } });
      const waiting = await t.em().getConnection().execute<{ n: string }[]>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ?`, [`outbox:${event.id}`]);
      expect(waiting[0].n).toBe('1');
      expect(await autoRuns(id)).toBe(0);
    }); // the worker starts again
    await waitForEzraJobs(t);
    const auto = await latest('VIEWER', id);
    expect(auto.body.data).toMatchObject({ version: 1, trigger: 'AUTO', audience: 'ENGINEER', requestedBy: null });
    expect(auto.body.data.signals.map((s) => s.kind)).toContain('TIMEOUT');
    expect(await autoJobs(id)).toBe(0); // done, so gone from the queue
  });

  it('an automatic run that runs twice, one after the other or at once, stores one analysis', async () => {
    const created = await portalTicket(t, { title: 'Run me twice', description: 'Search returns 500 for every query.' });
    await waitForEzraJobs(t);
    expect(await autoRuns(created.body.data.id)).toBe(1);
    // The same job queued again (a retry after a crash between storing and finishing), run by the worker.
    const [event] = await t.em().find(OutboxEvent, { type: 'incident.created_by_customer', payload: { incidentId: created.body.data.id } });
    await t.em().getConnection().execute(`SELECT enqueue_job('ezra.auto', ?::json, null, null, ?)`, [
      JSON.stringify({ tenantId: acme.id, incidentId: created.body.data.id, eventId: event.id }),
      `ezra.auto:${created.body.data.id}`,
    ]);
    await waitForEzraJobs(t);
    expect(await autoJobs(created.body.data.id)).toBe(0); // it ran (and succeeded)
    expect((await history('VIEWER', created.body.data.id)).body.data.items.map((a) => [a.version, a.trigger])).toEqual([[1, 'AUTO']]);

    // Two tries at once (a job freed from a stalled worker while it still runs): one stores, the other finds it stored.
    const other = await createIncident(t.em(), acme, { title: 'Raced twice', description: 'Uploads fail with 502.', reporter: customer.user });
    const job = { tenantId: acme.id, incidentId: other.id, eventId: event.id };
    const deps = { config: t.config, log: t.app.runtime.log };
    const outcomes = await Promise.all([runAutoAnalysis(t.em(), deps, job), runAutoAnalysis(t.em(), deps, job)]);
    expect(outcomes.sort()).toEqual(['skipped', 'stored']);
    expect(await autoRuns(other.id)).toBe(1);
    // A job naming another workspace's tenant stores nothing: the incident is not found there.
    const foreign = await createTenant(t.em());
    const fresh = await createIncident(t.em(), acme, { title: 'Not theirs', reporter: customer.user });
    expect(await runAutoAnalysis(t.em(), deps, { ...job, incidentId: fresh.id, tenantId: foreign.id })).toBe('skipped');
    expect(await t.em().count(AnalysisRow, { incident: fresh.id })).toBe(0);
  });

  it("another workspace's incident answers exactly like a missing one", async () => {
    const incident = await createIncident(t.em(), acme, { title: 'Tenant check' });
    await analyze('ENGINEER', incident.id);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, suffix, body] of [
      ['POST', '/analysis', {}],
      ['GET', '/analysis', undefined],
      ['GET', '/analyses', undefined],
    ] as const) {
      const theirs = await t.rest(method, `/api/v1/incidents/${incident.id}${suffix}`, body, auth.stranger);
      const none = await t.rest(method, `/api/v1/incidents/${missing}${suffix}`, body, auth.stranger);
      expect([suffix, theirs.status, theirs.text]).toEqual([suffix, 404, none.text]);
    }
    expect(await t.em().count(AnalysisRow, { incident: incident.id })).toBe(1);
  });

  describe('with a provider configured', () => {
    let provider: ChatProvider;
    let p: TestApp;
    let mail: Mailbox;
    beforeAll(async () => {
      provider = await startChatProvider();
      mail = await startMailbox();
      // p's worker alone runs the jobs here (t's has no provider), with one notification slot: were Ezra's jobs
      // to take it, the ticket e-mails below would wait for them.
      await t.app.runtime.worker!.stop();
      p = await startTestApp(
        { WORKER_ENABLED: 'true', EZRA_PROVIDER_URL: provider.baseUrl, EZRA_MODEL: 'test-model', EZRA_API_KEY: 'test-key-123', SMTP_URL: mail.url, WORKER_CONCURRENCY: '1', WORKER_POLL_INTERVAL_MS: '100' },
        { sameDatabaseAs: t },
      );
    });
    afterAll(async () => {
      provider.release();
      await p.close();
      await provider.close();
      await mail.close();
      await t.app.runtime.worker!.start();
    });
    const answering = () => (provider.mode = { kind: 'answer', content: () => 'PROVIDER-REPORT: all good.' });
    const mailedAbout = (number: string) => mail.messages.some((m) => m.to.includes(staff.MANAGER!.email) && m.subject.includes(number));

    it('sends the same structured input and stores the answer beside the deterministic report', async () => {
      const incident = await createIncident(t.em(), acme, { title: 'Provider run', description: 'Search is slow.', techDescription: 'TECH-FOR-ENGINEERS' });
      provider.requests.length = 0;
      const res = await analyze('ENGINEER', incident.id, { audience: 'ENGINEER' }, p);
      expect(res.status).toBe(201);
      expect(res.body.data.provider).toMatchObject({ status: 'PENDING', model: 'test-model', report: null });
      await waitForEzraJobs(p);
      const stored = await latest('VIEWER', incident.id, '', p);
      expect(stored.body.data.report).toBe(res.body.data.report); // the deterministic report stays
      expect(stored.body.data.provider).toMatchObject({ status: 'SUCCEEDED', model: 'test-model-served', report: 'PROVIDER-REPORT: all good.', error: null, finishedAt: expect.any(String) });
      expect(provider.requests).toHaveLength(1);
      const [req] = provider.requests;
      expect(req).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
      expect(req.headers.authorization).toBe('Bearer test-key-123');
      expect(req.json.model).toBe('test-model');
      const input = JSON.parse(req.json.messages!.find((m) => m.role === 'user')!.content);
      expect(input).toMatchObject({ audience: 'ENGINEER', incident: { title: 'Provider run', techDescription: 'TECH-FOR-ENGINEERS' } });
      expect(input.analysis.suggestedPriority.priority).toBe(res.body.data.suggestedPriority.priority);
    });

    it('the provider\'s CUSTOMER input holds customer-visible data only', async () => {
      const { id } = await plantedIncident(p);
      await waitForEzraJobs(p); // the automatic run's provider call is done before counting requests
      provider.requests.length = 0;
      provider.mode = { kind: 'answer', content: (r) => `Echo: ${r.body}` };
      const res = await analyze('ENGINEER', id, { audience: 'CUSTOMER' }, p);
      await waitForEzraJobs(p);
      expect(provider.requests).toHaveLength(1);
      const body = provider.requests[0].body;
      expect(body).toContain('Checkout fails with 502');
      expect(body).toContain('We are looking into the checkout errors.');
      expect(body).not.toMatch(SECRET_PATTERN);
      const input = JSON.parse(provider.requests[0].json.messages!.find((m) => m.role === 'user')!.content);
      expect(Object.keys(input).sort()).toEqual(['articles', 'asOf', 'audience', 'incident', 'updates']);
      expect(input.incident).not.toHaveProperty('techDescription');
      const stored = await latest('VIEWER', id, '?audience=customer', p);
      expect(stored.body.data.provider.status).toBe('SUCCEEDED');
      expect(stored.body.data.provider.report).not.toMatch(SECRET_PATTERN);
      expect(res.body.data.report).not.toMatch(SECRET_PATTERN);
      provider.mode = { kind: 'answer', content: () => 'PROVIDER-REPORT: all good.' };
    });

    it('records a failing provider without its body, and the deterministic run stands', async () => {
      const incident = await createIncident(t.em(), acme, { title: 'Provider failure' });
      provider.mode = { kind: 'status', status: 500 };
      try {
        const res = await analyze('ENGINEER', incident.id, {}, p);
        expect(res.status).toBe(201);
        await waitForEzraJobs(p);
        const stored = await latest('VIEWER', incident.id, '', p);
        expect(stored.body.data.provider).toMatchObject({ status: 'FAILED', report: null, error: 'The provider answered HTTP 500.' });
        expect(stored.text).not.toContain('SECRET-PROVIDER-DETAIL');
        expect(stored.body.data.report).toContain('# Engineering analysis');
      } finally {
        provider.mode = { kind: 'answer', content: () => 'PROVIDER-REPORT: all good.' };
      }
    });

    it('answers the portal create at once; the automatic run waits for the provider in the worker while the ticket\'s e-mail goes out', async () => {
      provider.mode = { kind: 'hold' };
      provider.requests.length = 0;
      let id = '';
      try {
        const created = await portalTicket(p, { title: 'Held provider', description: 'Invoices page shows a 503.' });
        expect(created.status).toBe(201);
        id = created.body.data.id;
        // The deterministic run is stored and the provider has the request, but has not answered it yet.
        await until(() => provider.requests.length === 1, 'the provider request');
        const pending = await latest('VIEWER', id, '', p);
        expect(pending.body.data).toMatchObject({ trigger: 'AUTO', provider: { status: 'PENDING' } });
        await until(() => mailedAbout(created.body.data.number), 'the on-call e-mail');
        expect(await autoJobs(id)).toBe(1); // still running
      } finally {
        provider.release();
        answering();
      }
      await waitForEzraJobs(p);
      expect((await latest('VIEWER', id, '', p)).body.data.provider).toMatchObject({ status: 'SUCCEEDED', report: 'PROVIDER-REPORT: released.' });
    });

    it('runs at most EZRA_MAX_CONCURRENT automatic runs at once, and notifications never wait for them', async () => {
      provider.mode = { kind: 'hold' };
      provider.requests.length = 0;
      const tickets: { id: string; number: string }[] = [];
      try {
        for (const title of ['Held one', 'Held two', 'Held three']) tickets.push((await portalTicket(p, { title, description: 'Reports page is down.' })).body.data);
        // Two runs sit in the provider call; the third waits in the queue; every ticket's e-mail is sent.
        await until(() => provider.requests.length === 2, 'two provider requests');
        await until(() => tickets.every((x) => mailedAbout(x.number)), 'the on-call e-mails');
        const [jobs] = await t.em().getConnection().execute<{ total: string; running: string }[]>(
          `SELECT count(*) AS total, count(*) FILTER (WHERE locked_by IS NOT NULL) AS running FROM graphile_worker.jobs WHERE task_identifier = 'ezra.auto'`,
        );
        expect(jobs).toEqual({ total: '3', running: '2' });
        expect(provider.requests).toHaveLength(2);
      } finally {
        answering();
        provider.release();
      }
      await waitForEzraJobs(p);
      expect(provider.requests).toHaveLength(3);
      for (const x of tickets) expect((await latest('VIEWER', x.id, '', p)).body.data.provider.status).toBe('SUCCEEDED');
    });

    it('a provider failure in the automatic run is recorded on the run, ends the job, and the ticket is notified as usual', async () => {
      provider.mode = { kind: 'status', status: 500 };
      try {
        const created = await portalTicket(p, { title: 'Provider down', description: 'Billing page shows a 500.' });
        await waitForEzraJobs(p);
        const stored = await latest('VIEWER', created.body.data.id, '', p);
        expect(stored.body.data).toMatchObject({ trigger: 'AUTO', provider: { status: 'FAILED', report: null, error: 'The provider answered HTTP 500.' } });
        expect(stored.body.data.report).toContain('# Engineering analysis');
        expect(await autoJobs(created.body.data.id)).toBe(0); // recorded, not retried
        const [event] = await t.em().find(OutboxEvent, { type: 'incident.created_by_customer', payload: { incidentId: created.body.data.id } });
        await until(async () => (await t.em().count(Delivery, { event: event.id, status: 'SENT' })) === 1, 'the delivery');
        expect(mailedAbout(created.body.data.number)).toBe(true);
      } finally {
        answering();
      }
    });

    it('a staff run answers at once with the deterministic report; the provider is asked by a worker job keyed by the run', async () => {
      const incident = await createIncident(t.em(), acme, { title: 'Held staff run', description: 'Exports return 504.' });
      provider.mode = { kind: 'hold' };
      provider.requests.length = 0;
      let analysisId = '';
      try {
        const res = await analyze('ENGINEER', incident.id, { audience: 'LEADERSHIP' }, p);
        expect(res.status).toBe(201);
        analysisId = res.body.data.id;
        expect(res.body.data).toMatchObject({ trigger: 'MANUAL', audience: 'LEADERSHIP', provider: { status: 'PENDING', model: 'test-model', report: null } });
        expect(res.body.data.report).toMatch(/^# Leadership brief: INC-/);
        // The call is in flight inside the worker's job, not in the request.
        await until(() => provider.requests.length === 1, 'the provider request');
        const job = await providerJob(analysisId);
        expect(job).toMatchObject({ attempts: 1, locked_by: expect.any(String) });
        expect((await latest('VIEWER', incident.id, '', p)).body.data.provider.status).toBe('PENDING');
      } finally {
        provider.release();
        answering();
      }
      await waitForEzraJobs(p);
      expect(await providerJob(analysisId)).toBeUndefined(); // done, so gone from the queue
      expect((await latest('VIEWER', incident.id, '', p)).body.data.provider).toMatchObject({ status: 'SUCCEEDED', report: 'PROVIDER-REPORT: released.' });
      const input = JSON.parse(provider.requests[0].json.messages!.find((m) => m.role === 'user')!.content);
      expect(input).toMatchObject({ audience: 'LEADERSHIP', incident: { title: 'Held staff run' } });
    });

    it('a staff run taken while no worker runs keeps its provider call queued: PENDING until a worker starts, then answered once', async () => {
      const incident = await createIncident(t.em(), acme, { title: 'Queued staff run', description: 'Imports fail with 500.' });
      provider.requests.length = 0;
      await p.app.runtime.worker!.stop();
      let analysisId = '';
      try {
        // A server without a worker takes the request and goes away: nothing of the call is left in any process.
        const server = await startTestApp(
          { EZRA_PROVIDER_URL: provider.baseUrl, EZRA_MODEL: 'test-model', WORKER_ENABLED: 'false' },
          { sameDatabaseAs: t },
        );
        try {
          const res = await analyze('ENGINEER', incident.id, {}, server);
          expect(res.status).toBe(201);
          expect(res.body.data.provider.status).toBe('PENDING');
          analysisId = res.body.data.id;
        } finally {
          await server.close();
        }
        expect(await providerJob(analysisId)).toMatchObject({ attempts: 0, locked_by: null });
        expect((await latest('VIEWER', incident.id, '', p)).body.data.provider.status).toBe('PENDING');
        expect(provider.requests).toHaveLength(0);
      } finally {
        await p.app.runtime.worker!.start();
      }
      await waitForEzraJobs(p);
      expect(provider.requests).toHaveLength(1);
      expect(await providerJob(analysisId)).toBeUndefined();
      expect((await latest('VIEWER', incident.id, '', p)).body.data.provider).toMatchObject({ status: 'SUCCEEDED', model: 'test-model-served', report: 'PROVIDER-REPORT: all good.' });
    });

    it('a provider job run twice, one after the other or at once, stores one answer', async () => {
      const deps = { config: p.config, log: p.app.runtime.log };
      // One after the other: the job queued again after it succeeded finds the run answered and asks nothing.
      const first = await createIncident(t.em(), acme, { title: 'Provider job twice', description: 'Search is empty.' });
      provider.requests.length = 0;
      const done = (await analyze('ENGINEER', first.id, {}, p)).body.data;
      await waitForEzraJobs(p);
      expect(provider.requests).toHaveLength(1);
      provider.mode = { kind: 'answer', content: () => 'SECOND-ANSWER' };
      try {
        await t.em().getConnection().execute(`SELECT enqueue_job('ezra.provider', ?::json, null, null, ?)`, [
          JSON.stringify({ tenantId: acme.id, analysisId: done.id }),
          `ezra.provider:${done.id}`,
        ]);
        await waitForEzraJobs(p);
        expect(provider.requests).toHaveLength(1);
        expect((await latest('VIEWER', first.id, '', p)).body.data.provider.report).toBe('PROVIDER-REPORT: all good.');

        // At once (a job freed from a stalled worker while it still runs): both ask, the first answer stays.
        const second = await createIncident(t.em(), acme, { title: 'Provider job raced', description: 'Login is slow.' });
        await p.app.runtime.worker!.stop();
        try {
          const pendingId = (await analyze('ENGINEER', second.id, {}, p)).body.data.id;
          let n = 0;
          provider.mode = { kind: 'answer', content: () => `RACED-ANSWER-${++n}` };
          const job = { tenantId: acme.id, analysisId: pendingId };
          expect(await Promise.all([runProviderCall(t.em(), deps, job), runProviderCall(t.em(), deps, job)])).toEqual(['asked', 'asked']);
          expect(provider.requests).toHaveLength(3);
          const stored = (await latest('VIEWER', second.id, '', p)).body.data.provider;
          expect(stored.status).toBe('SUCCEEDED');
          expect(['RACED-ANSWER-1', 'RACED-ANSWER-2']).toContain(stored.report);
          // The queued job runs later and finds it answered.
          await p.app.runtime.worker!.start();
          await waitForEzraJobs(p);
          expect(provider.requests).toHaveLength(3);
          expect((await latest('VIEWER', second.id, '', p)).body.data.provider).toMatchObject({ status: 'SUCCEEDED', report: stored.report, finishedAt: stored.finishedAt });
          expect(await history('VIEWER', second.id).then((h) => h.body.data.pagination.total)).toBe(1);
        } finally {
          if (!p.app.runtime.worker!.running) await p.app.runtime.worker!.start();
        }
      } finally {
        answering();
      }
    });

    it('a provider job taken by a worker without a provider records why on the run instead of leaving it PENDING', async () => {
      const incident = await createIncident(t.em(), acme, { title: 'Worker without provider' });
      provider.requests.length = 0;
      await p.app.runtime.worker!.stop();
      try {
        const res = await analyze('ENGINEER', incident.id, {}, p);
        expect(res.body.data.provider.status).toBe('PENDING');
        const job = { tenantId: acme.id, analysisId: res.body.data.id };
        // A job naming another workspace finds no run there: nothing is asked or recorded.
        const foreign = await createTenant(t.em());
        expect(await runProviderCall(t.em(), { config: p.config, log: p.app.runtime.log }, { ...job, tenantId: foreign.id })).toBe('skipped');
        expect((await latest('VIEWER', incident.id, '', p)).body.data.provider.status).toBe('PENDING');
        const deps = { config: t.config, log: t.app.runtime.log }; // t has no provider
        expect(await runProviderCall(t.em(), deps, job)).toBe('no-provider');
      } finally {
        await p.app.runtime.worker!.start();
      }
      await waitForEzraJobs(p);
      expect(provider.requests).toHaveLength(0);
      expect((await latest('VIEWER', incident.id, '', p)).body.data.provider).toMatchObject({ status: 'FAILED', report: null, error: NO_PROVIDER_IN_WORKER });
    });

    it('an automatic run left PENDING and tried again by a worker without a provider records why instead of staying PENDING', async () => {
      const incident = await createIncident(t.em(), acme, { title: 'Auto run, then no provider', description: 'Exports hang.', reporter: customer.user });
      const job = { tenantId: acme.id, incidentId: incident.id, eventId: incident.id };
      provider.mode = { kind: 'hold' };
      provider.requests.length = 0;
      const stop = new AbortController();
      const first = runAutoAnalysis(t.em(), { config: p.config, log: p.app.runtime.log }, job, stop.signal).catch((e: Error) => e);
      try {
        await until(() => provider.requests.length === 1, 'the provider request');
        stop.abort(); // the try is cut off, as a stopping worker cuts it off
        await first;
      } finally {
        answering();
        provider.release();
      }
      expect((await latest('VIEWER', incident.id, '', p)).body.data.provider.status).toBe('PENDING');
      expect(await runAutoAnalysis(t.em(), { config: t.config, log: t.app.runtime.log }, job)).toBe('no-provider'); // t has no provider
      expect((await latest('VIEWER', incident.id, '', p)).body.data.provider).toMatchObject({ status: 'FAILED', report: null, error: NO_PROVIDER_IN_WORKER });
    });

    it('a worker stopped during the provider call leaves the run PENDING and its job queued; the next worker asks again, and one run stays', async () => {
      provider.mode = { kind: 'hold' };
      provider.requests.length = 0;
      let id = '';
      try {
        const created = await portalTicket(p, { title: 'Stopped mid-call', description: 'Search page times out.' });
        id = created.body.data.id;
        await until(() => provider.requests.length === 1, 'the provider request');
        await p.app.runtime.worker!.stop(); // graphile-worker's grace, then the call is cut off and the try fails
      } finally {
        answering();
        provider.release();
      }
      expect((await latest('VIEWER', id, '', p)).body.data.provider.status).toBe('PENDING');
      const [job] = await t.em().getConnection().execute<{ attempts: number; last_error: string | null }[]>(
        `SELECT attempts, last_error FROM graphile_worker.jobs WHERE key = ?`,
        [`ezra.auto:${id}`],
      );
      expect(job.attempts).toBe(1);
      expect(job.last_error).toBeTruthy();
      await p.app.runtime.worker!.start();
      await waitForEzraJobs(p);
      expect(provider.requests).toHaveLength(2);
      expect((await history('VIEWER', id)).body.data.items.map((a) => [a.version, a.trigger])).toEqual([[1, 'AUTO']]);
      expect((await latest('VIEWER', id, '', p)).body.data.provider).toMatchObject({ status: 'SUCCEEDED', report: 'PROVIDER-REPORT: all good.' });
    }, 30000);
  });

  it('makes no outbound call without a provider, and queues no provider job', async () => {
    const incident = await createIncident(t.em(), acme, { title: 'Offline run' });
    await withoutMainWorker(async () => {
      // No worker runs, so a job queued with the run would still be in the queue.
      const res = await analyze('ENGINEER', incident.id);
      expect(res.status).toBe(201);
      expect(res.body.data.provider).toEqual({ status: 'NOT_CONFIGURED', model: null, report: null, error: null, finishedAt: null });
      expect(await providerJob(res.body.data.id)).toBeUndefined();
      const [queued] = await t.em().getConnection().execute<{ n: string }[]>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'ezra.provider'`);
      expect(queued.n).toBe('0');
    });
  });
});
