import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { RateLimitState } from './rate-limit-meter';

export { ERROR_CODES, statusForCode, type ErrorCode } from './error-codes';

/**
 * Coded errors. Every error that crosses a boundary is an AppError with a stable `code` from the catalogue
 * (error-codes.ts), which also gives its HTTP status; the GraphQL translator puts the code in
 * `extensions.code`, the REST translator answers with the status and envelope. Modules subclass these for
 * their own cases (e.g. TENANT_NOT_FOUND, catalogued with the status of its base class).
 */

export interface FieldError {
  code: string;
  field?: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra data for clients (e.g. retryAfter); goes into extensions / the envelope. */
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError[];

  constructor(message: string, options: { details?: Record<string, unknown>; fieldErrors?: FieldError[] } = {}) {
    super(message);
    this.name = new.target.name;
    this.details = options.details ?? {};
    this.fieldErrors = options.fieldErrors ?? [];
  }

  /** The code's status in the catalogue. */
  get httpStatus(): number {
    return ERROR_CODES[this.code].status;
  }
}

export class BadRequestError extends AppError {
  readonly code: ErrorCode = 'BAD_REQUEST';
}

export class ValidationError extends AppError {
  readonly code: ErrorCode = 'VALIDATION_FAILED';
  constructor(message: string, fieldErrors: FieldError[] = []) {
    super(message, { fieldErrors });
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError(`${field} ${message}`, [{ code: 'VALIDATION_FAILED', field, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code: ErrorCode = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required.') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code: ErrorCode = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code: ErrorCode = 'NOT_FOUND';
  constructor(message = 'Not found.') {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly code: ErrorCode = 'CONFLICT';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

/**
 * Over a rate limit. `extensions.retryAfter` (seconds) is kept for existing clients; `extensions.rateLimit`
 * carries the refusing limiter's numbers, the same ones the RateLimit-* headers give over HTTP.
 */
export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly state?: RateLimitState,
  ) {
    super(message, { details: { retryAfter: retryAfterSeconds, rateLimit: { ...state, retryAfterSeconds } } });
  }
}

/** Seconds a client should wait before retrying a request refused because the database (or this server) is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

/** The database is unreachable or restarting, or the server is stopping: nothing was changed, try again. */
export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
  constructor(message = 'The service is temporarily unavailable; try again shortly.', options: { cause?: unknown } = {}) {
    super(message, { details: { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS } });
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * The connection died while a change was being committed (COMMIT sent, no answer): it may be stored or not.
 * Also 503, so clients retry, with their idempotency key, which makes the retry safe either way.
 */
export class UnknownOutcomeError extends AppError {
  readonly code = 'UNKNOWN_OUTCOME';
  constructor(options: { cause?: unknown } = {}) {
    super('The database went away while your change was being saved: it may or may not have been stored. Retry with the same Idempotency-Key, or read it back.', {
      details: { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS },
    });
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

export class InternalError extends AppError {
  readonly code = 'INTERNAL_SERVER_ERROR';
  constructor(message = 'Something went wrong on our side.') {
    super(message);
  }
}
