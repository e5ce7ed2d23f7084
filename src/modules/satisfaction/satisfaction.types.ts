import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IncidentAssignee } from '../incident/incident.types';
import { RATING_SOURCES, type RatingSource } from './satisfaction.entity';

export const RatingSourceEnum = Object.fromEntries(RATING_SOURCES.map((v) => [v, v])) as { [K in RatingSource]: K };
registerEnumType(RatingSourceEnum, { name: 'RatingSource', description: 'PORTAL, or EMAIL_LINK: the link of the resolution e-mail.' });

@ObjectType({ simpleResolvers: true, description: "The customer's own rating of a ticket, as the customer sees it." })
export class TicketRating {
  @Field(() => ID, { description: 'The ticket rated.' }) ticketId!: string;
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' }) score!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => Date) createdAt!: string;
}

@ObjectType('IncidentRating', { simpleResolvers: true, description: 'A satisfaction rating of an incident (staff only).' })
export class IncidentRatingView {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' }) score!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => RatingSourceEnum) source!: RatingSource;
  @Field({ description: "The rating customer's display name." }) raterName!: string;
  @Field(() => Date) createdAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class ScoreCount {
  @Field(() => Int) score!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true, description: "One assignee's ratings (assignee null: incidents nobody was assigned when rated)." })
export class AssigneeRatings {
  @Field(() => IncidentAssignee, { nullable: true }) assignee!: IncidentAssignee | null;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: 'The mean score, rounded to 2 decimals; null without ratings.' }) average!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satisfaction ratings given in a period (from inclusive, to exclusive), with averages and counts.' })
export class RatingSummary {
  @Field(() => Date, { nullable: true }) from!: string | null;
  @Field(() => Date, { nullable: true }) to!: string | null;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: 'The mean score, rounded to 2 decimals; null without ratings.' }) average!: number | null;
  @Field(() => [ScoreCount], { description: 'How many ratings gave each score, 1 to 5 (zeros included).' }) distribution!: ScoreCount[];
  @Field(() => [AssigneeRatings], { description: 'Per assignee at the time of rating, most ratings first.' }) byAssignee!: AssigneeRatings[];
}
