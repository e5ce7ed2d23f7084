import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { callerOf, permissions } from '../../src/authz/rules';
import { INCIDENT_INTERNAL_FIELDS, INCIDENT_SHARED_RESOLVED_FIELDS, INCIDENT_STAFF_RESOLVED_FIELDS } from '../../src/modules/incident/incident.fields';
import { buildBareSchema, printAppSchema } from '../../src/graphql/schema';

const ROOTS = ['Query', 'Mutation', 'Subscription'];

describe('schema', () => {
  const schema = buildBareSchema();
  const rules = permissions as Record<string, Record<string, unknown>>;

  it('schema.graphql is in step with the code (run `npm run schema:emit`)', () => {
    const committed = readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(printAppSchema(schema));
  });

  it('every Query and Mutation root field is nullable: a refused or missing one is null beside the others, not the end of the answer', () => {
    const nonNull = ['Query', 'Mutation'].flatMap((root) =>
      Object.values((schema.getType(root) as GraphQLObjectType).getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => `${root}.${f.name}`),
    );
    expect(nonNull).toEqual([]);
  });

  it('the documents\' legacy names are deprecated in GraphQL, each naming a replacement that exists on the same type', () => {
    const legacy: [string, string, string][] = [
      ['Incident', 'summary', 'title'],
      ['Incident', 'comments', 'updates'],
      ['Ticket', 'summary', 'title'],
      ['Ticket', 'comments', 'updates'],
      ['PortalAccount', 'name', 'displayName'],
      ['PortalAccount', 'companyId', 'tenantId'],
    ];
    for (const [typeName, field, replacement] of legacy) {
      const fields = (schema.getType(typeName) as GraphQLObjectType).getFields();
      expect({ field: `${typeName}.${field}`, reason: fields[field].deprecationReason }).toEqual({ field: `${typeName}.${field}`, reason: expect.stringContaining(`Use ${replacement}`) });
      expect(fields[replacement].deprecationReason).toBeUndefined();
    }
  });

  it('every root field has an explicit shield rule', () => {
    const missing: string[] = [];
    for (const root of ROOTS) {
      const type = schema.getType(root);
      if (!type || !isObjectType(type)) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!rules[root]?.[field]) missing.push(`${root}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every root field's rule says whose token it needs (the OpenAPI document's security of each route)", () => {
    const unknown = ROOTS.flatMap((root) => Object.keys(rules[root] ?? {}).filter((field) => !callerOf(root as 'Query', field)).map((field) => `${root}.${field}`));
    expect(unknown).toEqual([]);
    expect([callerOf('Mutation', 'login'), callerOf('Query', 'incidents'), callerOf('Query', 'tickets'), callerOf('Query', 'notificationPreferences')]).toEqual(['anyone', 'staff', 'customer', 'signed-in']);
  });

  it('every rule names a type and field that exist', () => {
    const stale: string[] = [];
    for (const [typeName, fields] of Object.entries(rules)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      for (const field of Object.keys(fields)) {
        if (field !== '*' && !type.getFields()[field]) stale.push(`${typeName}.${field}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('internal fields (nullable by design) carry a rule of their own', () => {
    // A field is internal when a rule is declared for it on a non-root type; such fields must be nullable,
    // so a refusal nulls the field, not its parent object.
    for (const [typeName, fields] of Object.entries(rules)) {
      if (ROOTS.includes(typeName)) continue;
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) continue;
      for (const field of Object.keys(fields)) {
        const def = type.getFields()[field];
        expect(def && getNamedType(def.type) && def.type.toString().endsWith('!')).toBe(false);
      }
    }
  });

  it('the internal fields of an incident (the list the read model leaves out for customers), the staff-only and the shared resolved ones are exactly its ruled fields', () => {
    const incidentRules = rules.Incident ?? {};
    expect(INCIDENT_INTERNAL_FIELDS.filter((field) => !incidentRules[field])).toEqual([]);
    expect(Object.keys(incidentRules).sort()).toEqual([...INCIDENT_INTERNAL_FIELDS, ...INCIDENT_STAFF_RESOLVED_FIELDS, ...INCIDENT_SHARED_RESOLVED_FIELDS].sort());
  });

  it('the unruled fields portal callers can reach, by type (a new field here must be customer-safe, or get a rule)', () => {
    // Root fields a portal token may call: their output types, and every type under them, reach customers.
    const customerRules = new Set(['customerOnly', 'signedIn', 'incidentReader']);
    const reachable = new Map<string, GraphQLObjectType>();
    const walk = (type: GraphQLObjectType) => {
      if (reachable.has(type.name)) return;
      reachable.set(type.name, type);
      for (const [name, field] of Object.entries(type.getFields())) {
        const named = getNamedType(field.type);
        if (!rules[type.name]?.[name] && isObjectType(named)) walk(named); // a ruled field guards what is under it
      }
    };
    for (const root of ROOTS) {
      const type = schema.getType(root);
      if (!type || !isObjectType(type)) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        const rule = rules[root]?.[name] as { name?: string } | undefined;
        const named = getNamedType(field.type);
        if (rule?.name && customerRules.has(rule.name) && isObjectType(named)) walk(named);
      }
    }
    const open = Object.fromEntries(
      [...reachable.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((type) => [type.name, Object.keys(type.getFields()).filter((f) => !rules[type.name]?.[f]).sort().join(' ')]),
    );
    expect(open).toMatchInlineSnapshot(`
{
  "Attachment": "contentType createdAt downloadUrl fileName id size updateId",
  "AttachmentUploadPayload": "attachments replayed",
  "ConnectionPageInfo": "endCursor hasNextPage hasPreviousPage startCursor",
  "CustomerSessionEndPayload": "ended",
  "Incident": "acknowledgedAt closedAt comments createdAt description id number participants priority resolutionSummary resolvedAt sla source status summary title type updatedAt updates updatesConnection",
  "IncidentAuthor": "displayName kind",
  "IncidentChange": "eventType incident",
  "IncidentSla": "resolutionDueAt responseDueAt",
  "IncidentUpdate": "author body createdAt id kind status visibility",
  "IncidentUpdateConnection": "edges nodes pageInfo totalCount",
  "IncidentUpdateEdge": "cursor node",
  "KbArticleCard": "category excerpt highlight id publishedAt slug tags title",
  "KbArticleConnection": "edges nodes pageInfo totalCount",
  "KbArticleEdge": "cursor node",
  "KbArticlePage": "fuzzy items pagination",
  "KbArticleView": "category html id markdown publishedAt slug tags title",
  "NotificationPreference": "description enabled isDefault kind",
  "NotificationPreferenceSetPayload": "preferences",
  "PageInfo": "endCursor hasNextPage",
  "Pagination": "limit page total totalIsExact totalPages",
  "Participant": "displayName id",
  "PortalColleague": "displayName id",
  "PortalMe": "customer displayName email id tenant",
  "PortalOrganization": "id name",
  "PortalTenant": "id name slug",
  "Ticket": "acknowledgedAt closedAt comments createdAt description id number participants priority resolutionSummary resolvedAt sla source status summary title type updatedAt updates updatesConnection",
  "TicketChange": "eventType ticket",
  "TicketCommentAddPayload": "ticket update",
  "TicketConnection": "edges nodes pageInfo totalCount",
  "TicketCreatePayload": "replayed ticket",
  "TicketEdge": "cursor node",
  "TicketFilesAttachPayload": "attachments replayed ticket",
  "TicketLeavePayload": "left",
  "TicketPage": "items pageInfo pagination",
  "TicketParticipant": "displayName id",
  "TicketParticipantAddPayload": "ticket",
  "TicketParticipantRemovePayload": "ticket",
  "TicketRatePayload": "rating",
  "TicketRating": "comment createdAt score ticketId",
  "TicketUpdate": "author body createdAt id kind status visibility",
  "TicketUpdateConnection": "edges nodes pageInfo totalCount",
  "TicketUpdateEdge": "cursor node",
}
`);
  });
});
