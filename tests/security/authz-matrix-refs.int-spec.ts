import { randomBytes, randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createIncident } from '../factories/portal';
import { startTestApp, type TestApp } from '../setup/app';
import { COMPANY_SLOTS, FILTER_SLOTS, PORTAL_REFERENCE_SLOTS, REFERENCE_SLOTS, type Operation } from './authz/matrix';
import { buildWorld, MATRIX_ENV, type Caller, type CustomerCaller, type World } from './authz/world';

type Slot<S extends readonly string[]> = Record<S[number], { foreign(w: World): string; own(w: World): string | Promise<string>; op(id: string, w: World): Operation | Promise<Operation> }>;

const versionOf = async (w: World, id: string) => (await w.t.em().getConnection().execute<{ version: number }[]>('SELECT version FROM incidents WHERE id = ?', [id]))[0].version;
const newIncident = (assigneeOrCustomer: Record<string, unknown>) => ({
  query: 'mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id } }',
  variables: { i: { title: 'Ref', description: 'Ref.', priority: 'LOW', ...assigneeOrCustomer } },
});

const incidentCreate = (assigneeOrCustomer: Record<string, unknown>) => ({
  query: 'mutation($i: IncidentCreateInput!) { incidentCreate(input: $i) { incident { id } } }',
  variables: { i: { title: 'Ref', description: 'Ref.', priority: 'LOW', ...assigneeOrCustomer } },
});

/** An upload of one file to `ticket`, on the update `updateId`. */
const attachOp = (call: string, ticket: string, updateId: string): Operation => ({
  query: `mutation($t: ID!, $u: ID, $files: [Upload!]!) { ${call}: $t, updateId: $u, files: $files) { attachments { id updateId } } }`,
  variables: { t: ticket, u: updateId, files: [null] },
  files: { 'variables.files.0': 'ref upload' },
});

/**
 * ID arguments that refer to another row (an assignee, an organization, a child incident): an ADMIN of A
 * naming another tenant's row must get exactly the answer for a missing one, write nothing, and succeed
 * with its own tenant's row.
 */
