import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { customerViewer, staffViewer } from '../../graphql/viewer';
import { portalTicket, portalTicketIfVisible, timeline } from '../incident/incident.timeline';
import { Incident } from '../incident/incident.types';
import { TicketLeaveInput, TicketParticipantAddInput, TicketParticipantRemoveInput } from './participant.inputs';
import { ParticipantView, PortalColleague, TicketLeavePayload, TicketParticipantAddPayload, TicketParticipantRemovePayload } from './participant.types';
import { IncidentParticipantAddInput, IncidentParticipantAddPayload, IncidentParticipantRemoveInput, IncidentParticipantRemovePayload } from './participant.staff-mutations';

const TICKET = { description: 'The id or the number (INC-…).' };

/** Ticket participants: the reporter (or staff) adds colleagues of the ticket's organization; a participant leaves. */
@Resolver(() => Incident)
export class ParticipantResolver {
  @FieldResolver(() => [ParticipantView], {
    description: 'The portal users taking part in the ticket besides its reporter, oldest first. Portal viewers get their id and display name only.',
  })
  participants(@Root() incident: Incident, @Ctx() ctx: Context) {
    return timeline.participants(ctx, incident.id);
  }

  @Query(() => [PortalColleague], { description: 'Customer: the active users of my organization (but me), whom I may add to a ticket I reported. Empty without an organization.' })
  portalColleagues(@Ctx() ctx: Context) {
    return ctx.services.participants.colleagues(customerViewer(ctx));
  }

  @Mutation(() => [ParticipantView], {
    description: 'Customer, the reporter: adds an active colleague of the ticket\'s organization as a participant (again: nothing changes). The participants afterwards.',
    deprecationReason: replacedBy('ticketParticipantAdd'),
  })
  addTicketParticipant(@Arg('ticketId', () => ID, TICKET) ticketId: string, @Arg('userId', () => ID, { description: "The colleague's portal user id." }) userId: string, @Ctx() ctx: Context) {
    return ctx.services.participants.addByCustomer(customerViewer(ctx), ticketId, userId, ctx.client);
  }

  @Mutation(() => [ParticipantView], {
    description: 'Customer: the reporter removes a participant; a participant may remove only themselves (leaving: the answer is then empty). Removing someone who does not take part changes nothing.',
    deprecationReason: replacedBy('ticketParticipantRemove'),
  })
  async removeTicketParticipant(
    @Arg('ticketId', () => ID, TICKET) ticketId: string,
    @Arg('userId', () => ID, { description: "The participant's portal user id (your own: leaving)." }) userId: string,
    @Ctx() ctx: Context,
  ) {
    return (await ctx.services.participants.removeByCustomer(customerViewer(ctx), ticketId, userId, ctx.client)).participants;
  }

  @Mutation(() => Boolean, {
    description: 'Customer: leaves a ticket I take part in (I no longer see it, unless I would anyway through my organization).',
    deprecationReason: replacedBy('ticketLeave'),
  })
  leaveTicket(@Arg('ticketId', () => ID, TICKET) ticketId: string, @Ctx() ctx: Context) {
    return ctx.services.participants.leave(customerViewer(ctx), ticketId, ctx.client);
  }

  // The portal's own (issue 15): one input, a payload with the ticket afterwards as the portal type; the same service calls.
  @Mutation(() => TicketParticipantAddPayload, { description: "Customer, the reporter: adds an active colleague of the ticket's organization as a participant (again: nothing changes)." })
  async ticketParticipantAdd(
    @Arg('input', () => TicketParticipantAddInput, { description: 'The ticket and the colleague.' }) input: TicketParticipantAddInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketParticipantAddPayload> {
    await ctx.services.participants.addByCustomer(customerViewer(ctx), input.ticketId, input.userId, ctx.client);
    return { ticket: await portalTicket(ctx, info, input.ticketId, ['ticket']) };
  }

  @Mutation(() => TicketParticipantRemovePayload, {
    description: 'Customer: the reporter removes a participant; a participant may remove only themselves (leaving). Removing someone who does not take part changes nothing.',
  })
  async ticketParticipantRemove(
    @Arg('input', () => TicketParticipantRemoveInput, { description: 'The ticket and the participant.' }) input: TicketParticipantRemoveInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketParticipantRemovePayload> {
    const { left } = await ctx.services.participants.removeByCustomer(customerViewer(ctx), input.ticketId, input.userId, ctx.client);
    // Whoever left gets no ticket, as the old mutation's empty list said (the REST route answers that list from it).
    return { ticket: left ? null : await portalTicketIfVisible(ctx, info, input.ticketId, ['ticket']) };
  }

  @Mutation(() => TicketLeavePayload, { description: 'Customer: leaves a ticket I take part in (I no longer see it, unless I would anyway through my organization).' })
  async ticketLeave(@Arg('input', () => TicketLeaveInput, { description: 'The ticket.' }) input: TicketLeaveInput, @Ctx() ctx: Context): Promise<TicketLeavePayload> {
    return { left: await ctx.services.participants.leave(customerViewer(ctx), input.ticketId, ctx.client) };
  }

  @Mutation(() => [ParticipantView], {
    description: "Staff: adds an active portal user of the incident's organization as a participant (again: nothing changes).",
    deprecationReason: replacedBy('incidentParticipantAdd'),
  })
  addIncidentParticipant(@Arg('incidentId', () => ID, TICKET) incidentId: string, @Arg('userId', () => ID, { description: "The portal user's id." }) userId: string, @Ctx() ctx: Context) {
    return ctx.services.participants.addByStaff(staffViewer(ctx), incidentId, userId, ctx.client);
  }

  @Mutation(() => [ParticipantView], {
    description: 'Staff: removes a participant of the incident (one who does not take part: nothing changes).',
    deprecationReason: replacedBy('incidentParticipantRemove'),
  })
  removeIncidentParticipant(@Arg('incidentId', () => ID, TICKET) incidentId: string, @Arg('userId', () => ID, { description: "The participant's portal user id." }) userId: string, @Ctx() ctx: Context) {
    return ctx.services.participants.removeByStaff(staffViewer(ctx), incidentId, userId, ctx.client);
  }

  // ---- Issue 15, staff: the object-first mutations, the same service calls as the two above ----

  @Mutation(() => IncidentParticipantAddPayload, { description: "Staff: adds an active portal user of the incident's organization as a participant (again: nothing changes)." })
  async incidentParticipantAdd(@Arg('input', { description: 'The incident and the portal user.' }) input: IncidentParticipantAddInput, @Ctx() ctx: Context): Promise<IncidentParticipantAddPayload> {
    return { participants: await ctx.services.participants.addByStaff(staffViewer(ctx), input.incidentId, input.userId, ctx.client), incidentRef: input.incidentId };
  }

  @Mutation(() => IncidentParticipantRemovePayload, { description: 'Staff: removes a participant of the incident (one who does not take part: nothing changes).' })
  async incidentParticipantRemove(
    @Arg('input', { description: 'The incident and the participant.' }) input: IncidentParticipantRemoveInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentParticipantRemovePayload> {
    const participants = await ctx.services.participants.removeByStaff(staffViewer(ctx), input.incidentId, input.userId, ctx.client);
    return { removedUserId: input.userId, participants, incidentRef: input.incidentId };
  }
}
