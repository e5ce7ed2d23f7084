import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { staffViewer } from '../../graphql/viewer';
import type { Audience } from './ezra.entity';
import { AudienceEnum, IncidentAnalysis, IncidentAnalysisConnection, IncidentAnalysisPage } from './ezra.types';
import { ConnectionArgs } from '../../shared/connection.types';
import { LimitArg, PageArg } from '../../shared/listing';

const ANALYZE = "ENGINEER: runs Ezra on an incident now and stores the run (the provider's answer, if one is configured, follows from a worker job). At most EZRA_RUNS_PER_TENANT_PER_HOUR runs per workspace: RATE_LIMITED past it.";

@InputType({ description: 'The incident to analyze, and for whom.' })
export class IncidentAnalyzeInput {
  @Field(() => ID, { description: "The incident's id or number." }) id!: string;
  @Field(() => AudienceEnum, { defaultValue: 'ENGINEER', description: 'Whom the report is written for.' }) audience!: Audience;
}

@ObjectType({ simpleResolvers: true, description: 'What incidentAnalyze answers.' })
export class IncidentAnalyzePayload {
  @Field(() => IncidentAnalysis, { description: 'The run, stored.' }) analysis!: IncidentAnalysis;
}

/** Ezra, the incident analyst: staff only. */
@Resolver()
export class EzraResolver {
  @Mutation(() => IncidentAnalysis, { description: ANALYZE, deprecationReason: replacedBy('incidentAnalyze') })
  analyzeIncident(
    @Arg('id', () => ID, { description: 'The incident\'s id or number.' }) id: string,
    @Arg('audience', () => AudienceEnum, { defaultValue: 'ENGINEER', description: 'Whom the report is written for.' }) audience: Audience,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.ezra.analyze(staffViewer(ctx), id, audience);
  }

  // Issue 15: the object-first mutation, the same service call as analyzeIncident.
  @Mutation(() => IncidentAnalyzePayload, { description: ANALYZE })
  async incidentAnalyze(@Arg('input', { description: 'The incident and the audience.' }) input: IncidentAnalyzeInput, @Ctx() ctx: Context): Promise<IncidentAnalyzePayload> {
    return { analysis: await ctx.services.ezra.analyze(staffViewer(ctx), input.id, input.audience) };
  }

  @Query(() => IncidentAnalysis, { description: 'Staff: the latest Ezra run on an incident (optionally for one audience); ANALYSIS_NOT_FOUND when there is none.' })
  incidentAnalysis(
    @Arg('incidentId', () => ID, { description: 'The incident\'s id or number.' }) incidentId: string,
    @Ctx() ctx: Context,
    @Arg('audience', () => AudienceEnum, { nullable: true, description: 'The latest run for this audience; none: the latest of any.' }) audience?: Audience | null,
  ) {
    return ctx.services.ezra.latest(staffViewer(ctx), incidentId, audience);
  }

  @Query(() => IncidentAnalysisPage, { description: 'Staff: every Ezra run on an incident, newest first.' })
  incidentAnalyses(
    @Arg('incidentId', () => ID, { description: 'The incident\'s id or number.' }) incidentId: string,
    @Ctx() ctx: Context,
    @Arg('audience', () => AudienceEnum, { nullable: true, description: 'Runs for this audience only; none: every run.' }) audience?: Audience | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return ctx.services.ezra.history(staffViewer(ctx), incidentId, audience, page, limit);
  }

  @Query(() => IncidentAnalysisConnection, { description: 'Staff: every Ezra run on an incident as a cursor connection (first/after, last/before), newest first.' })
  incidentAnalysesConnection(
    @Arg('incidentId', () => ID, { description: 'The incident\'s id or number.' }) incidentId: string,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('audience', () => AudienceEnum, { nullable: true, description: 'Runs for this audience only; none: every run.' }) audience?: Audience | null,
  ) {
    return ctx.services.ezra.historyConnection(staffViewer(ctx), incidentId, audience, args);
  }
}
