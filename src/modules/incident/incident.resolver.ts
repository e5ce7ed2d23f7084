import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer } from '../../graphql/viewer';
import type { IncidentStatus, IncidentType, Priority } from './incident.entity';
import { CreateTicketInput } from './incident.inputs';
import { Incident, IncidentPage, IncidentStatusEnum, IncidentTypeEnum, IncidentUpdateConnection, IncidentUpdateView, PriorityEnum } from './incident.types';
import { ConnectionArgs } from '../../shared/connection.types';
import { connectionArgs } from '../../shared/connection';
import { AfterArg, LimitArg, PageArg } from '../../shared/listing';
import { checkedLast, timelineToFetch } from './incident.selection';


@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { description: 'Customer: one of my tickets (or my organization\'s, where it shares) by id or number.' })
  async ticket(@Arg('id', () => ID, { description: 'The id or the number (INC-…).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const include = timelineToFetch(info, []);
    return ctx.loaders.incidents.primed(await ctx.services.incidents.get(customerViewer(ctx), id, include), include);
  }

  @Query(() => IncidentPage, { description: 'Customer: the tickets I may see, newest first.' })
  async tickets(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @PageArg() page: number | null,
    @LimitArg() limit: number | null,
    @Arg('status', () => IncidentStatusEnum, { nullable: true, description: 'Tickets in this status only.' }) status?: IncidentStatus | null,
    @Arg('priority', () => PriorityEnum, { nullable: true, description: 'Tickets of this priority only.' }) priority?: Priority | null,
    @Arg('type', () => IncidentTypeEnum, { nullable: true, description: 'Incidents or changes only.' }) type?: IncidentType | null,
    @AfterArg() after?: string | null,
  ) {
    const include = timelineToFetch(info, ['items']);
    return ctx.loaders.incidents.primed(await ctx.services.incidents.list(customerViewer(ctx), { status, priority, type }, page, limit, after, include), include);
  }

  @FieldResolver(() => IncidentUpdateConnection, {
    description: 'The updates as a cursor connection (first/after, last/before), oldest first, scoped like `updates` (customers: PUBLIC ones only). For long timelines.',
  })
  updatesConnection(@Root() incident: Incident, @Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return ctx.loaders.incidents.updatesConnection(connectionArgs(args)).load(incident.id);
  }

  @FieldResolver(() => [IncidentUpdateView], { description: 'Comments and status events, oldest first. Customers get PUBLIC ones only.' })
  updates(
    @Root() incident: Incident,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { nullable: true, description: 'Only the newest N (1 to 100), still oldest first: a timeline preview on a list page.' })
    last?: number | null,
  ) {
    return ctx.loaders.incidents.updates(checkedLast(last)).load(incident.id);
  }

  @FieldResolver(() => [IncidentUpdateView], {
    description: 'The comments among the updates (customers: PUBLIC ones only).',
    deprecationReason: 'Use updates and keep those of kind COMMENT. Kept for the Scrubbe documents, whose REST routes answer `comments`.',
  })
  async comments(@Root() incident: Incident, @Ctx() ctx: Context) {
    return (await ctx.loaders.incidents.updates().load(incident.id)).filter((u) => u.kind === 'COMMENT');
  }

  @Mutation(() => Incident, { description: 'Customer: reports a ticket. A repeated idempotencyKey returns the first ticket.' })
  createTicket(
    @Arg('input', { description: 'The new ticket.' }) input: CreateTicketInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: "A key of the client's choosing: a retry with the same key returns the ticket the first attempt created." }) idempotencyKey?: string | null,
  ) {
    return ctx.services.incidents.createTicket(customerViewer(ctx), input, idempotencyKey);
  }

  @Mutation(() => IncidentUpdateView, { description: 'Customer: adds a (always PUBLIC) comment to a ticket.' })
  addTicketComment(@Arg('ticketId', () => ID, { description: "The ticket's id or number." }) ticketId: string, @Arg('body', { description: 'The comment, 1 to 5,000 characters.' }) body: string, @Ctx() ctx: Context) {
    return ctx.services.incidents.addCustomerComment(customerViewer(ctx), ticketId, body);
  }
}
