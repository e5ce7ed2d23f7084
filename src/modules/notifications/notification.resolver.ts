import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ownAccount, staffViewer } from '../../graphql/viewer';
import type { DeliveryChannel, DeliveryStatus, NotificationKind } from './notification.entity';
import {
  CreateWebhookEndpointInput,
  DeliveryChannelEnum,
  DeliveryConnection,
  DeliveryPage,
  DeliveryRetryInput,
  DeliveryRetryPayload,
  DeliveryStatusEnum,
  DeliveryView,
  NotificationKindEnum,
  NotificationPreferenceSetInput,
  NotificationPreferenceSetPayload,
  NotificationPreferenceView,
  OnCallRecipientsSetInput,
  OnCallRecipientsSetPayload,
  OnCallRecipientsView,
  UpdateWebhookEndpointInput,
  WebhookEndpointCreateInput,
  WebhookEndpointCreatePayload,
  WebhookEndpointDeleteInput,
  WebhookEndpointDeletePayload,
  WebhookEndpointUpdateInput,
  WebhookEndpointUpdatePayload,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
  WebhookSecretRotateInput,
  WebhookSecretRotatePayload,
} from './notification.types';
import { LimitArg, PageArg } from '../../shared/listing';
import { replacedBy } from '../../graphql/replaced-by';
import { ConnectionArgs } from '../../shared/connection.types';

/** Notification preferences, on-call recipients, deliveries and webhook endpoints. Thin: one service call each. */
@Resolver()
export class NotificationResolver {
  @Query(() => [NotificationPreferenceView], { description: "Staff or portal user: which notification e-mails the caller gets." })
  notificationPreferences(@Ctx() ctx: Context) {
    const own = ownAccount(ctx);
    return own.services.notifications.preferences(own.viewer);
  }

  @Mutation(() => [NotificationPreferenceView], { description: 'Staff or portal user: turns one kind of notification e-mail on or off for the caller.', deprecationReason: replacedBy('notificationPreferenceSet') })
  setNotificationPreference(
    @Arg('kind', () => NotificationKindEnum, { description: 'The kind of notification.' }) kind: NotificationKind,
    @Arg('enabled', { description: 'True to receive it, false not to.' }) enabled: boolean,
    @Ctx() ctx: Context,
  ) {
    const own = ownAccount(ctx);
    return own.services.notifications.setPreference(own.viewer, kind, enabled);
  }

  @Query(() => OnCallRecipientsView, { description: "ADMIN: who gets the workspace's staff notifications." })
  onCallRecipients(@Ctx() ctx: Context) {
    return ctx.services.notifications.onCall(staffViewer(ctx));
  }

  @Mutation(() => OnCallRecipientsView, { description: 'ADMIN: sets the on-call addresses; an empty list returns to the MANAGERs and ADMINs.', deprecationReason: replacedBy('onCallRecipientsSet') })
  setOnCallRecipients(@Arg('emails', () => [String], { description: 'The addresses to notify, at most 20; empty: the MANAGERs and ADMINs.' }) emails: string[], @Ctx() ctx: Context) {
    return ctx.services.notifications.setOnCall(staffViewer(ctx), emails, ctx.client);
  }

  @Query(() => DeliveryPage, { description: "ADMIN: the workspace's e-mail and webhook deliveries, newest first." })
  deliveries(
    @Ctx() ctx: Context,
    @Arg('status', () => DeliveryStatusEnum, { nullable: true, description: 'Deliveries in this status only.' }) status?: DeliveryStatus | null,
    @Arg('channel', () => DeliveryChannelEnum, { nullable: true, description: 'E-mails or webhooks only.' }) channel?: DeliveryChannel | null,
    @Arg('eventType', () => String, { nullable: true, description: 'Deliveries of this event type only (incident.created, ...).' }) eventType?: string | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return ctx.services.deliveries.list(staffViewer(ctx), { status, channel, eventType }, page, limit);
  }

  @Query(() => DeliveryConnection, { description: "ADMIN: the workspace's e-mail and webhook deliveries as a cursor connection (first/after, last/before), newest first, filtered like `deliveries`." })
  deliveriesConnection(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('status', () => DeliveryStatusEnum, { nullable: true, description: 'Deliveries in this status only.' }) status?: DeliveryStatus | null,
    @Arg('channel', () => DeliveryChannelEnum, { nullable: true, description: 'E-mails or webhooks only.' }) channel?: DeliveryChannel | null,
    @Arg('eventType', () => String, { nullable: true, description: 'Deliveries of this event type only (incident.created, ...).' }) eventType?: string | null,
  ) {
    return ctx.services.deliveries.connection(staffViewer(ctx), { status, channel, eventType }, args);
  }

