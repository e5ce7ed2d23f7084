import { DEMO_PASSWORD, demoTable, seedDemo } from '../../src/seed';
import { Incident, IncidentUpdate } from '../../src/modules/incident/incident.entity';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { startTestApp, type TestApp } from '../setup/app';

describe('demo data (SEED_DEMO)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('offers accounts that sign in, printed as a table, and seeding twice adds nothing', async () => {
    const accounts = await seedDemo(t.em(), t.app.runtime.passwords);
    const again = await seedDemo(t.em(), t.app.runtime.passwords);
    expect(again).toEqual(accounts);
    expect(await t.em().count(Incident, {})).toBe(3);
    const table = demoTable(accounts);
    expect(table.split('\n')[0]).toBe(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of accounts) expect(table).toContain(a.email);

    const staff = accounts.find((a) => a.who === 'staff ADMIN')!;
    expect((await t.rest('POST', '/api/v1/auth/login', { email: staff.email, password: DEMO_PASSWORD })).status).toBe(200);
    const customer = accounts.find((a) => a.who.startsWith('customer'))!;
    expect((await t.rest('POST', '/api/v1/portal/auth/login', { tenantSlug: customer.workspace, email: customer.email, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('tells a true story: every status a ticket is in has its event, and the timestamps follow', async () => {
    const em = t.em();
    const acme = await em.findOneOrFail(Tenant, { slug: 'acme-cloud' });
    const incidents = await em.find(Incident, { tenant: acme }, { orderBy: { createdAt: 'asc' } });
    expect(incidents.map((i) => i.status).sort()).toEqual(['INVESTIGATION', 'OPEN', 'RESOLVED']);
    for (const incident of incidents) {
      const updates = await em.find(IncidentUpdate, { incident }, { orderBy: { createdAt: 'asc' } });
      const statusEvents = updates.filter((u) => u.kind === 'STATUS');
      expect([incident.title, statusEvents.at(-1)?.status ?? 'OPEN']).toEqual([incident.title, incident.status]);
      const times = [incident.createdAt, ...updates.map((u) => u.createdAt)].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(incident.createdAt.getTime()).toBeLessThan(Date.now() - 30 * 60_000);
      expect(incident.updatedAt.getTime()).toBe(Math.max(...times));
      expect(incident.acknowledgedAt?.getTime() ?? null).toBe(statusEvents[0]?.createdAt.getTime() ?? null);
      expect(incident.resolvedAt?.getTime() ?? null).toBe(statusEvents.find((u) => u.status === 'RESOLVED')?.createdAt.getTime() ?? null);
      if (incident.status === 'RESOLVED') expect(incident.resolutionSummary).toBeTruthy();
    }
  });
});
