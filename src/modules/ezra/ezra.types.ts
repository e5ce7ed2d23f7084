import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import type { IncidentStatus, Priority, Visibility } from '../incident/incident.entity';
import { IncidentStatusEnum, PriorityEnum, VisibilityEnum } from '../incident/incident.types';
import { SIGNAL_KINDS, type SignalKind } from './ezra.analysis';
import { AUDIENCES, PROVIDER_STATUSES, TRIGGERS, type AnalysisTrigger, type Audience, type ProviderStatus } from './ezra.entity';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const AudienceEnum = asEnum(AUDIENCES);
export const AnalysisTriggerEnum = asEnum(TRIGGERS);
export const ProviderStatusEnum = asEnum(PROVIDER_STATUSES);
export const SignalKindEnum = asEnum(SIGNAL_KINDS);
registerEnumType(AudienceEnum, {
  name: 'AnalysisAudience',
  description: 'ENGINEER: technical, internal data included. LEADERSHIP: impact, timeline, SLA. CUSTOMER: customer-visible data only, safe to send to the reporter.',
});
registerEnumType(AnalysisTriggerEnum, { name: 'AnalysisTrigger', description: 'AUTO: after a portal customer reported the incident. MANUAL: asked for by staff.' });
registerEnumType(ProviderStatusEnum, { name: 'AnalysisProviderStatus', description: 'NOT_CONFIGURED: no provider is set, nothing was sent anywhere.' });
registerEnumType(SignalKindEnum, { name: 'AnalysisSignalKind' });

@ObjectType({ simpleResolvers: true, description: 'A past incident of the workspace that shares words with this one.' })
export class SimilarIncident {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field() title!: string;
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => PriorityEnum) priority!: Priority;
  @Field(() => Float, { description: '0..1: 70% full-text cover density of the words, 30% title trigram similarity.' }) score!: number;
  @Field(() => String, { nullable: true, description: 'How it was resolved.' }) resolutionSummary!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: string | null;
  @Field(() => String, { nullable: true }) serviceArea!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A published article that may help.' })
export class SuggestedArticle {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() title!: string;
  @Field(() => VisibilityEnum) visibility!: Visibility;
  @Field(() => Float) score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Something found in the incident that points to a priority.' })
export class AnalysisSignal {
  @Field(() => SignalKindEnum) kind!: SignalKind;
  @Field() detail!: string;
  @Field(() => PriorityEnum) suggests!: Priority;
}

@ObjectType({ simpleResolvers: true })
export class PrioritySuggestion {
  @Field(() => PriorityEnum) priority!: Priority;
  @Field(() => PriorityEnum, { description: 'The incident\'s priority at the time of the run.' }) current!: Priority;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType({ simpleResolvers: true })
export class ServiceAreaSuggestion {
  @Field(() => String, { nullable: true }) area!: string | null;
  @Field(() => String, { nullable: true, description: 'The incident\'s service area at the time of the run.' }) current!: string | null;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The configured provider\'s answer, stored beside the deterministic report.' })
export class ProviderAnswer {
  @Field(() => ProviderStatusEnum) status!: ProviderStatus;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => String, { nullable: true, description: 'Markdown, as the provider wrote it.' }) report!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date, { nullable: true }) finishedAt!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AnalysisRequester {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One run of Ezra, the incident analyst (staff only).' })
export class IncidentAnalysis {
  @Field(() => ID) id!: string;
  @Field(() => ID) incidentId!: string;
  @Field() incidentNumber!: string;
  @Field(() => Int, { description: 'Runs are numbered 1, 2, 3, ... per incident.' }) version!: number;
  @Field(() => AudienceEnum) audience!: Audience;
  @Field(() => AnalysisTriggerEnum) trigger!: AnalysisTrigger;
  @Field({ description: 'The deterministic analyzer that produced the result and report.' }) analyzer!: string;
  @Field(() => AnalysisRequester, { nullable: true }) requestedBy!: AnalysisRequester | null;
  @Field(() => Date) createdAt!: string;
  @Field(() => [SimilarIncident]) similarIncidents!: SimilarIncident[];
  @Field(() => [SuggestedArticle], { description: 'Published articles (PUBLIC and INTERNAL) that may help staff.' }) suggestedArticles!: SuggestedArticle[];
  @Field(() => PrioritySuggestion) suggestedPriority!: PrioritySuggestion;
  @Field(() => ServiceAreaSuggestion) suggestedServiceArea!: ServiceAreaSuggestion;
  @Field(() => [AnalysisSignal]) signals!: AnalysisSignal[];
  @Field(() => Int) linkedReports!: number;
  @Field(() => Int) affectedCustomers!: number;
  @Field({ description: 'The deterministic report for the audience, in markdown.' }) report!: string;
  @Field(() => ProviderAnswer) provider!: ProviderAnswer;
}

@ObjectType({ simpleResolvers: true })
export class IncidentAnalysisPage {
  @Field(() => [IncidentAnalysis]) items!: IncidentAnalysis[];
  @Field(() => Pagination) pagination!: Pagination;
}
