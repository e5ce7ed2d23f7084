import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import { connectionType } from '../../shared/connection.types';
import {
  AUTHOR_KINDS,
  INCIDENT_TYPES,
  PRIORITIES,
  SOURCES,
  STATUSES,
  UPDATE_KINDS,
  VISIBILITIES,
  type AuthorKind,
  type IncidentSource,
  type IncidentStatus,
  type IncidentType,
  type Priority,
  type UpdateKind,
  type Visibility,
} from './incident.entity';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const IncidentTypeEnum = asEnum(INCIDENT_TYPES);
export const PriorityEnum = asEnum(PRIORITIES);
export const IncidentStatusEnum = asEnum(STATUSES);
export const IncidentSourceEnum = asEnum(SOURCES);
export const VisibilityEnum = asEnum(VISIBILITIES);
export const UpdateKindEnum = asEnum(UPDATE_KINDS);
export const AuthorKindEnum = asEnum(AUTHOR_KINDS);
registerEnumType(IncidentTypeEnum, {
  name: 'IncidentType',
  description: 'An incident (something broke) or a change (something is to be changed).',
  valuesConfig: { INCIDENT: { description: 'Something is broken or degraded (INC- numbers).' }, CHANGE: { description: 'A change request (CHG- numbers).' } },
});
registerEnumType(PriorityEnum, {
  name: 'Priority',
  description: 'How urgent an incident is; each has its SLA targets (slaPolicies).',
  valuesConfig: {
    LOW: { description: 'Little impact; no rush.' },
    MEDIUM: { description: 'Some users affected, or a workaround exists.' },
    HIGH: { description: 'Many users affected, or an important function down.' },
    CRITICAL: { description: 'An outage, data loss or a security breach.' },
  },
});
registerEnumType(IncidentStatusEnum, {
  name: 'IncidentStatus',
  description: 'OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED; a resolved or closed incident may be reopened.',
  valuesConfig: {
    OPEN: { description: 'Reported, nobody has responded yet.' },
    ACKNOWLEDGED: { description: 'Staff have responded (this ends the response SLA).' },
    INVESTIGATION: { description: 'The cause is being looked for.' },
    MITIGATED: { description: 'The impact is contained; the fix is not final.' },
    RESOLVED: { description: 'Fixed (this ends the resolution SLA); the reporter may rate it.' },
    CLOSED: { description: 'Done with.' },
  },
});
registerEnumType(IncidentSourceEnum, {
  name: 'IncidentSource',
  description: 'How an incident was reported.',
  valuesConfig: { PORTAL: { description: 'By a customer, through the portal.' }, STAFF: { description: 'By staff.' }, API: { description: 'By staff, for an automated system.' } },
});
registerEnumType(VisibilityEnum, {
  name: 'Visibility',
  description: 'PUBLIC updates are shown to customers; INTERNAL ones never are.',
  valuesConfig: { PUBLIC: { description: 'Customers see it.' }, INTERNAL: { description: 'Staff only.' } },
});
registerEnumType(UpdateKindEnum, {
  name: 'UpdateKind',
  description: 'What an update of the timeline records.',
  valuesConfig: {
    COMMENT: { description: 'A comment.' },
    STATUS: { description: 'A status change.' },
    ASSIGNMENT: { description: 'A new assignee (INTERNAL).' },
    FIELD_CHANGE: { description: 'Edited fields (INTERNAL).' },
  },
});
registerEnumType(AuthorKindEnum, {
  name: 'AuthorKind',
  description: 'Who wrote an update.',
  valuesConfig: { CUSTOMER: { description: 'A portal user.' }, STAFF: { description: 'A staff member.' }, SYSTEM: { description: 'The server itself (SLA checks, linked incidents).' } },
});

@ObjectType({ simpleResolvers: true, description: 'Who wrote an update, by display name only.' })
export class IncidentAuthor {
  @Field({ description: "The author's name as customers see it." }) displayName!: string;
  @Field(() => AuthorKindEnum, { description: 'Staff, customer or the system.' }) kind!: AuthorKind;
}

/**
 * The fields of an update that a customer may see, shared by the staff type (IncidentUpdate) and the portal one
 * (TicketUpdate, ticket.types.ts). A field only staff may see goes on IncidentUpdateView, never here.
 */
// Never a type of the schema itself (no field returns it, so it is not emitted): only its subclasses are.
@ObjectType({ description: 'Shared fields (not in the schema).' })
export abstract class UpdateFields {
  @Field(() => ID, { description: "The update's id." }) id!: string;
  @Field(() => UpdateKindEnum, { description: 'A comment or a status event.' }) kind!: UpdateKind;
  @Field({ description: 'Its text.' }) body!: string;
  @Field(() => IncidentStatusEnum, { nullable: true, description: 'For STATUS events: the status entered.' }) status!: IncidentStatus | null;
  @Field(() => VisibilityEnum, { description: 'PUBLIC (customers see it) or INTERNAL.' }) visibility!: Visibility;
  @Field(() => IncidentAuthor, { description: 'Who wrote it.' }) author!: IncidentAuthor;
  @Field(() => Date, { description: 'When it was written.' }) createdAt!: string;
}

@ObjectType('IncidentUpdate', { simpleResolvers: true, description: 'A comment or status event. Customers only ever see PUBLIC ones.' })
export class IncidentUpdateView extends UpdateFields {}

