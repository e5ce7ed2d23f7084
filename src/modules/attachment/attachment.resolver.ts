import { Ctx, Extensions, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Incident } from '../incident/incident.types';
import { AttachmentTimelineView } from './attachment.types';

/**
 * `attachments` on a ticket: the files the viewer may see (customers: on the ticket itself or on PUBLIC updates),
 * each with the update it hangs on (`updateId`), so a timeline places them; one statement for a page.
 */
@Resolver(() => Incident)
export class IncidentAttachmentsResolver {
  // Most tickets carry a few files: the operation cost (graphql/limits.ts) counts 5 rather than a list's usual 20.
  @Extensions({ assumedListSize: 5 })
  @FieldResolver(() => [AttachmentTimelineView], { nullable: true, description: 'Files on the ticket and its updates the caller may see, oldest first (`updateId` says which update).' })
  attachments(@Root() incident: Incident, @Ctx() ctx: Context) {
    return ctx.loaders.incidents.attachments.load(incident.id);
  }
}
