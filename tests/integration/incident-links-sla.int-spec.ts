import { Incident as IncidentRow } from '../../src/modules/incident/incident.entity';
import { runSlaCheck } from '../../src/modules/incident/sla-check';
import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type StaffIncident = { id: string; number: string; parentId: string | null; internalSla: { state: string; responseBreachedAt: string | null; resolutionBreachedAt: string | null } };

describe('parent incidents and SLA breaches', () => {
  let t: TestApp;
  let acme: Tenant;
  let eng: Record<string, string>;
  const customers: CustomerFixture[] = [];
  const portal: Record<string, string>[] = [];

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true', SLA_CHECK_INTERVAL_MS: '0' }); // the test drives the check with its own clock
    acme = await createTenant(t.em(), { slug: 'links-acme' });
    const e = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'ENGINEER' });
    eng = (await login(t, e.email, e.password)).auth;
    for (let i = 0; i < 2; i++) {
      customers.push(await createCustomerUser(t.em(), t.app.runtime.passwords, acme));
      portal.push(await portalLogin(t, 'links-acme', customers[i].email, customers[i].password));
    }
  });
  afterAll(() => t.close());

  const report = (i: number) =>
    t.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: `Site down ${i}`, description: 'Cannot load', priority: 'CRITICAL' }, portal[i]);
  const createParent = () =>
    t.rest<Envelope<StaffIncident>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Outage eu-west', description: 'LB failure', priority: 'CRITICAL', techDescription: 'LB-SECRET' }, eng);

  it('links customer reports to a parent; public status changes on the parent reach each report, internal ones do not', async () => {
    const a = await report(0);
    const b = await report(1);
    const parent = await createParent();
    const linked = await t.rest<Envelope<StaffIncident>>('POST', `/api/v1/incidents/${parent.body.data.id}/links`, { childIds: [a.body.data.id, b.body.data.number] }, eng);
    expect(linked.status).toBe(200);
    const children = await t.rest<Envelope<{ items: StaffIncident[] }>>('GET', `/api/v1/incidents?parentId=${parent.body.data.id}`, undefined, eng);
    expect(children.body.data.items.map((i) => i.id).sort()).toEqual([a.body.data.id, b.body.data.id].sort());

    await t.rest('POST', `/api/v1/incidents/${parent.body.data.id}/status`, { status: 'INVESTIGATION', internal: true, note: 'LB-SECRET' }, eng);
    await t.rest('POST', `/api/v1/incidents/${parent.body.data.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Load balancer replaced.' }, eng);

    for (const [i, r] of [a, b].entries()) {
      const view = await t.rest<Envelope<{ status: string; updates: { body: string; author: { kind: string } }[] }>>('GET', `/api/v1/portal/tickets/${r.body.data.id}`, undefined, portal[i]);
      expect(view.body.data.updates).toEqual([
        expect.objectContaining({ body: 'Update from the team: the underlying incident is now Resolved.\n\nResolution: Load balancer replaced.', author: { displayName: 'System', kind: 'SYSTEM' } }),
      ]);
      expect(view.text).not.toContain('LB-SECRET');
      expect(view.body.data.status).toBe('OPEN'); // the report keeps its own status
    }
    const events = await t.em().find(OutboxEvent, { type: 'incident.public_update' });
    expect(events.filter((e) => e.payload.fromParent === parent.body.data.id)).toHaveLength(2);
  });

  it('refuses nesting, self links and other tenants\' incidents', async () => {
    const parent = await createParent();
    const child = await report(0);
    expect((await t.rest<Envelope>('POST', `/api/v1/incidents/${parent.body.data.id}/links`, { childIds: [parent.body.data.id] }, eng)).body.errors?.[0].field).toBe('childIds');
    await t.rest('POST', `/api/v1/incidents/${parent.body.data.id}/links`, { childIds: [child.body.data.id] }, eng);
    const nested = await t.rest<Envelope>('POST', `/api/v1/incidents/${child.body.data.id}/links`, { childIds: [(await report(1)).body.data.id] }, eng);
    expect(nested.status).toBe(400);
    const other = await createTenant(t.em());
    const stranger = await createStaff(t.em(), t.app.runtime.passwords, { tenant: other, role: 'ENGINEER' });
    const foreign = await t.rest('POST', `/api/v1/incidents/${parent.body.data.id}/links`, { childIds: [child.body.data.id] }, (await login(t, stranger.email, stranger.password)).auth);
    expect(foreign.status).toBe(404);
    const unlinked = await t.rest<Envelope<StaffIncident>>('DELETE', `/api/v1/incidents/${child.body.data.id}/parent`, undefined, eng);
    expect(unlinked.body.data.parentId).toBeNull();
  });

  it('marks each breach exactly once and records one event per breach, whatever the number of checks', async () => {
    const fresh = await createTenant(t.em(), { slug: 'sla-acme' });
    const e = await createStaff(t.em(), t.app.runtime.passwords, { tenant: fresh, role: 'ENGINEER' });
    const h = (await login(t, e.email, e.password)).auth;
    const created = await t.rest<Envelope<StaffIncident>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Slow', description: 'x', priority: 'CRITICAL' }, h);
    const id = created.body.data.id;
    const row = await t.em().findOneOrFail(IncidentRow, { id });
    const events = () => t.em().count(OutboxEvent, { type: 'incident.sla_breached', tenantId: fresh.id });

    // Before the response target: nothing.
    expect((await runSlaCheck(t.em(), new Date(row.responseDueAt.getTime() - 1000))).filter((b) => b.incidentId === id)).toEqual([]);
    // Past the response target (15 min for CRITICAL), checked twice and concurrently: one breach.
    const late = new Date(row.responseDueAt.getTime() + 1000);
    const results = await Promise.all([runSlaCheck(t.em(), late), runSlaCheck(t.em(), late), runSlaCheck(t.em(), late)]);
    expect(results.flat().filter((b) => b.incidentId === id)).toEqual([{ incidentId: id, tenantId: fresh.id, number: row.number, target: 'response' }]);
    expect(await events()).toBe(1);
    // Past the resolution target: the second breach, once.
    const later = new Date(row.resolutionDueAt.getTime() + 1000);
    await runSlaCheck(t.em(), later);
    await runSlaCheck(t.em(), later);
    expect(await events()).toBe(2);
    const view = await t.rest<Envelope<StaffIncident>>('GET', `/api/v1/incidents/${id}`, undefined, h);
    expect(view.body.data.internalSla.responseBreachedAt).toEqual(expect.any(String));
    expect(view.body.data.internalSla.resolutionBreachedAt).toEqual(expect.any(String));
  });

  it('an acknowledged or resolved incident does not breach what it met', async () => {
    const created = await t.rest<Envelope<StaffIncident>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Met', description: 'x', priority: 'HIGH' }, eng);
    const id = created.body.data.id;
    await t.rest('POST', `/api/v1/incidents/${id}/status`, { status: 'RESOLVED', resolutionSummary: 'Done.' }, eng);
    const row = await t.em().findOneOrFail(IncidentRow, { id });
    const breaches = await runSlaCheck(t.em(), new Date(row.resolutionDueAt.getTime() + 60_000));
    expect(breaches.filter((b) => b.incidentId === id)).toEqual([]);
  });
});

describe('SLA policies', () => {
  let t: TestApp;
  let manager: Record<string, string>;
  let engineer: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true', SLA_CHECK_INTERVAL_MS: '0' });
    const tenant = await createTenant(t.em());
    const m = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'MANAGER' });
    const e = await createStaff(t.em(), t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    manager = (await login(t, m.email, m.password)).auth;
    engineer = (await login(t, e.email, e.password)).auth;
  });
  afterAll(() => t.close());

  type Policy = { priority: string; responseMinutes: number; resolutionMinutes: number; isDefault: boolean };

  it('shows sensible defaults for every priority, lets a MANAGER set and reset one, and stamps new incidents by it', async () => {
    const list = await t.rest<Envelope<Policy[]>>('GET', '/api/v1/sla-policies', undefined, engineer);
    expect(list.body.data).toEqual([
      { priority: 'LOW', responseMinutes: 480, resolutionMinutes: 4320, isDefault: true },
      { priority: 'MEDIUM', responseMinutes: 240, resolutionMinutes: 1440, isDefault: true },
      { priority: 'HIGH', responseMinutes: 60, resolutionMinutes: 480, isDefault: true },
      { priority: 'CRITICAL', responseMinutes: 15, resolutionMinutes: 240, isDefault: true },
    ]);
    expect((await t.rest('PUT', '/api/v1/sla-policies/high', { responseMinutes: 10, resolutionMinutes: 60 }, engineer)).status).toBe(403);
    const set = await t.rest<Envelope<Policy[]>>('PUT', '/api/v1/sla-policies/high', { responseMinutes: 10, resolutionMinutes: 60 }, manager);
    expect(set.body.data.find((p) => p.priority === 'HIGH')).toEqual({ priority: 'HIGH', responseMinutes: 10, resolutionMinutes: 60, isDefault: false });

    const created = await t.rest<Envelope<{ createdAt: string; sla: { responseDueAt: string; resolutionDueAt: string } }>>(
      'POST',
      '/api/v1/incidents',
      { type: 'INCIDENT', title: 'x', description: 'y', priority: 'HIGH' },
      engineer,
    );
    const at = Date.parse(created.body.data.createdAt);
    expect(Date.parse(created.body.data.sla.responseDueAt) - at).toBe(10 * 60_000);
    expect(Date.parse(created.body.data.sla.resolutionDueAt) - at).toBe(60 * 60_000);

    const bad = await t.rest<Envelope>('PUT', '/api/v1/sla-policies/high', { responseMinutes: 60, resolutionMinutes: 10 }, manager);
    expect(bad.body.errors?.[0].field).toBe('resolutionMinutes');
    expect((await t.rest<Envelope>('PUT', '/api/v1/sla-policies/urgent', { responseMinutes: 1, resolutionMinutes: 2 }, manager)).status).toBe(400);
    const reset = await t.rest<Envelope<Policy[]>>('DELETE', '/api/v1/sla-policies/HIGH', undefined, manager);
    expect(reset.body.data.find((p) => p.priority === 'HIGH')?.isDefault).toBe(true);
  });
});
