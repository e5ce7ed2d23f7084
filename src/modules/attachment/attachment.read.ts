import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../db/read';
import { customerMaySee, type ReadViewer } from '../incident/incident.read';
import type { AttachmentTimelineView } from './attachment.types';

/** Where a viewer downloads an attachment: staff at the staff door, customers at the portal's (rest/attachments.ts). */
export const downloadPath = (viewer: ReadViewer, incidentId: string, attachmentId: string): string =>
  viewer.kind === 'staff' ? `/api/v1/incidents/${incidentId}/attachments/${attachmentId}` : `/api/v1/portal/tickets/${incidentId}/attachments/${attachmentId}`;

/**
 * The attachments the viewer may see of many incidents, in one statement, oldest first: not deleted; for a customer only on tickets they may see (customerMaySee) and on the
 * ticket itself or a PUBLIC update, as the download route decides (attachment.service.ts).
 */
export async function attachmentsFor(em: EntityManager, viewer: ReadViewer, ids: readonly string[]): Promise<Map<string, AttachmentTimelineView[]>> {
  const customer = viewer.kind === 'customer' ? customerMaySee('i', { param: viewer.customerUserId }, { param: viewer.tenantId }) : undefined;
  const rows = await readRows<AttachmentTimelineView & { key: string; incidentId: string }>(
    em,
    `SELECT a.incident_id AS key, a.incident_id AS "incidentId", a.id, a.update_id AS "updateId", a.file_name AS "fileName",
            a.content_type AS "contentType", a.size, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
     FROM attachments a JOIN incidents i ON i.tenant_id = a.tenant_id AND i.id = a.incident_id
     WHERE a.tenant_id = ? AND a.incident_id = ANY(?::uuid[]) AND a.deleted_at IS NULL
     ${customer ? `AND ${customer.sql} AND (a.update_id IS NULL OR EXISTS (SELECT 1 FROM incident_updates u WHERE u.tenant_id = a.tenant_id AND u.id = a.update_id AND u.visibility = 'PUBLIC'))` : ''}
     ORDER BY a.created_at, a.position, a.id`,
    [viewer.tenantId, `{${ids.join(',')}}`, ...(customer?.params ?? [])],
  );
  const byKey = new Map<string, AttachmentTimelineView[]>(ids.map((id) => [id, []]));
  for (const { key, incidentId, ...a } of rows) byKey.get(key)?.push({ ...a, size: Number(a.size), downloadUrl: downloadPath(viewer, incidentId, a.id) });
  return byKey;
}
