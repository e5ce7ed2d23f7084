import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer } from '../../graphql/viewer';
import { ValidationError } from '../../shared/errors';
import type { IncidentStatus, IncidentType, Priority } from './incident.entity';
import { CreateTicketInput } from './incident.inputs';
import { Incident, IncidentPage, IncidentStatusEnum, IncidentTypeEnum, IncidentUpdateView, PriorityEnum } from './incident.types';
import { AfterArg, LimitArg, PageArg } from '../../shared/listing';

/** `last` of a timeline: 1 to 100, or absent for all of it. */
function checkedLast(last: number | null | undefined): number | undefined {
  if (last === null || last === undefined) return undefined;
  if (last < 1 || last > 100) throw ValidationError.field('last', 'must be between 1 and 100');
  return last;
}

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { description: 'Customer: one of my tickets (or my organization\'s, where it shares) by id or number.' })
  ticket(@Arg('id', () => ID, { description: 'The id or the number (INC-…).' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.incidents.get(customerViewer(ctx), id);
  }

  @Query(() => IncidentPage, { description: 'Customer: the tickets I may see, newest first.' })
  tickets(
    @Ctx() ctx: Context,
    @PageArg() page: number | null,
    @LimitArg() limit: number | null,
    @Arg('status', () => IncidentStatusEnum, { nullable: true }) status?: IncidentStatus | null,
    @Arg('priority', () => PriorityEnum, { nullable: true }) priority?: Priority | null,
    @Arg('type', () => IncidentTypeEnum, { nullable: true }) type?: IncidentType | null,
    @AfterArg() after?: string | null,
  ) {
    return ctx.services.incidents.list(customerViewer(ctx), { status, priority, type }, page, limit, after);
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

  @FieldResolver(() => [IncidentUpdateView], { description: 'The comments among the updates (customers: PUBLIC ones only).' })
  async comments(@Root() incident: Incident, @Ctx() ctx: Context) {
    return (await ctx.loaders.incidents.updates().load(incident.id)).filter((u) => u.kind === 'COMMENT');
  }

  @Mutation(() => Incident, { description: 'Customer: reports a ticket. A repeated idempotencyKey returns the first ticket.' })
  createTicket(
    @Arg('input') input: CreateTicketInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ) {
    return ctx.services.incidents.createTicket(customerViewer(ctx), input, idempotencyKey);
  }

  @Mutation(() => IncidentUpdateView, { description: 'Customer: adds a (always PUBLIC) comment to a ticket.' })
  addTicketComment(@Arg('ticketId', () => ID) ticketId: string, @Arg('body') body: string, @Ctx() ctx: Context) {
    return ctx.services.incidents.addCustomerComment(customerViewer(ctx), ticketId, body);
  }
}
