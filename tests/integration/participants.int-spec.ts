import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import type { Customer } from '../../src/modules/customer/customer.entity';
import { ratingLinkMaker } from '../../src/modules/satisfaction/rating-links';
import { IncidentRating } from '../../src/modules/satisfaction/satisfaction.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { afterMarker, waitForDeliveries } from '../setup/deliveries';
import { startMailbox, type Mailbox } from '../setup/mailbox';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Ticket = { id: string; number: string };
type Participant = { id: string; displayName: string; email?: string | null; addedByKind?: string | null };

/**
 * Ticket participants (issue 19): the reporter adds colleagues of the ticket's organization, staff add and
 * remove them, a participant leaves. Participants see, comment on, follow (graphql-ws) and get the e-mails of
 * the ticket whatever the organization's sharing mode, and lose all of it at once when removed. Refusals
 * over GraphQL and REST; the CSAT_PARTICIPANTS_MAY_RATE setting.
 */
describe('ticket participants', () => {
  let mail: Mailbox;
  let t: TestApp;
  let rating: TestApp; // a second server on the same database, with CSAT_PARTICIPANTS_MAY_RATE=true
  let acme: Tenant;
  let own: Customer;
  let shared: Customer;
  const users: Record<string, CustomerFixture> = {};
  const auth: Record<string, Record<string, string>> = {};
  const clients: Client[] = [];

  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100', EZRA_AUTO_ANALYZE: 'false' });
    rating = await startTestApp({ WORKER_ENABLED: 'false', CSAT_PARTICIPANTS_MAY_RATE: 'true' }, { sameDatabaseAs: t });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'part-acme', name: 'Acme Support' });
    const globex = await createTenant(em, { slug: 'part-globex' });
    own = await createCustomerOrg(em, acme, 'OWN', 'Umbrella');
    shared = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initech');
    const other = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Hooli');
    const people: [string, Tenant, Customer | null, string][] = [
      ['rita', acme, own, 'Rita Reporter'],
      ['pete', acme, own, 'Pete Colleague'],
      ['paula', acme, own, 'Paula Colleague'],
      ['sam', acme, shared, 'Sam Sharer'],
      ['sara', acme, shared, 'Sara Sharer'],
      ['otto', acme, other, 'Otto Outsider'],
      ['nora', acme, null, 'Nora Nobody'],
      ['gina', globex, null, 'Gina Globex'],
    ];
    for (const [name, tenant, org, display] of people) {
      users[name] = await createCustomerUser(em, hasher, tenant, { org, email: `${name}@participants.test`, name: display });
      auth[name] = await portalLogin(t, tenant === acme ? 'part-acme' : 'part-globex', users[name].email, users[name].password);
    }
    const engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER', email: 'engineer@participants.test' });
    const viewer = await createStaff(em, hasher, { tenant: acme, role: 'VIEWER', email: 'viewer@participants.test' });
    const globexAdmin = await createStaff(em, hasher, { tenant: globex, role: 'ADMIN', email: 'admin@globex-participants.test' });
    for (const [name, s] of Object.entries({ engineer, viewer, globexAdmin })) auth[name] = (await login(t, s.email, s.password)).auth;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await rating?.close();
    await t?.close();
    await mail?.close();
  });

  const createTicket = async (who: string, title: string) => {
    const res = await t.rest<Envelope<Ticket>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'Pay Now returns 500.', priority: 'HIGH' }, auth[who]);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const participants = (who: string, id: string) => t.rest<Envelope<Participant[]>>('GET', `/api/v1/portal/tickets/${id}/participants`, undefined, auth[who]);
  const add = (who: string, id: string, userId: string) => t.rest<Envelope<Participant[]>>('POST', `/api/v1/portal/tickets/${id}/participants`, { userId }, auth[who]);
  const remove = (who: string, id: string, userId: string) => t.rest<Envelope<Participant[]>>('DELETE', `/api/v1/portal/tickets/${id}/participants/${userId}`, undefined, auth[who]);
  const staffAdd = (id: string, userId: string, who = 'engineer') => t.rest<Envelope<Participant[]>>('POST', `/api/v1/incidents/${id}/participants`, { userId }, auth[who]);
  const staffRemove = (id: string, userId: string, who = 'engineer') => t.rest<Envelope<Participant[]>>('DELETE', `/api/v1/incidents/${id}/participants/${userId}`, undefined, auth[who]);
  const gql = async <T = Record<string, unknown>>(who: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.rest<{ data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] }>('POST', '/graphql', { query, variables }, auth[who]);
    return { ...res.body, text: res.text, codes: (res.body.errors ?? []).map((e) => e.extensions?.code) };
  };
  const sees = async (who: string, ticket: Ticket) => {
    const one = await t.rest('GET', `/api/v1/portal/tickets/${ticket.id}`, undefined, auth[who]);
    const list = await t.rest<Envelope<{ items: { id: string }[] }>>('GET', '/api/v1/portal/tickets?limit=100', undefined, auth[who]);
    const listed = list.body.data.items.some((i) => i.id === ticket.id);
    expect({ who, lookup: one.status === 200, listed }).toEqual({ who, lookup: listed, listed }); // the lookup and the list agree
    return listed;
  };
  const publicUpdate = async (id: string, body: string) =>
    expect((await t.rest('POST', `/api/v1/incidents/${id}/updates`, { body, visibility: 'PUBLIC' }, auth.engineer)).status).toBe(201);
  const mailsTo = (who: string, marker: string) => mail.messages.filter((m) => m.to.includes(users[who].email) && m.text.includes(marker));
  const audits = (action: string, targetId: string) => t.em().fork().count(AuditEntry, { action, targetId });
  /** An answer with the ticket's id replaced by a never-used one must be the same, byte for byte. */
  const likeMissing = async (send: (id: string) => Promise<{ status: number; text: string }>, id: string) => {
    const missing = randomUUID();
    const [real, ghost] = [await send(id), await send(missing)];
    expect({ status: real.status, text: real.text.replaceAll(id, missing) }).toEqual({ status: ghost.status, text: ghost.text });
    return real;
  };

  it('portal users find their active colleagues (id and display name only), over REST and GraphQL', async () => {
    const res = await t.rest<Envelope<{ id: string; displayName: string }[]>>('GET', '/api/v1/portal/colleagues', undefined, auth.rita);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { id: users.paula.user.id, displayName: 'Paula Colleague' },
      { id: users.pete.user.id, displayName: 'Pete Colleague' },
    ]);
    expect(res.text).not.toContain('@participants.test');
    const viaGql = await gql<{ portalColleagues: unknown[] }>('rita', '{ portalColleagues { id displayName } }');
    expect(viaGql.data?.portalColleagues).toEqual(res.body.data);
    expect((await gql<{ portalColleagues: unknown[] }>('nora', '{ portalColleagues { id } }')).data?.portalColleagues).toEqual([]);
    expect((await gql('engineer', '{ portalColleagues { id } }')).codes).toEqual(['FORBIDDEN']);
  });

  it('OWN sharing: a participant sees, lists and comments on the ticket; removal takes it away at once', async () => {
    const ticket = await createTicket('rita', 'Checkout broken (own)');
    expect(await sees('pete', ticket)).toBe(false);

    // Not yet visible to Pete: adding (even himself) answers exactly like a missing ticket.
    const hidden = await likeMissing((id) => add('pete', id, users.pete.user.id), ticket.id);
    expect(hidden.status).toBe(404);
    expect(hidden.text).toContain('INCIDENT_NOT_FOUND');

    const added = await add('rita', ticket.id, users.pete.user.id);
    expect(added.status).toBe(200);
    expect(added.body.data).toEqual([{ id: users.pete.user.id, displayName: 'Pete Colleague' }]);
    // Idempotent: again, nothing changes (one row, one audit entry).
    expect((await add('rita', ticket.id, users.pete.user.id)).body.data).toEqual(added.body.data);
    expect(await audits('ticket.participant_added', ticket.id)).toBe(1);

    expect(await sees('pete', ticket)).toBe(true);
    const viaGql = await gql<{ ticket: { participants: Participant[] } }>('pete', 'query($id: ID!) { ticket(id: $id) { number participants { id displayName } } }', { id: ticket.number });
    expect(viaGql.data?.ticket.participants).toEqual([{ id: users.pete.user.id, displayName: 'Pete Colleague' }]);
    expect((await participants('pete', ticket.id)).body.data).toEqual([{ id: users.pete.user.id, displayName: 'Pete Colleague' }]);
    await likeMissing((id) => participants('paula', id), ticket.id);
    // The staff fields of a participant are not even in the portal's type (TicketParticipant): asking fails validation.
    const emails = await gql<{ ticket: { participants: Participant[] } }>('rita', 'query($id: ID!) { ticket(id: $id) { participants { id email addedByKind } } }', { id: ticket.id });
    expect(emails.codes).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(emails.text).not.toContain('pete@participants.test');
    // Where a portal viewer still meets the shared type (the deprecated addTicketParticipant), shield refuses them (null and FORBIDDEN), never read.
    const shared = await gql<{ addTicketParticipant: Participant[] }>('rita', 'mutation($t: ID!, $u: ID!) { addTicketParticipant(ticketId: $t, userId: $u) { id email addedByKind } }', { t: ticket.id, u: users.pete.user.id });
    expect(shared.codes).toContain('FORBIDDEN');
    expect(shared.data?.addTicketParticipant).toEqual([{ id: users.pete.user.id, email: null, addedByKind: null }]);
    expect(shared.text).not.toContain('pete@participants.test');
    // Paula, a colleague who does not take part, still sees nothing.
    expect(await sees('paula', ticket)).toBe(false);

    const comment = await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Same here, Pete.' }, auth.pete);
    expect(comment.status).toBe(201);
    const viaGqlComment = await gql('pete', 'mutation($id: ID!) { addTicketComment(ticketId: $id, body: "And over GraphQL.") { id } }', { id: ticket.id });
    expect(viaGqlComment.errors).toBeUndefined();

    // Staff see the participants with their e-mail and who added them.
    const staffView = await t.rest<Envelope<Participant[]>>('GET', `/api/v1/incidents/${ticket.id}/participants`, undefined, auth.engineer);
    expect(staffView.body.data).toEqual([expect.objectContaining({ id: users.pete.user.id, email: 'pete@participants.test', addedByKind: 'CUSTOMER', addedById: users.rita.user.id })]);

    // Removed by the reporter: nothing of the ticket any more, answering like a missing one.
    const removed = await remove('rita', ticket.id, users.pete.user.id);
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual([]);
    expect(await audits('ticket.participant_removed', ticket.id)).toBe(1);
    expect(await sees('pete', ticket)).toBe(false);
    await likeMissing((id) => t.rest('GET', `/api/v1/portal/tickets/${id}`, undefined, auth.pete), ticket.id);
    await likeMissing((id) => t.rest('POST', `/api/v1/portal/tickets/${id}/comments`, { body: 'Hello?' }, auth.pete), ticket.id);
    const gqlGone = await gql('pete', 'query($id: ID!) { ticket(id: $id) { id } }', { id: ticket.id });
    expect(gqlGone.codes).toEqual(['INCIDENT_NOT_FOUND']);
  });

  it('ORGANIZATION sharing: staff add and remove participants; participation outlasts a switch to OWN, removal does not', async () => {
    const ticket = await createTicket('sam', 'Reports are empty (shared)');
    expect(await sees('sara', ticket)).toBe(true); // through the organization
    const byStaff = await staffAdd(ticket.id, users.sara.user.id);
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.data).toEqual([expect.objectContaining({ id: users.sara.user.id, email: 'sara@participants.test', addedByKind: 'STAFF' })]);
    expect((await gql<{ incident: { participants: Participant[] } }>('engineer', 'query($id: ID!) { incident(id: $id) { participants { id email } } }', { id: ticket.id })).data?.incident.participants).toEqual([
      { id: users.sara.user.id, email: 'sara@participants.test' },
    ]);

    await t.em().getConnection().execute("UPDATE customers SET sharing_mode = 'OWN' WHERE id = ?", [shared.id]);
    try {
      expect(await sees('sara', ticket)).toBe(true); // as a participant now
      expect((await staffRemove(ticket.id, users.sara.user.id)).body.data).toEqual([]);
      expect(await sees('sara', ticket)).toBe(false);
    } finally {
      await t.em().getConnection().execute("UPDATE customers SET sharing_mode = 'ORGANIZATION' WHERE id = ?", [shared.id]);
    }
    expect(await sees('sara', ticket)).toBe(true); // the organization shares again

    // A colleague who sees the ticket through the organization may not add or remove others.
    const notReporter = await add('sara', ticket.id, users.sara.user.id);
    expect(notReporter.status).toBe(403);
    expect(notReporter.body.errors?.[0].code).toBe('PARTICIPANT_CHANGE_NOT_ALLOWED');
    const gqlNotReporter = await gql('sara', 'mutation($t: ID!, $u: ID!) { addTicketParticipant(ticketId: $t, userId: $u) { id } }', { t: ticket.id, u: users.sara.user.id });
    expect(gqlNotReporter.codes).toEqual(['PARTICIPANT_CHANGE_NOT_ALLOWED']);
    // Staff: VIEWER may not; another workspace's staff get a missing incident.
    expect((await staffAdd(ticket.id, users.sara.user.id, 'viewer')).status).toBe(403);
    await likeMissing((id) => staffAdd(id, users.sara.user.id, 'globexAdmin'), ticket.id);
    expect(await audits('ticket.participant_added', ticket.id)).toBe(1);
  });

  it('refuses users of another organization, of none and of another workspace like missing users, over REST and GraphQL', async () => {
    const ticket = await createTicket('rita', 'Refusals');
    const before = await t.em().getConnection().execute('SELECT count(*)::int AS n FROM incident_participants WHERE incident_id = ?', [ticket.id]);
    const ghost = await add('rita', ticket.id, randomUUID());
    expect(ghost.status).toBe(404);
    expect(ghost.body.errors?.[0].code).toBe('PORTAL_USER_NOT_FOUND');
    for (const who of ['otto', 'nora', 'gina', 'sam']) {
      const res = await add('rita', ticket.id, users[who].user.id);
      expect({ who, status: res.status, text: res.text }).toEqual({ who, status: ghost.status, text: ghost.text });
      const viaGql = await gql('rita', 'mutation($t: ID!, $u: ID!) { addTicketParticipant(ticketId: $t, userId: $u) { id } }', { t: ticket.id, u: users[who].user.id });
      expect(viaGql.codes).toEqual(['PORTAL_USER_NOT_FOUND']);
    }
    // A ticket without an organization has its reporter only: nobody can be added.
    const lonely = await createTicket('nora', 'No organization');
    expect((await add('nora', lonely.id, users.rita.user.id)).body.errors?.[0].code).toBe('PORTAL_USER_NOT_FOUND');
    // A participant may not add others either.
    expect((await add('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    const byParticipant = await add('pete', ticket.id, users.paula.user.id);
    expect(byParticipant.status).toBe(403);
    expect(byParticipant.body.errors?.[0].code).toBe('PARTICIPANT_CHANGE_NOT_ALLOWED');
    expect((await remove('pete', ticket.id, users.rita.user.id)).body.errors?.[0].code).toBe('PARTICIPANT_CHANGE_NOT_ALLOWED');
    const after = await t.em().getConnection().execute('SELECT count(*)::int AS n FROM incident_participants WHERE incident_id = ?', [ticket.id]);
    expect([before[0].n, after[0].n]).toEqual([0, 1]);
    // Staff only, from a portal token; a portal field, from a staff token.
    expect((await gql('rita', 'mutation($t: ID!, $u: ID!) { addIncidentParticipant(incidentId: $t, userId: $u) { id } }', { t: ticket.id, u: users.paula.user.id })).codes).toEqual(['FORBIDDEN']);
    expect((await gql('engineer', 'mutation($t: ID!, $u: ID!) { addTicketParticipant(ticketId: $t, userId: $u) { id } }', { t: ticket.id, u: users.paula.user.id })).codes).toEqual(['FORBIDDEN']);
  });

  it('a participant leaves (GraphQL leaveTicket, or DELETE of their own id) and sees the ticket no more', async () => {
    const ticket = await createTicket('rita', 'Leaving');
    expect((await add('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    expect((await add('rita', ticket.id, users.paula.user.id)).status).toBe(200);
    const left = await gql<{ leaveTicket: boolean }>('pete', 'mutation($id: ID!) { leaveTicket(ticketId: $id) }', { id: ticket.id });
    expect(left.data?.leaveTicket).toBe(true);
    expect(await sees('pete', ticket)).toBe(false);
    expect((await gql('pete', 'mutation($id: ID!) { leaveTicket(ticketId: $id) }', { id: ticket.id })).codes).toEqual(['INCIDENT_NOT_FOUND']);
    const viaRest = await remove('paula', ticket.id, users.paula.user.id);
    expect(viaRest.status).toBe(200);
    expect(viaRest.body.data).toEqual([]);
    expect(await sees('paula', ticket)).toBe(false);
    expect(await audits('ticket.participant_left', ticket.id)).toBe(2);
    // The reporter cannot leave their own ticket: nothing changes.
    expect((await gql<{ leaveTicket: boolean }>('rita', 'mutation($id: ID!) { leaveTicket(ticketId: $id) }', { id: ticket.id })).data?.leaveTicket).toBe(false);
    expect(await sees('rita', ticket)).toBe(true);
  });

  it('a participant whom the organization still shows the ticket leaves like any other: REST answers no list, ticketParticipantRemove no ticket', async () => {
    const sid = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { org: shared, email: 'sid@participants.test', name: 'Sid Sharer' });
    auth.sid = await portalLogin(t, 'part-acme', sid.email, sid.password);
    const ticket = await createTicket('sam', 'Leaving a shared ticket');
    for (const id of [users.sara.user.id, sid.user.id]) expect((await add('sam', ticket.id, id)).status).toBe(200);
    const viaRest = await remove('sara', ticket.id, users.sara.user.id);
    expect(viaRest.status).toBe(200);
    expect(viaRest.body.data).toEqual([]); // not the participants left behind (Sid)
    const viaGql = await gql<{ ticketParticipantRemove: unknown }>('sid', 'mutation($t: ID!, $u: ID!) { ticketParticipantRemove(input: { ticketId: $t, userId: $u }) { ticket { id } } }', {
      t: ticket.id,
      u: sid.user.id,
    });
    expect(viaGql.data?.ticketParticipantRemove).toEqual({ ticket: null });
    // Both left, and still see the ticket through the organization; a second removal of oneself is no leaving: the list.
    expect(await audits('ticket.participant_left', ticket.id)).toBe(2);
    expect(await sees('sara', ticket)).toBe(true);
    expect((await participants('sam', ticket.id)).body.data).toEqual([]);
    expect((await add('sam', ticket.id, sid.user.id)).status).toBe(200);
    const again = await remove('sara', ticket.id, users.sara.user.id);
    expect(again.body.data).toEqual([{ id: sid.user.id, displayName: 'Sid Sharer' }]);
  });

  it('a participant moved to another organization no longer sees the ticket (nor is listed), and sees it again once back', async () => {
    const ticket = await createTicket('rita', 'Moving on');
    expect((await add('rita', ticket.id, users.paula.user.id)).status).toBe(200);
    const other = (await t.em().getConnection().execute<{ customer_id: string }[]>('SELECT customer_id FROM customer_portal_users WHERE id = ?', [users.otto.user.id]))[0].customer_id;
    await t.em().getConnection().execute('UPDATE customer_portal_users SET customer_id = ? WHERE id = ?', [other, users.paula.user.id]);
    try {
      expect(await sees('paula', ticket)).toBe(false);
      expect((await participants('rita', ticket.id)).body.data).toEqual([]);
    } finally {
      await t.em().getConnection().execute('UPDATE customer_portal_users SET customer_id = ? WHERE id = ?', [own.id, users.paula.user.id]);
    }
    expect(await sees('paula', ticket)).toBe(true);
    expect((await remove('rita', ticket.id, users.paula.user.id)).body.data).toEqual([]);
  });

  it('participants get the ticket’s e-mails while they take part, and none once removed', async () => {
    const ticket = await createTicket('rita', 'Mail follows participation');
    expect((await add('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    await publicUpdate(ticket.id, 'Marker-while-participant');
    await afterMarker(t, until(() => mailsTo('pete', 'Marker-while-participant').length > 0, "pete's mail"));
    const got = mailsTo('pete', 'Marker-while-participant');
    expect(got).toHaveLength(1);
    expect(got[0].text).toContain('you take part in this ticket');
    expect(mailsTo('paula', 'Marker-while-participant')).toHaveLength(0); // a colleague who does not take part

    expect((await remove('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    await publicUpdate(ticket.id, 'Marker-after-removal');
    await afterMarker(t, until(() => mailsTo('rita', 'Marker-after-removal').length > 0, "rita's mail"));
    expect(mailsTo('rita', 'Marker-after-removal')).toHaveLength(1);
    expect(mailsTo('pete', 'Marker-after-removal')).toHaveLength(0);
  });

  it('graphql-ws: a participant follows the ticket; once removed, it is a missing ticket to them', async () => {
    const ticket = await createTicket('rita', 'Live participation');
    const connect = (who: string) => {
      const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: auth[who].authorization }, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    };
    const first = (who: string, id: string) =>
      new Promise<string>((resolve, reject) => {
        const dispose = connect(who).subscribe(
          { query: 'subscription($id: ID!) { incidentUpdated(id: $id) { number updates { body } } }', variables: { id } },
          { next: (r) => { resolve(JSON.stringify(r)); dispose(); }, error: reject, complete: () => resolve('complete') },
        );
      });
    const before = await first('pete', ticket.id);
    expect(before).toContain('INCIDENT_NOT_FOUND');

    expect((await add('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    const subscribers = t.app.runtime.live.subscribers;
    const live = first('pete', ticket.id);
    await until(() => t.app.runtime.live.subscribers > subscribers, "pete's subscription", 10000);
    await publicUpdate(ticket.id, 'Live-marker');
    const event = await live;
    expect(event).toContain(ticket.number);
    expect(event).toContain('Live-marker');

    expect((await remove('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    const missing = randomUUID();
    const [after, ghost] = await Promise.all([first('pete', ticket.id), first('pete', missing)]);
    expect(after).toContain('INCIDENT_NOT_FOUND');
    expect(after.replaceAll(ticket.id, missing)).toBe(ghost);
  });

  it("Ezra's customer report and the KB draft of a resolved ticket carry nothing of its participants but their public comments", async () => {
    const ticket = await createTicket('rita', 'Invoices are missing');
    expect((await add('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    expect((await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Pete-public-comment' }, auth.pete)).status).toBe(201);
    const report = await gql<{ analyzeIncident: { report: string; affectedCustomers: number } }>('engineer', 'mutation($id: ID!) { analyzeIncident(id: $id, audience: CUSTOMER) { report affectedCustomers } }', { id: ticket.id });
    expect(report.errors).toBeUndefined();
    expect(report.data?.analyzeIncident.report).not.toContain('pete@participants.test');
    expect(report.data?.analyzeIncident.affectedCustomers).toBe(1); // one organization, however many take part
    const resolved = await t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Re-sent the invoices.', createKbDraft: true }, auth.engineer);
    expect(resolved.status).toBe(200);
    const drafts = await gql<{ staffKbArticles: { items: { id: string }[] } }>('engineer', 'query($s: ID) { staffKbArticles(filter: { sourceIncidentId: $s }) { items { id } } }', { s: ticket.id });
    expect({ errors: drafts.errors, n: drafts.data?.staffKbArticles.items.length }).toEqual({ errors: undefined, n: 1 });
    const article = await gql<{ staffKbArticle: { markdown: string } }>('engineer', 'query($id: ID!) { staffKbArticle(id: $id) { markdown } }', { id: drafts.data!.staffKbArticles.items[0].id });
    const draft = article.data!.staffKbArticle.markdown;
    for (const secret of ['pete@participants.test', 'Pete Colleague', 'Pete-public-comment']) expect(draft).not.toContain(secret);
  });

  it('CSAT: participants rate only with CSAT_PARTICIPANTS_MAY_RATE (one rating each); the staff summary counts every rating', async () => {
    const ticket = await createTicket('rita', 'Rate me');
    expect((await add('rita', ticket.id, users.pete.user.id)).status).toBe(200);
    expect((await t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Fixed.' }, auth.engineer)).status).toBe(200);
    // The resolution e-mail invites the reporter to rate; a participant only where they may (not here: the default).
    await waitForDeliveries(t);
    const resolution = (who: string) => mail.messages.find((m) => m.to.includes(users[who].email) && m.subject === `[${ticket.number}] Status: Resolved - Rate me`);
    expect(resolution('rita')?.html).toContain('Rate this ticket');
    expect(resolution('pete')).toBeDefined();
    expect(resolution('pete')?.html).not.toContain('Rate this ticket');
    const link = { tenantId: acme.id, incidentId: ticket.id, customerUserId: users.pete.user.id, resolvedAt: new Date().toISOString(), participant: true };
    expect(ratingLinkMaker(t.config)(link)).toBeNull();
    expect(ratingLinkMaker(rating.config)(link)).toMatch(/token=rate\./);
    const rate = (app: TestApp, who: string, score: number) => app.rest<Envelope>('POST', `/api/v1/portal/tickets/${ticket.id}/rating`, { score }, auth[who]);

    // Default (false): the participant is refused, the reporter rates.
    const refused = await rate(t, 'pete', 2);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0].code).toBe('RATING_NOT_ALLOWED');
    const viaGql = await gql('pete', 'mutation($id: ID!) { rateTicket(ticketId: $id, input: { score: 2 }) { score } }', { id: ticket.id });
    expect(viaGql.codes).toEqual(['RATING_NOT_ALLOWED']);
    expect((await rate(t, 'rita', 5)).status).toBe(201);

    // With the setting: the participant rates once; a colleague who does not take part still may not.
    expect((await rate(rating, 'pete', 2)).status).toBe(201);
    expect((await rate(rating, 'pete', 3)).body.errors?.[0].code).toBe('ALREADY_RATED');
    expect((await rate(rating, 'paula', 3)).status).toBe(404); // she does not even see the ticket
    expect(await t.em().fork().count(IncidentRating, { incident: ticket.id })).toBe(2);

    // Staff: the incident's rating is the reporter's; the summary counts both ratings.
    const staff = await gql<{ incident: { rating: { score: number; raterName: string } } }>('engineer', 'query($id: ID!) { incident(id: $id) { rating { score raterName } } }', { id: ticket.id });
    expect(staff.data?.incident.rating).toEqual({ score: 5, raterName: 'Rita Reporter' });
    const summary = await gql<{ incidentRatingSummary: { count: number; average: number } }>('engineer', '{ incidentRatingSummary { count average } }');
    expect(summary.data?.incidentRatingSummary).toEqual({ count: 2, average: 3.5 });

    // Removed, the participant rates no more, even with the setting.
    const other = await createTicket('rita', 'Rate me too');
    expect((await add('rita', other.id, users.paula.user.id)).status).toBe(200);
    expect((await t.rest('POST', `/api/v1/incidents/${other.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Fixed.' }, auth.engineer)).status).toBe(200);
    expect((await remove('rita', other.id, users.paula.user.id)).status).toBe(200);
    expect((await rating.rest<Envelope>('POST', `/api/v1/portal/tickets/${other.id}/rating`, { score: 4 }, auth.paula)).status).toBe(404);
  });
});
