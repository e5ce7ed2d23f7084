import type { Context } from '../../graphql/context';
import { checkedLast } from './incident.selection';

/**
 * The timeline fields of a ticket, as the viewer may see it (the loaders scope each read: customers get PUBLIC
 * updates, the attachments the download route would give them, participants' id and display name), from what the
 * root field primed (ctx.loaders.incidents.primed) or else one statement per page. The one home of these fields'
 * logic: the staff type's resolvers (Incident) and the portal type's (Ticket) both call these.
 */
export const timeline = {
  updates: (ctx: Context, incidentId: string, last?: number | null) => ctx.loaders.incidents.updates(checkedLast(last)).load(incidentId),
  comments: async (ctx: Context, incidentId: string) => (await ctx.loaders.incidents.updates().load(incidentId)).filter((u) => u.kind === 'COMMENT'),
  attachments: (ctx: Context, incidentId: string) => ctx.loaders.incidents.attachments.load(incidentId),
  participants: (ctx: Context, incidentId: string) => ctx.loaders.incidents.participants.load(incidentId),
};
