import { IsString, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { IncidentType, Priority } from './incident.entity';
import { IncidentTypeEnum, PriorityEnum } from './incident.types';

@InputType({ description: 'A customer\'s new ticket.' })
export class CreateTicketInput {
  @Field(() => IncidentTypeEnum, { defaultValue: 'INCIDENT' }) type!: IncidentType;
  @Field() @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters' }) title!: string;
  @Field() @IsString() @Length(1, 10000, { message: 'must be 1 to 10000 characters' }) description!: string;
  @Field(() => PriorityEnum) priority!: Priority;
}
