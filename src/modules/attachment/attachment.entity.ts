import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { CustomerUser } from '../customer/customer.entity';
import { AUTHOR_KINDS, Incident, IncidentUpdate, type AuthorKind } from '../incident/incident.entity';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';

/**
 * A file attached to a ticket (incident), or to one of its updates (a comment): its metadata. The bytes are in
 * the attachment store (attachment.storage.ts; `attachment_chunks` by default). Who may download it follows
 * what it hangs on: the ticket's visibility rule (incident.read.ts customerMaySee) and, on an update, that
 * update's visibility (customers: PUBLIC only). `contentType` is sniffed from the bytes, never the client's.
 * Rows are written and read with SQL by the attachment service; the entity gives the schema.
 */
@Entity({ tableName: 'attachments' })
@Index({ properties: ['tenant', 'incident', 'createdAt'] })
@Index({ properties: ['tenant', 'update'] })
// A retried upload (same Idempotency-Key) finds its files; `position` is each file's place in the upload.
@Unique({ properties: ['tenant', 'incident', 'idempotencyKey', 'position'] })
export class Attachment {
  [OptionalProps]?: 'id' | 'update' | 'uploaderStaff' | 'uploaderCustomer' | 'idempotencyKey' | 'idempotencyHash' | 'createdAt' | 'deletedAt' | 'size' | 'sha256' | 'chunkCount' | 'position';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Incident, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  /** The update (comment) the file hangs on; none: the ticket itself. */
  @ManyToOne(() => IncidentUpdate, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'cascade' })
  update?: Ref<IncidentUpdate> | null;

  @Enum({ items: () => AUTHOR_KINDS, nativeEnumName: 'author_kind' })
  uploaderKind!: AuthorKind;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  uploaderStaff?: Ref<User> | null;

  @ManyToOne(() => CustomerUser, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  uploaderCustomer?: Ref<CustomerUser> | null;

  /** Sanitised: no path, no control characters, at most 200 characters. */
  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  contentType!: string;

  /** Bytes (ATTACHMENT_MAX_BYTES is at most 1 GiB, so an integer holds it). */
  @Property({ type: 'integer', defaultRaw: '0' })
  size: number = 0;

  /** Hex SHA-256 of the bytes. */
  @Property({ type: 'text', nullable: true })
  sha256?: string | null;

  @Property({ type: 'integer', defaultRaw: '0' })
  chunkCount: number = 0;

  @Property({ type: 'smallint', defaultRaw: '0' })
  position: number = 0;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'text', nullable: true })
  idempotencyHash?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}

/** The bytes of an attachment in the PostgreSQL store: `seq`-numbered rows of up to 256 KiB each. */
@Entity({ tableName: 'attachment_chunks' })
export class AttachmentChunk {
  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade', primary: true })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => Attachment, { ref: true, updateRule: 'no action', deleteRule: 'cascade', primary: true })
  attachment!: Ref<Attachment>;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'bytea' })
  data!: Buffer;
}
