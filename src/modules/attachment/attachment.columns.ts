/**
 * SQL of the attachment timeline (alias `a` for attachments): shared by the batch read (attachment.read.ts) and the
 * column an incident read adds to fetch them in its own statement (incident.read.ts `include.attachments`). No
 * imports: the incident read model uses it, and the attachment read model uses the incident's.
 */
type Kind = 'staff' | 'customer';

/** Where a viewer downloads an attachment: staff at the staff door, customers at the portal's (rest/attachments.ts). */
const DOOR: Record<Kind, string> = { staff: '/api/v1/incidents/', customer: '/api/v1/portal/tickets/' };

/** The same path for one attachment, outside SQL (the answer of a GraphQL upload). */
export const attachmentDownloadPath = (kind: Kind, incidentId: string, attachmentId: string): string => `${DOOR[kind]}${incidentId}/attachments/${attachmentId}`;

/** What a customer may see of a ticket's attachments: not deleted, on the ticket itself or on a PUBLIC update (staff: not deleted). */
export const attachmentVisible = (kind: Kind): string =>
  kind === 'staff'
    ? 'a.deleted_at IS NULL'
    : `a.deleted_at IS NULL AND (a.update_id IS NULL OR EXISTS (SELECT 1 FROM incident_updates u WHERE u.tenant_id = a.tenant_id AND u.id = a.update_id AND u.visibility = 'PUBLIC'))`;

/** The GraphQL `Attachment` fields as SQL expressions. */
export const attachmentFields = (kind: Kind): [string, string][] => [
  ['id', 'a.id'],
  ['updateId', 'a.update_id'],
  ['fileName', 'a.file_name'],
  ['contentType', 'a.content_type'],
  ['size', 'a.size'],
  ['createdAt', `to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`],
  ['downloadUrl', `'${DOOR[kind]}' || a.incident_id || '/attachments/' || a.id`],
];

export const ATTACHMENT_ORDER = 'a.created_at, a.position, a.id';

/** The attachments of the incident aliased `i` the viewer may see, as one JSON column (its row is already scoped to what the viewer sees). */
export const attachmentsColumn = (kind: Kind): string =>
  `(SELECT COALESCE(json_agg(json_build_object(${attachmentFields(kind)
    .map(([name, sql]) => `'${name}', ${sql}`)
    .join(', ')}) ORDER BY ${ATTACHMENT_ORDER}), '[]'::json)
    FROM attachments a WHERE a.tenant_id = i.tenant_id AND a.incident_id = i.id AND ${attachmentVisible(kind)})`;
