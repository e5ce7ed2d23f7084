import { AppError, BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors';

/** Missing, deleted, on a ticket the caller may not see, or on an INTERNAL update for a customer: one answer. */
export class AttachmentNotFoundError extends NotFoundError {
  override readonly code = 'ATTACHMENT_NOT_FOUND';
  constructor() {
    super('Attachment not found.');
  }
}

export class AttachmentTooLargeError extends AppError {
  readonly code = 'ATTACHMENT_TOO_LARGE';
  constructor(maxBytes: number) {
    super(`An attached file may be at most ${maxBytes} bytes; nothing was stored.`, { details: { maxBytes } });
  }
}

export class AttachmentTicketFullError extends AppError {
  readonly code = 'ATTACHMENT_TICKET_FULL';
  constructor(maxTicketBytes: number) {
    super(`A ticket's attachments may take at most ${maxTicketBytes} bytes together; nothing was stored.`, { details: { maxTicketBytes } });
  }
}

export class TooManyAttachmentsError extends BadRequestError {
  override readonly code = 'TOO_MANY_ATTACHMENTS';
  constructor(maxFiles: number) {
    super(`At most ${maxFiles} files per upload and per update; nothing was stored.`, { details: { maxFiles } });
  }
}

export class AttachmentTypeRefusedError extends AppError {
  readonly code = 'ATTACHMENT_TYPE_REFUSED';
  constructor(kind: string) {
    super(`Executables and scripts cannot be attached (this file is ${kind}); nothing was stored.`);
  }
}

export class AttachmentDeleteRefusedError extends ForbiddenError {
  override readonly code = 'ATTACHMENT_DELETE_REFUSED';
  constructor() {
    super('Only staff who may update incidents, or the uploader shortly after uploading, may delete an attachment.');
  }
}
