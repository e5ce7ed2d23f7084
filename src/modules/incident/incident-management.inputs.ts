import { IsIn, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { IncidentSource, IncidentStatus, IncidentType, Priority, Visibility } from './incident.entity';
import type { IncidentSortField } from './incident.read';
import { IncidentSourceEnum, IncidentStatusEnum, IncidentTypeEnum, PriorityEnum, VisibilityEnum } from './incident.types';
import { TextLength } from '../../shared/text';

const SortFieldEnum = { CREATED_AT: 'CREATED_AT', UPDATED_AT: 'UPDATED_AT', PRIORITY: 'PRIORITY', NUMBER: 'NUMBER' } as const;
const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
const SlaStateEnum = { OK: 'OK', AT_RISK: 'AT_RISK', BREACHED: 'BREACHED' } as const;
registerEnumType(SortFieldEnum, {
  name: 'IncidentSortField',
  description: 'What an incident list is sorted by.',
  valuesConfig: {
    CREATED_AT: { description: 'When reported.' },
    UPDATED_AT: { description: 'When last changed.' },
    PRIORITY: { description: 'Priority, LOW to CRITICAL.' },
    NUMBER: { description: 'Number, in the order reported.' },
  },
});
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: { ASC: { description: 'Smallest (or oldest) first.' }, DESC: { description: 'Largest (or newest) first.' } },
});
registerEnumType(SlaStateEnum, {
  name: 'SlaState',
  description: 'OK, AT_RISK (under a quarter of the resolution time left) or BREACHED.',
  valuesConfig: {
    OK: { description: 'On time.' },
    AT_RISK: { description: 'Under a quarter of the resolution time left.' },
    BREACHED: { description: 'Late.' },
  },
});

const triage = () => (target: object, key: string) => {
  IsOptional()(target, key);
  IsString()(target, key);
  TextLength({ max: 10_000 })(target, key);
};

@InputType({ description: 'Staff triage fields of an incident, never shown to customers.' })
class TriageFields {
  @Field(() => String, { nullable: true, description: 'The technical description (internal).' }) @triage() techDescription?: string | null;
  @Field(() => String, { nullable: true, description: 'Who and what is affected, for staff (internal).' }) @triage() impactSummary?: string | null;
  @Field(() => String, { nullable: true, description: 'How far the failure reaches (internal).' }) @triage() blastRadius?: string | null;
  @Field(() => String, { nullable: true, description: 'The service or component at fault (internal; Ezra suggests one).' }) @triage() serviceArea?: string | null;
  @Field(() => String, { nullable: true, description: 'Where it happens: production, staging... (internal).' }) @triage() environment?: string | null;
  @Field(() => String, { nullable: true, description: 'The region affected (internal).' }) @triage() region?: string | null;
}

@InputType({ description: 'A staff-created incident: the portal fields plus triage, assignee, organization and reporter.' })
export class CreateIncidentInput extends TriageFields {
  @Field(() => IncidentTypeEnum, { defaultValue: 'INCIDENT', description: 'INCIDENT (default) or CHANGE.' }) type!: IncidentType;
  @Field({ description: 'A short title, 1 to 200 characters.' }) @TextLength({ min: 1, max: 200 }) title!: string;
  @Field({ description: 'What happened, as customers may read it, 1 to 10,000 characters.' }) @TextLength({ min: 1, max: 10_000 }) description!: string;
  @Field(() => PriorityEnum, { description: 'The priority; it sets the SLA due times.' }) priority!: Priority;
  @Field(() => IncidentSourceEnum, { nullable: true, description: 'STAFF (default) or API.' })
  @IsOptional()
  @IsIn(['STAFF', 'API'], { message: 'must be STAFF or API' })
  source?: IncidentSource | null;
  @Field(() => ID, { nullable: true, description: 'Needs the MANAGER role.' }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The customer organization it concerns.' }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Raise it on behalf of this portal user.' }) reporterCustomerId?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are, null clears an optional one.' })
export class UpdateIncidentInput extends TriageFields {
  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters.' }) @IsOptional() @TextLength({ min: 1, max: 200 }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'A new description, 1 to 10,000 characters.' }) @IsOptional() @TextLength({ min: 1, max: 10_000 }) description?: string | null;
  @Field(() => PriorityEnum, { nullable: true, description: 'Recomputes the SLA due times.' }) priority?: Priority | null;
  @Field(() => ID, { nullable: true, description: 'The customer organization it concerns; null: none.' }) customerId?: string | null;
}