const REFERENCES: Slot<typeof REFERENCE_SLOTS> = {
  'Mutation.createIncident:input.assigneeId': { foreign: (w) => w.staff.B.id, own: (w) => w.staff.ENGINEER.id, op: (id) => newIncident({ assigneeId: id }) },
  'Mutation.createIncident:input.customerId': { foreign: (w) => w.orgs.B.id, own: (w) => w.orgs.shared.id, op: (id) => newIncident({ customerId: id }) },
  'Mutation.createIncident:input.reporterCustomerId': {
    foreign: (w) => w.customers.customerB.user.id,
    own: (w) => w.customers.owner.user.id,
    op: (id) => newIncident({ reporterCustomerId: id }),
  },
  'Mutation.updateIncident:input.customerId': {
    foreign: (w) => w.orgs.B.id,
    own: (w) => w.orgs.shared.id,
    op: async (id, w) => {
      const incident = await w.make.incident();
      return {
        query: 'mutation($id: ID!, $v: Int!, $c: ID) { updateIncident(id: $id, version: $v, input: { customerId: $c }) { id } }',
        variables: { id: incident.id, v: await versionOf(w, incident.id), c: id },
      };
    },
  },
  'Mutation.assignIncident:assigneeId': {
    foreign: (w) => w.staff.B.id,
    own: (w) => w.staff.ENGINEER.id,
    op: async (id, w) => ({ query: 'mutation($id: ID!, $a: ID) { assignIncident(id: $id, assigneeId: $a) { id } }', variables: { id: (await w.make.incident()).id, a: id } }),
  },
  'Mutation.linkIncidents:childIds': {
    foreign: (w) => w.rows.incidentB.id,
    own: async (w) => (await w.make.incident()).id,
    op: async (id, w) => ({ query: 'mutation($p: ID!, $c: [ID!]!) { linkIncidents(parentId: $p, childIds: $c) { id } }', variables: { p: (await w.make.incident()).id, c: [id] } }),
  },
  'Mutation.createPortalUser:input.customerId': {
    foreign: (w) => w.orgs.B.id,
    own: (w) => w.orgs.shared.id,
    op: (id) => ({
      query: 'mutation($i: CreatePortalUserInput!) { createPortalUser(input: $i) { id } }',
      variables: { i: { email: `ref-${randomBytes(3).toString('hex')}@client.test`, displayName: 'Ref', customerId: id } },
    }),
  },
  'Mutation.updatePortalUser:input.customerId': {
    foreign: (w) => w.orgs.B.id,
    own: (w) => w.orgs.shared.id,
    op: async (id, w) => ({ query: 'mutation($id: ID!, $c: ID) { updatePortalUser(id: $id, input: { customerId: $c }) { id } }', variables: { id: (await w.make.portalUser()).id, c: id } }),
  },
  // Issue 15 (administration): the new-style portal-user mutations, the organization inside `input`.
  'Mutation.portalUserCreate:input.customerId': {
    foreign: (w) => w.orgs.B.id,
    own: (w) => w.orgs.shared.id,
    op: (id) => ({
      query: 'mutation($i: PortalUserCreateInput!) { portalUserCreate(input: $i) { portalUser { id } } }',
      variables: { i: { email: `ref-${randomBytes(3).toString('hex')}@client.test`, displayName: 'Ref', customerId: id } },
    }),
  },
  'Mutation.portalUserUpdate:input.customerId': {
    foreign: (w) => w.orgs.B.id,
    own: (w) => w.orgs.shared.id,
    op: async (id, w) => ({
      query: 'mutation($id: ID!, $c: ID) { portalUserUpdate(input: { id: $id, customerId: $c }) { portalUser { id } } }',
      variables: { id: (await w.make.portalUser()).id, c: id },
    }),
  },
  // Participants of a ticket of the sharing organization: another workspace's portal user is a missing one.
  'Mutation.addIncidentParticipant:userId': {
    foreign: (w) => w.customers.customerB.user.id,
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({ query: 'mutation($i: ID!, $u: ID!) { addIncidentParticipant(incidentId: $i, userId: $u) { id } }', variables: { i: (await w.make.ticket('shared')).id, u: id } }),
  },
  'Mutation.removeIncidentParticipant:userId': {
    foreign: (w) => w.customers.customerB.user.id,
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({ query: 'mutation($i: ID!, $u: ID!) { removeIncidentParticipant(incidentId: $i, userId: $u) { id } }', variables: { i: (await w.make.ticket('shared')).id, u: id } }),
  },
  // The update files hang on: another workspace's is a missing one (a GraphQL multipart request).
  'Mutation.attachIncidentFiles:updateId': {
    foreign: (w) => w.rows.updateB,
    own: (w) => w.rows.sharedInternalUpdate,
    op: (id, w) => attachOp('attachIncidentFiles(incidentId', w.tickets.shared.id, id),
  },
  // Issue 15, staff incident work: the same references inside the object-first mutations' `input`.
  'Mutation.incidentCreate:input.assigneeId': { foreign: (w) => w.staff.B.id, own: (w) => w.staff.ENGINEER.id, op: (id) => incidentCreate({ assigneeId: id }) },
  'Mutation.incidentCreate:input.customerId': { foreign: (w) => w.orgs.B.id, own: (w) => w.orgs.shared.id, op: (id) => incidentCreate({ customerId: id }) },
  'Mutation.incidentCreate:input.reporterCustomerId': {
    foreign: (w) => w.customers.customerB.user.id,
    own: (w) => w.customers.owner.user.id,
    op: (id) => incidentCreate({ reporterCustomerId: id }),
  },
  'Mutation.incidentUpdate:input.customerId': {
    foreign: (w) => w.orgs.B.id,
    own: (w) => w.orgs.shared.id,
    op: async (id, w) => {
      const incident = await w.make.incident();
      return {
        query: 'mutation($id: ID!, $v: Int!, $c: ID) { incidentUpdate(input: { id: $id, version: $v, customerId: $c }) { incident { id } } }',
        variables: { id: incident.id, v: await versionOf(w, incident.id), c: id },
      };
    },
  },
  'Mutation.incidentAssign:input.assigneeId': {
    foreign: (w) => w.staff.B.id,
    own: (w) => w.staff.ENGINEER.id,
    op: async (id, w) => ({ query: 'mutation($id: ID!, $a: ID) { incidentAssign(input: { id: $id, assigneeId: $a }) { incident { id } } }', variables: { id: (await w.make.incident()).id, a: id } }),
  },
  'Mutation.incidentLink:input.childIds': {
    foreign: (w) => w.rows.incidentB.id,
    own: async (w) => (await w.make.incident()).id,
    op: async (id, w) => ({
      query: 'mutation($p: ID!, $c: [ID!]!) { incidentLink(input: { parentId: $p, childIds: $c }) { incident { id } } }',
      variables: { p: (await w.make.incident()).id, c: [id] },
    }),
  },
  'Mutation.incidentParticipantAdd:input.userId': {
    foreign: (w) => w.customers.customerB.user.id,
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({
      query: 'mutation($i: ID!, $u: ID!) { incidentParticipantAdd(input: { incidentId: $i, userId: $u }) { participants { id } } }',
      variables: { i: (await w.make.ticket('shared')).id, u: id },
    }),
  },
  'Mutation.incidentParticipantRemove:input.userId': {
    foreign: (w) => w.customers.customerB.user.id,
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({
      query: 'mutation($i: ID!, $u: ID!) { incidentParticipantRemove(input: { incidentId: $i, userId: $u }) { removedUserId } }',
      variables: { i: (await w.make.ticket('shared')).id, u: id },
    }),
  },
  'Mutation.incidentFilesAttach:input.updateId': {
    foreign: (w) => w.rows.updateB,
    own: (w) => w.rows.sharedInternalUpdate,
    op: (id, w) => ({
      query: 'mutation($t: ID!, $u: ID, $files: [Upload!]!) { incidentFilesAttach(input: { incidentId: $t, updateId: $u, files: $files }) { attachments { id updateId } } }',
      variables: { t: w.tickets.shared.id, u: id, files: [null] },
      files: { 'variables.files.0': 'ref upload' },
    }),
  },
};


