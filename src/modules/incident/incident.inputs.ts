import { IsString } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { IncidentType, Priority } from './incident.entity';
import { IncidentTypeEnum, PriorityEnum } from './incident.types';
import { TextLength } from '../../shared/text';

@InputType({ description: 'A customer\'s new ticket.' })
export class CreateTicketInput {
  @Field(() => IncidentTypeEnum, { defaultValue: 'INCIDENT', description: 'INCIDENT (default) or CHANGE (a change request).' }) type!: IncidentType;
  @Field({ description: 'A short title, 1 to 200 characters.' }) @IsString() @TextLength({ min: 1, max: 200 }) title!: string;
  @Field({ description: 'What happened, 1 to 10,000 characters.' }) @IsString() @TextLength({ min: 1, max: 10000 }) description!: string;
  @Field(() => PriorityEnum, { description: 'How urgent it is for the customer; it sets the SLA due times.' }) priority!: Priority;
}
