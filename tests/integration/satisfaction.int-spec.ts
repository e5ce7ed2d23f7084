import { randomUUID } from 'node:crypto';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import type { Customer } from '../../src/modules/customer/customer.entity';
import { ratingLinksOf } from '../../src/modules/satisfaction/rating-links';
import { IncidentRating } from '../../src/modules/satisfaction/satisfaction.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { waitForDeliveries } from '../setup/deliveries';
import { expectSafePage, follow, hiddenValue, linkIn, open, submit, textOf } from '../setup/link-pages';
import { startMailbox, type Mailbox } from '../setup/mailbox';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Ticket = { id: string; number: string };
type Summary = {
  count: number;
  average: number | null;
  distribution: { score: number; count: number }[];
  byAssignee: { assignee: { id: string } | null; count: number; average: number | null }[];
};

const DAY_MS = 86_400_000;

describe('satisfaction ratings (CSAT) of resolved tickets', () => {
  let mail: Mailbox;
  let t: TestApp;
  let acme: Tenant;
  let globex: Tenant;
  let org: Customer;
  let engineer: StaffFixture;
  let rita: CustomerFixture;
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'csat-acme', name: 'Acme Support' });
    globex = await createTenant(em, { slug: 'csat-globex' });
    engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER', email: 'engineer@csat.test' });
    const manager = await createStaff(em, hasher, { tenant: acme, role: 'MANAGER', email: 'manager@csat.test' });
    const viewer = await createStaff(em, hasher, { tenant: acme, role: 'VIEWER', email: 'viewer@csat.test' });
    const globexAdmin = await createStaff(em, hasher, { tenant: globex, role: 'ADMIN', email: 'admin@globex-csat.test' });
    for (const [name, s] of Object.entries({ engineer, manager, viewer, globexAdmin })) auth[name] = (await login(t, s.email, s.password)).auth;
    org = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initech');
    rita = await createCustomerUser(em, hasher, acme, { org, email: 'rita@csat.test', name: 'Rita Reporter' });
    const fred = await createCustomerUser(em, hasher, acme, { org, email: 'fred@csat.test', name: 'Fred Colleague' });
    const otto = await createCustomerUser(em, hasher, acme, { email: 'otto@csat.test', name: 'Otto Outsider' });
    const gina = await createCustomerUser(em, hasher, globex, { email: 'gina@csat.test' });
    auth.rita = await portalLogin(t, 'csat-acme', rita.email, rita.password);
    auth.fred = await portalLogin(t, 'csat-acme', fred.email, fred.password);
    auth.otto = await portalLogin(t, 'csat-acme', otto.email, otto.password);
    auth.gina = await portalLogin(t, 'csat-globex', gina.email, gina.password);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const createTicket = async (title: string, who = 'rita') => {
    const res = await t.rest<Envelope<Ticket>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'Pay Now returns 500.', priority: 'HIGH' }, auth[who]);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const assign = async (id: string, assignee: StaffFixture | null) =>
    expect((await t.rest('POST', `/api/v1/incidents/${id}/assign`, { assigneeId: assignee?.user.id ?? null }, auth.manager)).status).toBe(200);
  const resolve = async (id: string) => expect((await t.rest('POST', `/api/v1/incidents/${id}/status`, { status: 'RESOLVED', resolutionSummary: 'Fixed the replica.' }, auth.engineer)).status).toBe(200);
  const resolvedTicket = async (title: string, assignee: StaffFixture | null = engineer) => {
    const ticket = await createTicket(title);
    if (assignee) await assign(ticket.id, assignee);
    await resolve(ticket.id);
    return ticket;
  };
  const rate = (id: string, body: Record<string, unknown>, who = 'rita', door: 'portal' | 'customer' = 'portal') =>
    t.rest<Envelope<{ ticketId: string; score: number; comment: string | null }>>('POST', door === 'portal' ? `/api/v1/portal/tickets/${id}/rating` : `/api/v1/customer/incidents/${id}/rating`, body, auth[who]);
  const ticketRow = async (id: string) =>
    (await t.em().getConnection().execute<{ status: string; version: number; updated_at: Date }[]>('SELECT status, version, updated_at FROM incidents WHERE id = ?', [id]))[0];
  const ratingsOf = (id: string) => t.em().fork().find(IncidentRating, { incident: id });

  it("the resolution e-mail carries a signed link; its page records the reporter's score once and reopens nothing", async () => {
    const ticket = await resolvedTicket('Checkout broken');
    await waitForDeliveries(t);
    const resolution = mail.messages.find((m) => m.to.includes(rita.email) && m.subject === `[${ticket.number}] Status: Resolved - Checkout broken`);
    expect(resolution).toBeDefined();
    const link = linkIn(resolution!, '/portal/rate-ticket');
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^rate\./);
    expect(resolution!.html).toContain('How did we do? Rate this ticket');

    const page = await open(follow(t, link));
    expect(page.status).toBe(200);
    expectSafePage(page, token);
    expect(hiddenValue(page, 'token')).toBe(token);
    expect(await ratingsOf(ticket.id)).toHaveLength(0); // opening the link records nothing
    const before = await ticketRow(ticket.id);

    const bad = await submit(page, { score: '9' });
    expect(bad.status).toBe(400);
    expect(await ratingsOf(ticket.id)).toHaveLength(0);
    const done = await submit(page, { score: '4', comment: 'Quick <and> kind.' });
    expect(done.status).toBe(200);
    expectSafePage(done);
    expect(textOf(done.html)).toContain('Thank you: your rating is recorded.');
    const [row] = await ratingsOf(ticket.id);
    expect(row).toMatchObject({ score: 4, comment: 'Quick <and> kind.', source: 'EMAIL_LINK' });
    expect(row.assignee?.id).toBe(engineer.user.id);
    expect(row.rater.id).toBe(rita.user.id);

    const again = await submit(page, { score: '1' });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('This ticket has been rated already.');
    expect(await ratingsOf(ticket.id)).toHaveLength(1);
    expect(await ticketRow(ticket.id)).toEqual(before); // nothing reopened, no new version, not even updatedAt
    expect(await t.em().count(AuditEntry, { action: 'ticket.rated', targetId: ticket.id, actorId: rita.user.id })).toBe(1);
  });

  it('refuses tampered, expired and foreign links with INVALID_RATING_LINK (GraphQL extensions.code), changing nothing', async () => {
    const ticket = await resolvedTicket('Links refused');
    const links = ratingLinksOf(t.config);
    const claims = { tenantId: acme.id, incidentId: ticket.id, customerUserId: rita.user.id };
    const valid = links.sign({ ...claims, expiresAt: new Date(Date.now() + DAY_MS) });
    const [prefix, body, mac] = valid.split('.');
    const otherBody = Buffer.from(JSON.stringify([acme.id, ticket.id, randomUUID(), Math.floor(Date.now() / 1000) + 3600])).toString('base64url');
    const refused = [
      links.sign({ ...claims, expiresAt: new Date(Date.now() - 1000) }),
      `${prefix}.${otherBody}.${mac}`,
      `${prefix}.${body}.${mac.slice(0, -2)}AA`,
      'rate.not-a-token.at-all',
    ];
    const mutation = 'mutation($i: RateTicketWithLinkInput!) { rateTicketWithLink(input: $i) { ticketId score } }';
    for (const token of refused) {
      const res = await t.gql(mutation, { i: { token, score: 5 } });
      expect(res.errors?.[0].extensions?.code).toBe('INVALID_RATING_LINK');
    }
    expect(await ratingsOf(ticket.id)).toHaveLength(0);
    const ok = await t.gql<{ rateTicketWithLink: { ticketId: string; score: number } }>(mutation, { i: { token: valid, score: 5 } });
    expect(ok.data?.rateTicketWithLink).toEqual({ ticketId: ticket.id, score: 5 });
    const twice = await t.gql(mutation, { i: { token: valid, score: 5 } });
    expect(twice.errors?.[0].extensions?.code).toBe('ALREADY_RATED');
  });

  it('from the portal (both doors and GraphQL): once, only when resolved, only by the reporter; another customer’s ticket answers like a missing one', async () => {
    const ticket = await createTicket('Portal rating');
    const early = await rate(ticket.id, { score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.errors?.[0].code).toBe('TICKET_NOT_RESOLVED');
    await resolve(ticket.id);
    const before = await ticketRow(ticket.id);

    for (const bad of [{ score: 6 }, { score: 0 }, { score: 2.5 }, { score: 3, comment: 'x'.repeat(2001) }, {}]) {
      const res = await rate(ticket.id, bad);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await rate(ticket.id, { score: 5, stars: 5 })).body.errors?.[0].field).toBe('stars');
    expect(await ratingsOf(ticket.id)).toHaveLength(0);

    const colleague = await rate(ticket.id, { score: 1 }, 'fred'); // sees the ticket through the organization
    expect(colleague.status).toBe(403);
    expect(colleague.body.errors?.[0].code).toBe('RATING_NOT_ALLOWED');

    for (const stranger of ['otto', 'gina']) {
      const missing = randomUUID();
      const [real, ghost] = [await rate(ticket.id, { score: 1 }, stranger), await rate(missing, { score: 1 }, stranger)];
      expect(real.status).toBe(404);
      expect(real.body.errors?.[0].code).toBe('INCIDENT_NOT_FOUND');
      expect(real.text.replaceAll(ticket.id, missing)).toBe(ghost.text);
    }

    const done = await rate(ticket.number, { score: 5, comment: '  Great help.  ' });
    expect(done.status).toBe(201);
    expect(done.body.data).toEqual({ ticketId: ticket.id, score: 5, comment: 'Great help.', createdAt: expect.any(String) });
    const again = await rate(ticket.id, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0].code).toBe('ALREADY_RATED');
    expect(await ratingsOf(ticket.id)).toHaveLength(1);
    expect(await ticketRow(ticket.id)).toEqual(before);

    const scrubbe = await resolvedTicket('Scrubbe door');
    expect((await rate(scrubbe.number, { score: 3 }, 'rita', 'customer')).status).toBe(201);

    const gql = await resolvedTicket('GraphQL door');
    const mutation = 'mutation($id: ID!, $i: RateTicketInput!) { rateTicket(ticketId: $id, input: $i) { ticketId score comment } }';
    const invalid = await t.gql(mutation, { id: gql.id, i: { score: 7 } }, auth.rita);
    expect(invalid.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const ok = await t.gql<{ rateTicket: { score: number } }>(mutation, { id: gql.id, i: { score: 2 } }, auth.rita);
    expect(ok.data?.rateTicket.score).toBe(2);
    expect((await t.gql(mutation, { id: gql.id, i: { score: 2 } }, auth.engineer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(mutation, { id: gql.id, i: { score: 2 } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  // issue 15, portal types: the new-style mutations beside the old ones, the same service, answers and refusals.
  it.each([
    ['rateTicket', 'mutation($id: ID!, $score: Int!, $comment: String) { r: rateTicket(ticketId: $id, input: { score: $score, comment: $comment }) { ticketId score comment } }', (d: unknown) => d],
    [
      'ticketRate',
      'mutation($id: ID!, $score: Int!, $comment: String) { r: ticketRate(input: { ticketId: $id, score: $score, comment: $comment }) { rating { ticketId score comment } } }',
      (d: unknown) => (d as { rating: unknown } | null)?.rating ?? null,
    ],
  ] as const)('%s over GraphQL: stores the rating once; colleague RATING_NOT_ALLOWED, stranger like missing, staff FORBIDDEN, score checked', async (_name, mutation, ratingOf) => {
    const ticket = await resolvedTicket(`Rated by ${_name}`);
    const call = (id: string, score: number, who?: string) => t.gql<{ r: unknown }>(mutation, { id, score, comment: ' Fine. ' }, who ? auth[who] : undefined);
    expect((await call(ticket.id, 7, 'rita')).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((await call(ticket.id, 1, 'fred')).errors?.[0].extensions?.code).toBe('RATING_NOT_ALLOWED');
    const missing = randomUUID();
    const [real, ghost] = [await call(ticket.id, 1, 'otto'), await call(missing, 1, 'otto')];
    expect(real.errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');
    expect(JSON.stringify(real.errors).replaceAll(ticket.id, missing)).toBe(JSON.stringify(ghost.errors));
    expect((await call(ticket.id, 2, 'engineer')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call(ticket.id, 2)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await ratingsOf(ticket.id)).toHaveLength(0);
    const ok = await call(ticket.number, 4, 'rita');
    expect(ok.errors).toBeUndefined();
    expect(ratingOf(ok.data?.r)).toEqual({ ticketId: ticket.id, score: 4, comment: 'Fine.' });
    expect(await ratingsOf(ticket.id)).toHaveLength(1);
    expect((await call(ticket.id, 4, 'rita')).errors?.[0].extensions?.code).toBe('ALREADY_RATED');
  });

  it.each([
    ['rateTicketWithLink', 'mutation($i: RateTicketWithLinkInput!) { r: rateTicketWithLink(input: $i) { ticketId score } }', (d: unknown) => d],
    ['ticketRateWithLink', 'mutation($i: TicketRateWithLinkInput!) { r: ticketRateWithLink(input: $i) { rating { ticketId score } } }', (d: unknown) => (d as { rating: unknown } | null)?.rating ?? null],
  ] as const)('%s: the signed link rates once without signing in; a tampered one is INVALID_RATING_LINK', async (_name, mutation, ratingOf) => {
    const ticket = await resolvedTicket(`Link rated by ${_name}`);
    const valid = ratingLinksOf(t.config).sign({ tenantId: acme.id, incidentId: ticket.id, customerUserId: rita.user.id, expiresAt: new Date(Date.now() + DAY_MS) });
    expect((await t.gql(mutation, { i: { token: `${valid.slice(0, -2)}AA`, score: 5 } })).errors?.[0].extensions?.code).toBe('INVALID_RATING_LINK');
    expect(await ratingsOf(ticket.id)).toHaveLength(0);
    const ok = await t.gql<{ r: unknown }>(mutation, { i: { token: valid, score: 5 } });
    expect(ok.errors).toBeUndefined();
    expect(ratingOf(ok.data?.r)).toEqual({ ticketId: ticket.id, score: 5 });
    expect(await ratingsOf(ticket.id)).toHaveLength(1);
    expect((await t.gql(mutation, { i: { token: valid, score: 5 } })).errors?.[0].extensions?.code).toBe('ALREADY_RATED');
  });

  it(`accepts ratings within CSAT_WINDOW_DAYS (${14}) of the resolution and refuses them after`, async () => {
    const late = await resolvedTicket('Rated too late');
    await t.em().getConnection().execute('UPDATE incidents SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 14 * DAY_MS - 60_000), late.id]);
    const refused = await rate(late.id, { score: 4 });
    expect(refused.status).toBe(409);
    expect(refused.body.errors?.[0].code).toBe('RATING_WINDOW_CLOSED');
    expect(await ratingsOf(late.id)).toHaveLength(0);

    const inTime = await resolvedTicket('Rated in time');
    await t.em().getConnection().execute('UPDATE incidents SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 13 * DAY_MS), inTime.id]);
    expect((await rate(inTime.id, { score: 4 })).status).toBe(201);

    // Closed after its resolution, a ticket can still be rated; reopened, it cannot.
    const closed = await resolvedTicket('Closed since');
    expect((await t.rest('POST', `/api/v1/incidents/${closed.id}/status`, { status: 'CLOSED' }, auth.engineer)).status).toBe(200);
    expect((await rate(closed.id, { score: 3 })).status).toBe(201);
    const reopened = await resolvedTicket('Reopened since');
    expect((await t.rest('POST', `/api/v1/incidents/${reopened.id}/status`, { status: 'OPEN', note: 'Back again.' }, auth.engineer)).status).toBe(200);
    expect((await rate(reopened.id, { score: 3 })).body.errors?.[0].code).toBe('TICKET_NOT_RESOLVED');
  });

  it('staff see each incident’s ratings; customers never do', async () => {
    const ticket = await resolvedTicket('Seen by staff');
    expect((await rate(ticket.id, { score: 2, comment: 'Slow.' })).status).toBe(201);
    const rest = await t.rest<Envelope<{ rating: { score: number; comment: string; source: string; raterName: string } }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.viewer);
    expect(rest.body.data.rating).toEqual({ id: expect.any(String), score: 2, comment: 'Slow.', source: 'PORTAL', raterName: 'Rita Reporter', createdAt: expect.any(String) });
    const staff = await t.gql<{ incidents: { items: { id: string; rating: { score: number } | null }[] } }>('{ incidents(limit: 100) { items { id rating { score } } } }', undefined, auth.viewer);
    expect(staff.data?.incidents.items.find((i) => i.id === ticket.id)?.rating).toEqual({ score: 2 });
    expect(staff.data?.incidents.items.filter((i) => i.rating).length).toBe(await t.em().count(IncidentRating, { tenant: acme.id }));

    // The portal's Ticket has no rating at all: asking fails validation, before anything is read.
    const portal = await t.gql<{ ticket: { id: string; rating: unknown } }>('query($id: ID!) { ticket(id: $id) { id rating { score comment } } }', { id: ticket.id }, auth.rita);
    expect(portal.data).toBeUndefined();
    expect(portal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(portal.errors)).not.toContain('Slow.');
    const portalRest = await t.rest('GET', `/api/v1/portal/tickets/${ticket.id}`, undefined, auth.rita);
    expect(portalRest.text).not.toContain('Slow.');
    // Another tenant's staff: the incident is a missing one.
    expect((await t.gql('query($id: ID!) { incident(id: $id) { rating { score } } }', { id: ticket.id }, auth.globexAdmin)).errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');
  });

  it('summarizes ratings per assignee and per period, with averages and counts (GraphQL and REST)', async () => {
    // A workspace of its own, so the numbers are exactly these.
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    const stats = await createTenant(em, { slug: 'csat-stats' });
    const ann = await createStaff(em, hasher, { tenant: stats, role: 'MANAGER', email: 'ann@csat-stats.test' });
    const bob = await createStaff(em, hasher, { tenant: stats, role: 'ENGINEER', email: 'bob@csat-stats.test' });
    const statsAuth = (await login(t, ann.email, ann.password)).auth;
    const customer = await createCustomerUser(em, hasher, stats, { email: 'cara@csat-stats.test' });
    const customerAuth = await portalLogin(t, 'csat-stats', customer.email, customer.password);
    const rated = async (score: number, assignee: StaffFixture | null) => {
      const ticket = (await t.rest<Envelope<Ticket>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: `Scored ${score}`, description: 'x', priority: 'LOW' }, customerAuth)).body.data;
      if (assignee) expect((await t.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: assignee.user.id }, statsAuth)).status).toBe(200);
      expect((await t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Done.' }, statsAuth)).status).toBe(200);
      expect((await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/rating`, { score }, customerAuth)).status).toBe(201);
      return ticket;
    };
    await rated(5, ann);
    const old = await rated(4, ann);
    await rated(2, bob);
    await rated(3, null);
    await em.getConnection().execute('UPDATE incident_ratings SET created_at = ? WHERE incident_id = ?', [new Date(Date.now() - 40 * DAY_MS), old.id]);

    const query = 'query($f: RatingSummaryFilterInput) { incidentRatingSummary(filter: $f) { count average distribution { score count } byAssignee { assignee { id } count average } } }';
    const summary = async (f?: Record<string, unknown>, who = statsAuth) => (await t.gql<{ incidentRatingSummary: Summary }>(query, { f }, who)).data?.incidentRatingSummary;
    expect(await summary()).toEqual({
      count: 4,
      average: 3.5,
      distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 1 ? 0 : 1 })),
      byAssignee: [
        { assignee: { id: ann.user.id }, count: 2, average: 4.5 },
        { assignee: { id: bob.user.id }, count: 1, average: 2 },
        { assignee: null, count: 1, average: 3 },
      ],
    });
    const from = new Date(Date.now() - 30 * DAY_MS).toISOString();
    expect(await summary({ from })).toMatchObject({ count: 3, average: 3.33 });
    expect(await summary({ assigneeId: ann.user.id })).toMatchObject({ count: 2, average: 4.5, byAssignee: [{ assignee: { id: ann.user.id }, count: 2 }] });
    expect(await summary({ assigneeId: ann.user.id, from })).toMatchObject({ count: 1, average: 5 });
    expect(await summary({ to: from })).toMatchObject({ count: 1, average: 4 });
    const empty = { count: 0, average: null, byAssignee: [] };
    expect(await summary({ assigneeId: engineer.user.id })).toMatchObject(empty); // another tenant's staff member: nothing, like a missing one
    expect(await summary({ assigneeId: randomUUID() })).toMatchObject(empty);

    const rest = await t.rest<Envelope<Summary>>('GET', `/api/v1/incidents/ratings/summary?from=${encodeURIComponent(from)}&assigneeId=${ann.user.id}`, undefined, statsAuth);
    expect(rest.status).toBe(200);
    expect(rest.body.data).toMatchObject({ from, to: null, count: 1, average: 5 });
    // An id that is none matches nothing, as in every list filter; a period ending before it starts is refused.
    const nobody = await t.rest<Envelope<Summary>>('GET', '/api/v1/incidents/ratings/summary?assigneeId=nobody', undefined, statsAuth);
    expect(nobody.body.data).toMatchObject(empty);
    const backwards = await t.rest<Envelope>('GET', `/api/v1/incidents/ratings/summary?from=${encodeURIComponent(from)}&to=2020-01-01T00:00:00Z`, undefined, statsAuth);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors?.[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    expect((await t.rest('GET', '/api/v1/incidents/ratings/summary', undefined, customerAuth)).status).toBe(403);
    expect((await t.rest('GET', '/api/v1/incidents/ratings/summary')).status).toBe(401);
    // acme's numbers are acme's: the stats workspace's ratings are not in them.
    expect((await summary(undefined, auth.viewer))?.count).toBe(await em.count(IncidentRating, { tenant: acme.id }));
  });
});