@InputType({ description: 'A move along the status machine (OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED, and reopening).' })
export class ChangeStatusInput {
  @Field(() => IncidentStatusEnum, { description: 'The status to move to.' }) status!: IncidentStatus;
  @Field(() => String, { nullable: true, description: 'Shown as the status event\'s text.' }) @IsOptional() @TextLength({ max: 5000 }) note?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep the status event INTERNAL (default PUBLIC).' }) internal?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Required to resolve.' }) @IsOptional() @TextLength({ max: 5000 }) resolutionSummary?: string | null;
  @Field(() => Int, { nullable: true, description: 'Refuse the change if the incident moved past this version.' }) version?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'When resolving: also draft a knowledge-base article (INTERNAL, DRAFT) from the title, description and resolution summary.' })
  createKbDraft?: boolean | null;
}

@InputType({ description: 'A staff comment on an incident.' })
export class IncidentUpdateInput {
  @Field({ description: 'The text, 1 to 5,000 characters.' }) @TextLength({ min: 1, max: 5000 }) body!: string;
  @Field(() => VisibilityEnum, { defaultValue: 'INTERNAL', description: 'INTERNAL (default) or PUBLIC.' }) visibility!: Visibility;
}

@InputType({ description: 'Which incidents to list; all given conditions must hold.' })
export class IncidentFilterInput {
  @Field(() => IncidentStatusEnum, { nullable: true, description: 'Incidents in this status.' }) status?: IncidentStatus | null;
  @Field(() => PriorityEnum, { nullable: true, description: 'Incidents of this priority.' }) priority?: Priority | null;
  @Field(() => IncidentTypeEnum, { nullable: true, description: 'Incidents or changes only.' }) type?: IncidentType | null;
  @Field(() => ID, { nullable: true, description: 'Incidents assigned to this staff member.' }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Incidents of this customer organization.' }) customerId?: string | null;
  @Field(() => IncidentSourceEnum, { nullable: true, description: 'Incidents reported this way.' }) source?: IncidentSource | null;
  @Field(() => ID, { nullable: true, description: 'The reports linked to this parent incident.' }) parentId?: string | null;
  @Field(() => SlaStateEnum, { nullable: true, description: 'Incidents whose resolution SLA is in this state.' }) slaState?: 'OK' | 'AT_RISK' | 'BREACHED' | null;
  @Field(() => String, { nullable: true, description: 'Matches number, title and description.' }) @IsOptional() @TextLength({ max: 200 }) q?: string | null;
}

@InputType({ description: 'The order of an incident list.' })
export class IncidentSortInput {
  @Field(() => SortFieldEnum, { defaultValue: 'CREATED_AT', description: 'What to sort by (CREATED_AT by default).' }) field!: IncidentSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'DESC', description: 'ASC or DESC (default).' }) direction!: 'ASC' | 'DESC';
}

// ---- Issue 15: the inputs of the object-first mutations (one `input` each; ids and former arguments as its fields) ----

@InputType({ description: 'A staff-created incident (incidentCreate): the portal fields plus triage, assignee, organization and reporter.' })
export class IncidentCreateInput extends CreateIncidentInput {}

/**
 * incidentUpdate's input. Not named `IncidentUpdateInput`, the convention's name: that name is the comment input of
 * addIncidentUpdate (and of the REST adapter's operation), which must keep answering as before while deprecated.
 */
@InputType({ description: 'The incident, the version read, and the fields to change; omitted fields stay as they are, null clears an optional one.' })
export class IncidentUpdateFieldsInput extends UpdateIncidentInput {
  @Field(() => ID, { description: "The incident's id or number." }) id!: string;
  @Field(() => Int, { description: 'The version read (Incident.version): a change made since refuses this one.' }) version!: number;
}

@InputType({ description: 'The incident and a move along the status machine (OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED, and reopening).' })
export class IncidentStatusChangeInput extends ChangeStatusInput {
  @Field(() => ID, { description: "The incident's id or number." }) id!: string;
}

@InputType({ description: 'A staff comment on an incident.' })
export class IncidentUpdateAddInput extends IncidentUpdateInput {
  @Field(() => ID, { description: "The incident's id or number." }) id!: string;
}

@InputType({ description: 'Whom an incident is assigned to.' })
export class IncidentAssignInput {
  @Field(() => ID, { description: "The incident's id or number." }) id!: string;
  @Field(() => ID, { nullable: true, description: 'The staff member to assign; null: nobody.' }) assigneeId?: string | null;
}

@InputType({ description: 'Customer reports to link under a parent incident.' })
export class IncidentLinkInput {
  @Field(() => ID, { description: "The parent incident's id or number." }) parentId!: string;
  @Field(() => [ID], { description: 'The reports to link under it, by id or number.' }) childIds!: string[];
}

@InputType({ description: 'A report to unlink from its parent incident.' })
export class IncidentUnlinkInput {
  @Field(() => ID, { description: "The linked report's id or number." }) id!: string;
}
