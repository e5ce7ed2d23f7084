import { can, canChangeStatusTo, canListStaff, canManageStaff, hasRole, PERMISSIONS, type Permission } from '../../src/authz/policies';
import type { StaffRole, Viewer } from '../../src/auth/viewer';

const staff = (role: StaffRole): Viewer => ({ kind: 'staff', userId: 'u', tenantId: 't', role, sessionId: 's' });
const customer: Viewer = { kind: 'customer', customerUserId: 'c', tenantId: 't', customerId: null, sessionId: 's' };
const roles: StaffRole[] = ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER', 'ADMIN', 'SUPER_ADMIN'];

describe('staff policies', () => {
  it('the staff-management matrix (a widened permission shows up here)', () => {
    const matrix = Object.fromEntries(
      [...roles.map((r) => [r, staff(r)] as const), ['customer', customer] as const, ['anonymous', { kind: 'anonymous' } as Viewer] as const].map(
        ([name, v]) => [name, { manageStaff: canManageStaff(v), listStaff: canListStaff(v) }],
      ),
    );
    expect(matrix).toMatchInlineSnapshot(`
      {
        "ADMIN": {
          "listStaff": true,
          "manageStaff": true,
        },
        "ENGINEER": {
          "listStaff": true,
          "manageStaff": false,
        },
        "MANAGER": {
          "listStaff": true,
          "manageStaff": false,
        },
        "RESPONDER": {
          "listStaff": true,
          "manageStaff": false,
        },
        "SUPER_ADMIN": {
          "listStaff": true,
          "manageStaff": true,
        },
        "VIEWER": {
          "listStaff": true,
          "manageStaff": false,
        },
        "anonymous": {
          "listStaff": false,
          "manageStaff": false,
        },
        "customer": {
          "listStaff": false,
          "manageStaff": false,
        },
      }
    `);
  });

  it('ranks roles', () => {
    expect(hasRole(staff('ENGINEER'), 'RESPONDER')).toBe(true);
    expect(hasRole(staff('RESPONDER'), 'ENGINEER')).toBe(false);
    expect(hasRole(customer, 'VIEWER')).toBe(false);
  });

  it('the full permission matrix', () => {
    const viewers = [...roles.map((r) => [r, staff(r)] as const), ['customer', customer] as const];
    const matrix = Object.fromEntries(
      (Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, viewers.filter(([, v]) => can(v, p)).map(([name]) => name).join(' ')]),
    );
    expect(matrix).toMatchInlineSnapshot(`
{
  "audit.read": "ADMIN SUPER_ADMIN",
  "customer.manage": "MANAGER ADMIN SUPER_ADMIN",
  "delivery.manage": "ADMIN SUPER_ADMIN",
  "incident.acknowledge": "RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "incident.analyze": "ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "incident.assign": "MANAGER ADMIN SUPER_ADMIN",
  "incident.changeStatus": "ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "incident.comment": "RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "incident.create": "ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "incident.read": "VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "incident.update": "ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "kb.read": "VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "kb.write": "ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "portalUser.manage": "MANAGER ADMIN SUPER_ADMIN",
  "sla.manage": "MANAGER ADMIN SUPER_ADMIN",
  "staff.manage": "ADMIN SUPER_ADMIN",
  "staff.read": "VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN",
  "tenant.crossTenant": "SUPER_ADMIN",
  "tenant.settings": "ADMIN SUPER_ADMIN",
  "webhook.manage": "ADMIN SUPER_ADMIN",
}
`);
  });

  it('status changes: RESPONDER acknowledges only, ENGINEER and up anything', () => {
    expect(canChangeStatusTo(staff('RESPONDER'), 'ACKNOWLEDGED')).toBe(true);
    expect(canChangeStatusTo(staff('RESPONDER'), 'RESOLVED')).toBe(false);
    expect(canChangeStatusTo(staff('VIEWER'), 'ACKNOWLEDGED')).toBe(false);
    expect(canChangeStatusTo(staff('ENGINEER'), 'CLOSED')).toBe(true);
    expect(canChangeStatusTo(customer, 'ACKNOWLEDGED')).toBe(false);
  });
});
