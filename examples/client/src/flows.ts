/**
 * The flows a portal and a staff frontend run, on the example client: sign in, report a ticket, page through
 * lists with the cursor, follow a ticket live while staff acknowledge it.
 */
import { IncidentDeskClient } from './client';
import { Acknowledge, FollowTicket, MyTickets, PortalSignIn, ReportTicket, StaffSignIn, WorkspaceIncidents } from './operations';

/** Every page of a cursor-paginated list, following `pageInfo.endCursor` until `hasNextPage` is false. */
export async function allPages<T>(page: (after: string | null) => Promise<{ nodes: T[]; pageInfo: { endCursor?: string | null; hasNextPage: boolean } }>): Promise<T[]> {
  const all: T[] = [];
  for (let after: string | null = null; ; ) {
    const { nodes, pageInfo } = await page(after);
    all.push(...nodes);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return all;
    after = pageInfo.endCursor;
  }
}

export async function portalSignIn(client: IncidentDeskClient, input: { workspace: string; email: string; password: string }): Promise<IncidentDeskClient> {
  const { portalLogin } = await client.request(PortalSignIn, { input });
  return client.withToken(portalLogin!.accessToken);
}

export async function staffSignIn(client: IncidentDeskClient, input: { email: string; password: string }): Promise<IncidentDeskClient> {
  const { login } = await client.request(StaffSignIn, { input });
  return client.withToken(login!.accessToken);
}

export async function reportTicket(portal: IncidentDeskClient, title: string, idempotencyKey?: string) {
  const { ticketCreate } = await portal.request(ReportTicket, { input: { type: 'INCIDENT', title, description: 'Reported from the example client.', priority: 'HIGH', idempotencyKey } });
  return ticketCreate!.ticket;
}

/** The customer's tickets, every page of `pageSize`, by cursor. */
export const myTickets = (portal: IncidentDeskClient, pageSize: number) =>
  allPages(async (after) => (await portal.request(MyTickets, { first: pageSize, after })).ticketsConnection!);

/** The workspace's incidents, every page of `pageSize`, by cursor. */
export const workspaceIncidents = (staff: IncidentDeskClient, pageSize: number) =>
  allPages(async (after) => (await staff.request(WorkspaceIncidents, { first: pageSize, after })).incidentsConnection!);

/** Follows one ticket: resolves with the first status it is changed to. */
export function nextStatus(portal: IncidentDeskClient, ticketId: string): { ready: Promise<void>; status: Promise<string>; stop: () => void } {
  let stop = () => undefined as void;
  let started!: () => void;
  const ready = new Promise<void>((r) => (started = r));
  const status = new Promise<string>((resolve, reject) => {
    stop = portal.subscribe(FollowTicket, { id: ticketId }, (data) => resolve(data.ticketUpdated.status), reject);
    started();
  });
  return { ready, status, stop: () => stop() };
}

export async function acknowledge(staff: IncidentDeskClient, id: string, note: string) {
  const { incidentStatusChange } = await staff.request(Acknowledge, { input: { id, status: 'ACKNOWLEDGED', note } });
  return incidentStatusChange!.incident;
}
