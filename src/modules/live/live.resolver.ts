import { Arg, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { readViewer } from '../../graphql/viewer';
import { Incident } from '../incident/incident.types';
import type { IncidentChangeView } from './live.service';

@ObjectType({ simpleResolvers: true, description: 'An incident the viewer may see, just after an event changed it.' })
export class IncidentChange {
  @Field({ description: 'The event: incident.created, incident.status_changed, incident.public_update, …' }) eventType!: string;
  @Field(() => Incident, { description: 'The incident as the subscriber may see it, read after the event.' }) incident!: Incident;
}

type Data = SubscribeResolverData<unknown, { id?: string }, Context>;

/**
 * A subscription keeps one context for its whole life, and with it the per-request loaders: without this,
 * the updates read for the first event would be served from the loader's cache for every later one.
 * Each event is a fresh read, like a fresh request.
 */
const freshLoaders = (ctx: Context) => ctx.loaders.incidents.clearAll();

/**
 * GraphQL subscriptions over graphql-ws (WebSocket at /graphql), authenticated by the connection's
 * `authorization`. Each event is read again with the subscriber's viewer: a portal subscriber gets the
 * customer view, of its own tickets only.
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => Incident, {
    description: 'Staff or portal user: the incident each time an event changes it (a portal user: its own tickets only).',
    subscribe: ({ args, context }: Data) => context.services.live.changesOf(readViewer(context), args.id!),
  })
  incidentUpdated(@Arg('id', () => ID, { description: "The incident's id." }) _id: string, @Root() change: IncidentChangeView, @Ctx() ctx: Context): Incident {
    freshLoaders(ctx);
    return change.incident;
  }

  @Subscription(() => IncidentChange, {
    description: 'Staff or portal user: every incident the caller may see, each time an event changes it.',
    subscribe: ({ context }: Data) => context.services.live.changes(readViewer(context)),
  })
  incidentsChanged(@Root() change: IncidentChangeView, @Ctx() ctx: Context): IncidentChangeView {
    freshLoaders(ctx);
    return change;
  }
}