/**
 * The reporter (owner) naming a portal user of another organization, of none, or of another workspace, on a
 * ticket of their sharing organization: exactly the answer for a missing user, nothing written; a colleague works.
 */
const PORTAL_REFERENCES: Record<
  (typeof PORTAL_REFERENCE_SLOTS)[number],
  { foreignAll(w: World): string[]; own(w: World): string; op(id: string, w: World): Promise<Operation> }
> = {
  'Mutation.addTicketParticipant:userId': {
    foreignAll: (w) => [w.customers.customerB.user.id, w.customers.otherOrg.user.id, w.customers.noOrg.user.id, w.customers.peerOwn.user.id],
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({ query: 'mutation($t: ID!, $u: ID!) { addTicketParticipant(ticketId: $t, userId: $u) { id } }', variables: { t: (await w.make.ticket('shared')).id, u: id } }),
  },
  'Mutation.removeTicketParticipant:userId': {
    foreignAll: (w) => [w.customers.customerB.user.id, w.customers.otherOrg.user.id, w.customers.noOrg.user.id, w.customers.peerOwn.user.id],
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({ query: 'mutation($t: ID!, $u: ID!) { removeTicketParticipant(ticketId: $t, userId: $u) { id } }', variables: { t: (await w.make.ticket('shared')).id, u: id } }),
  },
  // A customer hangs files on a comment of their own only: another workspace's update, staff's INTERNAL or PUBLIC one answer like a missing update.
  'Mutation.attachTicketFiles:updateId': {
    foreignAll: (w) => [w.rows.updateB, w.rows.sharedInternalUpdate, w.rows.sharedPublicUpdate],
    own: (w) => w.rows.ownerComment,
    op: async (id, w) => attachOp('attachTicketFiles(ticketId', w.tickets.shared.id, id),
  },
  // issue 15, portal types: the new-style mutations, the same refusals.
  'Mutation.ticketParticipantAdd:input.userId': {
    foreignAll: (w) => [w.customers.customerB.user.id, w.customers.otherOrg.user.id, w.customers.noOrg.user.id, w.customers.peerOwn.user.id],
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({ query: 'mutation($t: ID!, $u: ID!) { ticketParticipantAdd(input: { ticketId: $t, userId: $u }) { ticket { id } } }', variables: { t: (await w.make.ticket('shared')).id, u: id } }),
  },
  'Mutation.ticketParticipantRemove:input.userId': {
    foreignAll: (w) => [w.customers.customerB.user.id, w.customers.otherOrg.user.id, w.customers.noOrg.user.id, w.customers.peerOwn.user.id],
    own: (w) => w.customers.peerShared.user.id,
    op: async (id, w) => ({ query: 'mutation($t: ID!, $u: ID!) { ticketParticipantRemove(input: { ticketId: $t, userId: $u }) { ticket { id } } }', variables: { t: (await w.make.ticket('shared')).id, u: id } }),
  },
  'Mutation.ticketFilesAttach:input.updateId': {
    foreignAll: (w) => [w.rows.updateB, w.rows.sharedInternalUpdate, w.rows.sharedPublicUpdate],
    own: (w) => w.rows.ownerComment,
    op: async (id, w) => ({
      query: 'mutation($t: ID!, $u: ID, $files: [Upload!]!) { ticketFilesAttach(input: { ticketId: $t, updateId: $u, files: $files }) { attachments { id updateId } } }',
      variables: { t: w.tickets.shared.id, u: id, files: [null] },
      files: { 'variables.files.0': 'ref upload' },
    }),
  },
};

