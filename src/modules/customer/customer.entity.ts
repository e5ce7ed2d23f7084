import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Tenant } from '../tenant/tenant.entity';

/** OWN: members see the tickets they reported; ORGANIZATION: members see all tickets of the organization. */
export const SHARING_MODES = ['OWN', 'ORGANIZATION'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

/** An organization of end customers inside a tenant. */
@Entity({ tableName: 'customers' })
@Index({ properties: ['tenant', 'name'] })
// The order of `customers` and organizationsConnection (customer-admin.read.ts ORG_ORDER): a keyset page is one range of it.
@Index({ properties: ['tenant', 'nameKey', 'id'] })
export class Customer {
  [OptionalProps]?: 'id' | 'sharingMode' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Property({ type: 'text' })
  name!: string;

  /**
   * The name lower-cased, generated: the lists' sort key. A cursor's comparison on a column is an index
   * condition under row-level security; on lower(name) it is not (lower is not leakproof), so a deep page would
   * walk the index from the start.
   */
  @Property({ type: 'text', nullable: true, lazy: true, generated: '(lower(name)) stored' })
  nameKey?: string;

  @Enum({ items: () => SHARING_MODES, nativeEnumName: 'sharing_mode', default: 'OWN' })
  sharingMode: SharingMode = 'OWN';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A customer's portal account: never a row of the staff table. E-mail is unique per tenant. */
@Entity({ tableName: 'customer_portal_users' })
@Unique({ properties: ['tenant', 'email'] })
@Index({ properties: ['email'] })
@Index({ properties: ['tenant', 'customer'] })
// The key is (tenant_id, id) (db/citus-layout.ts); an e-mailed link or code names the account by id alone,
// before any workspace is known (portal sign-in links, invitations).
@Index({ properties: ['id'] })
// The order of `portalUsers` and portalUsersConnection (customer-admin.read.ts PORTAL_USER_ORDER).
@Index({ name: 'portal_users_tenant_id_display_name_key_email_id_index', properties: ['tenant', 'displayNameKey', 'email', 'id'] })
export class CustomerUser {
  [OptionalProps]?: 'id' | 'customer' | 'passwordHash' | 'isActive' | 'emailVerifiedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Customer, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  customer?: Ref<Customer> | null;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** The display name lower-cased, generated: the lists' sort key (see Customer.nameKey). */
  @Property({ type: 'text', nullable: true, lazy: true, generated: '(lower(display_name)) stored' })
  displayNameKey?: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'boolean', default: true })
  isActive: boolean = true;

  @Property({ type: 'timestamptz', nullable: true })
  emailVerifiedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
