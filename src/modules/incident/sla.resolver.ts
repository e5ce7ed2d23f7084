import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { staffViewer } from '../../graphql/viewer';
import type { Priority } from './incident.entity';
import { PriorityEnum } from './incident.types';

@ObjectType('SlaPolicy', { simpleResolvers: true, description: 'Response and resolution targets for one priority.' })
export class SlaPolicyType {
  @Field(() => PriorityEnum, { description: 'The priority these targets apply to.' }) priority!: Priority;
  @Field(() => Int, { description: 'OPEN → ACKNOWLEDGED, in minutes.' }) responseMinutes!: number;
  @Field(() => Int, { description: 'OPEN → RESOLVED, in minutes.' }) resolutionMinutes!: number;
  @Field({ description: 'True while the workspace uses the built-in default for this priority.' }) isDefault!: boolean;
}

@InputType({ description: 'New SLA targets for one priority.' })
export class SetSlaPolicyInput {
  @Field(() => PriorityEnum, { description: 'The priority.' }) priority!: Priority;
  @Field(() => Int, { description: 'Minutes to a first response (acknowledgement).' }) responseMinutes!: number;
  @Field(() => Int, { description: 'Minutes to resolution; at least responseMinutes.' }) resolutionMinutes!: number;
}

// ---- Issue 15: the inputs and payloads of slaPolicySet and slaPolicyReset ----

@InputType({ description: 'New SLA targets for one priority (slaPolicySet).' })
export class SlaPolicySetInput extends SetSlaPolicyInput {}

@InputType({ description: 'The priority to return to the built-in defaults.' })
export class SlaPolicyResetInput {
  @Field(() => PriorityEnum, { description: 'The priority to reset.' }) priority!: Priority;
}

@ObjectType({ simpleResolvers: true, description: 'What slaPolicySet answers.' })
export class SlaPolicySetPayload {
  @Field(() => SlaPolicyType, { description: 'The targets of the priority set.' }) slaPolicy!: SlaPolicyType;
  @Field(() => [SlaPolicyType], { description: "The workspace's targets for every priority afterwards." }) slaPolicies!: SlaPolicyType[];
}

@ObjectType({ simpleResolvers: true, description: 'What slaPolicyReset answers.' })
export class SlaPolicyResetPayload {
  @Field(() => SlaPolicyType, { description: 'The targets of the priority reset: the built-in defaults.' }) slaPolicy!: SlaPolicyType;
  @Field(() => [SlaPolicyType], { description: "The workspace's targets for every priority afterwards." }) slaPolicies!: SlaPolicyType[];
}

/** The policies the service answers, with the one of `priority` picked out (every priority is in the list). */
const policiesAfter = (priority: Priority, slaPolicies: SlaPolicyType[]) => ({ slaPolicy: slaPolicies.find((p) => p.priority === priority)!, slaPolicies });

@Resolver()
export class SlaResolver {
  @Query(() => [SlaPolicyType], { description: 'Staff: the workspace\'s SLA targets for every priority.' })
  slaPolicies(@Ctx() ctx: Context) {
    return ctx.services.sla.list(staffViewer(ctx));
  }

  @Mutation(() => [SlaPolicyType], { description: 'MANAGER: sets the targets of one priority.', deprecationReason: replacedBy('slaPolicySet') })
  setSlaPolicy(@Arg('input', { description: 'The priority and its targets.' }) input: SetSlaPolicyInput, @Ctx() ctx: Context) {
    return ctx.services.sla.set(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => [SlaPolicyType], { description: 'MANAGER: returns one priority to the built-in defaults.', deprecationReason: replacedBy('slaPolicyReset') })
  resetSlaPolicy(@Arg('priority', () => PriorityEnum, { description: 'The priority to reset.' }) priority: Priority, @Ctx() ctx: Context) {
    return ctx.services.sla.reset(staffViewer(ctx), priority, ctx.client);
  }

  // Issue 15: the object-first mutations, the same service calls as the two above.
  @Mutation(() => SlaPolicySetPayload, { description: 'MANAGER: sets the targets of one priority.' })
  async slaPolicySet(@Arg('input', { description: 'The priority and its targets.' }) input: SlaPolicySetInput, @Ctx() ctx: Context): Promise<SlaPolicySetPayload> {
    return policiesAfter(input.priority, await ctx.services.sla.set(staffViewer(ctx), input, ctx.client));
  }

  @Mutation(() => SlaPolicyResetPayload, { description: 'MANAGER: returns one priority to the built-in defaults.' })
  async slaPolicyReset(@Arg('input', { description: 'The priority to reset.' }) input: SlaPolicyResetInput, @Ctx() ctx: Context): Promise<SlaPolicyResetPayload> {
    return policiesAfter(input.priority, await ctx.services.sla.reset(staffViewer(ctx), input.priority, ctx.client));
  }
}
