import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
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

@Resolver()
export class SlaResolver {
  @Query(() => [SlaPolicyType], { description: 'Staff: the workspace\'s SLA targets for every priority.' })
  slaPolicies(@Ctx() ctx: Context) {
    return ctx.services.sla.list(staffViewer(ctx));
  }

  @Mutation(() => [SlaPolicyType], { description: 'MANAGER: sets the targets of one priority.' })
  setSlaPolicy(@Arg('input', { description: 'The priority and its targets.' }) input: SetSlaPolicyInput, @Ctx() ctx: Context) {
    return ctx.services.sla.set(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => [SlaPolicyType], { description: 'MANAGER: returns one priority to the built-in defaults.' })
  resetSlaPolicy(@Arg('priority', () => PriorityEnum, { description: 'The priority to reset.' }) priority: Priority, @Ctx() ctx: Context) {
    return ctx.services.sla.reset(staffViewer(ctx), priority, ctx.client);
  }
}
