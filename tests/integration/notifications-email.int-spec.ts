import type { StaffRole } from '../../src/auth/viewer';
import { runSlaCheck } from '../../src/modules/incident/sla-check';
import type { Customer } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, type Mailbox, type ReceivedMail } from '../setup/mailbox';
import { afterMarker } from '../setup/deliveries';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Ticket = { id: string; number: string; version?: number };
type Preference = { kind: string; enabled: boolean; isDefault: boolean };

/** Planted internal text: none of it may reach any e-mail. */
const INTERNAL = {
  techDescription: 'TECHDESC-SECRET-41b7 replica lag on pg-eu-3',
  impactSummary: 'IMPACT-SECRET-0c2e 12% of EU checkouts',
  blastRadius: 'BLAST-SECRET-9d1f payments cluster',
  serviceArea: 'AREA-SECRET-77aa',
  environment: 'ENV-SECRET-5b3c',
  region: 'REGION-SECRET-e8d0',
  note: 'INTERNAL-NOTE-SECRET-2f6a vendor to blame',
  statusNote: 'INTERNAL-STATUS-SECRET-a19c root cause unknown',
};

describe('notification e-mails', () => {
  let mail: Mailbox;
  let t: TestApp;
  let acme: Tenant;
  const staff: Partial<Record<StaffRole, StaffFixture>> = {};
  const auth: Record<string, Record<string, string>> = {};
  let reporter: CustomerFixture;
  let follower: CustomerFixture; // same sharing organization, opts in
  let bystander: CustomerFixture; // same sharing organization, does not opt in
  let otherManager: StaffFixture;
  let org: Customer; // shares its tickets (ORGANIZATION)

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'mail-acme' });
    for (const role of ['ENGINEER', 'MANAGER', 'ADMIN'] as StaffRole[]) {
      staff[role] = await createStaff(em, hasher, { tenant: acme, role, email: `${role.toLowerCase()}@mail-acme.test` });
      auth[role] = (await login(t, staff[role]!.email, staff[role]!.password)).auth;
    }
    await createStaff(em, hasher, { tenant: acme, role: 'MANAGER', email: 'gone-manager@mail-acme.test', active: false });
    otherManager = await createStaff(em, hasher, { tenant: await createTenant(em), role: 'MANAGER', email: 'manager@elsewhere.test' });
    org = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initech');
    reporter = await createCustomerUser(em, hasher, acme, { org, email: 'rita@initech.test', name: 'Rita Reporter' });
    follower = await createCustomerUser(em, hasher, acme, { org, email: 'fred@initech.test', name: 'Fred Follower' });
    bystander = await createCustomerUser(em, hasher, acme, { org, email: 'bob@initech.test', name: 'Bob Bystander' });
    for (const [name, c] of [
      ['reporter', reporter],
      ['follower', follower],
      ['bystander', bystander],
    ] as const) {
      auth[name] = await portalLogin(t, 'mail-acme', c.email, c.password);
    }
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const about = (number: string, to?: string) => mail.messages.filter((m) => m.subject.includes(`[${number}]`) && (!to || m.to.includes(to)));
  /** Every delivery settled after a marker: a mail about the ticket whose subject (and text) has `words` (tests/setup/deliveries.ts afterMarker). */
  const settle = (number: string, to: string, words: string) =>
    afterMarker(t, until(() => about(number, to).some((m) => m.subject.includes(words) || m.text.includes(words)), `a mail to ${to} with "${words}"`, 20000));
  const recipients = (mails: ReceivedMail[]) => mails.flatMap((m) => m.to).sort();

  const createTicket = async (title = 'Checkout broken') => {
    const res = await t.rest<Envelope<Ticket>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'Pay Now returns 500.', priority: 'HIGH' }, auth.reporter);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const staffUpdate = (id: string, body: string, visibility: 'PUBLIC' | 'INTERNAL') =>
    t.rest('POST', `/api/v1/incidents/${id}/updates`, { body, visibility }, auth.ENGINEER).then((r) => expect(r.status).toBe(201));
  const status = (id: string, body: Record<string, unknown>) => t.rest('POST', `/api/v1/incidents/${id}/status`, body, auth.ENGINEER).then((r) => expect(r.status).toBe(200));
  const setPreference = (who: string, kind: string, enabled: boolean) =>
    t.rest<Envelope<Preference[]>>('PUT', `/api/v1/notification-preferences/${kind}`, { enabled }, auth[who]);

  it("a customer's new ticket e-mails the on-call recipients, by default the active MANAGERs and ADMINs, in text and HTML", async () => {
    const ticket = await createTicket('Checkout broken');
    await settle(ticket.number, 'manager@mail-acme.test', 'New ticket');
    const mails = about(ticket.number);
    expect(recipients(mails)).toEqual(['admin@mail-acme.test', 'manager@mail-acme.test']);
    const m = mails[0];
    expect(m.subject).toBe(`[${ticket.number}] New ticket from Rita Reporter (Initech): Checkout broken`);
    for (const part of [m.text, m.html]) {
      expect(part).toContain(ticket.number);
      expect(part).toContain('Pay Now returns 500.');
      expect(part).toContain('High');
    }
    expect(m.html).toMatch(/^<!doctype html>/);
    expect(mail.messages.some((x) => x.to.includes(otherManager.email))).toBe(false);
  });

  it('customer comments and SLA breaches go to the on-call recipients; configured addresses replace the default', async () => {
    const set = await t.rest<Envelope<{ isDefault: boolean; recipients: { email: string; staffUserId: string | null }[] }>>(
      'PUT',
      '/api/v1/on-call-recipients',
      { emails: ['Engineer@mail-acme.test', 'oncall-team@mail-acme.test'] },
      auth.ADMIN,
    );
    expect(set.status).toBe(200);
    expect(set.body.data).toEqual({
      isDefault: false,
      recipients: [
        { email: 'engineer@mail-acme.test', staffUserId: staff.ENGINEER!.user.id, displayName: 'Ada Lovelace' },
        { email: 'oncall-team@mail-acme.test', staffUserId: null, displayName: null },
      ],
    });
    expect((await t.rest('PUT', '/api/v1/on-call-recipients', { emails: [] }, auth.MANAGER)).status).toBe(403);
    expect((await t.rest('PUT', '/api/v1/on-call-recipients', { emails: ['not an address'] }, auth.ADMIN)).status).toBe(400);

    const ticket = await createTicket('Comment and breach');
    const comment = await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Still broken after the retry.' }, auth.reporter);
    expect(comment.status).toBe(201);
    await t.em().getConnection().execute(`UPDATE incidents SET response_due_at = now() - interval '1 minute' WHERE id = ?`, [ticket.id]);
    await runSlaCheck(t.em());
    await settle(ticket.number, 'engineer@mail-acme.test', 'SLA breached (response)');

    const mails = about(ticket.number);
    const commentMails = mails.filter((m) => m.subject.includes('commented'));
    expect(recipients(commentMails)).toEqual(['engineer@mail-acme.test', 'oncall-team@mail-acme.test']);
    expect(commentMails[0].text).toContain('Still broken after the retry.');
    const breach = mails.filter((m) => m.subject.includes('SLA breached (response)'));
    expect(recipients(breach)).toEqual(['engineer@mail-acme.test', 'oncall-team@mail-acme.test']);
    expect(mails.filter((m) => m.to.includes('manager@mail-acme.test') && !m.subject.includes('New ticket'))).toEqual([]);

    const reset = await t.rest<Envelope<{ isDefault: boolean; recipients: { email: string }[] }>>('PUT', '/api/v1/on-call-recipients', { emails: [] }, auth.ADMIN);
    expect(reset.body.data.isDefault).toBe(true);
    expect(reset.body.data.recipients.map((r) => r.email)).toEqual(['admin@mail-acme.test', 'manager@mail-acme.test']);
  });

  it('an assignment e-mails the assignee', async () => {
    const ticket = await createTicket('To be assigned');
    const res = await t.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.MANAGER);
    expect(res.status).toBe(200);
    await settle(ticket.number, 'engineer@mail-acme.test', 'Assigned to you');
    const mails = about(ticket.number, 'engineer@mail-acme.test');
    expect(mails.map((m) => m.subject)).toEqual([`[${ticket.number}] Assigned to you: To be assigned`]);
    expect(mails[0].text).toMatch(/^Hello Ada Lovelace,/);
  });

  it('customers hear of public updates and public status changes: the reporter, and organization members who opted in', async () => {
    const optIn = await setPreference('follower', 'ORGANIZATION_TICKETS', true);
    expect(optIn.status).toBe(200);
    expect(optIn.body.data.find((p) => p.kind === 'ORGANIZATION_TICKETS')).toMatchObject({ enabled: true, isDefault: false });

    const ticket = await createTicket('Followed ticket');
    await settle(ticket.number, 'admin@mail-acme.test', 'New ticket');
    expect(about(ticket.number).filter((m) => m.to.some((a) => a.endsWith('@initech.test')))).toEqual([]); // a new ticket is for the staff

    await staffUpdate(ticket.id, 'We found the cause and are deploying a fix.', 'PUBLIC');
    await staffUpdate(ticket.id, 'Internal only chatter', 'INTERNAL');
    await status(ticket.id, { status: 'ACKNOWLEDGED' });
    await status(ticket.id, { status: 'INVESTIGATION', internal: true, note: 'quiet move' });
    await settle(ticket.number, 'rita@initech.test', 'Status: Acknowledged');

    const customerMails = about(ticket.number).filter((m) => m.to.some((a) => a.endsWith('@initech.test')));
    expect(recipients(customerMails)).toEqual(['fred@initech.test', 'fred@initech.test', 'rita@initech.test', 'rita@initech.test']);
    const toRita = about(ticket.number, 'rita@initech.test');
    expect(toRita.map((m) => m.subject).sort()).toEqual([`[${ticket.number}] New update: Followed ticket`, `[${ticket.number}] Status: Acknowledged - Followed ticket`]);
    const update = toRita.find((m) => m.subject.includes('New update'))!;
    expect(update.text).toMatch(/^Hello Rita Reporter,/);
    expect(update.text).toContain('We found the cause and are deploying a fix.');
    expect(update.text).toContain('because you reported this ticket');
    expect(update.html).toContain('We found the cause and are deploying a fix.');
    expect(about(ticket.number, 'fred@initech.test')[0].text).toContain("because you follow your organization's tickets");
    expect(about(ticket.number, 'bob@initech.test')).toEqual([]);
  });

  it('who is told of a ticket is who may read it: an organization that stops sharing takes both from its members, sharing again gives both back', async () => {
    expect((await setPreference('follower', 'ORGANIZATION_TICKETS', true)).status).toBe(200); // `bystander` did not opt in
    const ticket = await createTicket('Sharing switch');
    const share = (sharingMode: 'OWN' | 'ORGANIZATION') =>
      t.rest('PATCH', `/api/v1/customers/${org.id}`, { sharingMode }, auth.MANAGER).then((r) => expect(r.status).toBe(200));
    const readers = async () => {
      const who: string[] = [];
      for (const [name, c] of [['reporter', reporter], ['follower', follower], ['bystander', bystander]] as const) {
        const res = await t.rest('GET', `/api/v1/portal/tickets/${ticket.id}`, undefined, auth[name]);
        expect([200, 404]).toContain(res.status);
        if (res.status === 200) who.push(c.email);
      }
      return who.sort();
    };
    const toldOf = async (body: string) => {
      await staffUpdate(ticket.id, body, 'PUBLIC');
      await settle(ticket.number, 'rita@initech.test', body);
      return recipients(about(ticket.number).filter((m) => m.text.includes(body) && m.to.some((a) => a.endsWith('@initech.test'))));
    };
    try {
      await share('OWN');
      expect(await readers()).toEqual(['rita@initech.test']);
      expect(await toldOf('An update while the organization keeps its tickets apart.')).toEqual(['rita@initech.test']);

      await share('ORGANIZATION');
      expect(await readers()).toEqual(['bob@initech.test', 'fred@initech.test', 'rita@initech.test']);
      // Of those who may read it: the reporter, and the members who opted in.
      expect(await toldOf('An update while the organization shares its tickets.')).toEqual(['fred@initech.test', 'rita@initech.test']);
    } finally {
      await share('ORGANIZATION');
    }
  });

  it('no e-mail, to customers or staff, carries internal fields, internal updates or internal status notes', async () => {
    const ticket = await createTicket('Planted ticket');
    const current = await t.rest<Envelope<{ version: number }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.ENGINEER);
    const { note, statusNote, ...fields } = INTERNAL;
    const patched = await t.rest('PATCH', `/api/v1/incidents/${ticket.id}`, { version: current.body.data.version, ...fields }, auth.ENGINEER);
    expect(patched.status).toBe(200);
    await staffUpdate(ticket.id, note, 'INTERNAL');
    await status(ticket.id, { status: 'ACKNOWLEDGED', internal: true, note: statusNote });
    await status(ticket.id, { status: 'INVESTIGATION', note: 'Looking into it.' });
    await staffUpdate(ticket.id, 'A public word.', 'PUBLIC');
    await t.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: staff.ENGINEER!.user.id }, auth.MANAGER);
    await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Thanks.' }, auth.reporter);
    await status(ticket.id, { status: 'RESOLVED', resolutionSummary: 'Fixed the replica.' });
    await settle(ticket.number, 'rita@initech.test', 'Status: Resolved');

    const mails = about(ticket.number);
    expect(mails.length).toBeGreaterThanOrEqual(6);
    expect(about(ticket.number, 'rita@initech.test').map((m) => m.subject).sort()).toEqual([
      `[${ticket.number}] New update: Planted ticket`,
      `[${ticket.number}] Status: Investigation - Planted ticket`,
      `[${ticket.number}] Status: Resolved - Planted ticket`,
    ]);
    for (const m of mails) {
      for (const secret of Object.values(INTERNAL)) {
        expect([m.subject, secret, m.text.includes(secret), m.html.includes(secret)]).toEqual([m.subject, secret, false, false]);
      }
    }
    const resolved = about(ticket.number, 'rita@initech.test').find((m) => m.subject.includes('Resolved'))!;
    expect(resolved.text).toContain('Fixed the replica.');
  });

  it('each kind can be turned off by its recipient, through GraphQL too; kinds are per kind of user', async () => {
    const prefs = await t.gql<{ notificationPreferences: Preference[] }>('{ notificationPreferences { kind enabled isDefault } }', undefined, auth.MANAGER);
    expect(prefs.data?.notificationPreferences.map((p) => p.kind)).toEqual(['NEW_CUSTOMER_TICKET', 'CUSTOMER_COMMENT', 'SLA_BREACH', 'INCIDENT_ASSIGNED']);
    const off = await t.gql<{ setNotificationPreference: Preference[] }>(
      'mutation($kind: NotificationKind!, $enabled: Boolean!) { setNotificationPreference(kind: $kind, enabled: $enabled) { kind enabled isDefault } }',
      { kind: 'NEW_CUSTOMER_TICKET', enabled: false },
      auth.MANAGER,
    );
    expect(off.data?.setNotificationPreference[0]).toEqual({ kind: 'NEW_CUSTOMER_TICKET', enabled: false, isDefault: false });
    expect((await setPreference('reporter', 'TICKET_PUBLIC_UPDATE', false)).status).toBe(200);

    const wrongKind = await setPreference('MANAGER', 'TICKET_PUBLIC_UPDATE', false);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors?.[0]).toMatchObject({ field: 'kind' });
    expect((await setPreference('reporter', 'SLA_BREACH', false)).status).toBe(400);
    expect((await t.rest('GET', '/api/v1/notification-preferences')).status).toBe(401);
    const customerKinds = await t.rest<Envelope<Preference[]>>('GET', '/api/v1/notification-preferences', undefined, auth.bystander);
    expect(customerKinds.body.data).toEqual([
      expect.objectContaining({ kind: 'TICKET_STATUS_CHANGE', enabled: true, isDefault: true }),
      expect.objectContaining({ kind: 'TICKET_PUBLIC_UPDATE', enabled: true, isDefault: true }),
      expect.objectContaining({ kind: 'ORGANIZATION_TICKETS', enabled: false, isDefault: true }),
    ]);

    const ticket = await createTicket('Quiet ticket');
    await staffUpdate(ticket.id, 'Public news.', 'PUBLIC');
    await status(ticket.id, { status: 'ACKNOWLEDGED' });
    await settle(ticket.number, 'rita@initech.test', 'Status: Acknowledged');
    expect(recipients(about(ticket.number).filter((m) => m.subject.includes('New ticket')))).toEqual(['admin@mail-acme.test']);
    expect(about(ticket.number, 'rita@initech.test').map((m) => m.subject)).toEqual([`[${ticket.number}] Status: Acknowledged - Quiet ticket`]);
    expect(about(ticket.number, 'fred@initech.test')).toHaveLength(2); // the follower's own choices stand
  });
});
