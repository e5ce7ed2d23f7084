import type { Viewer } from '../auth/viewer';

/**
 * Authorization as plain functions of the viewer (and, later, the row). Shield rules call them; tests call
 * them directly. Keep them pure: no database, no context.
 */
export const isAnyone = (_viewer: Viewer): boolean => true;
export const isStaff = (viewer: Viewer): boolean => viewer.kind === 'staff';
export const isCustomer = (viewer: Viewer): boolean => viewer.kind === 'customer';
export const isAuthenticated = (viewer: Viewer): boolean => viewer.kind !== 'anonymous';
