import { Field, ID, ObjectType } from 'type-graphql';
import { Ticket } from '../incident/ticket.types';

/**
 * A participant of a ticket. Portal viewers (the reporter, other participants, colleagues who see the ticket)
 * get the id and display name only; the other fields are staff data (shield rules them, and the read model
 * does not even select them for a portal viewer), nullable so that a refusal nulls the field, not the list.
 */
/** What a portal viewer may see of a participant: shared by the staff type (Participant) and the portal one (TicketParticipant). */
// Never a type of the schema itself (no field returns it, so it is not emitted): only its subclasses are.
@ObjectType({ description: 'Shared fields (not in the schema).' })
export abstract class ParticipantFields {
  @Field(() => ID, { description: 'The portal user.' }) id!: string;
  @Field({ description: 'Their name.' }) displayName!: string;
}

@ObjectType('Participant', { simpleResolvers: true, description: 'A portal user taking part in a ticket (added by its reporter or by staff).' })
export class ParticipantView extends ParticipantFields {
  @Field(() => String, { nullable: true, description: "Internal: the participant's e-mail address (staff only)." }) email!: string | null;
  @Field(() => Date, { nullable: true, description: 'Internal: when they were added (staff only).' }) addedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Internal: who added them, CUSTOMER (the reporter) or STAFF (staff only).' }) addedByKind!: string | null;
  @Field(() => ID, { nullable: true, description: 'Internal: the portal user or staff member who added them (staff only).' }) addedById!: string | null;
}

/**
 * A participant as the portal types show one (Ticket.participants, the ticketParticipant* payloads): the id and
 * display name only, so a portal client cannot even ask for the staff fields.
 */
@ObjectType({ simpleResolvers: true, description: 'A portal user taking part in a ticket (added by its reporter or by staff), as portal users see them.' })
export class TicketParticipant extends ParticipantFields {}

/** The staff-only fields of a participant: shield's rules (authz/rules.ts) come from this list. */
export const PARTICIPANT_STAFF_FIELDS = ['email', 'addedAt', 'addedByKind', 'addedById'] as const satisfies readonly (keyof ParticipantView)[];

@ObjectType({ simpleResolvers: true, description: 'An active colleague of my organization, whom I may add to a ticket I reported.' })
export class PortalColleague {
  @Field(() => ID, { description: "The colleague's portal user id." }) id!: string;
  @Field({ description: 'Their name.' }) displayName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The ticket after ticketParticipantAdd: its participants include the colleague.' })
export class TicketParticipantAddPayload {
  @Field(() => Ticket, { description: 'The ticket, with its participants afterwards.' }) ticket!: Ticket;
}

@ObjectType({ simpleResolvers: true, description: 'The ticket after ticketParticipantRemove.' })
export class TicketParticipantRemovePayload {
  @Field(() => Ticket, { nullable: true, description: 'The ticket, with its participants afterwards; null when I removed myself (left it), even if my organization still shows it me.' }) ticket!: Ticket | null;
}

@ObjectType({ simpleResolvers: true, description: 'Whether ticketLeave took me off the ticket.' })
export class TicketLeavePayload {
  @Field({ description: 'True if I took part and no longer do; false if I did not take part (the reporter cannot leave; nothing changed).' }) left!: boolean;
}
