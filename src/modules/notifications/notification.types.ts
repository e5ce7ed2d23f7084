import { ArrayMaxSize, IsBoolean, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import { connectionType } from '../../shared/connection.types';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_KINDS, type DeliveryChannel, type DeliveryStatus, type NotificationKind } from './notification.entity';
import { TextLength } from '../../shared/text';
import { EVENT_TYPES, KIND_INFO } from './kinds';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const NotificationKindEnum = asEnum(NOTIFICATION_KINDS);
export const DeliveryChannelEnum = asEnum(DELIVERY_CHANNELS);
export const DeliveryStatusEnum = asEnum(DELIVERY_STATUSES);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'Staff: NEW_CUSTOMER_TICKET, CUSTOMER_COMMENT, SLA_BREACH (on-call recipients), INCIDENT_ASSIGNED. Portal users: TICKET_STATUS_CHANGE, TICKET_PUBLIC_UPDATE, and the opt-in ORGANIZATION_TICKETS.',
  valuesConfig: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, { description: KIND_INFO[k].description }])),
});
registerEnumType(DeliveryChannelEnum, {
  name: 'DeliveryChannel',
  description: 'How a notification is delivered.',
  valuesConfig: { EMAIL: { description: 'An e-mail.' }, WEBHOOK: { description: 'A signed POST to a webhook endpoint.' } },
});
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: 'PENDING: queued or waiting for its next try. SENT: delivered. FAILED: every try failed (the dead letter); an ADMIN may retry it.',
  valuesConfig: {
    PENDING: { description: 'Queued, or waiting for its next try.' },
    SENT: { description: 'Delivered.' },
    FAILED: { description: 'Every try failed (the dead letter); an ADMIN may retry it.' },
  },
});

@ObjectType('NotificationPreference', { simpleResolvers: true, description: 'One kind of notification e-mail, on or off for the caller.' })
export class NotificationPreferenceView {
  @Field(() => NotificationKindEnum, { description: 'The kind of notification.' }) kind!: NotificationKind;
  @Field({ description: 'Whether the caller receives it.' }) enabled!: boolean;
  @Field({ description: 'True while the caller has not changed this kind.' }) isDefault!: boolean;
  @Field({ description: 'What it is, in a sentence for a settings page.' }) description!: string;
}

@ObjectType('OnCallRecipient', { simpleResolvers: true, description: "An address that receives the workspace's staff notifications." })
export class OnCallRecipientView {
  @Field({ description: 'The address.' }) email!: string;
  @Field(() => ID, { nullable: true, description: 'The staff member with this address, if any (their preferences apply).' }) staffUserId!: string | null;
  @Field(() => String, { nullable: true, description: "The staff member's name, when the address is one's." }) displayName!: string | null;
}

@ObjectType('OnCallRecipients', { simpleResolvers: true, description: "Who gets the workspace's staff notifications: customer tickets, customer comments, SLA breaches." })
export class OnCallRecipientsView {
  @Field({ description: 'True when none are configured: then the active MANAGERs and ADMINs receive them.' }) isDefault!: boolean;
  @Field(() => [OnCallRecipientView], { description: 'The configured addresses; empty when isDefault.' }) recipients!: OnCallRecipientView[];
}

@ObjectType('Delivery', { simpleResolvers: true, description: 'One e-mail or webhook POST of one event, with its tries.' })
export class DeliveryView {
  @Field(() => ID, { description: "The delivery's id." }) id!: string;
  @Field(() => ID, { description: 'The event it delivers.' }) eventId!: string;
  @Field({ description: "That event's type: incident.created, incident.status_changed, ..." }) eventType!: string;
  @Field(() => DeliveryChannelEnum, { description: 'E-mail or webhook.' }) channel!: DeliveryChannel;
  @Field({ description: 'The e-mail address, or the webhook URL.' }) target!: string;
  @Field(() => ID, { nullable: true, description: 'Webhooks: the endpoint it is sent to.' }) webhookEndpointId!: string | null;
  @Field(() => String, { nullable: true, description: "E-mails: the message's subject." }) subject!: string | null;
  @Field(() => DeliveryStatusEnum, { description: 'PENDING, SENT or FAILED.' }) status!: DeliveryStatus;
  @Field(() => Int, { description: 'Tries so far.' }) attempts!: number;
  @Field(() => Int, { description: 'Tries before it is FAILED.' }) maxAttempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last try failed.' }) lastError!: string | null;
  @Field(() => Int, { nullable: true, description: "Webhooks: the last answer's HTTP status." }) responseStatus!: number | null;
  @Field(() => String, { nullable: true, description: "Webhooks: the first characters of the last answer's body." }) responseExcerpt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the next try is due (PENDING only).' }) nextAttemptAt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was delivered (SENT only).' }) deliveredAt!: string | null;
  @Field(() => Date, { description: 'When it was queued.' }) createdAt!: string;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of deliveries, newest first.' })
