import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { permissions } from '../../src/authz/rules';
import { INCIDENT_INTERNAL_FIELDS, INCIDENT_STAFF_RESOLVED_FIELDS } from '../../src/modules/incident/incident.fields';
import { PARTICIPANT_STAFF_FIELDS } from '../../src/modules/participants/participant.types';
import { buildBareSchema } from '../../src/graphql/schema';

const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;
/** Field names that are staff data wherever they appear: an incident's internal fields, a participant's staff fields, ratings. */
const STAFF_FIELD_NAMES = new Set<string>([...INCIDENT_INTERNAL_FIELDS, ...PARTICIPANT_STAFF_FIELDS, ...INCIDENT_STAFF_RESOLVED_FIELDS]);
/** Such names where they are the customer's own: my own address, my own rating (the answer of ticketRate). */
const CUSTOMER_OWN = new Set(['PortalMe.email', 'TicketRatePayload.rating']);
/** The staff types the portal's types replace: none may be reachable from the portal's current root fields. */
const STAFF_TYPES = ['Incident', 'IncidentUpdate', 'IncidentPage', 'IncidentChange', 'Participant', 'IncidentRating', 'InternalSla', 'IncidentAssignee'];

/** The root fields only a portal token may call (rule customerOnly), deprecated ones included or not. */
function portalRootFields(schema: GraphQLSchema, withDeprecated: boolean): { root: string; field: string; type: GraphQLObjectType }[] {
  const rules = permissions as Record<string, Record<string, { name?: string }>>;
  return ROOTS.flatMap((root) => {
    const type = schema.getType(root);
    if (!type || !isObjectType(type)) return [];
    return Object.values(type.getFields())
      .filter((f) => rules[root]?.[f.name]?.name === 'customerOnly' && (withDeprecated || !f.deprecationReason))
      .flatMap((f) => {
        const named = getNamedType(f.type);
        return isObjectType(named) ? [{ root, field: f.name, type: named }] : [];
      });
  });
}

/** Every object type reachable from `start`, each field followed (ruled or not): what a portal client can ask for. */
function reachable(start: GraphQLObjectType[]): Map<string, GraphQLObjectType> {
  const seen = new Map<string, GraphQLObjectType>();
  const walk = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.set(type.name, type);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isObjectType(named)) walk(named);
    }
  };
  start.forEach(walk);
  return seen;
}

/** `Type.field` for each field named like staff data (but a customer's own rating). */
const staffNamedFields = (types: Map<string, GraphQLObjectType>) =>
  [...types.values()].flatMap((type) =>
    Object.values(type.getFields())
      .filter((f) => STAFF_FIELD_NAMES.has(f.name) && !CUSTOMER_OWN.has(`${type.name}.${f.name}`))
      .map((f) => `${type.name}.${f.name}`),
  );

describe('schema walk: the portal types hold nothing a customer may not see (issue 15)', () => {
  const schema = buildBareSchema();

  it('no type reachable from the portal root fields has a field named like an internal or staff-only one, nor is a staff type', () => {
    const roots = portalRootFields(schema, false);
    const types = reachable(roots.map((r) => r.type));
    expect(staffNamedFields(types)).toEqual([]);
    expect(STAFF_TYPES.filter((name) => types.has(name))).toEqual([]);
    // Not vacuous: the walk starts at the portal's reads and writes and reaches the portal types.
    expect(roots.map((r) => `${r.root}.${r.field}`)).toEqual(expect.arrayContaining(['Query.ticket', 'Query.tickets', 'Query.portalMe', 'Mutation.ticketCreate', 'Mutation.ticketFilesAttach', 'Subscription.ticketUpdated']));
    expect([...types.keys()]).toEqual(expect.arrayContaining(['Ticket', 'TicketUpdate', 'TicketPage', 'TicketParticipant', 'Attachment', 'PortalMe', 'TicketRating', 'TicketChange']));
  });

  it('the walk finds staff fields where they are: the deprecated portal mutations still answer the shared types (guarded by shield)', () => {
    const deprecated = portalRootFields(schema, true).filter((r) => (schema.getType(r.root) as GraphQLObjectType).getFields()[r.field].deprecationReason);
    const found = staffNamedFields(reachable(deprecated.map((r) => r.type)));
    expect(found).toEqual(expect.arrayContaining(['Incident.techDescription', 'Incident.assignee', 'Participant.email', 'Incident.rating']));
  });

  // The form of every deprecation reason is tests/unit/mutation-style.spec.ts's; here, which replaces which.
  it('the portal ticket mutations name their portal replacements', () => {
    const mutations = (schema.getMutationType() as GraphQLObjectType).getFields();
    expect(['createTicket', 'addTicketComment', 'addTicketParticipant', 'removeTicketParticipant', 'leaveTicket', 'rateTicket', 'rateTicketWithLink', 'attachTicketFiles'].map((m) => mutations[m].deprecationReason)).toEqual(
      ['ticketCreate', 'ticketCommentAdd', 'ticketParticipantAdd', 'ticketParticipantRemove', 'ticketLeave', 'ticketRate', 'ticketRateWithLink', 'ticketFilesAttach'].map((n) => `Use ${n}. Removed in the release after next.`),
    );
  });
});
