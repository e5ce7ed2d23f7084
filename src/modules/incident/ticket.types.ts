import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection.types';
import { Pagination } from '../customer/customer.types';
import { PageInfo, TicketFields, UpdateFields } from './incident.types';

/**
 * The portal's types: what a customer may see of a ticket and nothing else, so a portal client cannot even ask
 * for an internal field (the query fails validation instead of answering null). They share their fields with the
 * staff types (incident.types.ts TicketFields, UpdateFields; participant.types.ts ParticipantFields) and read the
 * same rows (the read model's customer columns); tests/unit/schema-walk.spec.ts checks that no type a portal root
 * field reaches has a field named like an internal one.
 */
@ObjectType({ simpleResolvers: true, description: 'A ticket as its customer sees it: my own, my organization\'s where it shares, or one I take part in.' })
export class Ticket extends TicketFields {
  // `updates`, `comments`, `attachments` and `participants` are resolved by TicketResolver (ticket.resolver.ts).
}

@ObjectType({ simpleResolvers: true, description: 'A comment or status event of a ticket, as its customer sees it (PUBLIC ones only).' })
export class TicketUpdate extends UpdateFields {}

@ObjectType({ simpleResolvers: true, description: 'A page of my tickets, with its numbers and the cursor of the next page.' })
export class TicketPage {
  @Field(() => [Ticket], { description: 'The tickets of this page.' }) items!: Ticket[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list (page numbers).' }) pagination!: Pagination;
  @Field(() => PageInfo, { description: 'The cursor for the next page (`after`).' }) pageInfo!: PageInfo;
}

@ObjectType({ simpleResolvers: true, description: 'The ticket ticketCreate reported (or, for a repeated idempotencyKey, the one the first attempt did).' })
export class TicketCreatePayload {
  @Field(() => Ticket, { description: 'The ticket.' }) ticket!: Ticket;
  @Field({ description: 'True: a retry with the idempotencyKey of an earlier, identical request; its ticket is answered and nothing new is created.' }) replayed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The comment ticketCommentAdd added, and the ticket after it.' })
export class TicketCommentAddPayload {
  @Field(() => TicketUpdate, { description: 'The comment, as the timeline shows it.' }) update!: TicketUpdate;
  @Field(() => Ticket, { description: 'The ticket, with the comment.' }) ticket!: Ticket;
}

/** My tickets by cursor (ticketsConnection), newest first. */
export const TicketConnection = connectionType(Ticket, 'Ticket', 'tickets');
/** A ticket's timeline by cursor (Ticket.updatesConnection), oldest first. */
export const TicketUpdateConnection = connectionType(TicketUpdate, 'TicketUpdate', "a ticket's PUBLIC updates");
