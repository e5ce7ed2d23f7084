import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { TextLength } from '../../shared/text';

export const RATING_COMMENT_MAX = 2000;
const SCORE = { message: 'must be a whole number from 1 to 5' };

@InputType({ description: 'A satisfaction rating: 1 (very unhappy) to 5 (very happy), and an optional comment.' })
export class RateTicketInput {
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' }) @IsInt(SCORE) @Min(1, SCORE) @Max(5, SCORE) score!: number;
  @Field(() => String, { nullable: true, description: 'What the customer wants to say, at most 2,000 characters.' }) @IsOptional() @IsString() @TextLength({ max: RATING_COMMENT_MAX }) comment?: string | null;
}

@InputType({ description: "A rating given through the resolution e-mail's link: the token says who rates which ticket." })
export class RateTicketWithLinkInput extends RateTicketInput {
  @Field({ description: 'The token of the link (`token` in its query).' }) @IsString() @TextLength({ min: 1, max: 400 }) token!: string;
}

@InputType({ description: 'Ratings given in a period, of one assignee or all.' })
export class RatingSummaryFilterInput {
  @Field(() => Date, { nullable: true, description: 'Rated at or after this time.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Rated before this time.' }) to?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Only incidents assigned to this staff member when rated.' }) @IsOptional() @IsString() assigneeId?: string | null;
}

// The inputs of the portal's rating mutations (issue 15: one `input` each): the old ones' input, and the ticket.

@InputType({ description: 'A satisfaction rating of a ticket: the ticket, 1 (very unhappy) to 5 (very happy), and an optional comment.' })
export class TicketRateInput extends RateTicketInput {
  @Field(() => ID, { description: 'The id or the number (INC-…).' }) ticketId!: string;
}

@InputType({ description: "A rating given through the resolution e-mail's link: the token says who rates which ticket." })
export class TicketRateWithLinkInput extends RateTicketWithLinkInput {}
