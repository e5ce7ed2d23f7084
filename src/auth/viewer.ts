/**
 * Who is calling, as established from a verified token (never from an argument). Services take it as
 * their first parameter and scope every query by it.
 */
export type StaffRole = 'SUPER_ADMIN' | 'ADMIN' | 'MANAGER' | 'ENGINEER' | 'RESPONDER' | 'VIEWER';

export interface AnonymousViewer {
  kind: 'anonymous';
}

export interface StaffViewer {
  kind: 'staff';
  userId: string;
  tenantId: string;
  role: StaffRole;
  sessionId: string;
  /**
   * Set only for a SUPER_ADMIN acting in another tenant with X-Tenant-Id (`tenantId` is then that tenant): its
   * own tenant, where its user, session and preference rows live.
   */
  homeTenantId?: string;
}

export interface CustomerViewer {
  kind: 'customer';
  customerUserId: string;
  tenantId: string;
  /** The customer organization, when the account belongs to one. */
  customerId: string | null;
  sessionId: string;
}

export type Viewer = AnonymousViewer | StaffViewer | CustomerViewer;

export const ANONYMOUS: AnonymousViewer = Object.freeze({ kind: 'anonymous' });
