import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/read';
import { customerMaySee, type ReadViewer } from '../incident/incident.read';
import { ATTACHMENT_ORDER, attachmentFields, attachmentVisible } from './attachment.columns';
import type { AttachmentTimelineView } from './attachment.types';

/**
 * The attachments the viewer may see of many incidents, in one statement, oldest first: not deleted; for a
 * customer only on tickets they may see (customerMaySee) and on the ticket itself or a PUBLIC update, as the
 * download route decides (attachment.service.ts). For the incidents a read did not fetch them with.
 */
export async function attachmentsFor(em: EntityManager, viewer: ReadViewer, ids: readonly string[]): Promise<Map<string, AttachmentTimelineView[]>> {
  const customer = viewer.kind === 'customer' ? customerMaySee('i', { param: viewer.customerUserId }, { param: viewer.tenantId }) : undefined;
  const rows = await sqlRows<AttachmentTimelineView & { incidentId: string }>(
    em,
    `SELECT a.incident_id AS "incidentId", ${attachmentFields(viewer.kind)
      .map(([name, sql]) => `${sql} AS "${name}"`)
      .join(', ')}
     FROM attachments a JOIN incidents i ON i.tenant_id = a.tenant_id AND i.id = a.incident_id
     WHERE a.tenant_id = ? AND a.incident_id = ANY(?::uuid[]) AND ${attachmentVisible(viewer.kind)} ${customer ? `AND ${customer.sql}` : ''}
     ORDER BY ${ATTACHMENT_ORDER}`,
    [viewer.tenantId, `{${ids.join(',')}}`, ...(customer?.params ?? [])],
  );
  const byIncident = new Map<string, AttachmentTimelineView[]>(ids.map((id) => [id, []]));
  for (const { incidentId, ...a } of rows) byIncident.get(incidentId)?.push(a);
  return byIncident;
}
