import type { FastifyError } from 'fastify';
import { isDatabaseUnavailable } from '../db/errors';
import { AppError, UnavailableError, type FieldError } from '../shared/errors';

/** Turns a framework error (bad JSON, body too large, wrong content type, ...) into status, code and message. */
export function describeHttpError(error: FastifyError | AppError): { status: number; code: string; message: string; errors?: FieldError[]; retryAfter?: number } {
  // Outside an operation (building a request's context, say), an absent database is still a coded 503.
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) error = new UnavailableError();
  if (error instanceof AppError) {
    const retryAfter = typeof error.details.retryAfter === 'number' ? error.details.retryAfter : undefined;
    return { status: error.httpStatus, code: error.code, message: error.message, errors: error.fieldErrors, retryAfter };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'BAD_REQUEST', message: 'The Content-Length header does not match the body.' };
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  return status === 500
    ? { status, code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' }
    : { status, code: 'BAD_REQUEST', message: error.message };
}
