import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
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
registerEnumType(IncidentTypeEnum, { name: 'IncidentType' });
registerEnumType(PriorityEnum, { name: 'Priority' });
registerEnumType(IncidentStatusEnum, { name: 'IncidentStatus' });
registerEnumType(IncidentSourceEnum, { name: 'IncidentSource' });
registerEnumType(VisibilityEnum, { name: 'Visibility', description: 'PUBLIC updates are shown to customers; INTERNAL ones never are.' });
registerEnumType(UpdateKindEnum, { name: 'UpdateKind' });
registerEnumType(AuthorKindEnum, { name: 'AuthorKind' });

@ObjectType({ simpleResolvers: true, description: 'Who wrote an update, by display name only.' })
export class IncidentAuthor {
  @Field() displayName!: string;
  @Field(() => AuthorKindEnum) kind!: AuthorKind;
}

@ObjectType('IncidentUpdate', { simpleResolvers: true, description: 'A comment or status event. Customers only ever see PUBLIC ones.' })
export class IncidentUpdateView {
  @Field(() => ID) id!: string;
  @Field(() => UpdateKindEnum) kind!: UpdateKind;
  @Field() body!: string;
  @Field(() => IncidentStatusEnum, { nullable: true, description: 'For STATUS events: the status entered.' }) status!: IncidentStatus | null;
  @Field(() => VisibilityEnum) visibility!: Visibility;
  @Field(() => IncidentAuthor) author!: IncidentAuthor;
  @Field(() => Date) createdAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The customer-facing SLA targets.' })
export class IncidentSla {
  @Field(() => Date, { description: 'When a first response (acknowledgement) is due.' }) responseDueAt!: string;
  @Field(() => Date, { description: 'When resolution is due.' }) resolutionDueAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Internal SLA state (staff only).' })
export class InternalSla {
  @Field({ description: 'OK, AT_RISK (under 25% of the time left) or BREACHED.' }) state!: string;
  @Field() responseBreached!: boolean;
  @Field() resolutionBreached!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the SLA check marked the response breach.' }) responseBreachedAt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the SLA check marked the resolution breach.' }) resolutionBreachedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A staff member assigned to an incident (staff only).' })
export class IncidentAssignee {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field() email!: string;
}

/**
 * One type for staff and customers. Internal fields (techDescription, assignee, internalSla) are nullable
 * and carry shield rules that refuse portal viewers; the read model does not even select them for a
 * customer.
 */
@ObjectType({ simpleResolvers: true, description: 'An incident or change ticket.' })
export class Incident {
  @Field(() => ID) id!: string;
  @Field({ description: 'INC-YYYYMMDD-NNNN, or CHG-… for changes.' }) number!: string;
  @Field(() => IncidentTypeEnum) type!: IncidentType;
  @Field() title!: string;
  @Field({ description: 'Same as title (the Scrubbe documents call it summary).', deprecationReason: 'Use title. Kept for the Scrubbe documents\' REST routes.' }) summary!: string;
  @Field({ description: 'As the reporter wrote it.' }) description!: string;
  @Field(() => String, { nullable: true, description: 'Internal: staff only.' }) techDescription!: string | null;
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => PriorityEnum) priority!: Priority;
  @Field(() => IncidentSourceEnum) source!: IncidentSource;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: string | null;
  @Field(() => Date, { nullable: true }) closedAt!: string | null;
  @Field(() => IncidentSla) sla!: IncidentSla;
  @Field(() => InternalSla, { nullable: true, description: 'Internal: staff only.' }) internalSla!: InternalSla | null;
  @Field(() => IncidentAssignee, { nullable: true, description: 'Internal: staff only.' }) assignee!: IncidentAssignee | null;
  @Field(() => String, { nullable: true, description: 'Written when resolving.' }) resolutionSummary!: string | null;
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
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page (null when the page is empty).' }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class IncidentPage {
  @Field(() => [Incident]) items!: Incident[];
  @Field(() => Pagination) pagination!: Pagination;
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ simpleResolvers: true })
export class StatusCount {
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => Int) count!: number;
}
