import * as Op from '../../generated/operations';
import { bodyAsInput, route, type AnyRestRoute } from '../executor';
import { ok, int, enumValue, bodyWithId } from './values';

/** Notifications: preferences, on-call recipients, deliveries, webhooks. */
export const notificationsRoutes: readonly AnyRestRoute[] = [
  // Notifications: preferences (staff and portal users, their own), on-call recipients, deliveries, webhooks
  route({
    method: 'GET',
    path: '/api/v1/notification-preferences',
    operation: Op.RestNotificationPreferencesDocument,
    message: 'Notification preferences retrieved.',
    data: (r) => r.notificationPreferences,
  }),
  route({
    method: 'PUT',
    path: '/api/v1/notification-preferences/:kind',
    operation: Op.RestSetNotificationPreferenceDocument,
    bodyFields: ['enabled'],
    variables: (i) => ({ kind: enumValue(i.params.kind)!, enabled: i.body.enabled as never }),
    message: 'Notification preference saved.',
    data: (r) => r.notificationPreferenceSet.preferences,
  }),
  route({ method: 'GET', path: '/api/v1/on-call-recipients', operation: Op.RestOnCallRecipientsDocument, message: 'On-call recipients retrieved.', data: (r) => r.onCallRecipients }),
  route({
    method: 'PUT',
    path: '/api/v1/on-call-recipients',
    operation: Op.RestSetOnCallRecipientsDocument,
    bodyFields: ['emails'],
    variables: (i) => ({ emails: i.body.emails as never }),
    message: 'On-call recipients saved.',
    data: (r) => r.onCallRecipientsSet.onCallRecipients,
  }),
  route({
    method: 'GET',
    path: '/api/v1/deliveries',
    operation: Op.RestDeliveriesDocument,
    variables: (i) => ({
      status: enumValue(i.query.status),
      channel: enumValue(i.query.channel),
      eventType: i.query.eventType,
      page: int(i.query.page),
      limit: int(i.query.limit),
    }),
    message: 'Deliveries retrieved.',
    data: (r) => r.deliveries,
  }),
  route({
    method: 'POST',
    path: '/api/v1/deliveries/:id/retry',
    operation: Op.RestRetryDeliveryDocument,
    variables: (i) => ({ id: i.params.id }),
    message: 'Delivery queued again.',
    data: (r) => r.deliveryRetry.delivery,
  }),
  route({ method: 'GET', path: '/api/v1/webhooks', operation: Op.RestWebhookEndpointsDocument, message: 'Webhook endpoints retrieved.', data: (r) => r.webhookEndpoints }),
  route({
    method: 'POST',
    path: '/api/v1/webhooks',
    operation: Op.RestCreateWebhookEndpointDocument,
    bodyFields: ['url', 'eventTypes', 'description'],
    variables: bodyAsInput,
    status: 201,
    message: 'Webhook endpoint created. Keep the secret: it is not shown again.',
    data: ({ webhookEndpointCreate: { endpoint, secret } }) => ({ ...endpoint, secret }),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/webhooks/:id',
    operation: Op.RestUpdateWebhookEndpointDocument,
    bodyFields: ['url', 'eventTypes', 'description', 'isActive'],
    variables: bodyWithId(),
    message: 'Webhook endpoint updated.',
    data: (r) => r.webhookEndpointUpdate.endpoint,
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/webhooks/:id',
    operation: Op.RestDeleteWebhookEndpointDocument,
    variables: (i) => ({ id: i.params.id }),
    message: 'Webhook endpoint deleted.',
    data: ok,
  }),
  route({
    method: 'POST',
    path: '/api/v1/webhooks/:id/rotate-secret',
    operation: Op.RestRotateWebhookSecretDocument,
    variables: (i) => ({ id: i.params.id }),
    message: 'Secret rotated. Keep the new one: it is not shown again.',
    data: ({ webhookSecretRotate: { endpoint, secret } }) => ({ ...endpoint, secret }),
  }),
];
