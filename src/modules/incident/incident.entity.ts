import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { Customer, CustomerUser } from '../customer/customer.entity';

export const INCIDENT_TYPES = ['INCIDENT', 'CHANGE'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'INVESTIGATION', 'MITIGATED', 'RESOLVED', 'CLOSED'] as const;
export type IncidentStatus = (typeof STATUSES)[number];
export const SOURCES = ['PORTAL', 'STAFF', 'API'] as const;
export type IncidentSource = (typeof SOURCES)[number];

/** An enum column's position in its list (1-based), written exactly as PostgreSQL prints it back. */
function rankSql(column: string, type: string, values: readonly string[]): string {
  return `(\nCASE ${column}\n${values.map((v, i) => `    WHEN '${v}'::${type} THEN ${i + 1}`).join('\n')}\n    ELSE NULL::integer\nEND) stored`;
}

/**
 * An incident or change ticket (Scrubbe's customer incident, OpsWeave's portal ticket). `techDescription`,
 * the assignee and the internal SLA state are internal: never shown to customers.
 */
@Entity({ tableName: 'incidents' })
@Unique({ properties: ['tenant', 'number'] })
@Unique({ properties: ['tenant', 'reporterCustomer', 'idempotencyKey'] })
// Lists: each sort, and each filter with the default sort, walks one index in order, so a page (by keyset
// cursor: the sort key, then the id) reads only its own rows (incident.read.ts listIncidents).
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'updatedAt', 'id'] })
@Index({ properties: ['tenant', 'priorityRank', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'statusRank', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'status'] })
@Index({ properties: ['tenant', 'assignee', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'reporterCustomer', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'customer', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'parent'] })
@Index({ name: 'incidents_search_index', expression: 'create index "incidents_search_index" on "incidents" using gin ("search")' })
@Index({ name: 'incidents_title_trgm_index', expression: 'create index "incidents_title_trgm_index" on "incidents" using gin ("title" gin_trgm_ops)' })
export class Incident {
  [OptionalProps]?:
    | 'id'
    | 'techDescription'
    | 'reporterCustomer'
    | 'reporterStaff'
    | 'customer'
    | 'assignee'
    | 'acknowledgedAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'idempotencyKey'
    | 'idempotencyHash'
    | 'impactSummary'
    | 'blastRadius'
    | 'serviceArea'
    | 'environment'
    | 'region'
    | 'resolutionSummary'
    | 'parent'
    | 'responseBreachedAt'
    | 'resolutionBreachedAt'
    | 'version'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  /** INC-YYYYMMDD-NNNN (CHG- for changes), unique per tenant. */
  @Property({ type: 'text' })
  number!: string;

  @Enum({ items: () => INCIDENT_TYPES, nativeEnumName: 'incident_type' })
  type!: IncidentType;

  @Property({ type: 'text' })
  title!: string;

  /** As the reporter wrote it: customer-visible. */
  @Property({ type: 'text' })
  description!: string;

  /** Internal. */
  @Property({ type: 'text', nullable: true })
  techDescription?: string | null;

  @Enum({ items: () => PRIORITIES, nativeEnumName: 'priority' })
  priority!: Priority;

  @Enum({ items: () => STATUSES, nativeEnumName: 'incident_status' })
  status!: IncidentStatus;

  /**
   * The priority and the status as their position in the enum (1 = LOW, 1 = OPEN), generated: lists filter and
   * sort on these. Under row-level security PostgreSQL turns only leakproof operators into index conditions;
   * an enum's comparisons are not leakproof, an integer's are (incident.read.ts listIncidents).
   */
  @Property({
    type: 'smallint',
    nullable: true,
    lazy: true,
    generated: rankSql('priority', 'priority', PRIORITIES),
  })
  priorityRank?: number;

  @Property({ type: 'smallint', nullable: true, lazy: true, generated: rankSql('status', 'incident_status', STATUSES) })
  statusRank?: number;

  @Enum({ items: () => SOURCES, nativeEnumName: 'incident_source' })
  source!: IncidentSource;

  /** Internal triage fields (staff only). */
  @Property({ type: 'text', nullable: true })
  impactSummary?: string | null;

  @Property({ type: 'text', nullable: true })
  blastRadius?: string | null;

  @Property({ type: 'text', nullable: true })
  serviceArea?: string | null;

  @Property({ type: 'text', nullable: true })
  environment?: string | null;

