import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { CustomerUser } from '../customer/customer.entity';
import { AUTHOR_KINDS, Incident, type AuthorKind } from '../incident/incident.entity';
import { Tenant } from '../tenant/tenant.entity';

/**
 * A participant of a ticket: a portal user of the ticket's organization whom its reporter (or staff) added.
 * Participants see the ticket and comment on it whatever the organization's sharing mode (customerMaySee in
 * incident/incident.read.ts), receive its customer notifications, and may leave. Who added them is kept as
 * a kind (CUSTOMER or STAFF) and an id (a portal user or a staff member), not as a foreign key: the row
 * outlives neither the ticket nor the participant, but may outlive who added it.
 */
@Entity({ tableName: 'incident_participants' })
@Unique({ properties: ['tenant', 'incident', 'customerUser'] })
@Index({ properties: ['tenant', 'customerUser', 'incident'] })
export class IncidentParticipant {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Incident, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  @ManyToOne(() => CustomerUser, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  customerUser!: Ref<CustomerUser>;

  @Enum({ items: () => AUTHOR_KINDS, nativeEnumName: 'author_kind' })
  addedByKind!: AuthorKind;

  @Property({ type: 'uuid' })
  addedById!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
