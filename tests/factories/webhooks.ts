import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Delivery, WebhookEndpoint } from '../../src/modules/notifications/notification.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import { newWebhookSecret } from '../../src/modules/notifications/webhook';
import type { WebhookSecretBox } from '../../src/modules/notifications/webhook-secrets';
import { Tenant } from '../../src/modules/tenant/tenant.entity';

/**
 * A webhook endpoint written straight into the table (for rows the API would refuse, or a test's world),
 * its secret encrypted for the row as the service does. Returns the plain secret a receiver would hold.
 */
export async function createWebhookRow(
  em: EntityManager,
  box: WebhookSecretBox,
  tenantId: string,
  fields: { url: string; eventTypes: string[]; description?: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const id = randomUUID();
  const secret = newWebhookSecret();
  const endpoint = em.create(WebhookEndpoint, {
    id,
    tenant: em.getReference(Tenant, tenantId),
    ...fields,
    encryptedSecret: box.seal(secret, { endpointId: id, tenantId }),
  });
  await em.flush();
  return { endpoint, secret };
}

/** A FAILED e-mail delivery of the workspace, its tries spent (what retryDelivery/deliveryRetry sends again). */
export async function createFailedDelivery(em: EntityManager, tenantId: string, to: string): Promise<Delivery> {
  const delivery = em.create(Delivery, {
    tenant: em.getReference(Tenant, tenantId),
    event: em.create(OutboxEvent, { tenantId, type: 'incident.created', payload: {} }),
    eventType: 'incident.created',
    channel: 'EMAIL',
    target: to,
    message: { kind: 'email', to, subject: 's', text: 't', html: '<p>t</p>' },
    status: 'FAILED',
    attempts: 8,
    maxAttempts: 8,
    lastError: 'refused',
  });
  await em.flush();
  return delivery;
}
