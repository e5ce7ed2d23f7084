import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer } from '../../graphql/viewer';
import { CreateTicketInput } from './incident.inputs';
import { Incident, IncidentUpdateConnection, IncidentUpdateView } from './incident.types';
import { timeline } from './incident.timeline';
import { replacedBy } from '../../graphql/replaced-by';
import { ConnectionArgs } from '../../shared/connection.types';


@Resolver(() => Incident)
export class IncidentResolver {
  @FieldResolver(() => [IncidentUpdateView], { description: 'Comments and status events, oldest first. Customers get PUBLIC ones only.' })
  updates(
    @Root() incident: Incident,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { nullable: true, description: 'Only the newest N (1 to 100), still oldest first: a timeline preview on a list page.' })
    last?: number | null,
  ) {
    return timeline.updates(ctx, incident.id, last);
  }

  @FieldResolver(() => [IncidentUpdateView], {
    description: 'The comments among the updates (customers: PUBLIC ones only).',
    deprecationReason: 'Use updates and keep those of kind COMMENT.',
  })
  comments(@Root() incident: Incident, @Ctx() ctx: Context) {
    return timeline.comments(ctx, incident.id);
  }

  @FieldResolver(() => IncidentUpdateConnection, {
    description: 'The updates as a cursor connection (first/after, last/before), oldest first, scoped like `updates` (customers: PUBLIC ones only). For long timelines.',
  })
  updatesConnection(@Root() incident: Incident, @Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return timeline.updatesConnection(ctx, incident.id, args);
  }

  @Mutation(() => Incident, {
    description: 'Customer: reports a ticket. A repeated idempotencyKey returns the first ticket.',
    deprecationReason: replacedBy('ticketCreate'),
  })
  createTicket(
    @Arg('input', { description: 'The new ticket.' }) input: CreateTicketInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: "A key of the client's choosing: a retry with the same key returns the ticket the first attempt created." }) idempotencyKey?: string | null,
  ) {
    return ctx.services.incidents.createTicket(customerViewer(ctx), input, idempotencyKey);
  }

  @Mutation(() => IncidentUpdateView, { description: 'Customer: adds a (always PUBLIC) comment to a ticket.', deprecationReason: replacedBy('ticketCommentAdd') })
  addTicketComment(@Arg('ticketId', () => ID, { description: "The ticket's id or number." }) ticketId: string, @Arg('body', { description: 'The comment, 1 to 5,000 characters.' }) body: string, @Ctx() ctx: Context) {
    return ctx.services.incidents.addCustomerComment(customerViewer(ctx), ticketId, body);
  }
}
