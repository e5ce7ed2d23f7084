import { Ctx, Field, FieldResolver, ID, InputType, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { payloadIncident } from '../incident/incident-management.payloads';
import { Incident } from '../incident/incident.types';
import { ParticipantView } from './participant.types';

/** Issue 15: the inputs and payloads of incidentParticipantAdd and incidentParticipantRemove (staff). */

@InputType({ description: 'A portal user of the incident\'s organization to add as a participant.' })
export class IncidentParticipantAddInput {
  @Field(() => ID, { description: 'The id or the number (INC-…).' }) incidentId!: string;
  @Field(() => ID, { description: "The portal user's id." }) userId!: string;
}

@InputType({ description: 'A participant to remove from an incident.' })
export class IncidentParticipantRemoveInput {
  @Field(() => ID, { description: 'The id or the number (INC-…).' }) incidentId!: string;
  @Field(() => ID, { description: "The participant's portal user id." }) userId!: string;
}

@ObjectType({ description: 'What incidentParticipantAdd answers.' })
export class IncidentParticipantAddPayload {
  @Field(() => [ParticipantView], { description: 'The participants afterwards, oldest first.' }) participants!: ParticipantView[];
  /** The incident's id or number as given: `incident` reads it when selected. */
  incidentRef!: string;
}

@ObjectType({ description: 'What incidentParticipantRemove answers.' })
export class IncidentParticipantRemovePayload {
  @Field(() => ID, { description: 'The portal user no longer taking part (also when they did not take part: nothing changed).' }) removedUserId!: string;
  @Field(() => [ParticipantView], { description: 'The participants afterwards, oldest first.' }) participants!: ParticipantView[];
  /** The incident's id or number as given: `incident` reads it when selected. */
  incidentRef!: string;
}

@Resolver(() => IncidentParticipantAddPayload)
export class IncidentParticipantAddPayloadResolver {
  @FieldResolver(() => Incident, { description: 'The incident.' })
  incident(@Root() payload: IncidentParticipantAddPayload, @Ctx() ctx: Context) {
    return payloadIncident(payload, ctx);
  }
}

@Resolver(() => IncidentParticipantRemovePayload)
export class IncidentParticipantRemovePayloadResolver {
  @FieldResolver(() => Incident, { description: 'The incident.' })
  incident(@Root() payload: IncidentParticipantRemovePayload, @Ctx() ctx: Context) {
    return payloadIncident(payload, ctx);
  }
}

/** The resolvers of these payloads, for graphql/resolvers.ts. */
export const PARTICIPANT_PAYLOAD_RESOLVERS = [IncidentParticipantAddPayloadResolver, IncidentParticipantRemovePayloadResolver] as const;
