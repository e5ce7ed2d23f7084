import { BadRequestError, ConflictError, NotFoundError } from '../../shared/errors';

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

export class InvalidTransitionError extends BadRequestError {
  override readonly code = 'INVALID_TRANSITION';
  constructor(from: string, to: string, allowed: readonly string[]) {
    super(`An incident cannot go from ${from} to ${to}. From ${from} it can go to: ${allowed.join(', ')}.`, { details: { from, to, allowed } });
  }
}

export class StaleVersionError extends ConflictError {
  override readonly code = 'STALE_VERSION';
  constructor(current: number) {
    super(`The incident changed since you loaded it (now version ${current}). Reload it and apply your change again.`, { details: { currentVersion: current } });
  }
}