/** List filters: another tenant's id matches nothing, exactly like a missing one; the tenant's own finds rows. */
const FILTERS: Slot<typeof FILTER_SLOTS> = (() => {
  const incidents = (key: string) => (id: string) => ({ query: 'query($f: IncidentFilterInput) { incidents(filter: $f) { items { id } pagination { total } } }', variables: { f: { [key]: id } } });
  const connection = (key: string) => (id: string) => ({ query: 'query($f: IncidentFilterInput) { incidentsConnection(filter: $f) { nodes { id } pagination: totalCount } }', variables: { f: { [key]: id } } });
  return {
    'Query.incidents:filter.assigneeId': { foreign: (w) => w.staff.B.id, own: (w) => w.staff.ENGINEER.id, op: incidents('assigneeId') },
    'Query.incidents:filter.customerId': { foreign: (w) => w.orgs.B.id, own: (w) => w.orgs.shared.id, op: incidents('customerId') },
    'Query.incidents:filter.parentId': { foreign: (w) => w.rows.incidentB.id, own: (w) => w.rows.linkChild.id, op: incidents('parentId') },
    'Query.incidentRatingSummary:filter.assigneeId': {
      foreign: (w) => w.staff.B.id,
      own: (w) => w.staff.ENGINEER.id,
      // Not a page: its count stands for the total the check reads.
      op: (id) => ({ query: 'query($a: ID) { incidentRatingSummary(filter: { assigneeId: $a }) { pagination: count } }', variables: { a: id } }),
    },
    'Query.portalUsers:filter.customerId': {
      foreign: (w) => w.orgs.B.id,
      own: (w) => w.orgs.shared.id,
      op: (id) => ({ query: 'query($c: ID) { portalUsers(filter: { customerId: $c }) { items { id } pagination { total } } }', variables: { c: id } }),
    },
    'Query.staffKbArticles:filter.sourceIncidentId': {
      foreign: (w) => w.rows.incidentB.id,
      own: (w) => w.tickets.shared.id,
      op: (id) => ({ query: 'query($s: ID) { staffKbArticles(filter: { sourceIncidentId: $s }) { items { id } pagination { total } } }', variables: { s: id } }),
    },
    'Query.auditLog:filter.actorId': {
      foreign: (w) => w.staff.B.id,
      own: (w) => w.staff.ADMIN.id,
      op: (id) => ({ query: 'query($a: ID) { auditLog(filter: { actorId: $a }) { items { id } pagination { total } } }', variables: { a: id } }),
    },
    'Query.auditLog:filter.targetId': {
      foreign: (w) => w.rows.articleB.id,
      own: (w) => w.rows.withRevisions,
      op: (id) => ({ query: 'query($x: ID) { auditLog(filter: { targetId: $x }) { items { id } pagination { total } } }', variables: { x: id } }),
    },
    // Cursor connections (issue 15): the same filters as their lists, the same answers.
    'Query.incidentsConnection:filter.assigneeId': { foreign: (w) => w.staff.B.id, own: (w) => w.staff.ENGINEER.id, op: connection('assigneeId') },
    'Query.incidentsConnection:filter.customerId': { foreign: (w) => w.orgs.B.id, own: (w) => w.orgs.shared.id, op: connection('customerId') },
    'Query.incidentsConnection:filter.parentId': { foreign: (w) => w.rows.incidentB.id, own: (w) => w.rows.linkChild.id, op: connection('parentId') },
    'Query.portalUsersConnection:filter.customerId': {
      foreign: (w) => w.orgs.B.id,
      own: (w) => w.orgs.shared.id,
      op: (id) => ({ query: 'query($c: ID) { portalUsersConnection(filter: { customerId: $c }) { nodes { id } pagination: totalCount } }', variables: { c: id } }),
    },
    'Query.staffKbArticlesConnection:filter.sourceIncidentId': {
      foreign: (w) => w.rows.incidentB.id,
      own: (w) => w.tickets.shared.id,
      op: (id) => ({ query: 'query($s: ID) { staffKbArticlesConnection(filter: { sourceIncidentId: $s }) { nodes { id } pagination: totalCount } }', variables: { s: id } }),
    },
    'Query.auditLogConnection:filter.actorId': {
      foreign: (w) => w.staff.B.id,
      own: (w) => w.staff.ADMIN.id,
      op: (id) => ({ query: 'query($a: ID) { auditLogConnection(filter: { actorId: $a }) { nodes { id } pagination: totalCount } }', variables: { a: id } }),
    },
    'Query.auditLogConnection:filter.targetId': {
      foreign: (w) => w.rows.articleB.id,
      own: (w) => w.rows.withRevisions,
      op: (id) => ({ query: 'query($x: ID) { auditLogConnection(filter: { targetId: $x }) { nodes { id } pagination: totalCount } }', variables: { x: id } }),
    },
  };
})();

