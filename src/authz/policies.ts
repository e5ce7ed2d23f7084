import type { StaffRole, StaffViewer, Viewer } from '../auth/viewer';

/**
 * Authorization as plain functions of the viewer (and, later, the row). Shield rules call them; tests call
 * them directly. Keep them pure: no database, no context.
 */
export const isStaff = (viewer: Viewer): viewer is StaffViewer => viewer.kind === 'staff';
export const isCustomer = (viewer: Viewer): boolean => viewer.kind === 'customer';

const RANK: Record<StaffRole, number> = { VIEWER: 1, RESPONDER: 2, ENGINEER: 3, MANAGER: 4, ADMIN: 5, SUPER_ADMIN: 6 };

/** Staff with at least the given role. */
export const hasRole = (viewer: Viewer, role: StaffRole): boolean => isStaff(viewer) && RANK[viewer.role] >= RANK[role];

/** Invite, change roles, deactivate: ADMIN (and SUPER_ADMIN) only. */
export const canManageStaff = (viewer: Viewer): boolean => hasRole(viewer, 'ADMIN');

/** The member list: any staff member of the workspace may read it. */
export const canListStaff = (viewer: Viewer): boolean => isStaff(viewer);
