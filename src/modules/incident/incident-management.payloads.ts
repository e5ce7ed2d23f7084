import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { InternalError } from '../../shared/errors';
import { Incident, IncidentUpdateView } from './incident.types';

/**
 * The payloads of the object-first incident mutations (issue 15). The changed incident is the one read the old
 * mutation answered (one statement); what else a payload offers is read only when selected, by the resolver below.
 */

@ObjectType({ simpleResolvers: true, description: 'What incidentCreate answers.' })
export class IncidentCreatePayload {
  @Field(() => Incident, { description: 'The new incident.' }) incident!: Incident;
}

@ObjectType({ simpleResolvers: true, description: 'What incidentUpdate answers.' })
export class IncidentUpdatePayload {
  @Field(() => Incident, { description: 'The incident as changed (its new version included).' }) incident!: Incident;
}

@ObjectType({ description: 'What incidentStatusChange answers.' })
export class IncidentStatusChangePayload {
  @Field(() => Incident, { description: 'The incident in its new status.' }) incident!: Incident;
  /** The status event's id: `update` reads it when selected. */
  updateId!: string;
}

@ObjectType({ description: 'What incidentUpdateAdd answers.' })
export class IncidentUpdateAddPayload {
  @Field(() => IncidentUpdateView, { description: 'The comment, as the timeline shows it.' }) update!: IncidentUpdateView;
  /** The incident's id or number as given: `incident` reads it when selected. */
  incidentRef!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What incidentAssign answers.' })
export class IncidentAssignPayload {
  @Field(() => Incident, { description: 'The incident with its new assignee.' }) incident!: Incident;
}

@ObjectType({ description: 'What incidentLink answers.' })
export class IncidentLinkPayload {
  @Field(() => Incident, { description: 'The parent incident.' }) incident!: Incident;
}

@ObjectType({ simpleResolvers: true, description: 'What incidentUnlink answers.' })
export class IncidentUnlinkPayload {
  @Field(() => Incident, { description: 'The report, no longer linked (parentId null).' }) incident!: Incident;
  @Field(() => ID, { nullable: true, description: 'The parent it was linked to (its linked reports changed); null: it was not linked, nothing changed.' })
  formerParentId!: string | null;
}

/** The payload fields read on demand: nothing is read for a field the operation does not select. */
@Resolver(() => IncidentStatusChangePayload)
export class IncidentStatusChangePayloadResolver {
  @FieldResolver(() => IncidentUpdateView, { description: "The status event this change put on the incident's timeline." })
  async update(@Root() payload: IncidentStatusChangePayload, @Ctx() ctx: Context): Promise<IncidentUpdateView> {
    // The timeline loader `incident { updates }` uses: selecting both reads the timeline once.
    const timeline = await ctx.loaders.incidents.updates().load(payload.incident.id);
    const event = timeline.find((u) => u.id === payload.updateId);
    // Updates are never deleted: the event the change wrote is there for staff, INTERNAL or PUBLIC.
    if (!event) throw new InternalError();
    return event;
  }
}

/**
 * The incident a payload names by the id or number the client gave (`incidentRef`), read for staff only when the
 * operation selects it: one statement, as the `incident` query.
 */
export const payloadIncident = (payload: { incidentRef: string }, ctx: Context) => ctx.services.incidentManagement.get(staffViewer(ctx), payload.incidentRef);

@Resolver(() => IncidentUpdateAddPayload)
export class IncidentUpdateAddPayloadResolver {
  @FieldResolver(() => Incident, { description: 'The incident commented on (its updatedAt moved; its version did not).' })
  incident(@Root() payload: IncidentUpdateAddPayload, @Ctx() ctx: Context) {
    return payloadIncident(payload, ctx);
  }
}

@Resolver(() => IncidentLinkPayload)
export class IncidentLinkPayloadResolver {
  @FieldResolver(() => [Incident], {
    description: 'The reports linked to the parent now (the ones just linked and any linked before), newest first: the first 100; incidents(filter: { parentId }) pages through more.',
  })
  async children(@Root() payload: IncidentLinkPayload, @Ctx() ctx: Context) {
    return (await ctx.services.incidentManagement.list(staffViewer(ctx), { parentId: payload.incident.id }, 1, 100)).items;
  }
}

/** The resolvers of these payloads, for graphql/resolvers.ts. */
export const INCIDENT_PAYLOAD_RESOLVERS = [IncidentStatusChangePayloadResolver, IncidentUpdateAddPayloadResolver, IncidentLinkPayloadResolver] as const;
