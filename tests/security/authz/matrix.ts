import { getNamedType, isInputObjectType, isObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { can, type Permission } from '../../../src/authz/policies';
import { TICKET_FOR, viewerOf, type Caller, type CustomerCaller, type World } from './world';

/**
 * The authorization matrix of every id-taking operation. One entry per "slot": a root field and the path of
 * an ID argument in it (`Mutation.updateIncident:id`, `Mutation.createIncident:input.customerId`). The
 * slots are enumerated from the built schema, so a new operation (or a new ID argument) that has no entry
 * fails the coverage test.
 */

/** Every `Root.field:arg.path` whose argument is an ID, or an input object holding one. */
export function idSlots(schema: GraphQLSchema): string[] {
  const paths = (type: GraphQLInputType, path: string, seen: Set<string>): string[] => {
    const named = getNamedType(type);
    if (named.name === 'ID') return [path];
    if (!isInputObjectType(named) || seen.has(named.name)) return [];
    const inner = new Set(seen).add(named.name);
    return Object.values(named.getFields()).flatMap((f) => paths(f.type, `${path}.${f.name}`, inner));
  };
  const slots: string[] = [];
  for (const root of ['Query', 'Mutation', 'Subscription']) {
    const type = schema.getType(root);
    if (!type || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) slots.push(...paths(arg.type, arg.name, new Set()).map((p) => `${root}.${field.name}:${p}`));
    }
  }
  return slots.sort();
}

export type Access =
  /** A staff operation behind one permission of the matrix (authz/rules.ts names the same one). */
  | { kind: 'staff'; perm: Permission }
  /** A portal operation on a ticket: the row-level rule (TICKET_FOR) decides. */
  | { kind: 'customer' }
  /** A portal operation only the ticket's reporter may do: the others who see the ticket get `refused`. */
  | { kind: 'reporter'; refused: string };

export interface Outcome {
  allowed: boolean;
  /** The error code of a refusal. */
  code?: string;
  /** A refusal to a caller who may see the row: its existence is no secret, so it need not answer like a missing one. */
  seesRow?: boolean;
}

/**
 * What the policy says for one caller: the staff part comes from `can()` itself, the portal part from the
 * row-level table TICKET_FOR; tenant scoping makes any other tenant's row a missing one.
 *  - no token: UNAUTHENTICATED; a valid token of the other kind: FORBIDDEN - shield, before any row is read;
 *  - staff without the permission: FORBIDDEN, whatever the id (shield refuses before the row is looked up,
 *    so it is the same answer for an existing and a missing row, and tells nothing);
 *  - staff with the permission in another tenant, or a customer who may not see the ticket: the not-found
 *    answer of a missing row.
 */
export function expected(access: Access, notFound: string, c: Caller): Outcome {
  if (c.kind === 'anonymous') return { allowed: false, code: 'UNAUTHENTICATED' };
  if (access.kind === 'staff') {
    if (c.kind !== 'staff') return { allowed: false, code: 'FORBIDDEN' };
    if (!can(viewerOf(c), access.perm)) return { allowed: false, code: 'FORBIDDEN' };
    return c.tenant === 'A' ? { allowed: true } : { allowed: false, code: notFound };
  }
  if (c.kind !== 'customer') return { allowed: false, code: 'FORBIDDEN' };
  const ticket = TICKET_FOR[c.name as CustomerCaller];
  if (!ticket.sees) return { allowed: false, code: notFound };
  if (access.kind === 'reporter' && !ticket.reporter) return { allowed: false, code: access.refused, seesRow: true };
  return { allowed: true };
}

export const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATING_NOT_ALLOWED: 403, PARTICIPANT_CHANGE_NOT_ALLOWED: 403, ATTACHMENT_DELETE_REFUSED: 403 };
export const httpStatusOf = (code: string) => HTTP_STATUS[code] ?? (code.endsWith('NOT_FOUND') ? 404 : 0);

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  /** A GraphQL multipart request: each file's text by its variable path (World.gql). */
  files?: Record<string, string>;
}
export interface RestRequest {
  method: string;
  path: string;
  body?: unknown;
  /** multipart/form-data: the files' texts, sent as `file` parts (the attachment routes). */
  files?: string[];
}

/** An operation acting on the row its id names: the full caller matrix runs against it. */
export interface RowEntry {
  slot: string;
  access: Access;
  /** The code a missing row answers with. */
  notFound: string;
  /** The existing row a caller is pointed at (refused calls; allowed reads). */
  target(w: World, c: Caller): string;
  /** Mutations: a new row like the target, for each allowed call, so no allowed call changes the shared rows. */
  fresh?(w: World, c: Caller): Promise<string>;
  op(id: string, w: World): Operation | Promise<Operation>;
  /** Mutations: the row (and its children) that a refused call must leave as it was. */
  snapshot?(w: World, id: string): Promise<unknown>;
  /** A problem with an allowed answer, if any (the root field is already checked to be non-null). */
  check?(data: unknown, id: string, w: World): string | null;
  /** The REST routes running this operation, by `METHOD /path` as in src/rest/routes/. */
  rest?: Record<string, (id: string, w: World) => RestRequest | Promise<RestRequest>>;
}

export const fieldOf = (slot: string) => slot.slice(slot.indexOf('.') + 1, slot.indexOf(':'));

const ticketTarget = (w: World, c: Caller) => (c.kind === 'customer' ? w.tickets[TICKET_FOR[c.name as CustomerCaller].ticket].id : w.tickets.shared.id);
const freshTicket = async (w: World, c: Caller) => (await w.make.ticket(c.kind === 'customer' ? TICKET_FOR[c.name as CustomerCaller].ticket : 'shared')).id;
const versionOf = async (w: World, id: string) =>
  (await w.t.em().getConnection().execute<{ version: number }[]>('SELECT version FROM incidents WHERE id = ?', [id]))[0]?.version ?? 1;
const incidentSnapshot = (w: World, id: string) => w.snapshot('incidents', id, [['incident_updates', 'incident_id'], ['incident_analyses', 'incident_id'], ['incidents', 'parent_id']]);
const idIs = (field: string) => (data: unknown, id: string) => {
  const got = (data as Record<string, { id?: string }>)[field]?.id;
  return got === id ? null : `${field}.id is ${got}, expected ${id}`;
};
/** The object under `key` of a payload (issue 15's mutations) is the row acted on. */
const payloadIdIs = (field: string, key: string) => (data: unknown, id: string) => {
  const got = (data as Record<string, Record<string, { id?: string } | undefined>>)[field]?.[key]?.id;
  return got === id ? null : `${field}.${key}.id is ${got}, expected ${id}`;
};
/** A customer's view of a ticket: no INTERNAL update, no internal note text. */
const customerView = (data: unknown, id: string, w: World) => {
  const ticket = (data as { ticket?: { id: string; updates: { visibility: string }[] } }).ticket;
  if (ticket?.id !== id) return `ticket.id is ${ticket?.id}`;
  if (ticket.updates.some((u) => u.visibility !== 'PUBLIC') || JSON.stringify(data).includes(w.rows.internalNote)) return 'an INTERNAL update reached a customer';
  return null;
};

