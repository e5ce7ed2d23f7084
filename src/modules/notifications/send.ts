import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Mailer } from '../../shared/mailer';
import type { DeliveryChannel, DeliveryMessage } from './notification.entity';
import { WebhookSecretUnreadableError } from './notification.errors';
import { enqueue, TASKS } from './queue';
import { excerptOf, postWebhook, type WebhookResult } from './webhook';
import type { WebhookSecretBox } from './webhook-secrets';

export interface SendSettings {
  retryBaseMs: number;
  retryMaxMs: number;
  webhookTimeoutMs: number;
  allowPrivateTargets: boolean;
}

/** The wait before try `attempt + 1`: base × 2^(attempt-1), capped, with ±20% jitter so retries spread out. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  channel: DeliveryChannel;
  status: string;
  attempts: number;
  maxAttempts: number;
  message: DeliveryMessage;
  endpointUrl: string | null;
  endpointTenantId: string | null;
  endpointId: string | null;
  /** Sealed for its endpoint row (webhook-secrets.ts). */
  endpointSecret: string | null;
  endpointActive: boolean | null;
}

/**
 * The `delivery.send` job: one try of one delivery. Success marks it SENT; a failure records the error and
 * either queues the next try after the backoff (in the same transaction as the record) or, after the last
 * try, leaves it FAILED: the dead letter an ADMIN can list and retry.
 */
export async function sendDelivery(
  em: EntityManager,
  deps: { mailer: Mailer; log: Logger; settings: SendSettings; secrets: WebhookSecretBox },
  deliveryId: string,
  /** Aborted when the worker is stopping: a webhook POST in flight gives up and is tried again later. */
  signal?: AbortSignal,
): Promise<void> {
  const [d] = await em.execute<DeliveryRow[]>(
    `SELECT d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.channel, d.status, d.attempts, d.max_attempts AS "maxAttempts", d.message,
            e.id AS "endpointId", e.tenant_id AS "endpointTenantId", e.url AS "endpointUrl", e.encrypted_secret AS "endpointSecret", e.is_active AS "endpointActive"
     FROM notification_deliveries d LEFT JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ?`,
    [deliveryId],
  );
  if (!d || d.status !== 'PENDING') return;

  let result: WebhookResult;
  try {
    if (d.message.kind === 'email') {
      const { to, subject, text, html } = d.message;
      await deps.mailer.send({ to, subject, text, html });
      result = { ok: true };
    } else if (!d.endpointUrl || !d.endpointSecret) {
      result = { ok: false, error: 'The webhook endpoint was deleted.', permanent: true };
    } else if (!d.endpointActive) {
      result = { ok: false, error: 'The webhook endpoint is disabled.', permanent: true };
    } else {
      const secret = deps.secrets.open(d.endpointSecret, { endpointId: d.endpointId!, tenantId: d.endpointTenantId! });
      result = await postWebhook({ url: d.endpointUrl, secret }, d.message.body, { eventId: d.eventId, eventType: d.eventType, deliveryId: d.id }, {
        timeoutMs: deps.settings.webhookTimeoutMs,
        allowPrivate: deps.settings.allowPrivateTargets,
        signal,
      });
    }
  } catch (e) {
    // A secret that cannot be decrypted will not decrypt on the next try either: the dead letter says why.
    if (e instanceof WebhookSecretUnreadableError) result = { ok: false, error: e.message, permanent: true };
    else result = { ok: false, error: excerptOf((e as Error).message || 'sending failed') };
  }

  const attempt = d.attempts + 1;
  await em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    if (result.ok) {
      await conn.execute(
        `UPDATE notification_deliveries SET status = 'SENT', attempts = ?, delivered_at = now(), last_error = NULL, next_attempt_at = NULL,
           response_status = ?, response_excerpt = ?, updated_at = now() WHERE id = ? AND status = 'PENDING'`,
        [attempt, result.status ?? null, result.excerpt ?? null, d.id],
        'run',
        ctx,
      );
      return;
    }
    const dead = result.permanent || attempt >= d.maxAttempts;
    const next = dead ? null : new Date(Date.now() + backoffMs(attempt, deps.settings.retryBaseMs, deps.settings.retryMaxMs));
    await conn.execute(
      `UPDATE notification_deliveries SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, response_status = ?, response_excerpt = ?, updated_at = now()
       WHERE id = ? AND status = 'PENDING'`,
      [dead ? 'FAILED' : 'PENDING', attempt, (result.error ?? 'failed').slice(0, 500), next, result.status ?? null, result.excerpt ?? null, d.id],
      'run',
      ctx,
    );
    if (next) await enqueue(tx, TASKS.send, { deliveryId: d.id }, { runAt: next, jobKey: `delivery:${d.id}` });
  });
  const fields = { deliveryId: d.id, channel: d.channel, eventType: d.eventType, attempt, error: result.error };
  if (result.ok) deps.log.debug(fields, 'delivery sent');
  else if (result.permanent || attempt >= d.maxAttempts) deps.log.warn(fields, 'delivery failed for good: left as FAILED for an ADMIN to retry');
  else deps.log.info(fields, 'delivery failed; will try again');
}