export class DeliveryPage {
  @Field(() => [DeliveryView], { description: 'The deliveries of this page.' }) items!: DeliveryView[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
}

/** Deliveries by cursor (deliveriesConnection), newest first. */
export const DeliveryConnection = connectionType(DeliveryView, 'Delivery', 'deliveries');

@ObjectType('WebhookEndpoint', { simpleResolvers: true, description: 'Where the workspace\'s events are POSTed, signed with the endpoint\'s secret.' })
export class WebhookEndpointView {
  @Field(() => ID, { description: "The endpoint's id." }) id!: string;
  @Field({ description: 'Where events are POSTed.' }) url!: string;
  @Field(() => [String], { description: 'The event types it receives.' }) eventTypes!: string[];
  @Field(() => String, { nullable: true, description: 'A note for ADMINs.' }) description!: string | null;
  @Field({ description: 'False while turned off: nothing is sent to it.' }) isActive!: boolean;
  @Field(() => Date, { description: 'When it was registered.' }) createdAt!: string;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An endpoint with its signing secret: shown this once, never again.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpointView, { description: 'The endpoint.' }) endpoint!: WebhookEndpointView;
  @Field({ description: 'The key its deliveries are signed with (HMAC-SHA256): store it now.' }) secret!: string;
}

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'http(s) URL; must not resolve to a loopback, private, link-local or metadata address.' }) @IsString() url!: string;
  @Field(() => [String], { description: EVENT_TYPES.join(', ') })
  @ArrayMaxSize(20)
  eventTypes!: string[];
  @Field(() => String, { nullable: true, description: 'A note for ADMINs, at most 500 characters.' }) @IsOptional() @TextLength({ max: 500 }) description?: string | null;
}

@InputType({ description: 'Fields to change; omitted ones stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'A new URL (the same rules as on create).' }) @IsOptional() @IsString() url?: string | null;
  @Field(() => [String], { nullable: true, description: 'The event types it receives from now on.' }) @IsOptional() @ArrayMaxSize(20) eventTypes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A new note; null clears it.' }) @IsOptional() @TextLength({ max: 500 }) description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'False turns it off, true on again.' }) @IsOptional() @IsBoolean() isActive?: boolean | null;
}

// ---- Issue 15: the inputs and payloads of the new-style notification and webhook mutations. The old input
// classes are extended (one home for the fields and their validation); the former arguments move in.

@InputType({ description: "One kind of notification e-mail to turn on or off for the caller (notificationPreferenceSet)." })
export class NotificationPreferenceSetInput {
  @Field(() => NotificationKindEnum, { description: 'The kind of notification.' }) kind!: NotificationKind;
  @Field({ description: 'True to receive it, false not to.' }) @IsBoolean() enabled!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to notificationPreferenceSet.' })
export class NotificationPreferenceSetPayload {
  @Field(() => [NotificationPreferenceView], { description: "All of the caller's notification preferences, the changed one included." }) preferences!: NotificationPreferenceView[];
}

@InputType({ description: "The workspace's on-call addresses (onCallRecipientsSet)." })
export class OnCallRecipientsSetInput {
  // At most 20, each an address: the service checks (one home for the rule, as for the old argument).
  @Field(() => [String], { description: 'The addresses to notify, at most 20; empty: the MANAGERs and ADMINs.' }) emails!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The answer to onCallRecipientsSet.' })
export class OnCallRecipientsSetPayload {
  @Field(() => OnCallRecipientsView, { description: "Who gets the workspace's staff notifications now." }) onCallRecipients!: OnCallRecipientsView;
}

@InputType({ description: 'The FAILED delivery to send again (deliveryRetry).' })
export class DeliveryRetryInput {
  @Field(() => ID, { description: "The delivery's id." }) @IsString() id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to deliveryRetry.' })
export class DeliveryRetryPayload {
  @Field(() => DeliveryView, { description: 'The delivery, PENDING again with a fresh round of tries.' }) delivery!: DeliveryView;
}

@InputType({ description: 'A new webhook endpoint (webhookEndpointCreate).' })
export class WebhookEndpointCreateInput extends CreateWebhookEndpointInput {}

@ObjectType({ simpleResolvers: true, description: 'The answer to webhookEndpointCreate: the endpoint and its signing secret, shown this once.' })
export class WebhookEndpointCreatePayload extends WebhookEndpointWithSecret {}

@InputType({ description: 'The webhook endpoint to change and the fields to change (webhookEndpointUpdate); omitted ones stay as they are.' })
export class WebhookEndpointUpdateInput extends UpdateWebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint's id." }) @IsString() id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to webhookEndpointUpdate.' })
export class WebhookEndpointUpdatePayload {
  @Field(() => WebhookEndpointView, { description: 'The endpoint as it is now.' }) endpoint!: WebhookEndpointView;
}

@InputType({ description: 'The webhook endpoint to delete (webhookEndpointDelete).' })
export class WebhookEndpointDeleteInput {
  @Field(() => ID, { description: "The endpoint's id." }) @IsString() id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to webhookEndpointDelete.' })
export class WebhookEndpointDeletePayload {
  @Field(() => ID, { description: 'The id of the endpoint deleted.' }) deletedId!: string;
}

@InputType({ description: 'The webhook endpoint whose signing secret to replace (webhookSecretRotate).' })
export class WebhookSecretRotateInput {
  @Field(() => ID, { description: "The endpoint's id." }) @IsString() id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to webhookSecretRotate: the endpoint and its new signing secret, shown this once.' })
export class WebhookSecretRotatePayload extends WebhookEndpointWithSecret {}