const staff = (perm: Permission): Access => ({ kind: 'staff', perm });
/** A payload's ticket is the one named (issue 15, portal types). */
const idOf = (field: string) => (data: unknown, id: string) => {
  const got = (data as Record<string, { ticket?: { id?: string } }>)[field]?.ticket?.id;
  return got === id ? null : `${field}.ticket.id is ${got}, expected ${id}`;
};
const customer: Access = { kind: 'customer' };
/** A fresh ticket of the caller's kind, resolved (what a rating needs). */
const freshResolvedTicket = async (w: World, c: Caller) => {
  const id = await freshTicket(w, c);
  await w.t.em().getConnection().execute("UPDATE incidents SET status = 'RESOLVED', resolved_at = now() WHERE id = ?", [id]);
  return id;
};
const ratingSnapshot = (w: World, id: string) => w.snapshot('incidents', id, [['incident_ratings', 'incident_id'], ['incident_updates', 'incident_id']]);
/** A colleague who may be added to the ticket: an active portal user of its organization (peerShared or peerOwn), not its reporter. */
const colleagueFor = async (w: World, ticketId: string) => {
  const [row] = await w.t.em().getConnection().execute<{ customer_id: string | null }[]>('SELECT customer_id FROM incidents WHERE id = ?', [ticketId]);
  return row?.customer_id === w.orgs.own.id ? w.customers.peerOwn.user.id : w.customers.peerShared.user.id;
};
const participantSnapshot = (w: World, id: string) => w.snapshot('incidents', id, [['incident_participants', 'incident_id']]);
/** Someone who takes part in no ticket and is no matrix caller's own account: removing them changes nothing, whoever may. */
const notAParticipant = (w: World) => w.customers.otherOrg.user.id;
const INCIDENT = 'INCIDENT_NOT_FOUND';
const ARTICLE = 'ARTICLE_NOT_FOUND';
/** One file for an upload: over GraphQL at `$files[0]`, over REST as one part. */
const GQL_FILE = { 'variables.files.0': 'matrix upload' };
const REST_FILE = ['matrix upload'];
const attachmentSnapshot = (w: World, id: string) => w.snapshot('incidents', id, [['attachments', 'incident_id']]);
const uploaded = (field: string) => (data: unknown) => ((data as Record<string, { attachments: unknown[] }>)[field].attachments.length === 1 ? null : 'no file stored');

