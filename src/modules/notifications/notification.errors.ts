import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';

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
