import { randomUUID } from 'node:crypto';
import type { Customer } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import type { User } from '../../src/modules/user/user.entity';
import { addUpdate, createCustomerOrg, createCustomerUser, createIncident, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type GraphQLResult, type TestApp } from '../setup/app';

type Update = { id: string; kind: string; body: string; visibility: string };
type TicketView = { __typename: string; id: string; number: string; title: string; status: string; updates: Update[]; participants: { id: string; displayName: string }[] };

/**
 * The portal's own types over POST /graphql (issue 15): `ticket`/`tickets` answer Ticket/TicketPage, whose fields
 * are what a customer may see and nothing else; the new-style mutations beside the old ones they replace, each
 * storing what it says, with the old one's refusals (another organization's or workspace's ticket like a missing
 * one, staff FORBIDDEN, no token UNAUTHENTICATED).
 */
describe('portal types: Ticket, TicketPage and the ticket* mutations', () => {
  let t: TestApp;
  let acme: Tenant;
  let org: Customer;
  let staffUser: User;
  const users: Record<string, CustomerFixture> = {};
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false', EZRA_AUTO_ANALYZE: 'false' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'ptypes-acme' });
    const globex = await createTenant(em, { slug: 'ptypes-globex' });
    org = await createCustomerOrg(em, acme, 'OWN', 'Umbrella');
    const other = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Hooli');
    const people: [string, Tenant, Customer | null, string][] = [
      ['rita', acme, org, 'Rita Reporter'],
      ['pete', acme, org, 'Pete Colleague'],
      ['otto', acme, other, 'Otto Outsider'],
      ['gina', globex, null, 'Gina Globex'],
    ];
    for (const [name, tenant, o, display] of people) {
      users[name] = await createCustomerUser(em, hasher, tenant, { org: o, email: `${name}@ptypes.test`, name: display });
      auth[name] = await portalLogin(t, tenant === acme ? 'ptypes-acme' : 'ptypes-globex', users[name].email, users[name].password);
    }
    const engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER', email: 'engineer@ptypes.test' });
    auth.engineer = (await login(t, engineer.email, engineer.password)).auth;
    staffUser = engineer.user;
  });
  afterAll(() => t?.close());

  const gql = <T>(query: string, variables: Record<string, unknown>, who?: string) => t.gql<T>(query, variables, who ? auth[who] : {});
  const codes = (res: GraphQLResult<unknown>) => res.errors?.map((e) => e.extensions?.code);
  /** Refused like a missing ticket: the same answer, byte for byte, once the ids are swapped. */
  const likeMissing = async (call: (id: string) => Promise<GraphQLResult<unknown>>, id: string) => {
    const missing = randomUUID();
    const [real, ghost] = [await call(id), await call(missing)];
    expect(codes(real)).toEqual(['INCIDENT_NOT_FOUND']);
    expect(JSON.stringify({ data: real.data, errors: real.errors }).replaceAll(id, missing)).toBe(JSON.stringify({ data: ghost.data, errors: ghost.errors }));
  };
  const ticketOf = async (id: string) => (await t.em().getConnection().execute<{ id: string; source: string; reporter_customer_id: string; title: string }[]>('SELECT id, source, reporter_customer_id, title FROM incidents WHERE id = ?', [id]))[0];
  const countTickets = async () => (await t.em().getConnection().execute<{ n: number }[]>('SELECT count(*)::int AS n FROM incidents'))[0].n;

  describe('ticket and tickets', () => {
    it('answer the portal types, with the timeline a customer may see', async () => {
      const em = t.em();
      const incident = await createIncident(em, acme, { reporter: users.rita.user, techDescription: 'TECH-SECRET-ptypes' });
      await addUpdate(em, incident, 'INTERNAL-NOTE-ptypes', 'INTERNAL', staffUser);
      await addUpdate(em, incident, 'We are on it.', 'PUBLIC', staffUser);

      const one = await gql<{ ticket: TicketView }>('query($id: ID!) { ticket(id: $id) { __typename id number title status updates { __typename body visibility } participants { __typename id } } }', { id: incident.number }, 'rita');
      expect(one.errors).toBeUndefined();
      expect(one.data?.ticket).toMatchObject({ __typename: 'Ticket', id: incident.id, number: incident.number, updates: [{ __typename: 'TicketUpdate', body: 'We are on it.', visibility: 'PUBLIC' }], participants: [] });
      const page = await gql<{ tickets: { __typename: string; items: { __typename: string; id: string }[]; pageInfo: { hasNextPage: boolean }; pagination: { total: number } } }>(
        '{ tickets(limit: 50) { __typename items { __typename id } pageInfo { hasNextPage endCursor } pagination { total } } }',
        {},
        'rita',
      );
      expect(page.errors).toBeUndefined();
      expect(page.data?.tickets.__typename).toBe('TicketPage');
      expect(page.data?.tickets.items).toContainEqual({ __typename: 'Ticket', id: incident.id });
      expect(page.data?.tickets.pagination.total).toBe(page.data?.tickets.items.length);
      const text = JSON.stringify([one, page]);
      expect(text).not.toContain('TECH-SECRET');
      expect(text).not.toContain('INTERNAL-NOTE');
    });

    it('selecting an internal field on Ticket fails validation (GRAPHQL_VALIDATION_FAILED), on one ticket and on a page', async () => {
      const incident = await createIncident(t.em(), acme, { reporter: users.rita.user, techDescription: 'TECH-SECRET-ptypes' });
      for (const query of [
        'query($id: ID!) { ticket(id: $id) { id techDescription } }',
        'query($id: ID!) { ticket(id: $id) { id assignee { email } } }',
        'query($id: ID!) { ticket(id: $id) { id rating { score } } }',
        'query($id: ID!) { ticket(id: $id) { id participants { email } } }',
        'query($id: ID!) { ticket(id: $id) { ... on Incident { internalSla { state } } } }',
        '{ tickets { items { id version customerId } } }',
      ]) {
        const res = await gql(query, query.includes('$id') ? { id: incident.id } : {}, 'rita');
        expect({ query, data: res.data, codes: codes(res) }).toEqual({ query, data: undefined, codes: expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']) });
        expect(JSON.stringify(res.errors)).not.toContain('TECH-SECRET');
      }
    });

    it("another organization's or workspace's ticket answers like a missing one; staff FORBIDDEN; no token UNAUTHENTICATED", async () => {
      const incident = await createIncident(t.em(), acme, { reporter: users.rita.user });
      const read = (who: string) => (id: string) => gql('query($id: ID!) { ticket(id: $id) { id title } }', { id }, who);
      for (const who of ['otto', 'gina']) await likeMissing(read(who), incident.id);
      expect(codes(await read('engineer')(incident.id))).toEqual(['FORBIDDEN']);
      expect(codes(await gql('query($id: ID!) { ticket(id: $id) { id } }', { id: incident.id }))).toEqual(['UNAUTHENTICATED']);
      const others = await gql<{ tickets: { items: { id: string }[] } }>('{ tickets(limit: 100) { items { id } } }', {}, 'otto');
      expect(others.data?.tickets.items.map((i) => i.id)).not.toContain(incident.id);
    });
  });

  describe('new-style mutations beside the old ones', () => {
    const CREATE = {
      createTicket: {
        query: 'mutation($input: CreateTicketInput!, $k: String) { r: createTicket(input: $input, idempotencyKey: $k) { id number status } }',
        vars: (input: Record<string, unknown>, k?: string) => ({ input, k }),
        ticket: (d: unknown) => d as { id: string; number: string; status: string },
        replayed: () => undefined,
      },
      ticketCreate: {
        query: 'mutation($input: TicketCreateInput!) { r: ticketCreate(input: $input) { replayed ticket { __typename id number status } } }',
        vars: (input: Record<string, unknown>, k?: string) => ({ input: { ...input, idempotencyKey: k } }),
        ticket: (d: unknown) => (d as { ticket: { id: string; number: string; status: string } }).ticket,
        replayed: (d: unknown) => (d as { replayed: boolean }).replayed,
      },
    };

    it.each(Object.keys(CREATE))('%s: stores a PORTAL ticket of the caller; a repeated key answers the first (replayed), another body with it IDEMPOTENCY_KEY_REUSED', async (name) => {
      const m = CREATE[name as keyof typeof CREATE];
      const input = { type: 'INCIDENT', title: `Made by ${name}`, description: 'From the portal types test.', priority: 'LOW' };
      const k = randomUUID();
      const first = await gql<{ r: unknown }>(m.query, m.vars(input, k), 'rita');
      expect(first.errors).toBeUndefined();
      const ticket = m.ticket(first.data!.r);
      expect(ticket).toMatchObject({ number: expect.stringMatching(/^INC-\d{8}-\d{4}$/), status: 'OPEN' });
      expect(m.replayed(first.data!.r)).toBe(name === 'ticketCreate' ? false : undefined);
      expect(await ticketOf(ticket.id)).toEqual({ id: ticket.id, source: 'PORTAL', reporter_customer_id: users.rita.user.id, title: input.title });

      const before = await countTickets();
      const again = await gql<{ r: unknown }>(m.query, m.vars(input, k), 'rita');
      expect(m.ticket(again.data!.r).id).toBe(ticket.id);
      expect(m.replayed(again.data!.r)).toBe(name === 'ticketCreate' ? true : undefined);
      expect(codes(await gql(m.query, m.vars({ ...input, title: 'Another body' }, k), 'rita'))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(codes(await gql(m.query, m.vars(input), 'engineer'))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(m.query, m.vars(input)))).toEqual(['UNAUTHENTICATED']);
      expect(await countTickets()).toBe(before);
    });

    const COMMENT = {
      addTicketComment: {
        query: 'mutation($t: ID!, $b: String!) { r: addTicketComment(ticketId: $t, body: $b) { id visibility body } }',
        vars: (t: string, b: string) => ({ t, b }),
        update: (d: unknown) => d as Update,
      },
      ticketCommentAdd: {
        query: 'mutation($t: ID!, $b: String!) { r: ticketCommentAdd(input: { ticketId: $t, body: $b }) { update { __typename id visibility body } ticket { id updates { id body } } } }',
        vars: (t: string, b: string) => ({ t, b }),
        update: (d: unknown) => (d as { update: Update }).update,
      },
    };

    it.each(Object.keys(COMMENT))('%s: stores a PUBLIC comment the timeline shows; CLOSED TICKET_CLOSED; another organization like missing; staff FORBIDDEN', async (name) => {
      const m = COMMENT[name as keyof typeof COMMENT];
      const incident = await createIncident(t.em(), acme, { reporter: users.rita.user });
      const res = await gql<{ r: unknown }>(m.query, m.vars(incident.number, `Comment by ${name}`), 'rita');
      expect(res.errors).toBeUndefined();
      const update = m.update(res.data!.r);
      expect(update).toMatchObject({ visibility: 'PUBLIC', body: `Comment by ${name}` });
      if (name === 'ticketCommentAdd') {
        expect(update).toMatchObject({ __typename: 'TicketUpdate' });
        expect((res.data!.r as { ticket: { id: string; updates: { id: string }[] } }).ticket).toEqual({ id: incident.id, updates: [{ id: update.id, body: `Comment by ${name}` }] });
      }
      const stored = await gql<{ ticket: { updates: { id: string }[] } }>('query($id: ID!) { ticket(id: $id) { updates { id } } }', { id: incident.id }, 'rita');
      expect(stored.data?.ticket.updates.map((u) => u.id)).toEqual([update.id]);

      const closed = await createIncident(t.em(), acme, { reporter: users.rita.user, status: 'CLOSED' });
      expect(codes(await gql(m.query, m.vars(closed.id, 'Hello?'), 'rita'))).toEqual(['TICKET_CLOSED']);
      await likeMissing((id) => gql(m.query, m.vars(id, 'Hi'), 'otto'), incident.id);
      await likeMissing((id) => gql(m.query, m.vars(id, 'Hi'), 'gina'), incident.id);
      expect(codes(await gql(m.query, m.vars(incident.id, 'Hi'), 'engineer'))).toEqual(['FORBIDDEN']);
      expect(stored.data?.ticket.updates).toHaveLength(1);
      const after = await gql<{ ticket: { updates: unknown[] } }>('query($id: ID!) { ticket(id: $id) { updates { id } } }', { id: incident.id }, 'rita');
      expect(after.data?.ticket.updates).toHaveLength(1);
    });

    it('ticketParticipantAdd / ticketParticipantRemove / ticketLeave: the reporter adds and removes a colleague, a participant leaves; the payloads carry the ticket afterwards', async () => {
      const incident = await createIncident(t.em(), acme, { reporter: users.rita.user });
      const ADD = 'mutation($t: ID!, $u: ID!) { ticketParticipantAdd(input: { ticketId: $t, userId: $u }) { ticket { id participants { __typename id displayName } } } }';
      const REMOVE = 'mutation($t: ID!, $u: ID!) { ticketParticipantRemove(input: { ticketId: $t, userId: $u }) { ticket { id participants { id } } } }';
      const LEAVE = 'mutation($t: ID!) { ticketLeave(input: { ticketId: $t }) { left } }';
      const participantsNow = async () => (await t.em().getConnection().execute<{ customer_user_id: string }[]>('SELECT customer_user_id FROM incident_participants WHERE incident_id = ?', [incident.id])).map((r) => r.customer_user_id);

      const added = await gql<{ ticketParticipantAdd: { ticket: TicketView } }>(ADD, { t: incident.number, u: users.pete.user.id }, 'rita');
      expect(added.errors).toBeUndefined();
      expect(added.data?.ticketParticipantAdd.ticket).toEqual({ id: incident.id, participants: [{ __typename: 'TicketParticipant', id: users.pete.user.id, displayName: 'Pete Colleague' }] });
      expect(await participantsNow()).toEqual([users.pete.user.id]);
      // Refusals, changing nothing: a participant adding someone, another organization's user, another organization's caller, staff.
      expect(codes(await gql(ADD, { t: incident.id, u: users.rita.user.id }, 'pete'))).toEqual(['PARTICIPANT_CHANGE_NOT_ALLOWED']);
      expect(codes(await gql(ADD, { t: incident.id, u: users.otto.user.id }, 'rita'))).toEqual(['PORTAL_USER_NOT_FOUND']);
      await likeMissing((id) => gql(ADD, { t: id, u: users.pete.user.id }, 'otto'), incident.id);
      expect(codes(await gql(ADD, { t: incident.id, u: users.pete.user.id }, 'engineer'))).toEqual(['FORBIDDEN']);
      expect(await participantsNow()).toEqual([users.pete.user.id]);

      // The participant leaves; then removing themselves again answers no ticket (they no longer see it).
      expect((await gql<{ ticketLeave: { left: boolean } }>(LEAVE, { t: incident.id }, 'pete')).data?.ticketLeave).toEqual({ left: true });
      expect(await participantsNow()).toEqual([]);
      expect(codes(await gql(LEAVE, { t: incident.id }, 'pete'))).toEqual(['INCIDENT_NOT_FOUND']);
      expect((await gql<{ ticketLeave: { left: boolean } }>(LEAVE, { t: incident.id }, 'rita')).data?.ticketLeave).toEqual({ left: false });

      // Added again and removed by the reporter: the ticket afterwards has nobody.
      await gql(ADD, { t: incident.id, u: users.pete.user.id }, 'rita');
      const removed = await gql<{ ticketParticipantRemove: { ticket: { id: string; participants: unknown[] } } }>(REMOVE, { t: incident.id, u: users.pete.user.id }, 'rita');
      expect(removed.data?.ticketParticipantRemove).toEqual({ ticket: { id: incident.id, participants: [] } });
      expect(await participantsNow()).toEqual([]);
      // A participant removing themselves is leaving: the payload's ticket is null, as they no longer see it.
      await gql(ADD, { t: incident.id, u: users.pete.user.id }, 'rita');
      const self = await gql<{ ticketParticipantRemove: { ticket: unknown } }>(REMOVE, { t: incident.id, u: users.pete.user.id }, 'pete');
      expect(self.errors).toBeUndefined();
      expect(self.data?.ticketParticipantRemove).toEqual({ ticket: null });
      expect(await participantsNow()).toEqual([]);
    });
  });
});
