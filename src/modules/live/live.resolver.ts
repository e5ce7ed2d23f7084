import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer, readViewer } from '../../graphql/viewer';
import { Incident } from '../incident/incident.types';
import { Ticket } from '../incident/ticket.types';
import type { IncidentChangeView } from './live.service';

@ObjectType({ simpleResolvers: true, description: 'An incident the viewer may see, just after an event changed it.' })
export class IncidentChange {
  @Field({ description: 'The event: incident.created, incident.status_changed, incident.public_update, …' }) eventType!: string;
  @Field(() => Incident, { description: 'The incident as the subscriber may see it, read after the event.' }) incident!: Incident;
}

@ObjectType({ simpleResolvers: true, description: 'A ticket I may see, just after an event changed it.' })
export class TicketChange {
  @Field({ description: 'The event: incident.created, incident.status_changed, incident.public_update, …' }) eventType!: string;
  @Field(() => Ticket, { description: 'The ticket as I may see it, read after the event.' }) ticket!: Ticket;
}

type Data = SubscribeResolverData<unknown, { id?: string }, Context>;

/**
 * GraphQL subscriptions over graphql-ws (WebSocket at /graphql), authenticated by the connection's
 * `authorization`. Each event is read again with the subscriber's viewer (with empty loaders: graphql/schema.ts):
 * a portal subscriber gets the customer view, of its own tickets only.
 */
@Resolver()
export class LiveResolver {
  // Not deprecated: staff follow incidents with it. Portal clients should follow tickets with ticketUpdated and
  // ticketsChanged (the portal's Ticket type); portal viewers still get the customer view here, as before.
  @Subscription(() => Incident, {
    description: 'Staff or portal user: the incident each time an event changes it (a portal user: its own tickets only; portal clients: use ticketUpdated).',
    subscribe: ({ args, context }: Data) => context.services.live.changesOf(readViewer(context), args.id!),
  })
  incidentUpdated(@Arg('id', () => ID, { description: "The incident's id." }) _id: string, @Root() change: IncidentChangeView): Incident {
    return change.incident;
  }

  @Subscription(() => IncidentChange, {
    description: 'Staff or portal user: every incident the caller may see, each time an event changes it (portal clients: use ticketsChanged).',
    subscribe: ({ context }: Data) => context.services.live.changes(readViewer(context)),
  })
  incidentsChanged(@Root() change: IncidentChangeView): IncidentChangeView {
    return change;
  }

  // The portal's counterparts: the same live service and reads (the customer view, the tickets the viewer may see),
  // answered as the portal's own types.
  @Subscription(() => Ticket, {
    description: 'Customer: the ticket each time an event changes it (one I may see; another answers INCIDENT_NOT_FOUND, like a missing one).',
    subscribe: ({ args, context }: Data) => context.services.live.changesOf(customerViewer(context), args.id!),
  })
  ticketUpdated(@Arg('id', () => ID, { description: 'The id or the number (INC-…).' }) _id: string, @Root() change: IncidentChangeView): Ticket {
    return change.incident;
  }

  @Subscription(() => TicketChange, {
    description: 'Customer: every ticket I may see, each time an event changes it.',
    subscribe: ({ context }: Data) => context.services.live.changes(customerViewer(context)),
  })
  ticketsChanged(@Root() change: IncidentChangeView): TicketChange {
    return { eventType: change.eventType, ticket: change.incident };
  }
}
