import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, Field, FieldResolver, ID, Info, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { Upload, UploadScalar } from '../../graphql/uploads';
import { customerViewer, staffViewer } from '../../graphql/viewer';
import { portalTicket, timeline } from '../incident/incident.timeline';
import { Incident } from '../incident/incident.types';
import { attachmentDownloadPath } from './attachment.columns';
import type { AttachmentView, AttachmentViewer, UploadPart } from './attachment.service';
import { TicketFilesAttachInput } from './attachment.inputs';
import { AttachmentTimelineView, AttachmentUploadView, TicketFilesAttachPayload } from './attachment.types';

const TICKET = { description: 'The id or the number (INC-…).' };
const UPDATE = { nullable: true, description: 'Hang the files on this update (a customer: a comment of their own; staff: any update, INTERNAL included) rather than on the ticket itself.' };
const KEY = { nullable: true, description: 'A retry with the same key (same update, same bytes) answers the first upload and stores nothing; the key with another upload is IDEMPOTENCY_KEY_REUSED.' };
const FILES = { description: 'The files: parts of the multipart request (the GraphQL multipart request spec), read in this order.' };

@InputType({ description: 'Files to attach to an incident (a GraphQL multipart request: map each file to `variables.input.files.<n>`).' })
export class IncidentFilesAttachInput {
  @Field(() => ID, TICKET) incidentId!: string;
  @Field(() => [UploadScalar], FILES) files!: Upload[];
  @Field(() => ID, UPDATE) updateId?: string | null;
  @Field(() => String, KEY) idempotencyKey?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What incidentFilesAttach answers: the files one upload stored, in the order they were sent.' })
export class IncidentFilesAttachPayload extends AttachmentUploadView {}

/**
 * A GraphQL upload as the attachment service takes one (the parts of a REST multipart upload): the update first,
 * then each file as its bytes arrive (graphql/uploads.ts). A file the service stops reading (refused) is dropped
 * so that the request's next parts can still arrive.
 */
async function* uploadParts(files: Upload[], updateId: string | null | undefined): AsyncIterable<UploadPart> {
  if (updateId != null) yield { kind: 'field', name: 'updateId', value: updateId };
  for (const upload of files.map((value) => Upload.of(value))) {
    try {
      const { fileName, content } = await upload.file();
      yield { kind: 'file', fileName, content };
    } finally {
      upload.release();
    }
  }
}

/** The service's answer as the `AttachmentUploadPayload` type: each file with where this viewer downloads it. */
const uploaded = (viewer: AttachmentViewer, result: { attachments: AttachmentView[]; replayed: boolean }): AttachmentUploadView => ({
  replayed: result.replayed,
  attachments: result.attachments.map((a) => ({ ...a, downloadUrl: attachmentDownloadPath(viewer.kind, a.incidentId, a.id) })),
});

/**
 * `attachments` on a ticket: the files the viewer may see (customers: on the ticket itself or on PUBLIC updates),
 * each with the update it hangs on (`updateId`), so a timeline places them; one statement for a page. Uploads: the
 * same attachment service as the REST file routes (limits, sniffing, idempotency, audit, announcements).
 */
@Resolver(() => Incident)
export class IncidentAttachmentsResolver {
  // Most tickets carry a few files: the operation cost (graphql/limits.ts) counts 5 rather than a list's usual 20.
  @Extensions({ assumedListSize: 5 })
  @FieldResolver(() => [AttachmentTimelineView], { nullable: true, description: 'Files on the ticket and its updates the caller may see, oldest first (`updateId` says which update).' })
  attachments(@Root() incident: Incident, @Ctx() ctx: Context) {
    return timeline.attachments(ctx, incident.id);
  }

  @Mutation(() => AttachmentUploadView, {
    description: 'Customer: attaches files to a ticket I may see (not a closed one), or to a comment of mine. A GraphQL multipart request only (docs/api.md, Attachments).',
    deprecationReason: replacedBy('ticketFilesAttach'),
  })
  async attachTicketFiles(
    @Arg('ticketId', () => ID, TICKET) ticketId: string,
    @Arg('files', () => [UploadScalar], FILES) files: Upload[],
    @Ctx() ctx: Context,
    @Arg('updateId', () => ID, UPDATE) updateId?: string | null,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ): Promise<AttachmentUploadView> {
    const viewer = customerViewer(ctx);
    return uploaded(viewer, await ctx.services.attachments.upload(viewer, ticketId, uploadParts(files, updateId), { idempotencyKey: idempotencyKey ?? undefined, client: ctx.client }));
  }

  // The portal's own (issue 15): one input (the files inside it), a payload with the ticket afterwards; the same service call.
  @Mutation(() => TicketFilesAttachPayload, {
    description: 'Customer: attaches files to a ticket I may see (not a closed one), or to a comment of mine. A GraphQL multipart request only (docs/api.md, Attachments): map the files to `variables.input.files.<n>`.',
  })
  async ticketFilesAttach(
    @Arg('input', () => TicketFilesAttachInput, { description: 'The ticket, the files, and where to hang them.' }) input: TicketFilesAttachInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketFilesAttachPayload> {
    const viewer = customerViewer(ctx);
    const result = await ctx.services.attachments.upload(viewer, input.ticketId, uploadParts(input.files, input.updateId), { idempotencyKey: input.idempotencyKey ?? undefined, client: ctx.client });
    return { ...uploaded(viewer, result), ticket: await portalTicket(ctx, info, input.ticketId, ['ticket']) };
  }

  @Mutation(() => AttachmentUploadView, {
    description: 'Staff: attaches files to an incident, or to one of its updates (INTERNAL included). A GraphQL multipart request only (docs/api.md, Attachments).',
    deprecationReason: replacedBy('incidentFilesAttach'),
  })
  async attachIncidentFiles(
    @Arg('incidentId', () => ID, TICKET) incidentId: string,
    @Arg('files', () => [UploadScalar], FILES) files: Upload[],
    @Ctx() ctx: Context,
    @Arg('updateId', () => ID, UPDATE) updateId?: string | null,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ): Promise<AttachmentUploadView> {
    const viewer = staffViewer(ctx);
    return uploaded(viewer, await ctx.services.attachments.upload(viewer, incidentId, uploadParts(files, updateId), { idempotencyKey: idempotencyKey ?? undefined, client: ctx.client }));
  }

  // Issue 15: the object-first mutation, the same upload as attachIncidentFiles (uploads.ts maps `variables.input.files.<n>`).
  @Mutation(() => IncidentFilesAttachPayload, { description: 'Staff: attaches files to an incident, or to one of its updates (INTERNAL included). A GraphQL multipart request only (docs/api.md, Attachments).' })
  async incidentFilesAttach(@Arg('input', { description: 'The incident, the files and where they hang.' }) input: IncidentFilesAttachInput, @Ctx() ctx: Context): Promise<IncidentFilesAttachPayload> {
    const viewer = staffViewer(ctx);
    const parts = uploadParts(input.files, input.updateId);
    return uploaded(viewer, await ctx.services.attachments.upload(viewer, input.incidentId, parts, { idempotencyKey: input.idempotencyKey ?? undefined, client: ctx.client }));
  }
}
