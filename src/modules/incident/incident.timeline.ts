import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { customerViewer } from '../../graphql/viewer';
import { connectionArgs, type ConnectionArgsInput } from '../../shared/connection';
import { IncidentNotFoundError } from './incident.errors';
import type { IncidentRow } from './incident.read';
import { checkedLast, timelineToFetch } from './incident.selection';

/**
 * The timeline fields of a ticket, as the viewer may see it (the loaders scope each read: customers get PUBLIC
 * updates, the attachments the download route would give them, participants' id and display name), from what the
 * root field primed (ctx.loaders.incidents.primed) or else one statement per page. The one home of these fields'
 * logic: the staff type's resolvers (Incident) and the portal type's (Ticket) both call these.
 */
/** The updates of kind COMMENT: a ticket's `comments` (GraphQL's deprecated field, and the OpsWeave documents' REST field). */
export const commentsOf = <T extends { kind: unknown }>(updates: T[]) => updates.filter((u) => u.kind === 'COMMENT');

export const timeline = {
  updates: (ctx: Context, incidentId: string, last?: number | null) => ctx.loaders.incidents.updates(checkedLast(last)).load(incidentId),
  updatesConnection: (ctx: Context, incidentId: string, args: ConnectionArgsInput) => ctx.loaders.incidents.updatesConnection(connectionArgs(args)).load(incidentId),
  comments: async (ctx: Context, incidentId: string) => commentsOf(await ctx.loaders.incidents.updates().load(incidentId)),
  attachments: (ctx: Context, incidentId: string) => ctx.loaders.incidents.attachments.load(incidentId),
  participants: (ctx: Context, incidentId: string) => ctx.loaders.incidents.participants.load(incidentId),
};

/**
 * A ticket as the portal reads it (the `ticket` query, and the `ticket` of the portal mutations' payloads): the
 * same service call and read-model row as any customer read, with the timeline the operation selects under `path`
 * (`[]` for the root field, `['ticket']` in a payload) fetched in the same statement and primed into the loaders.
 * A payload's read comes after the change: each Mutation field starts with empty loaders (graphql/schema.ts).
 */
export async function portalTicket(ctx: Context, info: GraphQLResolveInfo, idOrNumber: string, path: readonly string[] = []): Promise<IncidentRow> {
  const include = timelineToFetch(info, path);
  return ctx.loaders.incidents.primed(await ctx.services.incidents.get(customerViewer(ctx), idOrNumber, include), include);
}

/** portalTicket, or null when the caller no longer sees the ticket (after leaving it): the answer for a missing one. */
export async function portalTicketIfVisible(ctx: Context, info: GraphQLResolveInfo, idOrNumber: string, path: readonly string[]): Promise<IncidentRow | null> {
  try {
    return await portalTicket(ctx, info, idOrNumber, path);
  } catch (e) {
    if (e instanceof IncidentNotFoundError) return null;
    throw e;
  }
}
