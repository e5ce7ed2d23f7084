import { canListStaff, canManageStaff, hasRole } from '../../src/authz/policies';
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
});
