import type { StaffRole, StaffViewer, Viewer } from '../auth/viewer';
import type { IncidentStatus } from '../modules/incident/incident.entity';

/**
 * Authorization as plain functions of the viewer (and, where it matters, the data). Shield rules call them;
 * tests call them directly. Keep them pure: no database, no context.
 */
export const isStaff = (viewer: Viewer): viewer is StaffViewer => viewer.kind === 'staff';
export const isCustomer = (viewer: Viewer): boolean => viewer.kind === 'customer';

const RANK: Record<StaffRole, number> = { VIEWER: 1, RESPONDER: 2, ENGINEER: 3, MANAGER: 4, ADMIN: 5, SUPER_ADMIN: 6 };

/** Staff with at least the given role. */
export const hasRole = (viewer: Viewer, role: StaffRole): boolean => isStaff(viewer) && RANK[viewer.role] >= RANK[role];

/**
 * The staff permission matrix: each role has its own permissions and those of every role below it.
 * tests/unit/policies.spec.ts snapshots it, so a widened permission shows up in review.
 */
export const PERMISSIONS = {
  'incident.read': 'VIEWER',
  'incident.comment': 'RESPONDER',
  'incident.acknowledge': 'RESPONDER',
  'incident.create': 'ENGINEER',
  'incident.update': 'ENGINEER',
  'incident.changeStatus': 'ENGINEER',
  'incident.assign': 'MANAGER',
  'incident.analyze': 'ENGINEER',
  'kb.read': 'VIEWER',
  'kb.write': 'ENGINEER',
  'sla.manage': 'MANAGER',
  'customer.manage': 'MANAGER',
  'portalUser.manage': 'MANAGER',
  'staff.read': 'VIEWER',
  'staff.manage': 'ADMIN',
  'tenant.settings': 'ADMIN',
  'audit.read': 'ADMIN',
  'delivery.manage': 'ADMIN',
  'webhook.manage': 'ADMIN',
  'tenant.crossTenant': 'SUPER_ADMIN',
} as const satisfies Record<string, StaffRole>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (viewer: Viewer, permission: Permission): boolean => hasRole(viewer, PERMISSIONS[permission]);

/** Invite, change roles, deactivate: ADMIN (and SUPER_ADMIN) only. */
export const canManageStaff = (viewer: Viewer): boolean => can(viewer, 'staff.manage');

/** The member list: any staff member of the workspace may read it. */
export const canListStaff = (viewer: Viewer): boolean => can(viewer, 'staff.read');

/** RESPONDER may acknowledge; any other status change needs ENGINEER. */
export const canChangeStatusTo = (viewer: Viewer, to: IncidentStatus): boolean =>
  can(viewer, 'incident.changeStatus') || (to === 'ACKNOWLEDGED' && can(viewer, 'incident.acknowledge'));

/** What a caller does with attachments (the REST file routes, rest/attachments.ts). */
export type AttachmentAction = 'read' | 'upload' | 'delete';

/**
 * Who may use a door's attachment routes: the door's kind of caller only (portal doors customers, the staff
 * door staff), as shield's viewer rules decide: anonymous `unauthenticated`, the other kind or a role without
 * the permission `forbidden`. Staff read with `incident.read`, upload and delete with `incident.comment`
 * (whether a delete is theirs to make is the service's: `incident.update`, or the uploader within the window).
 * Which tickets and files a caller reaches is the read model's rule (customerMaySee), in the service.
 */
export function attachmentAccess(viewer: Viewer, kind: Viewer['kind'], action: AttachmentAction): 'unauthenticated' | 'forbidden' | undefined {
  if (viewer.kind === 'anonymous') return 'unauthenticated';
  if (viewer.kind !== kind) return 'forbidden';
  if (viewer.kind === 'customer') return undefined;
  return can(viewer, action === 'read' ? 'incident.read' : 'incident.comment') ? undefined : 'forbidden';
}