  @Property({ type: 'text', nullable: true })
  region?: string | null;

  /** Written when resolving; customer-visible through the resolving status event. */
  @Property({ type: 'text', nullable: true })
  resolutionSummary?: string | null;

  @ManyToOne(() => CustomerUser, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  reporterCustomer?: Ref<CustomerUser> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  reporterStaff?: Ref<User> | null;

  /** The customer organization the ticket belongs to (the reporter's at creation). */
  @ManyToOne(() => Customer, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  customer?: Ref<Customer> | null;

  /** Internal. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  assignee?: Ref<User> | null;

  @Property({ type: 'timestamptz' })
  responseDueAt!: Date;

  @Property({ type: 'timestamptz' })
  resolutionDueAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  /** SHA-256 of the request that used the key: a different body with the same key is a conflict. */
  @Property({ type: 'text', nullable: true })
  idempotencyHash?: string | null;

  /** A parent incident gathers many customer reports of one problem; its status changes reach them. */
  @ManyToOne(() => Incident, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  parent?: Ref<Incident> | null;

  /** Set once by the SLA check when the response target passed without acknowledgement. */
  @Property({ type: 'timestamptz', nullable: true })
  responseBreachedAt?: Date | null;

  /** Set once by the SLA check when the resolution target passed without resolution. */
  @Property({ type: 'timestamptz', nullable: true })
  resolutionBreachedAt?: Date | null;

  @Property({ type: 'integer', version: true, default: 1 })
  version: number = 1;

  /**
   * Customer-visible text only (title A, description B, resolution C), for Ezra's similar-incident search;
   * the technical description and internal updates are deliberately left out.
   */
  @Property({
    type: 'tsvector',
    nullable: true,
    lazy: true,
    // Written exactly as PostgreSQL prints it back, so the schema diff sees no change.
    generated: `((setweight(to_tsvector('english'::regconfig, title), 'A'::"char") || setweight(to_tsvector('english'::regconfig, description), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, COALESCE(resolution_summary, ''::text)), 'C'::"char")) stored`,
  })
  search?: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const VISIBILITIES = ['PUBLIC', 'INTERNAL'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** COMMENT and STATUS can be PUBLIC; ASSIGNMENT and FIELD_CHANGE are always INTERNAL (the staff timeline). */
export const UPDATE_KINDS = ['COMMENT', 'STATUS', 'ASSIGNMENT', 'FIELD_CHANGE'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];
export const AUTHOR_KINDS = ['CUSTOMER', 'STAFF', 'SYSTEM'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/**
 * A comment or status event on an incident. Visibility alone decides whether a customer may ever see it;
 * customer-written updates are always PUBLIC.
 */
@Entity({ tableName: 'incident_updates' })
@Index({ properties: ['tenant', 'incident', 'createdAt'] })
export class IncidentUpdate {
  [OptionalProps]?: 'id' | 'status' | 'authorStaff' | 'authorCustomer' | 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Incident, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  @Enum({ items: () => UPDATE_KINDS, nativeEnumName: 'update_kind' })
  kind!: UpdateKind;

  @Enum({ items: () => VISIBILITIES, nativeEnumName: 'visibility' })
  visibility!: Visibility;

  @Property({ type: 'text' })
  body!: string;

  /** For STATUS events: the status entered. */
  @Enum({ items: () => STATUSES, nativeEnumName: 'incident_status', nullable: true })
  status?: IncidentStatus | null;

  @Enum({ items: () => AUTHOR_KINDS, nativeEnumName: 'author_kind' })
  authorKind!: AuthorKind;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  authorStaff?: Ref<User> | null;

  @ManyToOne(() => CustomerUser, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  authorCustomer?: Ref<CustomerUser> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** Per tenant, prefix and day: the last number handed out. Incremented atomically by an upsert. */
@Entity({ tableName: 'incident_counters' })
export class IncidentCounter {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'text' })
  prefix!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  last!: number;
}

/** Response (OPEN → ACKNOWLEDGED) and resolution (OPEN → RESOLVED) targets per tenant and priority. */
@Entity({ tableName: 'sla_policies' })
@Unique({ properties: ['tenant', 'priority'] })
export class SlaPolicy {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Enum({ items: () => PRIORITIES, nativeEnumName: 'priority' })
  priority!: Priority;

  @Property({ type: 'integer' })
  responseMinutes!: number;

  @Property({ type: 'integer' })
  resolutionMinutes!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
