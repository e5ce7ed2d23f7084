import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Incident } from '../incident/incident.entity';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import type { AnalysisResult } from './ezra.analysis';

export const AUDIENCES = ['ENGINEER', 'LEADERSHIP', 'CUSTOMER'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const TRIGGERS = ['AUTO', 'MANUAL'] as const;
export type AnalysisTrigger = (typeof TRIGGERS)[number];
/** NOT_CONFIGURED: no provider set, nothing was sent anywhere. */
export const PROVIDER_STATUSES = ['NOT_CONFIGURED', 'PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/**
 * One run of Ezra on an incident: the deterministic analysis (similar incidents, suggested articles,
 * suggested priority and service area with their reasons), the report for one audience, and, when a
 * provider is configured, its answer beside it. Runs are numbered per incident and never changed afterwards,
 * except for the provider's answer arriving.
 */
@Entity({ tableName: 'incident_analyses' })
@Unique({ properties: ['tenant', 'incident', 'version'] })
@Index({ properties: ['tenant', 'incident', 'createdAt'] })
export class IncidentAnalysis {
  [OptionalProps]?: 'id' | 'requestedBy' | 'providerModel' | 'providerReport' | 'providerError' | 'providerFinishedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Incident, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  /** 1, 2, 3, ... per incident, whatever the audience. */
  @Property({ type: 'integer' })
  version!: number;

  @Enum({ items: () => AUDIENCES, nativeEnumName: 'analysis_audience' })
  audience!: Audience;

  @Enum({ items: () => TRIGGERS, nativeEnumName: 'analysis_trigger' })
  trigger!: AnalysisTrigger;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy?: Ref<User> | null;

  /** Which deterministic analyzer produced `result` and `report`. */
  @Property({ type: 'text' })
  analyzer!: string;

  @Property({ type: 'jsonb' })
  result!: AnalysisResult;

  /** The report for the audience, as markdown. */
  @Property({ type: 'text' })
  report!: string;

  @Enum({ items: () => PROVIDER_STATUSES, nativeEnumName: 'analysis_provider_status' })
  providerStatus!: ProviderStatus;

  @Property({ type: 'text', nullable: true })
  providerModel?: string | null;

  @Property({ type: 'text', nullable: true })
  providerReport?: string | null;

  @Property({ type: 'text', nullable: true })
  providerError?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  providerFinishedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
