import { AppError, ConflictError, NotFoundError, ValidationError } from '../../shared/errors';

export class DeliveryNotFoundError extends NotFoundError {
  override readonly code = 'DELIVERY_NOT_FOUND';
  constructor() {
    super('Delivery not found.');
  }
}

export class DeliveryNotFailedError extends ConflictError {
  override readonly code = 'DELIVERY_NOT_FAILED';
  constructor(status: string) {
    super(`Only FAILED deliveries can be retried; this one is ${status}.`, { details: { status } });
  }
}

export class WebhookEndpointNotFoundError extends NotFoundError {
  override readonly code = 'WEBHOOK_ENDPOINT_NOT_FOUND';
  constructor() {
    super('Webhook endpoint not found.');
  }
}

/** A webhook URL refused: malformed, not http(s), or resolving to an internal address. */
export class WebhookUrlRefusedError extends ValidationError {
  override readonly code = 'WEBHOOK_URL_REFUSED';
  constructor(reason: string) {
    super(`url ${reason}`, [{ code: 'WEBHOOK_URL_REFUSED', field: 'url', message: reason }]);
  }
}

const UNREADABLE_REASONS = {
  NOT_ENCRYPTED: 'it is stored unencrypted, which only rows written before encryption at rest are (the server encrypts those at start)',
  MALFORMED: 'the stored value is malformed',
  UNKNOWN_KEY: 'it was encrypted with a key this server does not have; list that key in WEBHOOK_SECRETS_PREVIOUS_KEYS',
  NOT_THIS_ROW: 'it was encrypted for another endpoint, or altered',
} as const;
export type WebhookSecretUnreadableReason = keyof typeof UNREADABLE_REASONS;

/**
 * A stored webhook secret that cannot be decrypted for its row. Never shown to a client: it ends a delivery
 * (the dead letter's reason) instead of crashing the worker. Rotating the endpoint's secret repairs it.
 */
export class WebhookSecretUnreadableError extends AppError {
  readonly code = 'WEBHOOK_SECRET_UNREADABLE';
  constructor(
    readonly reason: WebhookSecretUnreadableReason,
    keyId?: string,
  ) {
    super(`The endpoint's signing secret cannot be decrypted (WEBHOOK_SECRET_UNREADABLE): ${UNREADABLE_REASONS[reason]}${keyId ? ` (key id ${keyId})` : ''}. Rotate the endpoint's secret to repair it.`, {
      details: keyId ? { reason, keyId } : { reason },
    });
  }
}
