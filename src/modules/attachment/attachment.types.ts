import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Ticket } from '../incident/ticket.types';

@ObjectType('Attachment', { simpleResolvers: true, description: 'A file attached to a ticket or to one of its updates. Upload with attachTicketFiles / attachIncidentFiles (a GraphQL multipart request) or through REST (docs/api.md, Attachments).' })
export class AttachmentTimelineView {
  @Field(() => ID, { description: "The attachment's id." }) id!: string;
  @Field(() => ID, { nullable: true, description: 'The update (comment) it hangs on; null: the ticket itself.' }) updateId!: string | null;
  @Field({ description: 'Sanitised: no path, no control characters, at most 200 characters.' }) fileName!: string;
  @Field({ description: 'Sniffed from the bytes at upload, never the one the client declared.' }) contentType!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
  @Field(() => Date, { description: 'When it was uploaded.' }) createdAt!: string;
  @Field({ description: "Where the caller downloads it (this server's REST route for its kind of caller), as a download only." }) downloadUrl!: string;
}

@ObjectType('AttachmentUploadPayload', { simpleResolvers: true, description: 'The files one upload stored, in the order they were sent.' })
export class AttachmentUploadView {
  @Field(() => [AttachmentTimelineView], { description: 'The files stored, as the timelines show them.' }) attachments!: AttachmentTimelineView[];
  @Field({ description: 'True: a retry with the idempotencyKey of an earlier, identical upload; its files are answered and nothing new is stored.' }) replayed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The files ticketFilesAttach stored, in the order they were sent, and the ticket after.' })
export class TicketFilesAttachPayload {
  @Field(() => [AttachmentTimelineView], { description: 'The files stored, as the timelines show them.' }) attachments!: AttachmentTimelineView[];
  @Field({ description: 'True: a retry with the idempotencyKey of an earlier, identical upload; its files are answered and nothing new is stored.' }) replayed!: boolean;
  @Field(() => Ticket, { description: 'The ticket, with the files.' }) ticket!: Ticket;
}
