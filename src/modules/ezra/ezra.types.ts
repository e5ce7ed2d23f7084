import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import { connectionType } from '../../shared/connection.types';
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
  valuesConfig: {
    ENGINEER: { description: 'For the engineers on it: technical, internal data included.' },
    LEADERSHIP: { description: 'For leadership: impact, timeline, SLA.' },
    CUSTOMER: { description: 'For the reporter: customer-visible data only.' },
  },
});
registerEnumType(AnalysisTriggerEnum, {
  name: 'AnalysisTrigger',
  description: 'AUTO: after a portal customer reported the incident. MANUAL: asked for by staff.',
  valuesConfig: { AUTO: { description: 'Run when a portal customer reported the incident.' }, MANUAL: { description: 'Asked for by staff.' } },
});
registerEnumType(ProviderStatusEnum, {
  name: 'AnalysisProviderStatus',
  description: 'NOT_CONFIGURED: no provider is set, nothing was sent anywhere.',
  valuesConfig: {
    NOT_CONFIGURED: { description: 'No provider is set (EZRA_PROVIDER_URL): nothing was sent anywhere.' },
    PENDING: { description: 'Its worker job has not run yet.' },
    SUCCEEDED: { description: 'The provider answered.' },
    FAILED: { description: 'The provider failed; see error.' },
  },
});
registerEnumType(SignalKindEnum, {
  name: 'AnalysisSignalKind',
  description: 'What kind of sign Ezra found.',
  valuesConfig: {
    OUTAGE: { description: 'Words of an outage (down, unavailable...).' },
    DATA_LOSS: { description: 'Words of lost or corrupted data.' },
    SECURITY: { description: 'Words of a security problem (breach, leak...).' },
    SERVER_ERROR: { description: '5xx errors mentioned.' },
    TIMEOUT: { description: 'Timeouts mentioned.' },
    CLIENT_ERROR: { description: '4xx errors mentioned.' },
    PERFORMANCE: { description: 'Slowness mentioned.' },
    LOW_IMPACT: { description: 'Words of little impact (cosmetic, typo...).' },
    AFFECTED_CUSTOMERS: { description: 'Several customer organizations affected.' },
    LINKED_REPORTS: { description: 'Several reports linked to the incident.' },
    SIMILAR_INCIDENTS: { description: 'Similar past incidents, and their priorities.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A past incident of the workspace that shares words with this one.' })
export class SimilarIncident {
  @Field(() => ID, { description: "The incident's id." }) id!: string;
  @Field({ description: 'Its number (INC-YYYYMMDD-NNNN).' }) number!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field(() => IncidentStatusEnum, { description: 'Its status now.' }) status!: IncidentStatus;
  @Field(() => PriorityEnum, { description: 'Its priority now.' }) priority!: Priority;
  @Field(() => Float, { description: '0..1: 70% full-text cover density of the words, 30% title trigram similarity.' }) score!: number;
  @Field(() => String, { nullable: true, description: 'How it was resolved.' }) resolutionSummary!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was resolved; null while open.' }) resolvedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The service area it was filed under.' }) serviceArea!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A published article that may help.' })
export class SuggestedArticle {
  @Field(() => ID, { description: "The article's id." }) id!: string;
  @Field({ description: 'Its slug.' }) slug!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field(() => VisibilityEnum, { description: 'PUBLIC articles may be sent to the customer; INTERNAL ones may not.' }) visibility!: Visibility;
  @Field(() => Float, { description: "0..1: how well it matches the incident's words." }) score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Something found in the incident that points to a priority.' })
export class AnalysisSignal {
  @Field(() => SignalKindEnum, { description: 'What was found.' }) kind!: SignalKind;
  @Field({ description: 'Where and what, in a sentence.' }) detail!: string;
  @Field(() => PriorityEnum, { description: 'The priority it points to.' }) suggests!: Priority;
}

@ObjectType({ simpleResolvers: true, description: 'The priority Ezra suggests, and why.' })
export class PrioritySuggestion {
  @Field(() => PriorityEnum, { description: 'The suggested priority (the highest any signal suggests).' }) priority!: Priority;
  @Field(() => PriorityEnum, { description: 'The incident\'s priority at the time of the run.' }) current!: Priority;
  @Field(() => [String], { description: 'Why, one sentence each.' }) reasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The service area Ezra suggests (from similar incidents), and why.' })
export class ServiceAreaSuggestion {
  @Field(() => String, { nullable: true, description: 'The suggested area; null when nothing points to one.' }) area!: string | null;
  @Field(() => String, { nullable: true, description: 'The incident\'s service area at the time of the run.' }) current!: string | null;
  @Field(() => [String], { description: 'Why, one sentence each.' }) reasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The configured provider\'s answer, stored beside the deterministic report.' })
export class ProviderAnswer {
  @Field(() => ProviderStatusEnum, { description: "Where the provider's answer is: PENDING until its worker job ran." }) status!: ProviderStatus;
  @Field(() => String, { nullable: true, description: 'The model that answered (EZRA_MODEL).' }) model!: string | null;
  @Field(() => String, { nullable: true, description: 'Markdown, as the provider wrote it.' }) report!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the provider failed, when it did.' }) error!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the provider answered or failed.' }) finishedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The staff member who asked for a run.' })
export class AnalysisRequester {
  @Field(() => ID, { description: 'Their id.' }) id!: string;
  @Field({ description: 'Their name.' }) displayName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One run of Ezra, the incident analyst (staff only).' })
export class IncidentAnalysis {
  @Field(() => ID, { description: "The run's id." }) id!: string;
  @Field(() => ID, { description: 'The id of the incident analysed.' }) incidentId!: string;
  @Field({ description: 'Its number.' }) incidentNumber!: string;
  @Field(() => Int, { description: 'Runs are numbered 1, 2, 3, ... per incident.' }) version!: number;
  @Field(() => AudienceEnum, { description: 'Whom the report is written for.' }) audience!: Audience;
  @Field(() => AnalysisTriggerEnum, { description: 'Whether staff asked for it or a portal report started it.' }) trigger!: AnalysisTrigger;
  @Field({ description: 'The deterministic analyzer that produced the result and report.' }) analyzer!: string;
  @Field(() => AnalysisRequester, { nullable: true, description: 'The staff member who asked for it; null for AUTO runs.' }) requestedBy!: AnalysisRequester | null;
  @Field(() => Date, { description: 'When it ran.' }) createdAt!: string;
  @Field(() => [SimilarIncident], { description: 'Past incidents of the workspace like this one, most similar first.' }) similarIncidents!: SimilarIncident[];
  @Field(() => [SuggestedArticle], { description: 'Published articles (PUBLIC and INTERNAL) that may help staff.' }) suggestedArticles!: SuggestedArticle[];
  @Field(() => PrioritySuggestion, { description: 'The priority the signals point to.' }) suggestedPriority!: PrioritySuggestion;
  @Field(() => ServiceAreaSuggestion, { description: 'The service area similar incidents point to.' }) suggestedServiceArea!: ServiceAreaSuggestion;
  @Field(() => [AnalysisSignal], { description: "What was found in the incident's text and links." }) signals!: AnalysisSignal[];
  @Field(() => Int, { description: 'Reports linked to this incident as its children.' }) linkedReports!: number;
  @Field(() => Int, { description: 'Customer organizations that reported it or a linked report.' }) affectedCustomers!: number;
  @Field({ description: 'The deterministic report for the audience, in markdown.' }) report!: string;
  @Field(() => ProviderAnswer, { description: "The configured provider's answer (NOT_CONFIGURED without one)." }) provider!: ProviderAnswer;
}

@ObjectType({ simpleResolvers: true, description: 'A page of Ezra runs, newest first.' })
export class IncidentAnalysisPage {
  @Field(() => [IncidentAnalysis], { description: 'The runs of this page.' }) items!: IncidentAnalysis[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
}

/** Ezra runs by cursor (incidentAnalysesConnection), newest first. */
export const IncidentAnalysisConnection = connectionType(IncidentAnalysis, 'IncidentAnalysis', 'Ezra runs');
