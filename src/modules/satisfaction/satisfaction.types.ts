import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IncidentAssignee } from '../incident/incident.types';
import { RATING_SOURCES, type RatingSource } from './satisfaction.entity';

export const RatingSourceEnum = Object.fromEntries(RATING_SOURCES.map((v) => [v, v])) as { [K in RatingSource]: K };
registerEnumType(RatingSourceEnum, {
  name: 'RatingSource',
  description: 'PORTAL, or EMAIL_LINK: the link of the resolution e-mail.',
  valuesConfig: { PORTAL: { description: 'Given in the portal.' }, EMAIL_LINK: { description: "Given through the resolution e-mail's link." } },
});

@ObjectType({ simpleResolvers: true, description: "The customer's own rating of a ticket, as the customer sees it." })
export class TicketRating {
  @Field(() => ID, { description: 'The ticket rated.' }) ticketId!: string;
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' }) score!: number;
  @Field(() => String, { nullable: true, description: 'The comment given, if any.' }) comment!: string | null;
  @Field(() => Date, { description: 'When it was given.' }) createdAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The rating ticketRate or ticketRateWithLink gave.' })
export class TicketRatePayload {
  @Field(() => TicketRating, { description: 'My rating, as I see it.' }) rating!: TicketRating;
}

@ObjectType({ simpleResolvers: true, description: 'The rating ticketRateWithLink gave.' })
export class TicketRateWithLinkPayload {
  @Field(() => TicketRating, { description: 'The rating, as the customer sees it.' }) rating!: TicketRating;
}

@ObjectType('IncidentRating', { simpleResolvers: true, description: 'A satisfaction rating of an incident (staff only).' })
export class IncidentRatingView {
  @Field(() => ID, { description: "The rating's id." }) id!: string;
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' }) score!: number;
  @Field(() => String, { nullable: true, description: 'The comment given, if any.' }) comment!: string | null;
  @Field(() => RatingSourceEnum, { description: 'Where it was given: the portal or the e-mail link.' }) source!: RatingSource;
  @Field({ description: "The rating customer's display name." }) raterName!: string;
  @Field(() => Date, { description: 'When it was given.' }) createdAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'How many ratings gave one score.' })
export class ScoreCount {
  @Field(() => Int, { description: 'The score, 1 to 5.' }) score!: number;
  @Field(() => Int, { description: 'Ratings with it.' }) count!: number;
}

@ObjectType({ simpleResolvers: true, description: "One assignee's ratings (assignee null: incidents nobody was assigned when rated)." })
export class AssigneeRatings {
  @Field(() => IncidentAssignee, { nullable: true, description: 'The assignee when rated; null: nobody.' }) assignee!: IncidentAssignee | null;
  @Field(() => Int, { description: 'Ratings of their incidents.' }) count!: number;
  @Field(() => Float, { nullable: true, description: 'The mean score, rounded to 2 decimals; null without ratings.' }) average!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satisfaction ratings given in a period (from inclusive, to exclusive), with averages and counts.' })
export class RatingSummary {
  @Field(() => Date, { nullable: true, description: 'The start of the period, as asked (inclusive).' }) from!: string | null;
  @Field(() => Date, { nullable: true, description: 'The end of the period, as asked (exclusive).' }) to!: string | null;
  @Field(() => Int, { description: 'Ratings in the period.' }) count!: number;
  @Field(() => Float, { nullable: true, description: 'The mean score, rounded to 2 decimals; null without ratings.' }) average!: number | null;
  @Field(() => [ScoreCount], { description: 'How many ratings gave each score, 1 to 5 (zeros included).' }) distribution!: ScoreCount[];
  @Field(() => [AssigneeRatings], { description: 'Per assignee at the time of rating, most ratings first.' }) byAssignee!: AssigneeRatings[];
}
