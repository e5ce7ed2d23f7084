import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer, staffViewer } from '../../graphql/viewer';
import { Incident } from '../incident/incident.types';
import { RateTicketInput, RateTicketWithLinkInput, RatingSummaryFilterInput, TicketRateInput, TicketRateWithLinkInput } from './satisfaction.inputs';
import { IncidentRatingView, RatingSummary, TicketRatePayload, TicketRateWithLinkPayload, TicketRating } from './satisfaction.types';
import { replacedBy } from '../../graphql/replaced-by';

/** Satisfaction ratings: customers rate resolved tickets; staff read them per incident and in summaries. */
@Resolver(() => Incident)
export class SatisfactionResolver {
  @Mutation(() => TicketRating, {
    description: 'Customer: rates a resolved ticket I reported (or take part in, with CSAT_PARTICIPANTS_MAY_RATE), once, within CSAT_WINDOW_DAYS of its resolution.',
    deprecationReason: replacedBy('ticketRate'),
  })
  rateTicket(@Arg('ticketId', () => ID, { description: 'The id or the number (INC-…).' }) ticketId: string, @Arg('input', { description: 'The ticket, score and comment.' }) input: RateTicketInput, @Ctx() ctx: Context) {
    return ctx.services.satisfaction.rateTicket(customerViewer(ctx), ticketId, input, ctx.client);
  }

  @Mutation(() => TicketRating, {
    description: 'Rates a resolved ticket with the signed link of its resolution e-mail (no sign-in: the link says who and which ticket).',
    deprecationReason: replacedBy('ticketRateWithLink'),
  })
  rateTicketWithLink(@Arg('input', { description: "The link's token, score and comment." }) input: RateTicketWithLinkInput, @Ctx() ctx: Context) {
    return ctx.services.satisfaction.rateWithLink(input, ctx.client);
  }

  // The portal's own (issue 15): one input, a payload; the same service calls.
  @Mutation(() => TicketRatePayload, { description: 'Customer: rates a resolved ticket I reported (or take part in, with CSAT_PARTICIPANTS_MAY_RATE), once, within CSAT_WINDOW_DAYS of its resolution.' })
  async ticketRate(@Arg('input', () => TicketRateInput, { description: 'The ticket, score and comment.' }) input: TicketRateInput, @Ctx() ctx: Context): Promise<TicketRatePayload> {
    return { rating: await ctx.services.satisfaction.rateTicket(customerViewer(ctx), input.ticketId, input, ctx.client) };
  }

  @Mutation(() => TicketRateWithLinkPayload, { description: 'Rates a resolved ticket with the signed link of its resolution e-mail (no sign-in: the link says who and which ticket).' })
  async ticketRateWithLink(
    @Arg('input', () => TicketRateWithLinkInput, { description: "The link's token, score and comment." }) input: TicketRateWithLinkInput,
    @Ctx() ctx: Context,
  ): Promise<TicketRateWithLinkPayload> {
    return { rating: await ctx.services.satisfaction.rateWithLink(input, ctx.client) };
  }

  @Query(() => RatingSummary, { description: 'Staff: counts and averages of the ratings given in a period, overall, per score and per assignee.' })
  incidentRatingSummary(@Ctx() ctx: Context, @Arg('filter', () => RatingSummaryFilterInput, { nullable: true, description: 'The period and assignee; none: every rating.' }) filter?: RatingSummaryFilterInput | null) {
    return ctx.services.satisfaction.summary(staffViewer(ctx), filter ?? {});
  }

  // One object, not a list: the reporter's (participants rate only with CSAT_PARTICIPANTS_MAY_RATE, and their ratings
  // count in the summaries), and a list would cost a page of incidents 20 times more.
  @FieldResolver(() => IncidentRatingView, { nullable: true, description: "Internal: the reporter's satisfaction rating once given, else the first participant's (staff only)." })
  rating(@Root() incident: Incident, @Ctx() ctx: Context) {
    return ctx.loaders.incidents.rating.load(incident.id);
  }
}
