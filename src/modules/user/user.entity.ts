import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import type { StaffRole } from '../../auth/viewer';
import { Tenant } from '../tenant/tenant.entity';

export const STAFF_ROLES = ['SUPER_ADMIN', 'ADMIN', 'MANAGER', 'ENGINEER', 'RESPONDER', 'VIEWER'] as const;

/** A staff member. E-mail is unique across the system (login takes no tenant), stored normalised. */
@Entity({ tableName: 'users' })
@Index({ properties: ['tenant', 'role'] })
// The order of `staffMembers` and staffMembersConnection (staff.service.ts STAFF_ORDER).
@Index({ properties: ['tenant', 'createdAt', 'id'] })
export class User {
  [OptionalProps]?: 'id' | 'isActive' | 'createdAt' | 'updatedAt' | 'passwordHash' | 'firstName' | 'lastName' | 'phone' | 'emailVerifiedAt' | 'googleSubject';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Property({ type: 'text' })
  @Unique()
  email!: string;

  /** None for accounts that only sign in with OAuth, and for invited staff until they accept. */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'text', nullable: true })
  firstName?: string | null;

  @Property({ type: 'text', nullable: true })
  lastName?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Enum({ items: () => STAFF_ROLES, nativeEnumName: 'staff_role' })
  role!: StaffRole;

  @Property({ type: 'timestamptz', nullable: true })
  emailVerifiedAt?: Date | null;

  /** The OpenID `sub` of the Google account linked to this user. */
  @Property({ type: 'text', nullable: true })
  @Unique()
  googleSubject?: string | null;

  @Property({ type: 'boolean', default: true })
  isActive: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
