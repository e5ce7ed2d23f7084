import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Incident, IncidentUpdateView } from '../incident/incident.types';
import { AttachmentTimelineView } from './attachment.types';

/** `attachments` on a ticket: the files the viewer may see (customers: on the ticket itself or on PUBLIC updates). */
@Resolver(() => Incident)
export class IncidentAttachmentsResolver {
  @FieldResolver(() => [AttachmentTimelineView], { nullable: true, description: 'Files on the ticket and its updates the caller may see, oldest first.' })
  attachments(@Root() incident: Incident, @Ctx() ctx: Context) {
    return ctx.loaders.incidents.attachments.load(incident.id);
  }
}

/** `attachments` on an update: its files (a customer only reaches PUBLIC updates, and sees their files alone). */
@Resolver(() => IncidentUpdateView)
export class UpdateAttachmentsResolver {
  @FieldResolver(() => [AttachmentTimelineView], { nullable: true, description: 'Files hanging on this update, oldest first.' })
  attachments(@Root() update: IncidentUpdateView, @Ctx() ctx: Context) {
    return ctx.loaders.incidents.updateAttachments.load(update.id);
  }
}
