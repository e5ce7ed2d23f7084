import { ConflictError, NotFoundError } from '../../shared/errors';

export class IncidentNotFoundError extends NotFoundError {
  override readonly code = 'INCIDENT_NOT_FOUND';
  constructor() {
    super('Incident not found.');
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  override readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

export class TicketClosedError extends ConflictError {
  override readonly code = 'TICKET_CLOSED';
  constructor() {
    super('This ticket is closed and takes no more comments. Open a new ticket, mentioning its number.');
  }
}