export const ROW_ENTRIES: RowEntry[] = [
  // Customer portal: tickets, row-level
  {
    slot: 'Query.ticket:id',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    op: (id) => ({ query: 'query($id: ID!) { ticket(id: $id) { id number status updates { body visibility } } }', variables: { id } }),
    check: customerView,
    rest: {
      'GET /api/v1/customer/get-incident/:id': (id) => ({ method: 'GET', path: `/api/v1/customer/get-incident/${id}` }),
      'GET /api/v1/portal/tickets/:id': (id) => ({ method: 'GET', path: `/api/v1/portal/tickets/${id}` }),
      'GET /api/v1/portal/tickets/:id/participants': (id) => ({ method: 'GET', path: `/api/v1/portal/tickets/${id}/participants` }),
      // The ticket's files: the file routes (rest/attachments.ts) apply the same rule, ticket by ticket.
      'GET /api/v1/portal/tickets/:id/attachments': (id) => ({ method: 'GET', path: `/api/v1/portal/tickets/${id}/attachments` }),
      'GET /api/v1/customer/incidents/:id/attachments': (id) => ({ method: 'GET', path: `/api/v1/customer/incidents/${id}/attachments` }),
    },
  },
  {
    slot: 'Mutation.addTicketComment:ticketId',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { addTicketComment(ticketId: $id, body: "Any news?") { id visibility } }', variables: { id } }),
    snapshot: incidentSnapshot,
  },
  {
    // A GraphQL multipart request (World.gql); the REST uploads are the file routes of both portal doors.
    slot: 'Mutation.attachTicketFiles:ticketId',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!, $files: [Upload!]!) { attachTicketFiles(ticketId: $id, files: $files) { attachments { id } } }', variables: { id, files: [null] }, files: GQL_FILE }),
    snapshot: attachmentSnapshot,
    check: uploaded('attachTicketFiles'),
    rest: {
      'POST /api/v1/portal/tickets/:id/attachments': (id) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/attachments`, files: REST_FILE }),
      'POST /api/v1/customer/incidents/:id/attachments': (id) => ({ method: 'POST', path: `/api/v1/customer/incidents/${id}/attachments`, files: REST_FILE }),
    },
  },
  {
    // Only the reporter rates: colleagues who see the ticket through their organization are told so.
    slot: 'Mutation.rateTicket:ticketId',
    access: { kind: 'reporter', refused: 'RATING_NOT_ALLOWED' },
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshResolvedTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { rateTicket(ticketId: $id, input: { score: 4 }) { ticketId score } }', variables: { id } }),
    snapshot: ratingSnapshot,
  },

  // Participants: the reporter adds and removes colleagues; anyone who sees the ticket may leave it.
  {
    slot: 'Mutation.addTicketParticipant:ticketId',
    access: { kind: 'reporter', refused: 'PARTICIPANT_CHANGE_NOT_ALLOWED' },
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: async (id, w) => ({ query: 'mutation($id: ID!, $u: ID!) { addTicketParticipant(ticketId: $id, userId: $u) { id displayName } }', variables: { id, u: await colleagueFor(w, id) } }),
    snapshot: participantSnapshot,
    check: (data) => ((data as { addTicketParticipant: unknown[] }).addTicketParticipant.length === 1 ? null : 'the colleague was not added'),
  },
  {
    slot: 'Mutation.removeTicketParticipant:ticketId',
    access: { kind: 'reporter', refused: 'PARTICIPANT_CHANGE_NOT_ALLOWED' },
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id, w) => ({ query: 'mutation($id: ID!, $u: ID!) { removeTicketParticipant(ticketId: $id, userId: $u) { id } }', variables: { id, u: notAParticipant(w) } }),
    snapshot: participantSnapshot,
  },
  {
    slot: 'Mutation.leaveTicket:ticketId',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { leaveTicket(ticketId: $id) }', variables: { id } }),
    snapshot: participantSnapshot,
  },

  // --- issue 15, portal types: the portal's new-style mutations, the id inside `input`, the same access as the old ones.
  {
    slot: 'Mutation.ticketCommentAdd:input.ticketId',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { ticketCommentAdd(input: { ticketId: $id, body: "Any news?" }) { update { id visibility } ticket { id } } }', variables: { id } }),
    snapshot: incidentSnapshot,
    check: (data, id) => {
      const p = (data as { ticketCommentAdd: { update: { visibility: string }; ticket: { id: string } } }).ticketCommentAdd;
      return p.ticket.id === id && p.update.visibility === 'PUBLIC' ? null : `unexpected payload ${JSON.stringify(p)}`;
    },
    rest: { 'POST /api/v1/portal/tickets/:id/comments': (id) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/comments`, body: { body: 'Any news?' } }) },
  },
  {
    slot: 'Mutation.ticketFilesAttach:input.ticketId',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({
      query: 'mutation($id: ID!, $files: [Upload!]!) { ticketFilesAttach(input: { ticketId: $id, files: $files }) { attachments { id } ticket { id } } }',
      variables: { id, files: [null] },
      files: GQL_FILE,
    }),
    snapshot: attachmentSnapshot,
    check: uploaded('ticketFilesAttach'),
  },
  {
    slot: 'Mutation.ticketRate:input.ticketId',
    access: { kind: 'reporter', refused: 'RATING_NOT_ALLOWED' },
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshResolvedTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { ticketRate(input: { ticketId: $id, score: 4 }) { rating { ticketId score } } }', variables: { id } }),
    snapshot: ratingSnapshot,
    check: (data, id) => ((data as { ticketRate: { rating: { ticketId: string } } }).ticketRate.rating.ticketId === id ? null : 'another ticket rated'),
    rest: {
      'POST /api/v1/portal/tickets/:id/rating': (id) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/rating`, body: { score: 4 } }),
      'POST /api/v1/customer/incidents/:id/rating': (id) => ({ method: 'POST', path: `/api/v1/customer/incidents/${id}/rating`, body: { score: 4 } }),
    },
  },
  {
    slot: 'Mutation.ticketParticipantAdd:input.ticketId',
    access: { kind: 'reporter', refused: 'PARTICIPANT_CHANGE_NOT_ALLOWED' },
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: async (id, w) => ({
      query: 'mutation($id: ID!, $u: ID!) { ticketParticipantAdd(input: { ticketId: $id, userId: $u }) { ticket { id participants { id displayName } } } }',
      variables: { id, u: await colleagueFor(w, id) },
    }),
    snapshot: participantSnapshot,
    check: (data) => ((data as { ticketParticipantAdd: { ticket: { participants: unknown[] } } }).ticketParticipantAdd.ticket.participants.length === 1 ? null : 'the colleague was not added'),
    rest: {
      'POST /api/v1/portal/tickets/:id/participants': async (id, w) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/participants`, body: { userId: await colleagueFor(w, id) } }),
    },
  },
  {
    slot: 'Mutation.ticketParticipantRemove:input.ticketId',
    access: { kind: 'reporter', refused: 'PARTICIPANT_CHANGE_NOT_ALLOWED' },
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id, w) => ({ query: 'mutation($id: ID!, $u: ID!) { ticketParticipantRemove(input: { ticketId: $id, userId: $u }) { ticket { id } } }', variables: { id, u: notAParticipant(w) } }),
    snapshot: participantSnapshot,
    check: idOf('ticketParticipantRemove'),
    rest: {
      'DELETE /api/v1/portal/tickets/:id/participants/:userId': (id, w) => ({ method: 'DELETE', path: `/api/v1/portal/tickets/${id}/participants/${notAParticipant(w)}` }),
    },
  },
  {
    slot: 'Mutation.ticketLeave:input.ticketId',
    access: customer,
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { ticketLeave(input: { ticketId: $id }) { left } }', variables: { id } }),
    snapshot: participantSnapshot,
  },

  // Staff: incidents
  {
    slot: 'Query.incident:id',
    access: staff('incident.read'),
    notFound: INCIDENT,
    target: ticketTarget,
    op: (id) => ({ query: 'query($id: ID!) { incident(id: $id) { id techDescription } }', variables: { id } }),
    check: idIs('incident'),
    rest: {
      'GET /api/v1/incidents/:id': (id) => ({ method: 'GET', path: `/api/v1/incidents/${id}` }),
      'GET /api/v1/incidents/:id/participants': (id) => ({ method: 'GET', path: `/api/v1/incidents/${id}/participants` }),
      'GET /api/v1/incidents/:id/attachments': (id) => ({ method: 'GET', path: `/api/v1/incidents/${id}/attachments` }),
    },
  },
  {
    slot: 'Mutation.attachIncidentFiles:incidentId',
    access: staff('incident.comment'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!, $files: [Upload!]!) { attachIncidentFiles(incidentId: $id, files: $files) { attachments { id } } }', variables: { id, files: [null] }, files: GQL_FILE }),
    snapshot: attachmentSnapshot,
    check: uploaded('attachIncidentFiles'),
    rest: { 'POST /api/v1/incidents/:id/attachments': (id) => ({ method: 'POST', path: `/api/v1/incidents/${id}/attachments`, files: REST_FILE }) },
  },
  {
    slot: 'Mutation.addIncidentParticipant:incidentId',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: async (id, w) => ({ query: 'mutation($id: ID!, $u: ID!) { addIncidentParticipant(incidentId: $id, userId: $u) { id email } }', variables: { id, u: await colleagueFor(w, id) } }),
    snapshot: participantSnapshot,
    check: (data) => ((data as { addIncidentParticipant: unknown[] }).addIncidentParticipant.length === 1 ? null : 'the portal user was not added'),
  },
  {
    slot: 'Mutation.removeIncidentParticipant:incidentId',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id, w) => ({ query: 'mutation($id: ID!, $u: ID!) { removeIncidentParticipant(incidentId: $id, userId: $u) { id } }', variables: { id, u: notAParticipant(w) } }),
    snapshot: participantSnapshot,
  },
  {
    slot: 'Query.incidentAnalysis:incidentId',
    access: staff('incident.read'),
    notFound: INCIDENT,
    target: ticketTarget,
    op: (id) => ({ query: 'query($id: ID!) { incidentAnalysis(incidentId: $id) { id version } }', variables: { id } }),
    rest: { 'GET /api/v1/incidents/:id/analysis': (id) => ({ method: 'GET', path: `/api/v1/incidents/${id}/analysis` }) },
  },
  {
    slot: 'Query.incidentAnalyses:incidentId',
    access: staff('incident.read'),
    notFound: INCIDENT,
    target: ticketTarget,
    op: (id) => ({ query: 'query($id: ID!) { incidentAnalyses(incidentId: $id) { items { id } pagination { total } } }', variables: { id } }),
    check: (data) => ((data as { incidentAnalyses: { pagination: { total: number } } }).incidentAnalyses.pagination.total > 0 ? null : 'no analyses listed'),
    rest: { 'GET /api/v1/incidents/:id/analyses': (id) => ({ method: 'GET', path: `/api/v1/incidents/${id}/analyses` }) },
  },
  // Cursor connections (issue 15): the same lookup, rule and answers as the list each sits beside.
  {
    slot: 'Query.incidentAnalysesConnection:incidentId',
    access: staff('incident.read'),
    notFound: INCIDENT,
    target: ticketTarget,
    op: (id) => ({ query: 'query($id: ID!) { incidentAnalysesConnection(incidentId: $id) { nodes { id } totalCount } }', variables: { id } }),
    check: (data) => ((data as { incidentAnalysesConnection: { totalCount: number } }).incidentAnalysesConnection.totalCount > 0 ? null : 'no analyses listed'),
  },
  {
    slot: 'Mutation.updateIncident:id',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    // The row's own version, so a call that got through would really apply.
    op: async (id, w) => ({
      query: 'mutation($id: ID!, $v: Int!) { updateIncident(id: $id, version: $v, input: { title: "Renamed" }) { id title } }',
      variables: { id, v: await versionOf(w, id) },
    }),
    snapshot: incidentSnapshot,
    check: idIs('updateIncident'),
  },
  {
    slot: 'Mutation.changeIncidentStatus:id',
    // ACKNOWLEDGED: the one status RESPONDER may set (canChangeStatusTo); shield's rule is incident.acknowledge.
    access: staff('incident.acknowledge'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { changeIncidentStatus(id: $id, input: { status: ACKNOWLEDGED }) { id status } }', variables: { id } }),
    snapshot: incidentSnapshot,
    check: idIs('changeIncidentStatus'),
  },
  {
    slot: 'Mutation.addIncidentUpdate:id',
    access: staff('incident.comment'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { addIncidentUpdate(id: $id, input: { body: "Looking.", visibility: INTERNAL }) { id } }', variables: { id } }),
    snapshot: incidentSnapshot,
  },
  {
    slot: 'Mutation.assignIncident:id',
    access: staff('incident.assign'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id, w) => ({ query: 'mutation($id: ID!, $a: ID) { assignIncident(id: $id, assigneeId: $a) { id } }', variables: { id, a: w.staff.ENGINEER.id } }),
    snapshot: incidentSnapshot,
    check: idIs('assignIncident'),
  },
  {
    slot: 'Mutation.linkIncidents:parentId',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: async (w) => (await w.make.incident()).id,
    op: (id, w) => ({ query: 'mutation($p: ID!, $c: [ID!]!) { linkIncidents(parentId: $p, childIds: $c) { id } }', variables: { p: id, c: [w.rows.linkChild.id] } }),
    snapshot: incidentSnapshot,
    check: idIs('linkIncidents'),
  },
  {
    slot: 'Mutation.unlinkIncident:id',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: (w) => w.rows.linkedChild.id,
    fresh: async (w) => (await w.make.linkedChild()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { unlinkIncident(id: $id) { id parentId } }', variables: { id } }),
    snapshot: incidentSnapshot,
    check: (data, id) => idIs('unlinkIncident')(data, id) ?? ((data as { unlinkIncident: { parentId: unknown } }).unlinkIncident.parentId === null ? null : 'still linked'),
  },
  {
    slot: 'Mutation.analyzeIncident:id',
    access: staff('incident.analyze'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { analyzeIncident(id: $id) { id } }', variables: { id } }),
    snapshot: incidentSnapshot,
  },

  // Issue 15, staff incident work: the object-first mutations, ids inside `input`, exactly as the ones they replace above.
  {
    slot: 'Mutation.incidentUpdate:input.id',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: async (id, w) => ({
      query: 'mutation($id: ID!, $v: Int!) { incidentUpdate(input: { id: $id, version: $v, title: "Renamed" }) { incident { id title } } }',
      variables: { id, v: await versionOf(w, id) },
    }),
    snapshot: incidentSnapshot,
    check: payloadIdIs('incidentUpdate', 'incident'),
    rest: { 'PATCH /api/v1/incidents/:id': async (id, w) => ({ method: 'PATCH', path: `/api/v1/incidents/${id}`, body: { version: await versionOf(w, id), title: 'Renamed' } }) },
  },
  {
    slot: 'Mutation.incidentStatusChange:input.id',
    access: staff('incident.acknowledge'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { incidentStatusChange(input: { id: $id, status: ACKNOWLEDGED }) { incident { id status } update { status } } }', variables: { id } }),
    snapshot: incidentSnapshot,
    check: payloadIdIs('incidentStatusChange', 'incident'),
    rest: { 'POST /api/v1/incidents/:id/status': (id) => ({ method: 'POST', path: `/api/v1/incidents/${id}/status`, body: { status: 'ACKNOWLEDGED' } }) },
  },
  {
    slot: 'Mutation.incidentUpdateAdd:input.id',
    access: staff('incident.comment'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { incidentUpdateAdd(input: { id: $id, body: "Looking.", visibility: INTERNAL }) { update { id } incident { id } } }', variables: { id } }),
    snapshot: incidentSnapshot,
    check: payloadIdIs('incidentUpdateAdd', 'incident'),
    rest: { 'POST /api/v1/incidents/:id/updates': (id) => ({ method: 'POST', path: `/api/v1/incidents/${id}/updates`, body: { body: 'Looking.', visibility: 'INTERNAL' } }) },
  },
  {
    slot: 'Mutation.incidentAssign:input.id',
    access: staff('incident.assign'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id, w) => ({ query: 'mutation($id: ID!, $a: ID) { incidentAssign(input: { id: $id, assigneeId: $a }) { incident { id } } }', variables: { id, a: w.staff.ENGINEER.id } }),
    snapshot: incidentSnapshot,
    check: payloadIdIs('incidentAssign', 'incident'),
    rest: { 'POST /api/v1/incidents/:id/assign': (id, w) => ({ method: 'POST', path: `/api/v1/incidents/${id}/assign`, body: { assigneeId: w.staff.ENGINEER.id } }) },
  },
  {
    slot: 'Mutation.incidentLink:input.parentId',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: async (w) => (await w.make.incident()).id,
    op: (id, w) => ({ query: 'mutation($p: ID!, $c: [ID!]!) { incidentLink(input: { parentId: $p, childIds: $c }) { incident { id } children { id } } }', variables: { p: id, c: [w.rows.linkChild.id] } }),
    snapshot: incidentSnapshot,
    check: payloadIdIs('incidentLink', 'incident'),
    rest: { 'POST /api/v1/incidents/:id/links': (id, w) => ({ method: 'POST', path: `/api/v1/incidents/${id}/links`, body: { childIds: [w.rows.linkChild.id] } }) },
  },
  {
    slot: 'Mutation.incidentUnlink:input.id',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: (w) => w.rows.linkedChild.id,
    fresh: async (w) => (await w.make.linkedChild()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { incidentUnlink(input: { id: $id }) { incident { id parentId } } }', variables: { id } }),
    snapshot: incidentSnapshot,
    check: (data, id) =>
      payloadIdIs('incidentUnlink', 'incident')(data, id) ?? ((data as { incidentUnlink: { incident: { parentId: unknown } } }).incidentUnlink.incident.parentId === null ? null : 'still linked'),
    rest: { 'DELETE /api/v1/incidents/:id/parent': (id) => ({ method: 'DELETE', path: `/api/v1/incidents/${id}/parent` }) },
  },
  {
    slot: 'Mutation.incidentParticipantAdd:input.incidentId',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: async (id, w) => ({
      query: 'mutation($id: ID!, $u: ID!) { incidentParticipantAdd(input: { incidentId: $id, userId: $u }) { participants { id email } incident { id } } }',
      variables: { id, u: await colleagueFor(w, id) },
    }),
    snapshot: participantSnapshot,
    check: (data, id) =>
      payloadIdIs('incidentParticipantAdd', 'incident')(data, id) ??
      ((data as { incidentParticipantAdd: { participants: unknown[] } }).incidentParticipantAdd.participants.length === 1 ? null : 'the portal user was not added'),
    rest: {
      'POST /api/v1/incidents/:id/participants': async (id, w) => ({ method: 'POST', path: `/api/v1/incidents/${id}/participants`, body: { userId: await colleagueFor(w, id) } }),
    },
  },
  {
    slot: 'Mutation.incidentParticipantRemove:input.incidentId',
    access: staff('incident.update'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id, w) => ({ query: 'mutation($id: ID!, $u: ID!) { incidentParticipantRemove(input: { incidentId: $id, userId: $u }) { removedUserId participants { id } } }', variables: { id, u: notAParticipant(w) } }),
    snapshot: participantSnapshot,
    rest: {
      'DELETE /api/v1/incidents/:id/participants/:userId': (id, w) => ({ method: 'DELETE', path: `/api/v1/incidents/${id}/participants/${notAParticipant(w)}` }),
    },
  },
  {
    slot: 'Mutation.incidentAnalyze:input.id',
    access: staff('incident.analyze'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({ query: 'mutation($id: ID!) { incidentAnalyze(input: { id: $id }) { analysis { id } } }', variables: { id } }),
    snapshot: incidentSnapshot,
    rest: { 'POST /api/v1/incidents/:id/analysis': (id) => ({ method: 'POST', path: `/api/v1/incidents/${id}/analysis`, body: {} }) },
  },
  {
    // A GraphQL multipart request with the file inside `input` (uploads.ts maps nested variable paths).
    slot: 'Mutation.incidentFilesAttach:input.incidentId',
    access: staff('incident.comment'),
    notFound: INCIDENT,
    target: ticketTarget,
    fresh: freshTicket,
    op: (id) => ({
      query: 'mutation($i: IncidentFilesAttachInput!) { incidentFilesAttach(input: $i) { attachments { id } replayed } }',
      variables: { i: { incidentId: id, files: [null] } },
      files: { 'variables.i.files.0': 'matrix upload' },
    }),
    snapshot: attachmentSnapshot,
    check: uploaded('incidentFilesAttach'),
  },

  // Staff: knowledge base (INTERNAL and DRAFT articles included: staff read every article of the workspace)
  {
    slot: 'Query.staffKbArticle:id',
    access: staff('kb.read'),
    notFound: ARTICLE,
    target: (w) => w.rows.internalPublished.id,
    op: (id) => ({ query: 'query($id: ID!) { staffKbArticle(id: $id) { id } }', variables: { id } }),
    check: idIs('staffKbArticle'),
    rest: { 'GET /api/v1/kb/:id': (id) => ({ method: 'GET', path: `/api/v1/kb/${id}` }) },
  },
  {
    slot: 'Query.kbArticleRevisions:id',
    access: staff('kb.read'),
    notFound: ARTICLE,
    target: (w) => w.rows.withRevisions,
    op: (id) => ({ query: 'query($id: ID!) { kbArticleRevisions(id: $id) { revision } }', variables: { id } }),
    check: (data) => ((data as { kbArticleRevisions: unknown[] }).kbArticleRevisions.length ? null : 'no revisions listed'),
    rest: { 'GET /api/v1/kb/:id/revisions': (id) => ({ method: 'GET', path: `/api/v1/kb/${id}/revisions` }) },
  },
  // Cursor connections (issue 15): the same lookup, rule and answers as the list each sits beside.
  {
    slot: 'Query.kbArticleRevisionsConnection:id',
    access: staff('kb.read'),
    notFound: ARTICLE,
    target: (w) => w.rows.withRevisions,
    op: (id) => ({ query: 'query($id: ID!) { kbArticleRevisionsConnection(id: $id) { nodes { revision } } }', variables: { id } }),
    check: (data) => ((data as { kbArticleRevisionsConnection: { nodes: unknown[] } }).kbArticleRevisionsConnection.nodes.length ? null : 'no revisions listed'),
  },
  {
    slot: 'Mutation.updateKbArticle:id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.draft.id,
    fresh: async (w) => (await w.make.article('DRAFT')).id,
    op: (id) => ({ query: 'mutation($id: ID!) { updateKbArticle(id: $id, input: { title: "Renamed" }) { id } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: idIs('updateKbArticle'),
  },
  {
    slot: 'Mutation.publishKbArticle:id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.draft.id,
    fresh: async (w) => (await w.make.article('DRAFT')).id,
    op: (id) => ({ query: 'mutation($id: ID!) { publishKbArticle(id: $id) { id status } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: idIs('publishKbArticle'),
  },
  {
    slot: 'Mutation.archiveKbArticle:id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.published.id,
    fresh: async (w) => (await w.make.article('PUBLISHED')).id,
    op: (id) => ({ query: 'mutation($id: ID!) { archiveKbArticle(id: $id) { id status } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: idIs('archiveKbArticle'),
  },
  {
    slot: 'Mutation.restoreKbArticleRevision:id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.withRevisions,
    fresh: (w) => w.make.articleWithRevisions(),
    op: (id) => ({ query: 'mutation($id: ID!) { restoreKbArticleRevision(id: $id, revision: 1) { id revision } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: idIs('restoreKbArticleRevision'),
  },

  // Issue 15, staff knowledge base: the object-first mutations, the article's id inside `input`.
  {
    slot: 'Mutation.kbArticleUpdate:input.id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.draft.id,
    fresh: async (w) => (await w.make.article('DRAFT')).id,
    op: (id) => ({ query: 'mutation($id: ID!) { kbArticleUpdate(input: { id: $id, title: "Renamed" }) { article { id } } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: payloadIdIs('kbArticleUpdate', 'article'),
    rest: { 'PATCH /api/v1/kb/:id': (id) => ({ method: 'PATCH', path: `/api/v1/kb/${id}`, body: { title: 'Renamed' } }) },
  },
  {
    slot: 'Mutation.kbArticlePublish:input.id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.draft.id,
    fresh: async (w) => (await w.make.article('DRAFT')).id,
    op: (id) => ({ query: 'mutation($id: ID!) { kbArticlePublish(input: { id: $id }) { article { id status } } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: payloadIdIs('kbArticlePublish', 'article'),
    rest: { 'POST /api/v1/kb/:id/publish': (id) => ({ method: 'POST', path: `/api/v1/kb/${id}/publish` }) },
  },
  {
    slot: 'Mutation.kbArticleArchive:input.id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.published.id,
    fresh: async (w) => (await w.make.article('PUBLISHED')).id,
    op: (id) => ({ query: 'mutation($id: ID!) { kbArticleArchive(input: { id: $id }) { article { id status } } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: payloadIdIs('kbArticleArchive', 'article'),
    rest: { 'POST /api/v1/kb/:id/archive': (id) => ({ method: 'POST', path: `/api/v1/kb/${id}/archive` }) },
  },
  {
    slot: 'Mutation.kbArticleRevisionRestore:input.id',
    access: staff('kb.write'),
    notFound: ARTICLE,
    target: (w) => w.rows.withRevisions,
    fresh: (w) => w.make.articleWithRevisions(),
    op: (id) => ({ query: 'mutation($id: ID!) { kbArticleRevisionRestore(input: { id: $id, revision: 1 }) { article { id revision } } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('kb_articles', id, [['kb_article_revisions', 'article_id']]),
    check: payloadIdIs('kbArticleRevisionRestore', 'article'),
    rest: { 'POST /api/v1/kb/:id/revisions/:revision/restore': (id) => ({ method: 'POST', path: `/api/v1/kb/${id}/revisions/1/restore` }) },
  },

  // Staff: customer organizations (read by any staff: rules.ts gives `customer` incident.read) and portal users
  {
    slot: 'Query.customer:id',
    access: staff('incident.read'),
    notFound: 'CUSTOMER_NOT_FOUND',
    target: (w) => w.orgs.shared.id,
    op: (id) => ({ query: 'query($id: ID!) { customer(id: $id) { id } }', variables: { id } }),
    check: idIs('customer'),
  },
  {
    slot: 'Query.organization:id',
    access: staff('incident.read'),
    notFound: 'CUSTOMER_NOT_FOUND',
    target: (w) => w.orgs.shared.id,
    op: (id) => ({ query: 'query($id: ID!) { organization(id: $id) { id } }', variables: { id } }),
    check: idIs('organization'),
    rest: { 'GET /api/v1/customers/:id': (id) => ({ method: 'GET', path: `/api/v1/customers/${id}` }) },
  },
  {
    slot: 'Mutation.updateCustomer:id',
    access: staff('customer.manage'),
    notFound: 'CUSTOMER_NOT_FOUND',
    target: (w) => w.orgs.shared.id,
    fresh: async (w) => (await w.make.org()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Renamed", sharingMode: OWN }) { id } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('customers', id),
    check: idIs('updateCustomer'),
    rest: { 'PATCH /api/v1/customers/:id': (id) => ({ method: 'PATCH', path: `/api/v1/customers/${id}`, body: { name: 'Renamed', sharingMode: 'OWN' } }) },
  },
  {
    slot: 'Mutation.deleteCustomer:id',
    access: staff('customer.manage'),
    notFound: 'CUSTOMER_NOT_FOUND',
    target: (w) => w.rows.deletableOrg.id,
    fresh: async (w) => (await w.make.org()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { deleteCustomer(id: $id) }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('customers', id),
    check: (data, id) => ((data as { deleteCustomer: string }).deleteCustomer === id ? null : 'another id deleted'),
    rest: { 'DELETE /api/v1/customers/:id': (id) => ({ method: 'DELETE', path: `/api/v1/customers/${id}` }) },
  },
  {
    slot: 'Query.portalUser:id',
    access: staff('portalUser.manage'),
    notFound: 'PORTAL_USER_NOT_FOUND',
    target: (w) => w.rows.portalUser.id,
    op: (id) => ({ query: 'query($id: ID!) { portalUser(id: $id) { id } }', variables: { id } }),
    check: idIs('portalUser'),
    rest: { 'GET /api/v1/portal-users/:id': (id) => ({ method: 'GET', path: `/api/v1/portal-users/${id}` }) },
  },
  {
    slot: 'Mutation.updatePortalUser:id',
    access: staff('portalUser.manage'),
    notFound: 'PORTAL_USER_NOT_FOUND',
    target: (w) => w.rows.portalUser.id,
    fresh: async (w) => (await w.make.portalUser()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { updatePortalUser(id: $id, input: { displayName: "Renamed" }) { id } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('customer_portal_users', id),
    check: idIs('updatePortalUser'),
    rest: { 'PATCH /api/v1/portal-users/:id': (id) => ({ method: 'PATCH', path: `/api/v1/portal-users/${id}`, body: { displayName: 'Renamed' } }) },
  },
  {
    slot: 'Mutation.deactivatePortalUser:id',
    access: staff('portalUser.manage'),
    notFound: 'PORTAL_USER_NOT_FOUND',
    target: (w) => w.rows.portalUser.id,
    fresh: async (w) => (await w.make.portalUser(true)).id,
    op: (id) => ({ query: 'mutation($id: ID!) { deactivatePortalUser(id: $id) { id isActive } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('customer_portal_users', id),
    check: idIs('deactivatePortalUser'),
    rest: { 'POST /api/v1/portal-users/:id/deactivate': (id) => ({ method: 'POST', path: `/api/v1/portal-users/${id}/deactivate` }) },
  },
  {
    slot: 'Mutation.reactivatePortalUser:id',
    access: staff('portalUser.manage'),
    notFound: 'PORTAL_USER_NOT_FOUND',
    target: (w) => w.rows.inactivePortalUser.id,
    fresh: async (w) => (await w.make.portalUser(false)).id,
    op: (id) => ({ query: 'mutation($id: ID!) { reactivatePortalUser(id: $id) { id isActive } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('customer_portal_users', id),
    check: idIs('reactivatePortalUser'),
    rest: { 'POST /api/v1/portal-users/:id/reactivate': (id) => ({ method: 'POST', path: `/api/v1/portal-users/${id}/reactivate` }) },
  },
  {
    slot: 'Mutation.sendPortalUserPasswordReset:id',
    access: staff('portalUser.manage'),
    notFound: 'PORTAL_USER_NOT_FOUND',
    target: (w) => w.rows.portalUser.id,
    fresh: async (w) => (await w.make.portalUser(true)).id,
    op: (id) => ({ query: 'mutation($id: ID!) { sendPortalUserPasswordReset(id: $id) }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('customer_portal_users', id),
    rest: { 'POST /api/v1/portal-users/:id/reset-password': (id) => ({ method: 'POST', path: `/api/v1/portal-users/${id}/reset-password` }) },
  },

  // Staff management (GraphQL only)
  {
    slot: 'Mutation.changeStaffRole:input.userId',
    access: staff('staff.manage'),
    notFound: 'STAFF_MEMBER_NOT_FOUND',
    target: (w) => w.rows.staffTarget.id,
    fresh: async (w) => (await w.make.staffMember()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { changeStaffRole(input: { userId: $id, role: RESPONDER }) { id role } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('users', id),
    check: idIs('changeStaffRole'),
  },
  {
    slot: 'Mutation.deactivateStaff:userId',
    access: staff('staff.manage'),
    notFound: 'STAFF_MEMBER_NOT_FOUND',
    target: (w) => w.rows.staffTarget.id,
    fresh: async (w) => (await w.make.staffMember()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { deactivateStaff(userId: $id) { id } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('users', id),
    check: idIs('deactivateStaff'),
  },

  // Notifications: deliveries and webhooks (ADMIN)
  {
    slot: 'Mutation.retryDelivery:id',
    access: staff('delivery.manage'),
    notFound: 'DELIVERY_NOT_FOUND',
    target: (w) => w.rows.delivery.id,
    fresh: async (w) => (await w.make.delivery()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { retryDelivery(id: $id) { id status } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('notification_deliveries', id),
    check: idIs('retryDelivery'),
    rest: { 'POST /api/v1/deliveries/:id/retry': (id) => ({ method: 'POST', path: `/api/v1/deliveries/${id}/retry` }) },
  },
  {
    slot: 'Mutation.updateWebhookEndpoint:id',
    access: staff('webhook.manage'),
    notFound: 'WEBHOOK_ENDPOINT_NOT_FOUND',
    target: (w) => w.rows.webhook.id,
    fresh: async (w) => (await w.make.webhook()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { isActive: false }) { id } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('webhook_endpoints', id),
    check: idIs('updateWebhookEndpoint'),
    rest: { 'PATCH /api/v1/webhooks/:id': (id) => ({ method: 'PATCH', path: `/api/v1/webhooks/${id}`, body: { isActive: false } }) },
  },
  {
    slot: 'Mutation.deleteWebhookEndpoint:id',
    access: staff('webhook.manage'),
    notFound: 'WEBHOOK_ENDPOINT_NOT_FOUND',
    target: (w) => w.rows.webhook.id,
    fresh: async (w) => (await w.make.webhook()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('webhook_endpoints', id),
    rest: { 'DELETE /api/v1/webhooks/:id': (id) => ({ method: 'DELETE', path: `/api/v1/webhooks/${id}` }) },
  },
  {
    slot: 'Mutation.rotateWebhookSecret:id',
    access: staff('webhook.manage'),
    notFound: 'WEBHOOK_ENDPOINT_NOT_FOUND',
    target: (w) => w.rows.webhook.id,
    fresh: async (w) => (await w.make.webhook()).id,
    op: (id) => ({ query: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', variables: { id } }),
    snapshot: (w, id) => w.snapshot('webhook_endpoints', id),
    rest: { 'POST /api/v1/webhooks/:id/rotate-secret': (id) => ({ method: 'POST', path: `/api/v1/webhooks/${id}/rotate-secret` }) },
  },
];

// ---- Issue 15 (administration): the new-style mutations take their ids inside `input`. Each runs the full caller
// matrix against the same rows, fresh rows and snapshots as its old one. The REST routes run the new operations,
// so their routes move to the new entry.
const likeOld = (oldSlot: string, entry: Pick<RowEntry, 'slot' | 'op'> & Partial<RowEntry>): RowEntry => {
  const old = ROW_ENTRIES.find((e) => e.slot === oldSlot);
  if (!old) throw new Error(`no matrix entry ${oldSlot}`);
  const { rest } = old;
  delete old.rest;
  return { ...old, rest, check: undefined, ...entry };
};
const deletedIdIs = (field: string) => (data: unknown, id: string) => {
  const got = (data as Record<string, { deletedId?: string } | undefined>)[field]?.deletedId;
  return got === id ? null : `${field}.deletedId is ${got}, expected ${id}`;
};
ROW_ENTRIES.push(
  likeOld('Mutation.updateCustomer:id', {
    slot: 'Mutation.organizationUpdate:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { organizationUpdate(input: { id: $id, name: "Renamed", sharingMode: OWN }) { organization { id name } } }', variables: { id } }),
    check: payloadIdIs('organizationUpdate', 'organization'),
  }),
  likeOld('Mutation.deleteCustomer:id', {
    slot: 'Mutation.organizationDelete:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { organizationDelete(input: { id: $id }) { deletedId } }', variables: { id } }),
    check: deletedIdIs('organizationDelete'),
  }),
  likeOld('Mutation.updatePortalUser:id', {
    slot: 'Mutation.portalUserUpdate:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { portalUserUpdate(input: { id: $id, displayName: "Renamed" }) { portalUser { id } } }', variables: { id } }),
    check: payloadIdIs('portalUserUpdate', 'portalUser'),
  }),
  likeOld('Mutation.deactivatePortalUser:id', {
    slot: 'Mutation.portalUserDeactivate:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { portalUserDeactivate(input: { id: $id }) { portalUser { id isActive } } }', variables: { id } }),
    check: payloadIdIs('portalUserDeactivate', 'portalUser'),
  }),
  likeOld('Mutation.reactivatePortalUser:id', {
    slot: 'Mutation.portalUserReactivate:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { portalUserReactivate(input: { id: $id }) { portalUser { id isActive } } }', variables: { id } }),
    check: payloadIdIs('portalUserReactivate', 'portalUser'),
  }),
  likeOld('Mutation.sendPortalUserPasswordReset:id', {
    slot: 'Mutation.portalUserPasswordResetSend:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { portalUserPasswordResetSend(input: { id: $id }) { sent } }', variables: { id } }),
  }),
  likeOld('Mutation.changeStaffRole:input.userId', {
    slot: 'Mutation.staffRoleChange:input.userId',
    op: (id) => ({ query: 'mutation($id: ID!) { staffRoleChange(input: { userId: $id, role: RESPONDER }) { staffMember { id role } } }', variables: { id } }),
    check: payloadIdIs('staffRoleChange', 'staffMember'),
  }),
  likeOld('Mutation.deactivateStaff:userId', {
    slot: 'Mutation.staffDeactivate:input.userId',
    op: (id) => ({ query: 'mutation($id: ID!) { staffDeactivate(input: { userId: $id }) { staffMember { id isActive } } }', variables: { id } }),
    check: payloadIdIs('staffDeactivate', 'staffMember'),
  }),
  likeOld('Mutation.retryDelivery:id', {
    slot: 'Mutation.deliveryRetry:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { deliveryRetry(input: { id: $id }) { delivery { id status } } }', variables: { id } }),
    check: payloadIdIs('deliveryRetry', 'delivery'),
  }),
  likeOld('Mutation.updateWebhookEndpoint:id', {
    slot: 'Mutation.webhookEndpointUpdate:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { webhookEndpointUpdate(input: { id: $id, isActive: false }) { endpoint { id isActive } } }', variables: { id } }),
    check: payloadIdIs('webhookEndpointUpdate', 'endpoint'),
  }),
  likeOld('Mutation.deleteWebhookEndpoint:id', {
    slot: 'Mutation.webhookEndpointDelete:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { webhookEndpointDelete(input: { id: $id }) { deletedId } }', variables: { id } }),
    check: deletedIdIs('webhookEndpointDelete'),
  }),
  likeOld('Mutation.rotateWebhookSecret:id', {
    slot: 'Mutation.webhookSecretRotate:input.id',
    op: (id) => ({ query: 'mutation($id: ID!) { webhookSecretRotate(input: { id: $id }) { endpoint { id } secret } }', variables: { id } }),
    check: payloadIdIs('webhookSecretRotate', 'endpoint'),
  }),
);
// ---- end of issue 15 (administration)

/**
 * The other ID slots, where the id names something the operation refers to rather than the row it acts
 * on. Each kind has its own test (authz-matrix-refs.int-spec.ts): an allowed staff caller naming another
 * tenant's row must get exactly the answer for a missing one.
 */
export const REFERENCE_SLOTS = [
  'Mutation.createIncident:input.assigneeId',
  'Mutation.createIncident:input.customerId',
  'Mutation.createIncident:input.reporterCustomerId',
  'Mutation.updateIncident:input.customerId',
  'Mutation.assignIncident:assigneeId',
  'Mutation.linkIncidents:childIds',
  'Mutation.createPortalUser:input.customerId',
  'Mutation.updatePortalUser:input.customerId',
  // Issue 15 (administration): the new-style portal-user mutations.
  'Mutation.portalUserCreate:input.customerId',
  'Mutation.portalUserUpdate:input.customerId',
  'Mutation.addIncidentParticipant:userId',
  'Mutation.removeIncidentParticipant:userId',
  'Mutation.attachIncidentFiles:updateId',
  // Issue 15, staff incident work: the same references inside `input`.
  'Mutation.incidentCreate:input.assigneeId',
  'Mutation.incidentCreate:input.customerId',
  'Mutation.incidentCreate:input.reporterCustomerId',
  'Mutation.incidentUpdate:input.customerId',
  'Mutation.incidentAssign:input.assigneeId',
  'Mutation.incidentLink:input.childIds',
  'Mutation.incidentParticipantAdd:input.userId',
  'Mutation.incidentParticipantRemove:input.userId',
  'Mutation.incidentFilesAttach:input.updateId',
] as const;
/**
 * Portal operations naming a portal user (the reporter adding or removing a participant): a user of another
 * organization, of none or of another workspace answers exactly like a missing one and writes nothing.
 */
export const PORTAL_REFERENCE_SLOTS = [
  'Mutation.addTicketParticipant:userId',
  'Mutation.removeTicketParticipant:userId',
  'Mutation.attachTicketFiles:updateId',
  // issue 15, portal types: the new-style mutations, the ids inside `input`.
  'Mutation.ticketParticipantAdd:input.userId',
  'Mutation.ticketParticipantRemove:input.userId',
  'Mutation.ticketFilesAttach:input.updateId',
] as const;
/** List filters: another tenant's id matches nothing, like a missing one. */
export const FILTER_SLOTS = [
  'Query.incidents:filter.assigneeId',
  'Query.incidentRatingSummary:filter.assigneeId',
  'Query.incidents:filter.customerId',
  'Query.incidents:filter.parentId',
  'Query.portalUsers:filter.customerId',
  'Query.staffKbArticles:filter.sourceIncidentId',
  'Query.auditLog:filter.actorId',
  'Query.auditLog:filter.targetId',
  // Cursor connections (issue 15): the same filters as their lists.
  'Query.incidentsConnection:filter.assigneeId',
  'Query.incidentsConnection:filter.customerId',
  'Query.incidentsConnection:filter.parentId',
  'Query.portalUsersConnection:filter.customerId',
  'Query.staffKbArticlesConnection:filter.sourceIncidentId',
  'Query.auditLogConnection:filter.actorId',
  'Query.auditLogConnection:filter.targetId',
] as const;
/** Public portal operations naming a company: one closed to sign-up, or without the address, answers like a missing one. */
export const COMPANY_SLOTS = [
  'Mutation.registerCustomer:input.companyId',
  'Mutation.verifyCustomerEmail:input.companyId',
  'Mutation.resendCustomerOtp:input.companyId',
  'Mutation.customerLogin:input.companyId',
  'Mutation.customerForgotPassword:input.companyId',
  'Mutation.requestSignInLink:input.companyId',
  'Mutation.signInWithLink:input.companyId',
  // Issue 15 (customer sign-in): the new-style mutations.
  'Mutation.customerRegister:input.companyId',
  'Mutation.customerEmailVerify:input.companyId',
  'Mutation.customerEmailOtpResend:input.companyId',
  'Mutation.customerPasswordResetRequest:input.companyId',
  'Mutation.customerSignInLinkRequest:input.companyId',
] as const;
export const SUBSCRIPTION_SLOTS = ['Subscription.incidentUpdated:id', 'Subscription.ticketUpdated:id'] as const;

/** Path-parameter REST routes whose parameter is not a row id (an enum value): nothing to match against. */
export const REST_NOT_ROW_IDS: Record<string, string> = {
  'PUT /api/v1/notification-preferences/:kind': 'a NotificationKind, the caller’s own preference',
  'PUT /api/v1/sla-policies/:priority': 'a Priority of the caller’s tenant',
  'DELETE /api/v1/sla-policies/:priority': 'a Priority of the caller’s tenant',
};
/** REST routes by slug: the portal article (tests/security/authz-matrix-refs.int-spec.ts covers it). */
export const REST_ELSEWHERE: Record<string, string> = {
  'GET /api/v1/portal/kb/:slug': 'kbArticle by slug, in the refs suite (INTERNAL, DRAFT and other tenants’ articles answer like missing ones)',
};

/**
 * The file routes that name an attachment (download, delete; rest/attachments.ts): REST only, with no GraphQL
 * operation, so not slots of the schema. The same matrix: each caller's outcome, and every refusal answering
 * exactly like a missing attachment (or naming a refusal the caller may learn of, seeing the file).
 */
export interface RestFileEntry {
  route: string;
  /** What the test is about, when one route has several entries. */
  label: string;
  outcome(c: Caller): Outcome;
  /** The attachment a caller is pointed at. */
  target(w: World, c: Caller): string;
  fresh?(w: World, c: Caller): Promise<string>;
  request(id: string, w: World): RestRequest;
  snapshot?(w: World, id: string): Promise<unknown>;
}

const FILE_NOT_FOUND = 'ATTACHMENT_NOT_FOUND';
/** The ticket an attachment of the world is on (a never-used id: the shared ticket, which answers the same). */
const ticketOfFile = (w: World, id: string) => w.fileTickets.get(id) ?? w.tickets.shared.id;
/** The file on the ticket each customer is pointed at (TICKET_FOR); staff: the owner's on the shared ticket. */
const customerFile = (w: World, c: Caller) => (c.kind === 'customer' && TICKET_FOR[c.name as CustomerCaller].ticket === 'own' ? w.rows.files.own : w.rows.files.shared);
const DOORS = { portal: '/api/v1/portal/tickets', customer: '/api/v1/customer/incidents', staff: '/api/v1/incidents' } as const;
const fileRequest = (door: keyof typeof DOORS, method: string) => (id: string, w: World) => ({ method, path: `${DOORS[door]}/${ticketOfFile(w, id)}/attachments/${id}` });
const fileSnapshot = (w: World, id: string) => w.snapshot('attachments', id, [['attachment_chunks', 'attachment_id']]);

export const REST_FILE_ENTRIES: RestFileEntry[] = [
  ...(['portal', 'customer'] as const).flatMap((door): RestFileEntry[] => [
    {
      route: `GET ${DOORS[door]}/:id/attachments/:attachmentId`,
      label: 'a file on the ticket: whoever sees the ticket',
      outcome: (c) => expected(customer, FILE_NOT_FOUND, c),
      target: customerFile,
      request: fileRequest(door, 'GET'),
    },
    {
      route: `GET ${DOORS[door]}/:id/attachments/:attachmentId`,
      label: "a file on an INTERNAL update: no customer's, the reporter's own ticket included",
      outcome: (c) => {
        const out = expected(customer, FILE_NOT_FOUND, c);
        return out.allowed ? { allowed: false, code: FILE_NOT_FOUND } : out;
      },
      target: (w) => w.rows.files.internal,
      request: fileRequest(door, 'GET'),
    },
    {
      route: `DELETE ${DOORS[door]}/:id/attachments/:attachmentId`,
      label: 'the uploader, within the window',
      outcome: (c) => expected({ kind: 'reporter', refused: 'ATTACHMENT_DELETE_REFUSED' }, FILE_NOT_FOUND, c),
      target: customerFile,
      // The reporters (owner, ownerOwnMode) delete a file of their own on their ticket.
      fresh: (w, c) => w.make.file(TICKET_FOR[c.name as CustomerCaller].ticket, c),
      request: fileRequest(door, 'DELETE'),
      snapshot: fileSnapshot,
    },
  ]),
  {
    route: 'GET /api/v1/incidents/:id/attachments/:attachmentId',
    label: 'staff who read incidents, INTERNAL updates’ files included',
    outcome: (c) => expected(staff('incident.read'), FILE_NOT_FOUND, c),
    target: (w) => w.rows.files.internal,
    request: fileRequest('staff', 'GET'),
  },
  {
    route: 'DELETE /api/v1/incidents/:id/attachments/:attachmentId',
    label: 'staff who update incidents (who may upload but not update: refused, as not the uploader)',
    outcome: (c) => {
      const out = expected(staff('incident.comment'), FILE_NOT_FOUND, c);
      return out.allowed && !can(viewerOf(c), 'incident.update') ? { allowed: false, code: 'ATTACHMENT_DELETE_REFUSED', seesRow: true } : out;
    },
    target: (w) => w.rows.files.shared,
    fresh: (w) => w.make.file('shared', w.callers.owner),
    request: fileRequest('staff', 'DELETE'),
    snapshot: fileSnapshot,
  },
];
