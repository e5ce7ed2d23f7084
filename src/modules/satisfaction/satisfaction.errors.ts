import { BadRequestError, ConflictError, ForbiddenError } from '../../shared/errors';

export class TicketNotResolvedError extends ConflictError {
  override readonly code = 'TICKET_NOT_RESOLVED';
  constructor() {
    super('This ticket is not resolved yet: it can be rated once it is.');
  }
}

export class RatingWindowClosedError extends ConflictError {
  override readonly code = 'RATING_WINDOW_CLOSED';
  constructor(days: number) {
    super(`This ticket was resolved more than ${days} days ago and can no longer be rated.`, { details: { windowDays: days } });
  }
}

export class AlreadyRatedError extends ConflictError {
  override readonly code = 'ALREADY_RATED';
  constructor() {
    super('This ticket has been rated already. Thank you!');
  }
}

/** A colleague who sees the ticket through the organization (or a participant, unless CSAT_PARTICIPANTS_MAY_RATE), not its reporter: they know it exists, so no pretence. */
export class RatingNotAllowedError extends ForbiddenError {
  override readonly code = 'RATING_NOT_ALLOWED';
  constructor() {
    super('Only the reporter of this ticket may rate it.');
  }
}

export class InvalidRatingLinkError extends BadRequestError {
  override readonly code = 'INVALID_RATING_LINK';
  constructor() {
    super('This rating link is invalid or has expired.');
  }
}
