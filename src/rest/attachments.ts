import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer';
import { attachmentAccess, type AttachmentAction } from '../authz/policies';
import type { Config } from '../config/config';
import { useDownloadHeaders } from '../http/security';
import { discardRestOfBody, fileContent, multipartError, multipartLimits } from '../http/multipart';
import { contentDisposition } from '../modules/attachment/attachment.sniff';
import type { AttachmentView, AttachmentViewer, UploadPart } from '../modules/attachment/attachment.service';
import { ForbiddenError, UnauthenticatedError, UnsupportedMediaTypeError } from '../shared/errors';
import { success } from './envelope';
import type { ContextFactory } from './executor';

/** Which callers a door serves: the portal's two doors customers, the staff one staff. */
type Door = 'portal' | 'customer' | 'staff';

/** The attachment routes of each door: the ticket's path (`:id`: id or number) and the kind of caller it serves. */
export const ATTACHMENT_DOORS: Record<Door, { base: string; kind: Viewer['kind'] }> = {
  portal: { base: '/api/v1/portal/tickets/:id/attachments', kind: 'customer' },
  customer: { base: '/api/v1/customer/incidents/:id/attachments', kind: 'customer' },
  staff: { base: '/api/v1/incidents/:id/attachments', kind: 'staff' },
};

/** Every attachment route (method and path), for the OpenAPI document and the route checks. */
export const ATTACHMENT_ROUTES = Object.entries(ATTACHMENT_DOORS).flatMap(([door, { base }]) => [
  { door: door as Door, method: 'GET' as const, path: base, action: 'read' as AttachmentAction },
  { door: door as Door, method: 'POST' as const, path: base, action: 'upload' as AttachmentAction },
  { door: door as Door, method: 'GET' as const, path: `${base}/:attachmentId`, action: 'read' as AttachmentAction },
  { door: door as Door, method: 'DELETE' as const, path: `${base}/:attachmentId`, action: 'delete' as AttachmentAction },
]);

/** Where the viewer of a door downloads an attachment. */
const downloadUrl = (door: Door, a: AttachmentView) => `${ATTACHMENT_DOORS[door].base.replace(':id', a.incidentId)}/${a.id}`;
const withUrl = (door: Door, a: AttachmentView) => ({ ...a, downloadUrl: downloadUrl(door, a) });

/** The request's parts as the attachment service takes them, the parser's errors translated. */
async function* partsOf(request: FastifyRequest, config: Config): AsyncIterable<UploadPart> {
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') yield { kind: 'field', name: part.fieldname, value: String(part.value) };
      else yield { kind: 'file', fileName: part.filename, content: fileContent(part.file, config) };
    }
  } catch (e) {
    throw multipartError(e, config);
  }
}

/**
 * The attachment routes (issue 19). Unlike the rest of the REST adapter they do not run a GraphQL operation:
 * a file streams through them (in and out, 256 KiB at a time) and a GraphQL variable cannot carry a stream.
 * They stay as thin: the verified viewer from the request's context, the door's rule (authz/policies.ts
 * attachmentAccess, what shield does for operations), one attachment service call; errors are the same coded
 * envelope (app.ts error handler). multipart/form-data is parsed in this scope only: everywhere else JSON stays
 * the rule and other types get 415. Uploads are not limited by BODY_LIMIT_BYTES but by the attachment limits.
 */
export async function registerAttachmentRoutes(http: FastifyInstance, config: Config, contextFor: ContextFactory): Promise<void> {
  await http.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: multipartLimits(config, { count: 5, size: 1024 }),
    });

    /** The caller, checked for the door and the action; refused as shield refuses (UNAUTHENTICATED, FORBIDDEN). */
    const callerOf = async (request: FastifyRequest, door: Door, action: AttachmentAction) => {
      const ctx = await contextFor(request);
      const refusal = attachmentAccess(ctx.viewer, ATTACHMENT_DOORS[door].kind, action);
      if (refusal === 'unauthenticated') throw ctx.authError ?? new UnauthenticatedError();
      if (refusal === 'forbidden') throw new ForbiddenError();
      return { viewer: ctx.viewer as AttachmentViewer, services: ctx.services, client: ctx.client, reads: ctx.reads };
    };
    const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name];

    for (const r of ATTACHMENT_ROUTES) {
      const answer = async (request: FastifyRequest, reply: FastifyReply) => {
        const { viewer, services, client, reads } = await callerOf(request, r.door, r.action);
        const ticket = param(request, 'id');
        if (r.action === 'upload') {
          if (!request.isMultipart()) throw new UnsupportedMediaTypeError('Send the files as multipart/form-data.');
          const key = request.headers['idempotency-key'];
          const { attachments, replayed } = await services.attachments.upload(viewer, ticket, partsOf(request, config), {
            idempotencyKey: typeof key === 'string' ? key : undefined,
            client,
          });
          reads.wrote(); // the ticket's attachments, read by the session's next queries, are on the primary
          const message = replayed ? 'Already uploaded with this Idempotency-Key.' : attachments.length === 1 ? 'File attached.' : 'Files attached.';
          return reply.status(201).send(success(message, { attachments: attachments.map((a) => withUrl(r.door, a)) }));
        }
        if (r.action === 'delete') {
          const deleted = await services.attachments.delete(viewer, ticket, param(request, 'attachmentId'), client);
          reads.wrote();
          return reply.send(success('Attachment deleted.', { id: deleted.id }));
        }
        if (r.path.endsWith(':attachmentId')) {
          const { attachment, content } = await services.attachments.open(viewer, ticket, param(request, 'attachmentId'));
          useDownloadHeaders(reply, { contentDisposition: contentDisposition(attachment.fileName), contentType: attachment.contentType, size: attachment.size });
          return reply.send(Readable.from(content, { objectMode: false }));
        }
        const listed = await services.attachments.list(viewer, ticket);
        return reply.send(success('Attachments retrieved.', { attachments: listed.map((a) => withUrl(r.door, a)) }));
      };
      scope.route({
        method: r.method,
        url: r.path,
        handler: async (request, reply) => {
          try {
            return await answer(request, reply);
          } catch (e) {
            // An upload refused before its body was read to the end.
            if (r.action === 'upload') discardRestOfBody(request);
            throw e;
          }
        },
      });
    }
  });
}

