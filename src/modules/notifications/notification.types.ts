import { ArrayMaxSize, IsBoolean, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_KINDS, type DeliveryChannel, type DeliveryStatus, type NotificationKind } from './notification.entity';
import { TextLength } from '../../shared/text';
import { EVENT_TYPES } from './kinds';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const NotificationKindEnum = asEnum(NOTIFICATION_KINDS);
export const DeliveryChannelEnum = asEnum(DELIVERY_CHANNELS);
export const DeliveryStatusEnum = asEnum(DELIVERY_STATUSES);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'Staff: NEW_CUSTOMER_TICKET, CUSTOMER_COMMENT, SLA_BREACH (on-call recipients), INCIDENT_ASSIGNED. Portal users: TICKET_STATUS_CHANGE, TICKET_PUBLIC_UPDATE, and the opt-in ORGANIZATION_TICKETS.',
});
registerEnumType(DeliveryChannelEnum, { name: 'DeliveryChannel' });
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: 'PENDING: queued or waiting for its next try. SENT: delivered. FAILED: every try failed (the dead letter); an ADMIN may retry it.',
});

@ObjectType('NotificationPreference', { simpleResolvers: true, description: 'One kind of notification e-mail, on or off for the caller.' })
export class NotificationPreferenceView {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field() enabled!: boolean;
  @Field({ description: 'True while the caller has not changed this kind.' }) isDefault!: boolean;
  @Field() description!: string;
}

@ObjectType('OnCallRecipient', { simpleResolvers: true })
export class OnCallRecipientView {
  @Field() email!: string;
  @Field(() => ID, { nullable: true, description: 'The staff member with this address, if any (their preferences apply).' }) staffUserId!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
}

@ObjectType('OnCallRecipients', { simpleResolvers: true, description: "Who gets the workspace's staff notifications: customer tickets, customer comments, SLA breaches." })
export class OnCallRecipientsView {
  @Field({ description: 'True when none are configured: then the active MANAGERs and ADMINs receive them.' }) isDefault!: boolean;
  @Field(() => [OnCallRecipientView]) recipients!: OnCallRecipientView[];
}

@ObjectType('Delivery', { simpleResolvers: true, description: 'One e-mail or webhook POST of one event, with its tries.' })
export class DeliveryView {
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field() eventType!: string;
  @Field(() => DeliveryChannelEnum) channel!: DeliveryChannel;
  @Field({ description: 'The e-mail address, or the webhook URL.' }) target!: string;
  @Field(() => ID, { nullable: true }) webhookEndpointId!: string | null;
  @Field(() => String, { nullable: true, description: "E-mails: the message's subject." }) subject!: string | null;
  @Field(() => DeliveryStatusEnum) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) maxAttempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Int, { nullable: true, description: "Webhooks: the last answer's HTTP status." }) responseStatus!: number | null;
  @Field(() => String, { nullable: true, description: "Webhooks: the first characters of the last answer's body." }) responseExcerpt!: string | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: string | null;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class DeliveryPage {
  @Field(() => [DeliveryView]) items!: DeliveryView[];
  @Field(() => Pagination) pagination!: Pagination;
}

@ObjectType('WebhookEndpoint', { simpleResolvers: true, description: 'Where the workspace\'s events are POSTed, signed with the endpoint\'s secret.' })
export class WebhookEndpointView {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [String]) eventTypes!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() isActive!: boolean;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An endpoint with its signing secret: shown this once, never again.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpointView) endpoint!: WebhookEndpointView;
  @Field() secret!: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'http(s) URL; must not resolve to a loopback, private, link-local or metadata address.' }) @IsString() url!: string;
  @Field(() => [String], { description: EVENT_TYPES.join(', ') })
  @ArrayMaxSize(20)
  eventTypes!: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ max: 500 }) description?: string | null;
}

@InputType({ description: 'Fields to change; omitted ones stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() url?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) eventTypes?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextLength({ max: 500 }) description?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() isActive?: boolean | null;
}
