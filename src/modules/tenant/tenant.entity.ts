import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/postgresql';

/** A business workspace (Scrubbe's "company", OpsWeave's "tenant"). Everything else belongs to one. */
@Entity({ tableName: 'tenants' })
// The order of `tenants` and workspacesConnection (tenant.service.ts WORKSPACE_ORDER).
@Index({ properties: ['name', 'id'] })
export class Tenant {
  [OptionalProps]?: 'id' | 'allowCustomerSignup' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Public, URL-safe handle: OpsWeave's `tenantSlug`. */
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Only tenants open to self-registration are listed by GET /api/v1/customer/companies. */
  @Property({ type: 'boolean', default: false })
  allowCustomerSignup: boolean = false;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
