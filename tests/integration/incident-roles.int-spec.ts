import { can, canChangeStatusTo } from '../../src/authz/policies';
import type { StaffRole, StaffViewer } from '../../src/auth/viewer';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; data: T; errors?: { code: string }[] };
const ROLES: StaffRole[] = ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER', 'ADMIN', 'SUPER_ADMIN'];

/**
 * Every incident-management operation for every staff role, over REST: allowed exactly when the permission
 * matrix (authz/policies.ts) says so, refused with 403 otherwise.
 */
describe('incident operations × staff roles follow the permission matrix', () => {
  let t: TestApp;
  let tenant: Tenant;
  const auth: Partial<Record<StaffRole, Record<string, string>>> = {};
  const ids: Partial<Record<StaffRole, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ SLA_CHECK_INTERVAL_MS: '0' });
    tenant = await createTenant(t.em());
    for (const role of ROLES) {
      const s = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role });
      auth[role] = (await login(t, s.email, s.password)).auth;
      ids[role] = s.user.id;
    }
  });
  afterAll(() => t.close());

  const fresh = async () =>
    (await t.rest<Envelope<{ id: string; version: number }>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'x', description: 'y', priority: 'LOW' }, auth.ADMIN)).body.data;
  const viewer = (role: StaffRole): StaffViewer => ({ kind: 'staff', role, userId: 'u', tenantId: 't', sessionId: 's' });

  const operations: { name: string; allowed: (role: StaffRole) => boolean; call: (role: StaffRole) => Promise<number> }[] = [
    { name: 'list', allowed: (r) => can(viewer(r), 'incident.read'), call: async (r) => (await t.rest('GET', '/api/v1/incidents', undefined, auth[r])).status },
    { name: 'counts', allowed: (r) => can(viewer(r), 'incident.read'), call: async (r) => (await t.rest('GET', '/api/v1/incidents/counts', undefined, auth[r])).status },
    { name: 'get', allowed: (r) => can(viewer(r), 'incident.read'), call: async (r) => (await t.rest('GET', `/api/v1/incidents/${(await fresh()).id}`, undefined, auth[r])).status },
    {
      name: 'create',
      allowed: (r) => can(viewer(r), 'incident.create'),
      call: async (r) => (await t.rest('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'x', description: 'y', priority: 'LOW' }, auth[r])).status,
    },
    {
      name: 'update',
      allowed: (r) => can(viewer(r), 'incident.update'),
      call: async (r) => {
        const i = await fresh();
        return (await t.rest('PATCH', `/api/v1/incidents/${i.id}`, { version: i.version, title: 'renamed' }, auth[r])).status;
      },
    },
    {
      name: 'acknowledge',
      allowed: (r) => canChangeStatusTo(viewer(r), 'ACKNOWLEDGED'),
      call: async (r) => (await t.rest('POST', `/api/v1/incidents/${(await fresh()).id}/status`, { status: 'ACKNOWLEDGED' }, auth[r])).status,
    },
    {
      name: 'resolve',
      allowed: (r) => canChangeStatusTo(viewer(r), 'RESOLVED'),
      call: async (r) => (await t.rest('POST', `/api/v1/incidents/${(await fresh()).id}/status`, { status: 'RESOLVED', resolutionSummary: 'done' }, auth[r])).status,
    },
    {
      name: 'comment',
      allowed: (r) => can(viewer(r), 'incident.comment'),
      call: async (r) => (await t.rest('POST', `/api/v1/incidents/${(await fresh()).id}/updates`, { body: 'note' }, auth[r])).status,
    },
    {
      name: 'assign',
      allowed: (r) => can(viewer(r), 'incident.assign'),
      call: async (r) => (await t.rest('POST', `/api/v1/incidents/${(await fresh()).id}/assign`, { assigneeId: ids.ENGINEER }, auth[r])).status,
    },
    {
      name: 'link',
      allowed: (r) => can(viewer(r), 'incident.update'),
      call: async (r) => (await t.rest('POST', `/api/v1/incidents/${(await fresh()).id}/links`, { childIds: [(await fresh()).id] }, auth[r])).status,
    },
    {
      name: 'unlink',
      allowed: (r) => can(viewer(r), 'incident.update'),
      call: async (r) => (await t.rest('DELETE', `/api/v1/incidents/${(await fresh()).id}/parent`, undefined, auth[r])).status,
    },
    { name: 'sla read', allowed: (r) => can(viewer(r), 'incident.read'), call: async (r) => (await t.rest('GET', '/api/v1/sla-policies', undefined, auth[r])).status },
    {
      name: 'sla set',
      allowed: (r) => can(viewer(r), 'sla.manage'),
      call: async (r) => (await t.rest('PUT', '/api/v1/sla-policies/LOW', { responseMinutes: 30, resolutionMinutes: 600 }, auth[r])).status,
    },
    { name: 'sla reset', allowed: (r) => can(viewer(r), 'sla.manage'), call: async (r) => (await t.rest('DELETE', '/api/v1/sla-policies/LOW', undefined, auth[r])).status },
  ];

  it.each(operations.map((o) => [o.name, o] as const))('%s', async (_name, op) => {
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const role of ROLES) {
      const status = await op.call(role);
      outcome[role] = status < 300 ? 'allowed' : String(status);
      expected[role] = op.allowed(role) ? 'allowed' : '403';
    }
    expect(outcome).toEqual(expected);
  });
});