@ObjectType({ simpleResolvers: true, description: 'The customer-facing SLA targets.' })
export class IncidentSla {
  @Field(() => Date, { description: 'When a first response (acknowledgement) is due.' }) responseDueAt!: string;
  @Field(() => Date, { description: 'When resolution is due.' }) resolutionDueAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Internal SLA state (staff only).' })
export class InternalSla {
  @Field({ description: 'OK, AT_RISK (under 25% of the time left) or BREACHED.' }) state!: string;
  @Field({ description: 'Whether the response was (or is) late.' }) responseBreached!: boolean;
  @Field({ description: 'Whether the resolution was (or is) late.' }) resolutionBreached!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the SLA check marked the response breach.' }) responseBreachedAt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the SLA check marked the resolution breach.' }) resolutionBreachedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A staff member assigned to an incident (staff only).' })
export class IncidentAssignee {
  @Field(() => ID, { description: "The staff member's id." }) id!: string;
  @Field({ description: 'Their name.' }) displayName!: string;
  @Field({ description: 'Their e-mail address.' }) email!: string;
}

/**
 * The fields of a ticket that a customer may see: shared by the staff type (Incident) and the portal one (Ticket,
 * ticket.types.ts), so both read the same columns under the same names. An internal field (incident.fields.ts)
 * goes on Incident, never here: tests/unit/schema-walk.spec.ts checks that no portal type has one.
 */
// Never a type of the schema itself (no field returns it, so it is not emitted): only its subclasses are.
@ObjectType({ description: 'Shared fields (not in the schema).' })
export abstract class TicketFields {
  @Field(() => ID, { description: 'Its id.' }) id!: string;
  @Field({ description: 'INC-YYYYMMDD-NNNN, or CHG-… for changes.' }) number!: string;
  @Field(() => IncidentTypeEnum, { description: 'An incident or a change.' }) type!: IncidentType;
  @Field({ description: 'A short title.' }) title!: string;
  @Field({ description: 'Same as title (the Scrubbe documents call it summary).', deprecationReason: 'Use title.' }) summary!: string;
  @Field({ description: 'As the reporter wrote it.' }) description!: string;
  @Field(() => IncidentStatusEnum, { description: 'Where it is in the status machine.' }) status!: IncidentStatus;
  @Field(() => PriorityEnum, { description: 'How urgent it is; it sets the SLA due times.' }) priority!: Priority;
  @Field(() => IncidentSourceEnum, { description: 'How it was reported: the portal, staff or the API.' }) source!: IncidentSource;
  @Field(() => Date, { description: 'When it was reported.' }) createdAt!: string;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: string;
  @Field(() => Date, { nullable: true, description: 'When staff first acknowledged it.' }) acknowledgedAt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was resolved; null while open (or reopened).' }) resolvedAt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was closed.' }) closedAt!: string | null;
  @Field(() => IncidentSla, { description: 'When a response and a resolution are due.' }) sla!: IncidentSla;
  @Field(() => String, { nullable: true, description: 'Written when resolving.' }) resolutionSummary!: string | null;
}

/**
 * The staff type: the customer fields and the internal ones (nullable, ruled staffOnly by shield; the read model
 * does not even select them for a customer). Portal viewers read tickets as Ticket; they still reach Incident
 * through the deprecated createTicket and the shared subscriptions, where shield keeps refusing them the
 * internal fields.
 */
@ObjectType({ simpleResolvers: true, description: 'An incident or change ticket.' })
export class Incident extends TicketFields {
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) techDescription!: string | null;
  @Field(() => InternalSla, { nullable: true, description: 'Internal: staff only.' }) internalSla!: InternalSla | null;
  @Field(() => IncidentAssignee, { nullable: true, description: 'Internal: staff only.' }) assignee!: IncidentAssignee | null;
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) impactSummary!: string | null;
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) blastRadius!: string | null;
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) serviceArea!: string | null;
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) environment!: string | null;
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) region!: string | null;
  @Field(() => ID, { nullable: true, description: 'Internal: the customer organization (staff only).' }) customerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Internal: the parent incident this report is linked to (staff only).' }) parentId!: string | null;
  @Field(() => Int, { nullable: true, description: 'Internal: the optimistic-locking version to send with updates (staff only).' }) version!: number | null;
  // `updates` and `comments` are resolved by IncidentResolver, scoped to the viewer.
}

@ObjectType({ simpleResolvers: true, description: 'Where a page ends, for the next one: pass endCursor as `after`.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page (null when the page is empty).' }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of incidents, with its numbers and the cursor of the next page.' })
export class IncidentPage {
  @Field(() => [Incident], { description: 'The incidents of this page.' }) items!: Incident[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list (page numbers).' }) pagination!: Pagination;
  @Field(() => PageInfo, { description: 'The cursor for the next page (`after`).' }) pageInfo!: PageInfo;
}

/** An incident's updates by cursor (Incident.updatesConnection), oldest first. */
export const IncidentUpdateConnection = connectionType(IncidentUpdateView, 'IncidentUpdate', 'an incident\'s updates');

/** Incidents by cursor (incidentsConnection; the portal's ticketsConnection can reuse it). */
export const IncidentConnection = connectionType(Incident, 'Incident', 'incidents');
export type IncidentConnection = InstanceType<typeof IncidentConnection>;

@ObjectType({ simpleResolvers: true, description: 'How many incidents are in one status.' })
export class StatusCount {
  @Field(() => IncidentStatusEnum, { description: 'The status.' }) status!: IncidentStatus;
  @Field(() => Int, { description: 'Incidents in it.' }) count!: number;
}
