import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; data: T; errors?: { code: string }[] };

describe('SUPER_ADMIN operates across tenants, and only SUPER_ADMIN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists tenants and acts in another tenant with X-Tenant-Id; an ADMIN sending the header stays in its own', async () => {
    const home = await createTenant(t.em(), { name: 'Platform' });
    const other = await createTenant(t.em(), { name: 'Customer Co' });
    const root = await createStaff(t.em(), t.app.runtime.passwords, { tenant: home, role: 'SUPER_ADMIN' });
    const admin = await createStaff(t.em(), t.app.runtime.passwords, { tenant: home, role: 'ADMIN' });
    const otherEng = await createStaff(t.em(), t.app.runtime.passwords, { tenant: other, role: 'ENGINEER' });
    const rootAuth = (await login(t, root.email, root.password)).auth;
    const adminAuth = (await login(t, admin.email, admin.password)).auth;
    const engAuth = (await login(t, otherEng.email, otherEng.password)).auth;

    const tenants = await t.gql<{ tenants: { id: string }[] }>('{ tenants { id name slug } }', undefined, rootAuth);
    expect(tenants.data?.tenants.map((x) => x.id)).toEqual(expect.arrayContaining([home.id, other.id]));
    expect((await t.gql('{ tenants { id } }', undefined, adminAuth)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The schema's word for a tenant is workspace: `workspaces` is the same list under the same rule.
    const workspaces = await t.gql<{ workspaces: { id: string }[]; tenants: { id: string }[] }>('{ workspaces { id } tenants { id } }', undefined, rootAuth);
    expect(workspaces.data?.workspaces).toEqual(workspaces.data?.tenants);
    expect(workspaces.data?.workspaces.map((x) => x.id)).toEqual(expect.arrayContaining([home.id, other.id]));
    for (const who of [adminAuth, engAuth]) expect((await t.gql('{ workspaces { id } }', undefined, who)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ workspaces { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const created = await t.rest<Envelope<{ id: string }>>('POST', '/api/v1/incidents', { type: 'INCIDENT', title: 'Theirs', description: 'x', priority: 'LOW' }, engAuth);
    const asRoot = await t.rest('GET', `/api/v1/incidents/${created.body.data.id}`, undefined, { ...rootAuth, 'x-tenant-id': other.id });
    expect(asRoot.status).toBe(200);
    expect((await t.rest('GET', `/api/v1/incidents/${created.body.data.id}`, undefined, rootAuth)).status).toBe(404);
    expect((await t.rest('GET', `/api/v1/incidents/${created.body.data.id}`, undefined, { ...adminAuth, 'x-tenant-id': other.id })).status).toBe(404);
    const list = await t.rest<Envelope<{ items: unknown[] }>>('GET', '/api/v1/incidents', undefined, { ...adminAuth, 'x-tenant-id': other.id });
    expect(list.body.data.items).toEqual([]);
  });
});