  @Mutation(() => DeliveryView, { description: 'ADMIN: sends a FAILED delivery again, with a fresh round of tries.', deprecationReason: replacedBy('deliveryRetry') })
  retryDelivery(@Arg('id', () => ID, { description: "The delivery's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.deliveries.retry(staffViewer(ctx), id, ctx.client);
  }

  @Query(() => [WebhookEndpointView], { description: "ADMIN: the workspace's webhook endpoints (never their secrets)." })
  webhookEndpoints(@Ctx() ctx: Context) {
    return ctx.services.webhooks.list(staffViewer(ctx));
  }

  @Mutation(() => WebhookEndpointWithSecret, { description: 'ADMIN: registers an endpoint; its signing secret is in this answer only.', deprecationReason: replacedBy('webhookEndpointCreate') })
  createWebhookEndpoint(@Arg('input', { description: 'The new endpoint.' }) input: CreateWebhookEndpointInput, @Ctx() ctx: Context) {
    return ctx.services.webhooks.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => WebhookEndpointView, { description: 'ADMIN: changes the URL, event types, description, or turns it off and on.', deprecationReason: replacedBy('webhookEndpointUpdate') })
  updateWebhookEndpoint(@Arg('id', () => ID, { description: "The endpoint's id." }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdateWebhookEndpointInput, @Ctx() ctx: Context) {
    return ctx.services.webhooks.update(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'ADMIN: deletes an endpoint.', deprecationReason: replacedBy('webhookEndpointDelete') })
  deleteWebhookEndpoint(@Arg('id', () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.remove(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => WebhookEndpointWithSecret, { description: 'ADMIN: replaces the signing secret; the new one is in this answer only.', deprecationReason: replacedBy('webhookSecretRotate') })
  rotateWebhookSecret(@Arg('id', () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.rotateSecret(staffViewer(ctx), id, ctx.client);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => NotificationPreferenceSetPayload, { description: 'Staff or portal user: turns one kind of notification e-mail on or off for the caller.' })
  async notificationPreferenceSet(
    @Arg('input', { description: 'The kind of notification and whether to receive it.' }) input: NotificationPreferenceSetInput,
    @Ctx() ctx: Context,
  ): Promise<NotificationPreferenceSetPayload> {
    const own = ownAccount(ctx);
    return { preferences: await own.services.notifications.setPreference(own.viewer, input.kind, input.enabled) };
  }

  @Mutation(() => OnCallRecipientsSetPayload, { description: 'ADMIN: sets the on-call addresses; an empty list returns to the MANAGERs and ADMINs.' })
  async onCallRecipientsSet(@Arg('input', { description: 'The addresses.' }) input: OnCallRecipientsSetInput, @Ctx() ctx: Context): Promise<OnCallRecipientsSetPayload> {
    return { onCallRecipients: await ctx.services.notifications.setOnCall(staffViewer(ctx), input.emails, ctx.client) };
  }

  @Mutation(() => DeliveryRetryPayload, { description: 'ADMIN: sends a FAILED delivery again, with a fresh round of tries.' })
  async deliveryRetry(@Arg('input', { description: 'The delivery.' }) input: DeliveryRetryInput, @Ctx() ctx: Context): Promise<DeliveryRetryPayload> {
    return { delivery: await ctx.services.deliveries.retry(staffViewer(ctx), input.id, ctx.client) };
  }

  @Mutation(() => WebhookEndpointCreatePayload, { description: 'ADMIN: registers an endpoint; its signing secret is in this answer only.' })
  webhookEndpointCreate(@Arg('input', { description: 'The new endpoint.' }) input: WebhookEndpointCreateInput, @Ctx() ctx: Context): Promise<WebhookEndpointCreatePayload> {
    return ctx.services.webhooks.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => WebhookEndpointUpdatePayload, { description: 'ADMIN: changes the URL, event types, description, or turns it off and on.' })
  async webhookEndpointUpdate(@Arg('input', { description: 'The endpoint and what to change.' }) input: WebhookEndpointUpdateInput, @Ctx() ctx: Context): Promise<WebhookEndpointUpdatePayload> {
    return { endpoint: await ctx.services.webhooks.update(staffViewer(ctx), input.id, input, ctx.client) };
  }

  @Mutation(() => WebhookEndpointDeletePayload, { description: 'ADMIN: deletes an endpoint.' })
  async webhookEndpointDelete(@Arg('input', { description: 'The endpoint.' }) input: WebhookEndpointDeleteInput, @Ctx() ctx: Context): Promise<WebhookEndpointDeletePayload> {
    await ctx.services.webhooks.remove(staffViewer(ctx), input.id, ctx.client);
    return { deletedId: input.id };
  }

  @Mutation(() => WebhookSecretRotatePayload, { description: 'ADMIN: replaces the signing secret; the new one is in this answer only.' })
  webhookSecretRotate(@Arg('input', { description: 'The endpoint.' }) input: WebhookSecretRotateInput, @Ctx() ctx: Context): Promise<WebhookSecretRotatePayload> {
    return ctx.services.webhooks.rotateSecret(staffViewer(ctx), input.id, ctx.client);
  }
}