describe('authorization matrix: ids that refer to other rows, list filters, companies, subscriptions, portal articles', () => {
  let t: TestApp;
  let w: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp(MATRIX_ENV);
    w = await buildWorld(t);
    const conn = t.em().getConnection();
    // Rows for the filters to find: in A through the API (so they are audited as usual), in B alike.
    await w.gql('mutation($id: ID!, $a: ID) { assignIncident(id: $id, assigneeId: $a) { id } }', { id: w.tickets.shared.id, a: w.staff.ENGINEER.id }, w.callers.ADMIN);
    await w.gql('mutation($p: ID!, $c: [ID!]!) { linkIncidents(parentId: $p, childIds: $c) { id } }', { p: w.rows.linkChild.id, c: [(await w.make.incident()).id] }, w.callers.ADMIN);
    await conn.execute('UPDATE kb_articles SET source_incident_id = ? WHERE id = ?', [w.tickets.shared.id, w.rows.draft.id]);
    const childB = await createIncident(t.em(), w.B, { parent: w.rows.incidentB, assignee: w.staff.B });
    await conn.execute('UPDATE incidents SET assignee_id = ? WHERE id = ?', [w.staff.B.id, w.rows.incidentB.id]);
    await conn.execute('UPDATE kb_articles SET source_incident_id = ? WHERE id = ?', [w.rows.incidentB.id, w.rows.articleB.id]);
    await w.gql('mutation($id: ID!) { updateKbArticle(id: $id, input: { title: "Theirs, renamed" }) { id } }', { id: w.rows.articleB.id }, w.callers.staffB);
    expect(childB.id).toBeTruthy();
    // A rating in each tenant, crediting the assignee (A: the shared ticket's, assigned above; B: its incident's).
    const rating = 'INSERT INTO incident_ratings (tenant_id, incident_id, rater_id, assignee_id, score, source) VALUES (?, ?, ?, ?, 5, \'PORTAL\')';
    await conn.execute(rating, [w.A.id, w.tickets.shared.id, w.customers.owner.user.id, w.staff.ENGINEER.id]);
    await conn.execute(rating, [w.B.id, w.rows.incidentB.id, w.customers.customerB.user.id, w.staff.B.id]);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  });

  const auditCount = async () => Number((await t.em().getConnection().execute<{ n: string }[]>('SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?', [w.A.id]))[0].n);

  /** The same operation naming another tenant's row and a never-used id: identical answers (after the id swap). */
  const compare = async (slot: string, foreignId: string, op: (id: string) => Operation | Promise<Operation>, caller: Caller) => {
    const missing = randomUUID();
    const foreignOp = await op(foreignId);
    const missingOp = await op(missing);
    const real = await w.gql(foreignOp.query, foreignOp.variables, caller, foreignOp.files);
    const ghost = await w.gql(missingOp.query, missingOp.variables, caller, missingOp.files);
    // Operations that build a row to act on (a fresh incident) carry its id too; swap it back as well.
    let text = real.text.replaceAll(foreignId, missing);
    for (const [k, v] of Object.entries(foreignOp.variables)) if (typeof v === 'string' && v !== foreignId && missingOp.variables[k] !== v) text = text.replaceAll(v, String(missingOp.variables[k]));
    return text === ghost.text && real.status === ghost.status ? null : `${slot}: another tenant's row answers unlike a missing one:\n  ${real.text}\n  ${ghost.text}`;
  };

  it('ids in a body that name another tenant’s row answer like missing ones and write nothing; the tenant’s own rows work', async () => {
    const problems: string[] = [];
    for (const [slot, s] of Object.entries(REFERENCES)) {
      const before = await auditCount();
      const problem = await compare(slot, s.foreign(w), (id) => s.op(id, w), w.callers.ADMIN);
      if (problem) problems.push(problem);
      if ((await auditCount()) !== before) problems.push(`${slot}: a refused call wrote to the audit log`);
      const op = await s.op(await s.own(w), w);
      const ok = await w.gql(op.query, op.variables, w.callers.ADMIN, op.files);
      if (ok.body.errors?.length) problems.push(`${slot}: the tenant's own row is refused: ${ok.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('portal user ids (ticket participants): another organization’s, none’s or another workspace’s user answers like a missing one and writes nothing', async () => {
    const problems: string[] = [];
    for (const [slot, s] of Object.entries(PORTAL_REFERENCES)) {
      for (const foreign of s.foreignAll(w)) {
        const before = await auditCount();
        const problem = await compare(slot, foreign, (id) => s.op(id, w), w.callers.owner);
        if (problem) problems.push(problem);
        if ((await auditCount()) !== before) problems.push(`${slot}: a refused call wrote to the audit log`);
      }
      const op = await s.op(await s.own(w), w);
      const ok = await w.gql(op.query, op.variables, w.callers.owner, op.files);
      if (ok.body.errors?.length) problems.push(`${slot}: a colleague is refused: ${ok.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('list filters: another tenant’s id matches nothing, exactly like a missing one; the tenant’s own id finds rows', async () => {
    const problems: string[] = [];
    await Promise.all(
      Object.entries(FILTERS).map(async ([slot, s]) => {
        const problem = await compare(slot, s.foreign(w), (id) => s.op(id, w), w.callers.ADMIN);
        if (problem) problems.push(problem);
        const op = await s.op(await s.own(w), w);
        const own = await w.gql(op.query, op.variables, w.callers.ADMIN);
        const totalOf = (data: unknown) => {
          const p = (Object.values(data ?? {})[0] as { pagination?: number | { total: number } } | undefined)?.pagination;
          return typeof p === 'number' ? p : p?.total;
        };
        if (!totalOf(own.body.data)) problems.push(`${slot}: the tenant's own id found nothing: ${own.text}`);
        // And the other tenant's ADMIN, filtering by A's id, sees nothing of A.
        const theirs = await w.gql(op.query, op.variables, w.callers.staffB);
        if (totalOf(theirs.body.data) !== 0) problems.push(`${slot}: B sees A's rows: ${theirs.text}`);
      }),
    );
    expect(problems).toEqual([]);
  });

  /** The public portal operations naming a company, each as a function of the id it names. */
  const companyOps = (): Record<(typeof COMPANY_SLOTS)[number], (companyId: string) => Operation> => {
    const { email, password } = w.customers.owner;
    return {
      'Mutation.registerCustomer:input.companyId': (companyId) => ({
        query: 'mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { id } }',
        variables: { i: { companyId, email: 'newcomer@client.test', name: 'New', password } },
      }),
      'Mutation.verifyCustomerEmail:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerVerifyEmailInput!) { verifyCustomerEmail(input: $i) }',
        variables: { i: { companyId, email, otp: '000000' } },
      }),
      'Mutation.resendCustomerOtp:input.companyId': (companyId) => ({ query: 'mutation($i: CustomerEmailInput!) { resendCustomerOtp(input: $i) }', variables: { i: { companyId, email } } }),
      'Mutation.customerLogin:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }',
        variables: { i: { companyId, email, password } },
      }),
      'Mutation.customerForgotPassword:input.companyId': (companyId) => ({ query: 'mutation($i: CustomerEmailInput!) { customerForgotPassword(input: $i) }', variables: { i: { companyId, email } } }),
      'Mutation.requestSignInLink:input.companyId': (companyId) => ({ query: 'mutation($i: SignInLinkRequestInput!) { requestSignInLink(input: $i) }', variables: { i: { companyId, email } } }),
      // Issue 15 (customer sign-in): the new-style mutations. Another account of A (peerOwn): the old and new names
      // share the owner's per-address budgets for codes, resets and links (3 a minute), which the old ones spend here.
      'Mutation.customerRegister:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerRegisterInput!) { customerRegister(input: $i) { account { id } } }',
        variables: { i: { companyId, email: 'newcomer@client.test', name: 'New', password } },
      }),
      'Mutation.customerEmailVerify:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerEmailVerifyInput!) { customerEmailVerify(input: $i) { verified } }',
        variables: { i: { companyId, email: w.customers.peerOwn.email, otp: '000000' } },
      }),
      'Mutation.customerEmailOtpResend:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerEmailOtpResendInput!) { customerEmailOtpResend(input: $i) { sent } }',
        variables: { i: { companyId, email: w.customers.peerOwn.email } },
      }),
      'Mutation.customerPasswordResetRequest:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $i) { sent } }',
        variables: { i: { companyId, email: w.customers.peerOwn.email } },
      }),
      'Mutation.customerSignInLinkRequest:input.companyId': (companyId) => ({
        query: 'mutation($i: CustomerSignInLinkRequestInput!) { customerSignInLinkRequest(input: $i) { sent } }',
        variables: { i: { companyId, email: w.customers.peerOwn.email } },
      }),
      'Mutation.signInWithLink:input.companyId': (companyId) => ({
        query: 'mutation($i: SignInWithLinkInput!) { signInWithLink(input: $i) { accessToken } }',
        variables: { i: { companyId, token: 'sgn_never-issued-token-value-xxxxxxxxxxxxxxxxxx' } },
      }),
    };
  };
  // B: the address has no account there. A: the owner's own company, but closed to sign-up (registration only).
  const foreignCompanies = (slot: string) => (slot.startsWith('Mutation.registerCustomer') || slot.startsWith('Mutation.customerRegister') ? [w.A, w.B] : [w.B]);

  it('public portal operations: a company closed to sign-up, or where the address has no account, answers like a missing company', async () => {
    const ops = companyOps();
    const problems: string[] = [];
    for (const [slot, op] of Object.entries(ops)) {
      for (const { id: company } of foreignCompanies(slot)) {
        const problem = await compare(slot, company, op, w.callers.anonymous);
        if (problem) problems.push(problem);
      }
    }
    const login = ops['Mutation.customerLogin:input.companyId'](w.A.id);
    const ok = await w.gql(login.query, login.variables, w.callers.anonymous);
    expect(ok.body.errors).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('the same with the company named `workspace` (issue 15), by id and by slug: like a missing one', async () => {
    // Each comparison spends two of an address's codes, resets or links (3 a minute): a fresh budget for each.
    const freshBudgets = () => t.em().getConnection().execute("DELETE FROM rate_limits WHERE key NOT LIKE 'mutation_viewer:%'");
    const byWorkspace =
      (op: (companyId: string) => Operation) =>
      (workspace: string): Operation => {
        const base = op(workspace);
        const { companyId: _, ...input } = base.variables.i as Record<string, unknown>;
        return { ...base, variables: { ...base.variables, i: { ...input, workspace } } };
      };
    const problems: string[] = [];
    for (const [slot, op] of Object.entries(companyOps())) {
      for (const company of foreignCompanies(slot)) {
        for (const workspace of [company.id, company.slug]) {
          await freshBudgets();
          const problem = await compare(`${slot} as workspace ${workspace}`, workspace, byWorkspace(op), w.callers.anonymous);
          if (problem) problems.push(problem);
        }
      }
    }
    for (const workspace of [w.A.id, w.A.slug]) {
      const login = byWorkspace(companyOps()['Mutation.customerLogin:input.companyId'])(workspace);
      expect((await w.gql(login.query, login.variables, w.callers.anonymous)).body.errors).toBeUndefined();
    }
    expect(problems).toEqual([]);
  });

  // The staff's and portal users' subscription, and the portal's own (ticketUpdated, customers only: shield refuses staff).
  it.each([
    ['incidentUpdated', true],
    ['ticketUpdated', false],
  ] as const)('Subscription.%s: a ticket the caller may not see answers like a missing one', async (field, staffToo) => {
    const first = (caller: Caller, id: string) =>
      new Promise<string>((resolve, reject) => {
        const client = createClient({
          url: `${t.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: caller.headers.authorization },
          retryAttempts: 0,
          lazy: true,
        });
        clients.push(client);
        client.subscribe({ query: `subscription($id: ID!) { ${field}(id: $id) { id } }`, variables: { id } }, { next: (r) => resolve(JSON.stringify(r)), error: reject, complete: () => resolve('complete') });
      });
    const hidden: [Caller, string][] = [
      [w.callers.peerOwn, w.tickets.own.id],
      ...(['otherOrg', 'noOrg', 'customerB'] as CustomerCaller[]).map((n): [Caller, string] => [w.callers[n], w.tickets.shared.id]),
      ...(staffToo ? [[w.callers.staffB, w.tickets.shared.id] as [Caller, string], [w.callers.superAdminHome, w.tickets.shared.id] as [Caller, string]] : []),
    ];
    const problems: string[] = [];
    await Promise.all(
      hidden.map(async ([caller, id]) => {
        const missing = randomUUID();
        const [real, ghost] = await Promise.all([first(caller, id), first(caller, missing)]);
        if (!real.includes('INCIDENT_NOT_FOUND') || real.replaceAll(id, missing) !== ghost) problems.push(`${caller.name}: ${real} vs ${ghost}`);
      }),
    );
    expect(problems).toEqual([]);
  });

  it('Query.kbArticle (portal, by slug): INTERNAL, DRAFT and other tenants’ articles answer like missing ones, over GraphQL and REST', async () => {
    const owner = w.callers.owner;
    const query = 'query($s: String!) { kbArticle(slug: $s) { slug title } }';
    const problems: string[] = [];
    for (const article of [w.rows.internalPublished, w.rows.draft, w.rows.articleB]) {
      const missing = `no-such-${randomBytes(4).toString('hex')}`;
      const [real, ghost] = await Promise.all([w.gql(query, { s: article.slug }, owner), w.gql(query, { s: missing }, owner)]);
      if (!real.text.includes('ARTICLE_NOT_FOUND') || real.text.replaceAll(article.slug, missing) !== ghost.text) problems.push(`${article.slug}: ${real.text} vs ${ghost.text}`);
      const [restReal, restGhost] = await Promise.all([t.rest('GET', `/api/v1/portal/kb/${article.slug}`, undefined, owner.headers), t.rest('GET', `/api/v1/portal/kb/${missing}`, undefined, owner.headers)]);
      if (restReal.status !== 404 || restReal.status !== restGhost.status || restReal.text.replaceAll(article.slug, missing) !== restGhost.text) problems.push(`REST ${article.slug}: ${restReal.text} vs ${restGhost.text}`);
    }
    const ok = await w.gql(query, { s: w.rows.published.slug }, owner);
    expect(ok.body.errors).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
