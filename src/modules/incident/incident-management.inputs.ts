import { IsIn, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { IncidentSource, IncidentStatus, IncidentType, Priority, Visibility } from './incident.entity';
import type { IncidentSortField } from './incident.read';
import { IncidentSourceEnum, IncidentStatusEnum, IncidentTypeEnum, PriorityEnum, VisibilityEnum } from './incident.types';
import { TextLength } from '../../shared/text';

const SortFieldEnum = { CREATED_AT: 'CREATED_AT', UPDATED_AT: 'UPDATED_AT', PRIORITY: 'PRIORITY', NUMBER: 'NUMBER' } as const;
const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
const SlaStateEnum = { OK: 'OK', AT_RISK: 'AT_RISK', BREACHED: 'BREACHED' } as const;
registerEnumType(SortFieldEnum, { name: 'IncidentSortField' });
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });
registerEnumType(SlaStateEnum, { name: 'SlaState', description: 'OK, AT_RISK (under a quarter of the resolution time left) or BREACHED.' });

const triage = () => (target: object, key: string) => {
  IsOptional()(target, key);
  IsString()(target, key);
  TextLength({ max: 10_000 })(target, key);
};

@InputType()
class TriageFields {
  @Field(() => String, { nullable: true }) @triage() techDescription?: string | null;
  @Field(() => String, { nullable: true }) @triage() impactSummary?: string | null;
  @Field(() => String, { nullable: true }) @triage() blastRadius?: string | null;
  @Field(() => String, { nullable: true }) @triage() serviceArea?: string | null;
  @Field(() => String, { nullable: true }) @triage() environment?: string | null;
  @Field(() => String, { nullable: true }) @triage() region?: string | null;
}

@InputType({ description: 'A staff-created incident: the portal fields plus triage, assignee, organization and reporter.' })
export class CreateIncidentInput extends TriageFields {
  @Field(() => IncidentTypeEnum, { defaultValue: 'INCIDENT' }) type!: IncidentType;
  @Field() @TextLength({ min: 1, max: 200 }) title!: string;
  @Field() @TextLength({ min: 1, max: 10_000 }) description!: string;
  @Field(() => PriorityEnum) priority!: Priority;
  @Field(() => IncidentSourceEnum, { nullable: true, description: 'STAFF (default) or API.' })
  @IsOptional()
  @IsIn(['STAFF', 'API'], { message: 'must be STAFF or API' })
  source?: IncidentSource | null;
  @Field(() => ID, { nullable: true, description: 'Needs the MANAGER role.' }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Raise it on behalf of this portal user.' }) reporterCustomerId?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are, null clears an optional one.' })
export class UpdateIncidentInput extends TriageFields {
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ min: 1, max: 200 }) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ min: 1, max: 10_000 }) description?: string | null;
  @Field(() => PriorityEnum, { nullable: true, description: 'Recomputes the SLA due times.' }) priority?: Priority | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
}

@InputType()
export class ChangeStatusInput {
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => String, { nullable: true, description: 'Shown as the status event\'s text.' }) @IsOptional() @TextLength({ max: 5000 }) note?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep the status event INTERNAL (default PUBLIC).' }) internal?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Required to resolve.' }) @IsOptional() @TextLength({ max: 5000 }) resolutionSummary?: string | null;
  @Field(() => Int, { nullable: true, description: 'Refuse the change if the incident moved past this version.' }) version?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'When resolving: also draft a knowledge-base article (INTERNAL, DRAFT) from the title, description and resolution summary.' })
  createKbDraft?: boolean | null;
}

@InputType()
export class IncidentUpdateInput {
  @Field() @TextLength({ min: 1, max: 5000 }) body!: string;
  @Field(() => VisibilityEnum, { defaultValue: 'INTERNAL', description: 'INTERNAL (default) or PUBLIC.' }) visibility!: Visibility;
}

@InputType()
export class IncidentFilterInput {
  @Field(() => IncidentStatusEnum, { nullable: true }) status?: IncidentStatus | null;
  @Field(() => PriorityEnum, { nullable: true }) priority?: Priority | null;
  @Field(() => IncidentTypeEnum, { nullable: true }) type?: IncidentType | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => IncidentSourceEnum, { nullable: true }) source?: IncidentSource | null;
  @Field(() => ID, { nullable: true, description: 'The reports linked to this parent incident.' }) parentId?: string | null;
  @Field(() => SlaStateEnum, { nullable: true }) slaState?: 'OK' | 'AT_RISK' | 'BREACHED' | null;
  @Field(() => String, { nullable: true, description: 'Matches number, title and description.' }) @IsOptional() @TextLength({ max: 200 }) q?: string | null;
}

@InputType()
export class IncidentSortInput {
  @Field(() => SortFieldEnum, { defaultValue: 'CREATED_AT' }) field!: IncidentSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'DESC' }) direction!: 'ASC' | 'DESC';
}
