import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config';
import { AttachmentTooLargeError, TooManyAttachmentsError } from '../modules/attachment/attachment.errors';
import { BadRequestError, UnsupportedMediaTypeError } from '../shared/errors';

/**
 * multipart/form-data as both upload doors read it: the REST attachment routes (rest/attachments.ts) and GraphQL
 * multipart requests (graphql/uploads.ts). One set of parser limits and one translation of the parser's refusals
 * into the attachment codes, so a file refused at one door is refused alike at the other.
 */

/**
 * The parser's limits: files one more than allowed and each one byte larger, so the attachment service's own
 * checks (coded, with nothing stored) come first. `fields`: the form fields the door takes, each at most `fieldSize`.
 */
export function multipartLimits(config: Config, fields: { count: number; size: number }) {
  const { maxBytes, maxFiles } = config.attachments;
  return { fileSize: maxBytes + 1, files: maxFiles + 1, fields: fields.count, fieldSize: fields.size, parts: maxFiles + 1 + fields.count, headerPairs: 100 };
}

/** The multipart parser's own refusals as the attachment codes. */
export function multipartError(error: unknown, config: Config): unknown {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AttachmentTooLargeError(config.attachments.maxBytes);
    case 'FST_FILES_LIMIT':
      return new TooManyAttachmentsError(config.attachments.maxFiles);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new BadRequestError('The multipart body cannot be taken as sent.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new UnsupportedMediaTypeError('Send the files as multipart/form-data.');
  }
  if (error instanceof Error && /Unexpected end of form|Malformed part header|Multipart: Boundary not found/i.test(error.message)) {
    return new BadRequestError('The multipart body cannot be taken as sent.');
  }
  return error;
}

/** A file part's bytes as they arrive, the parser's errors translated. */
export async function* fileContent(file: AsyncIterable<Buffer>, config: Config): AsyncIterable<Buffer> {
  try {
    for await (const piece of file) yield piece;
  } catch (e) {
    throw multipartError(e, config);
  }
}

/**
 * After an answer to an upload that did not read its body to the end (refused early, or files it did not need):
 * the rest is read and dropped, so the client finishes sending and reads the answer (and the connection stays usable).
 */
export function discardRestOfBody(request: FastifyRequest): void {
  if (request.raw.readableEnded) return;
  request.raw.unpipe();
  request.raw.resume();
}
