import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer } from '../../graphql/viewer';
import { ConnectionArgs } from '../../shared/connection.types';
import { AfterArg, LimitArg, PageArg } from '../../shared/listing';
import { AttachmentTimelineView } from '../attachment/attachment.types';
import { TicketParticipant } from '../participants/participant.types';
import type { IncidentStatus, IncidentType, Priority } from './incident.entity';
import { portalTicket, timeline } from './incident.timeline';
import { timelineToFetch, timelineToFetchUnder } from './incident.selection';
import { IncidentStatusEnum, IncidentTypeEnum, PriorityEnum } from './incident.types';
import { TicketCommentAddInput, TicketCreateInput } from './ticket.inputs';
import { Ticket, TicketCommentAddPayload, TicketConnection, TicketCreatePayload, TicketPage, TicketUpdate, TicketUpdateConnection } from './ticket.types';

/**
 * The customer portal's tickets (the portal types, ticket.types.ts): the same service calls, read model rows (the
 * customer columns) and loader priming as the staff's incidents, and the timeline fields' one implementation
 * (incident.timeline.ts), so a ticket and its timeline stay one statement.
 */
@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { description: 'Customer: one of my tickets (or my organization\'s, where it shares) by id or number.' })
  async ticket(@Arg('id', () => ID, { description: 'The id or the number (INC-…).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Ticket> {
    return portalTicket(ctx, info, id);
  }

  @Query(() => TicketPage, { description: 'Customer: the tickets I may see, newest first.' })
  async tickets(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @PageArg() page: number | null,
    @LimitArg() limit: number | null,
    @Arg('status', () => IncidentStatusEnum, { nullable: true, description: 'Tickets in this status only.' }) status?: IncidentStatus | null,
    @Arg('priority', () => PriorityEnum, { nullable: true, description: 'Tickets of this priority only.' }) priority?: Priority | null,
    @Arg('type', () => IncidentTypeEnum, { nullable: true, description: 'Incidents or changes only.' }) type?: IncidentType | null,
    @AfterArg() after?: string | null,
  ): Promise<TicketPage> {
    const include = timelineToFetch(info, ['items']);
    return ctx.loaders.incidents.primed(await ctx.services.incidents.list(customerViewer(ctx), { status, priority, type }, page, limit, after, include), include);
  }

  @Query(() => TicketConnection, { description: 'Customer: the tickets I may see as a cursor connection (first/after, last/before), newest first, filtered like `tickets`.' })
  async ticketsConnection(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() args: ConnectionArgs,
    @Arg('status', () => IncidentStatusEnum, { nullable: true, description: 'Tickets in this status only.' }) status?: IncidentStatus | null,
    @Arg('priority', () => PriorityEnum, { nullable: true, description: 'Tickets of this priority only.' }) priority?: Priority | null,
    @Arg('type', () => IncidentTypeEnum, { nullable: true, description: 'Incidents or changes only.' }) type?: IncidentType | null,
  ) {
    const include = timelineToFetchUnder(info, [['nodes'], ['edges', 'node']]);
    return ctx.loaders.incidents.primed(await ctx.services.incidents.connection(customerViewer(ctx), { status, priority, type }, args, include), include);
  }

  @FieldResolver(() => [TicketUpdate], { description: 'Comments and status events I may see (PUBLIC ones), oldest first.' })
  updates(
    @Root() ticket: Ticket,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { nullable: true, description: 'Only the newest N (1 to 100), still oldest first: a timeline preview on a list page.' })
    last?: number | null,
  ) {
    return timeline.updates(ctx, ticket.id, last);
  }

  @FieldResolver(() => [TicketUpdate], {
    description: 'The comments among the updates.',
    deprecationReason: 'Use updates and keep those of kind COMMENT.',
  })
  comments(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return timeline.comments(ctx, ticket.id);
  }

  @FieldResolver(() => TicketUpdateConnection, { description: 'The updates I may see (PUBLIC ones) as a cursor connection (first/after, last/before), oldest first. For long timelines.' })
  updatesConnection(@Root() ticket: Ticket, @Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return timeline.updatesConnection(ctx, ticket.id, args);
  }

  // Most tickets carry a few files: the operation cost (graphql/limits.ts) counts 5 rather than a list's usual 20.
  @Extensions({ assumedListSize: 5 })
  @FieldResolver(() => [AttachmentTimelineView], { nullable: true, description: 'Files on the ticket and its PUBLIC updates, oldest first (`updateId` says which update).' })
  attachments(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return timeline.attachments(ctx, ticket.id);
  }

  @FieldResolver(() => [TicketParticipant], { description: 'The portal users taking part in the ticket besides its reporter, oldest first.' })
  participants(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return timeline.participants(ctx, ticket.id);
  }

  @Mutation(() => TicketCreatePayload, { description: 'Customer: reports a ticket. A repeated idempotencyKey returns the first ticket (replayed).' })
  async ticketCreate(@Arg('input', () => TicketCreateInput, { description: 'The new ticket.' }) input: TicketCreateInput, @Ctx() ctx: Context): Promise<TicketCreatePayload> {
    const { incident, replayed } = await ctx.services.incidents.submitTicket(customerViewer(ctx), input, input.idempotencyKey);
    return { ticket: incident, replayed };
  }

  @Mutation(() => TicketCommentAddPayload, { description: 'Customer: adds a (always PUBLIC) comment to a ticket I may see (not a closed one).' })
  async ticketCommentAdd(
    @Arg('input', () => TicketCommentAddInput, { description: 'The ticket and the comment.' }) input: TicketCommentAddInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketCommentAddPayload> {
    const update = await ctx.services.incidents.addCustomerComment(customerViewer(ctx), input.ticketId, input.body);
    return { update, ticket: await portalTicket(ctx, info, input.ticketId, ['ticket']) };
  }
}
