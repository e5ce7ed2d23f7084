import type { Incident } from './incident.types';

/**
 * The internal fields of an incident: staff only, never a portal viewer's, an e-mail's or a webhook's. The one
 * list: shield's field rules (authz/rules.ts), the read model's customer columns and the customer view type
 * (incident.read.ts) are derived from it, so a field added here is ruled, left unselected for customers and
 * dropped from customer views at once. Each must be a nullable field of the Incident type (a refusal nulls the
 * field, not the incident): tests/unit/schema.spec.ts walks the schema to check.
 *
 * Imports nothing at run time, so authz and the incident module can both depend on it without a cycle.
 */
export const INCIDENT_INTERNAL_FIELDS = [
  'techDescription',
  'internalSla',
  'assignee',
  'impactSummary',
  'blastRadius',
  'serviceArea',
  'environment',
  'region',
  'customerId',
  'parentId',
  'version',
] as const satisfies readonly (keyof Incident)[];

export type IncidentInternalField = (typeof INCIDENT_INTERNAL_FIELDS)[number];

/**
 * Staff-only fields of the Incident type that are not columns of the read model but resolved apart, for staff
 * only (satisfaction ratings: a loader that reads nothing for other viewers). Ruled like the internal fields.
 */
export const INCIDENT_STAFF_RESOLVED_FIELDS = ['rating'] as const;
/**
 * Resolved fields staff who read incidents and portal viewers both reach, ruled `incidentReader`: what each gets
 * is the read model's scoping (attachments: attachment.read.ts, the download route's visibility).
 */
export const INCIDENT_SHARED_RESOLVED_FIELDS = ['attachments'] as const;

const internal: ReadonlySet<string> = new Set(INCIDENT_INTERNAL_FIELDS);
export const isIncidentInternalField = (field: string): field is IncidentInternalField => internal.has(field);
