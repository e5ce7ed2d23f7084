import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { CustomerUser } from '../customer/customer.entity';
import { Incident } from '../incident/incident.entity';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';

/** Where a rating was given: in the portal, or through the link of the resolution e-mail. */
export const RATING_SOURCES = ['PORTAL', 'EMAIL_LINK'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/**
 * A customer's satisfaction rating of a resolved ticket (CSAT): 1 to 5 and an optional comment, once per
 * ticket and rater. Only the reporter rates for now; the unique key is per rater so that participants can
 * rate too later. The assignee is copied at rating time: the summaries credit whoever handled the ticket
 * then, whatever happens to it later.
 */
@Entity({ tableName: 'incident_ratings' })
@Unique({ properties: ['tenant', 'incident', 'rater'] }) // also serves the reads per incident
@Index({ properties: ['tenant', 'createdAt'] })
@Index({ properties: ['tenant', 'assignee', 'createdAt'] })
@Check({ name: 'incident_ratings_score_check', expression: '((score >= 1) AND (score <= 5))' })
export class IncidentRating {
  [OptionalProps]?: 'id' | 'comment' | 'assignee' | 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Incident, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  @ManyToOne(() => CustomerUser, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  rater!: Ref<CustomerUser>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  assignee?: Ref<User> | null;

  @Property({ type: 'smallint' })
  score!: number;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Enum({ items: () => RATING_SOURCES, nativeEnumName: 'rating_source' })
  source!: RatingSource;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
