import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { OutboxEvent } from '../outbox/outbox.entity';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';

export const DELIVERY_CHANNELS = ['EMAIL', 'WEBHOOK'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** PENDING: queued or between tries. SENT: accepted by the SMTP server / a 2xx answer. FAILED: the dead letter after the last try. */
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The kinds of notification e-mail, each of which its recipient can turn off. Staff kinds go to staff,
 * customer kinds to portal users; ORGANIZATION_TICKETS is an opt-in (off unless turned on).
 */
export const NOTIFICATION_KINDS = [
  'NEW_CUSTOMER_TICKET',
  'CUSTOMER_COMMENT',
  'SLA_BREACH',
  'INCIDENT_ASSIGNED',
  'TICKET_STATUS_CHANGE',
  'TICKET_PUBLIC_UPDATE',
  'ORGANIZATION_TICKETS',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const OWNER_KINDS = ['STAFF', 'CUSTOMER'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** The rendered message, fixed when the event is dispatched so that every try sends the same thing. */
export type DeliveryMessage =
  | { kind: 'email'; to: string; subject: string; text: string; html: string }
  | { kind: 'webhook'; body: string };

/**
 * One message of one event to one recipient (an e-mail address or a webhook endpoint), with its tries.
 * Written by the worker when it dispatches the event; unique per event, channel and target, so a
 * dispatch that runs twice creates nothing twice.
 */
@Entity({ tableName: 'notification_deliveries' })
@Unique({ properties: ['event', 'channel', 'target'] })
@Index({ properties: ['tenant', 'status', 'createdAt'] })
// The order of `deliveries` and deliveriesConnection (delivery.service.ts DELIVERY_ORDER).
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['status', 'updatedAt'] }) // housekeeping: finished deliveries past retention, across tenants
export class Delivery {
  [OptionalProps]?: 'id' | 'status' | 'attempts' | 'endpoint' | 'lastError' | 'responseStatus' | 'responseExcerpt' | 'nextAttemptAt' | 'deliveredAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => OutboxEvent, { ref: true, deleteRule: 'cascade' })
  event!: Ref<OutboxEvent>;

  @Property({ type: 'text' })
  eventType!: string;

  @Enum({ items: () => DELIVERY_CHANNELS, nativeEnumName: 'delivery_channel' })
  channel!: DeliveryChannel;

  /** The e-mail address (lower case), or the webhook endpoint's id. */
  @Property({ type: 'text' })
  target!: string;

  @ManyToOne(() => WebhookEndpoint, { ref: true, nullable: true, deleteRule: 'set null' })
  endpoint?: Ref<WebhookEndpoint> | null;

  @Property({ type: 'jsonb' })
  message!: DeliveryMessage;

  @Enum({ items: () => DELIVERY_STATUSES, nativeEnumName: 'delivery_status', default: 'PENDING' })
  status: DeliveryStatus = 'PENDING';

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'integer' })
  maxAttempts!: number;

  /** Why the last try failed (short). */
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** Webhooks: the last answer's status and the first characters of its body, nothing more. */
  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'text', nullable: true })
  responseExcerpt?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A tenant's webhook receiver: where to POST which event types, and the key that signs them. */
@Entity({ tableName: 'webhook_endpoints' })
@Index({ properties: ['tenant', 'isActive'] })
export class WebhookEndpoint {
  [OptionalProps]?: 'id' | 'description' | 'isActive' | 'createdBy' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text[]' })
  eventTypes!: string[];

  /**
   * The HMAC key, shown once when created or rotated and kept to sign deliveries, encrypted for this row
   * (`v1.<key id>.<nonce>.<ciphertext>`, webhook-secrets.ts); never returned again.
   */
  @Property({ type: 'text', hidden: true })
  encryptedSecret!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'boolean', default: true })
  isActive: boolean = true;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A choice that differs from the default for one kind of notification e-mail, of one staff member or portal user. */
@Entity({ tableName: 'notification_preferences' })
@Index({ properties: ['tenant'] })
export class NotificationPreference {
  [OptionalProps]?: 'updatedAt';

  /** users.id or customer_portal_users.id, as ownerKind says. */
  @PrimaryKey({ type: 'uuid' })
  ownerId!: string;

  @Enum({ items: () => NOTIFICATION_KINDS, nativeEnumName: 'notification_kind', primary: true })
  kind!: NotificationKind;

  @Enum({ items: () => OWNER_KINDS, nativeEnumName: 'notification_owner_kind' })
  ownerKind!: OwnerKind;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * Who gets the tenant's staff notifications (customer tickets, customer comments, SLA breaches). No rows:
 * the tenant's active MANAGERs and ADMINs.
 */
@Entity({ tableName: 'notification_oncall_recipients' })
export class OnCallRecipient {
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade', primary: true })
  tenant!: Ref<Tenant>;

  /** Lower case. A staff member's address (their preferences apply) or a team address. */
  @PrimaryKey({ type: 'text' })
  email!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/**
 * A running queue worker's sign of life. A job stays locked by the worker that took it; when that worker is
 * killed, graphile-worker frees the job only after 4 hours. Workers refresh their row every
 * WORKER_HEARTBEAT_MS, and free the jobs of workers silent for six beats (src/modules/notifications/notification-worker.ts).
 */
@Entity({ tableName: 'queue_worker_heartbeats' })
export class QueueWorkerHeartbeat {
  @PrimaryKey({ type: 'text' })
  workerId!: string;

  @Property({ type: 'timestamptz' })
  seenAt!: Date;
}
