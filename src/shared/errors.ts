import type { RateLimitState } from './rate-limit-meter';

/**
 * Coded errors. Every error that crosses a boundary is an AppError with a stable `code`; the GraphQL
 * translator puts it in `extensions.code`, the REST translator maps it to an HTTP status and envelope.
 * Modules subclass these for their own cases (e.g. TENANT_NOT_FOUND) and keep the base class's status.
 */

export interface FieldError {
  code: string;
  field?: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  /** Extra data for clients (e.g. retryAfter); goes into extensions / the envelope. */
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError[];

  constructor(message: string, options: { details?: Record<string, unknown>; fieldErrors?: FieldError[] } = {}) {
    super(message);
    this.name = new.target.name;
    this.details = options.details ?? {};
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

export class BadRequestError extends AppError {
  readonly code: string = 'BAD_REQUEST';
  readonly httpStatus = 400;
}

export class ValidationError extends AppError {
  readonly code: string = 'VALIDATION_FAILED';
  readonly httpStatus = 400;
  constructor(message: string, fieldErrors: FieldError[] = []) {
    super(message, { fieldErrors });
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError(`${field} ${message}`, [{ code: 'VALIDATION_FAILED', field, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code: string = 'UNAUTHENTICATED';
  readonly httpStatus = 401;
  constructor(message = 'Authentication required.') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code: string = 'FORBIDDEN';
  readonly httpStatus = 403;
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code: string = 'NOT_FOUND';
  readonly httpStatus = 404;
  constructor(message = 'Not found.') {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly code: string = 'CONFLICT';
  readonly httpStatus = 409;
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly httpStatus = 413;
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly httpStatus = 415;
}

/**
 * Over a rate limit. `extensions.retryAfter` (seconds) is kept for existing clients; `extensions.rateLimit`
 * carries the refusing limiter's numbers, the same ones the RateLimit-* headers give over HTTP.
 */
export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  readonly httpStatus = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly state?: RateLimitState,
  ) {
    super(message, { details: { retryAfter: retryAfterSeconds, rateLimit: { ...state, retryAfterSeconds } } });
  }
}

export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
  readonly httpStatus = 503;
  constructor(message = 'The service is temporarily unavailable.') {
    super(message);
  }
}

export class InternalError extends AppError {
  readonly code = 'INTERNAL_SERVER_ERROR';
  readonly httpStatus = 500;
  constructor(message = 'Something went wrong on our side.') {
    super(message);
  }
}

/**
 * HTTP status for a code that did not come from an AppError (graphql-js, Apollo, shield).
 * Kept beside the classes so both translators agree.
 */
export const STATUS_BY_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  // Over a GraphQL operation limit (graphql/limits.ts).
  QUERY_TOO_DEEP: 400,
  TOO_MANY_ALIASES: 400,
  TOO_MANY_DIRECTIVES: 400,
  TOO_MANY_TOKENS: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export function statusForCode(code: string | undefined): number {
  return (code && STATUS_BY_CODE[code]) || 500;
}

/** Module codes (e.g. INCIDENT_NOT_FOUND) are learnt from their class when first formatted. */
export function rememberStatus(error: AppError): void {
  STATUS_BY_CODE[error.code] ??= error.httpStatus;
}
