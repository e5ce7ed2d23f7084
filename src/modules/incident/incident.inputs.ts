import { IsString } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { IncidentType, Priority } from './incident.entity';
import { IncidentTypeEnum, PriorityEnum } from './incident.types';
import { TextLength } from '../../shared/text';

@InputType({ description: 'A customer\'s new ticket.' })
export class CreateTicketInput {
  @Field(() => IncidentTypeEnum, { defaultValue: 'INCIDENT' }) type!: IncidentType;
  @Field() @IsString() @TextLength({ min: 1, max: 200 }) title!: string;
  @Field() @IsString() @TextLength({ min: 1, max: 10000 }) description!: string;
  @Field(() => PriorityEnum) priority!: Priority;
}
