import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerViewer } from '../../auth/viewer';
import { sqlRows } from '../../db/read';
import type { ReadViewer } from '../incident/incident.read';
import type { ParticipantView, PortalColleague } from './participant.types';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The most colleagues `portalColleagues` lists. */
export const COLLEAGUES_MAX = 500;

/** A participant's columns over aliases `p` (the participation) and `c` (the portal user): staff fields NULL for a portal viewer. */
const staffColumns = (viewer: ReadViewer) =>
  viewer.kind === 'staff'
    ? { email: 'c.email', addedAt: iso('p.created_at'), addedByKind: 'p.added_by_kind', addedById: 'p.added_by_id' }
    : { email: 'NULL', addedAt: 'NULL', addedByKind: 'NULL', addedById: 'NULL' };

/**
 * SQL for a column of a read of incidents (alias `i`): its participants as a JSON array, as participantsFor
 * answers them, so a ticket or a page that selects participants reads them in its own statement
 * (incident.read.ts `include.participants`).
 */
export function participantsColumn(viewer: ReadViewer): string {
  const s = staffColumns(viewer);
  return `(SELECT COALESCE(json_agg(json_build_object('id', c.id, 'displayName', c.display_name, 'email', ${s.email}, 'addedAt', ${s.addedAt},
      'addedByKind', ${s.addedByKind}, 'addedById', ${s.addedById}) ORDER BY p.created_at, p.id), '[]'::json)
    FROM incident_participants p
    JOIN customer_portal_users c ON c.id = p.customer_user_id AND c.tenant_id = p.tenant_id AND c.customer_id = i.customer_id
    WHERE p.tenant_id = i.tenant_id AND p.incident_id = i.id ${viewer.kind === 'staff' ? '' : 'AND c.is_active'})`;
}

/**
 * The participants of some incidents, oldest first, in one statement (a page's). The incidents were read with
 * the viewer's scope already (the ids come from rows the viewer may see); the tenant is the viewer's. Only the
 * participants who still belong to the ticket's organization are listed (the others no longer see it:
 * customerMaySee); a portal viewer gets the active ones, and their id and display name only.
 */
export async function participantsFor(em: EntityManager, viewer: ReadViewer, incidentIds: readonly string[]): Promise<Map<string, ParticipantView[]>> {
  const s = staffColumns(viewer);
  const rows = await sqlRows<ParticipantView & { incidentId: string }>(
    em,
    `SELECT p.incident_id AS "incidentId", c.id, c.display_name AS "displayName",
            ${s.email} AS email, ${s.addedAt} AS "addedAt", ${s.addedByKind} AS "addedByKind", ${s.addedById} AS "addedById"
     FROM incident_participants p
     JOIN incidents i ON i.id = p.incident_id AND i.tenant_id = p.tenant_id
     JOIN customer_portal_users c ON c.id = p.customer_user_id AND c.tenant_id = p.tenant_id AND c.customer_id = i.customer_id
     WHERE p.tenant_id = ? AND p.incident_id = ANY(?::uuid[]) ${viewer.kind === 'staff' ? '' : 'AND c.is_active'}
     ORDER BY p.created_at, p.id`,
    [viewer.tenantId, `{${incidentIds.join(',')}}`],
  );
  const byIncident = new Map<string, ParticipantView[]>(incidentIds.map((id) => [id, []]));
  for (const { incidentId, ...participant } of rows) byIncident.get(incidentId)?.push(participant);
  return byIncident;
}

/** The active portal users of the viewer's own organization but the viewer, by name: whom they may add. None without an organization. */
export function colleaguesOf(em: EntityManager, viewer: CustomerViewer): Promise<PortalColleague[]> {
  return sqlRows<PortalColleague>(
    em,
    `SELECT c.id, c.display_name AS "displayName" FROM customer_portal_users c
     WHERE c.tenant_id = ? AND c.is_active AND c.id <> ?
       AND c.customer_id = (SELECT me.customer_id FROM customer_portal_users me WHERE me.id = ? AND me.tenant_id = ?)
     ORDER BY lower(c.display_name), c.id LIMIT ?`,
    [viewer.tenantId, viewer.customerUserId, viewer.customerUserId, viewer.tenantId, COLLEAGUES_MAX],
  );
}

/** Whether the portal user takes part in the incident now (a participant still of its organization: customerMaySee's condition). */
export async function takesPart(em: EntityManager, tenantId: string, incidentId: string, customerUserId: string): Promise<boolean> {
  const rows = await sqlRows<{ yes: boolean }>(
    em,
    `SELECT true AS yes FROM incident_participants p
     JOIN incidents i ON i.id = p.incident_id AND i.tenant_id = p.tenant_id
     JOIN customer_portal_users c ON c.id = p.customer_user_id AND c.tenant_id = p.tenant_id AND c.customer_id = i.customer_id
     WHERE p.tenant_id = ? AND p.incident_id = ? AND p.customer_user_id = ?`,
    [tenantId, incidentId, customerUserId],
  );
  return rows.length > 0;
}
