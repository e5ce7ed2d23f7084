import jwt from 'jsonwebtoken';
import { createArticle, createCustomerOrg, createCustomerUser } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { documentClient } from '../setup/document-client';

/**
 * ../shared/seeds/opsweave-customer-portal.txt, run end to end by a client written from the document alone:
 * portal login with the tenant's slug, the portal token's claims, own profile, tickets of the customer
 * (type Incident / Change, priorities as words, source 'portal'), external comments only, the public KB.
 * Portal users are "created directly in the database", as the document says; staff answer through their REST.
 */
describe('opsweave-customer-portal.txt, by a client written from the document', () => {
  let t: TestApp;
  let api: ReturnType<typeof documentClient>;
  let staffToken: string;
  let customerId: string;
  const user = { email: 'max@kunde.test', password: 'Mustermann-Portal-2024' };
  beforeAll(async () => {
    t = await startTestApp();
    api = documentClient(`${t.url}/api/v1`);
    const em = t.em();
    const tenant = await createTenant(em, { name: 'OpsWeave Demo', slug: 'opsweave-demo' });
    const org = await createCustomerOrg(em, tenant, 'ORGANIZATION', 'Kunde GmbH');
    customerId = org.id;
    await createCustomerUser(em, t.app.runtime.passwords, tenant, { org, ...user, name: 'Max Mustermann' });
    await createArticle(em, tenant, { title: 'Resetting your VPN token', markdown: '# VPN\n\nOpen **Settings**, then *Reset*.', category: 'Network', tags: ['vpn'] });
    await createArticle(em, tenant, { title: 'VPN concentrator runbook', markdown: 'Internal only.', visibility: 'INTERNAL' });
    await createArticle(em, tenant, { title: 'VPN draft', markdown: 'Not yet.', status: 'DRAFT' });
    const staff = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'ADMIN' });
    staffToken = (await login(t, staff.email, staff.password)).accessToken;
  });
  afterAll(() => t.close());

  it('a portal user signs in, files tickets, comments, reads the knowledge base, and signs out', async () => {
    const session = await api('POST', '/portal/auth/login', { body: { tenantSlug: 'opsweave-demo', ...user } });
    expect(session.status).toBe(200);
    let token = session.body.data.accessToken as string;
    // "The portal uses its own JWT tokens with the portal: true flag."
    expect(jwt.decode(token)).toMatchObject({ sub: expect.any(String), email: user.email, displayName: 'Max Mustermann', customerId, tenantId: expect.any(String), portal: true });
    const { refreshToken } = session.body.data;
    for (let i = 0; i < 3; i++) {
      const refreshed = await api('POST', '/portal/auth/refresh-token', { body: { refreshToken } });
      expect(refreshed.status).toBe(200);
      token = refreshed.body.data.accessToken;
    }

    const me = await api('GET', '/portal/auth/me', { token });
    expect(me.body.data).toMatchObject({ email: user.email, displayName: 'Max Mustermann', customer: { id: customerId, name: 'Kunde GmbH' } });

    // "Type (Incident / Change), Title and description, Priority"; "created with source: 'portal'".
    const change = await api('POST', '/portal/tickets', { token, body: { type: 'Change', title: 'Add a user to the VPN', description: 'New colleague starts Monday.', priority: 'medium', source: 'portal' } });
    expect(change.status).toBe(201);
    expect(change.body.data).toMatchObject({ type: 'CHANGE', priority: 'MEDIUM', status: 'OPEN' });
    const incident = await api('POST', '/portal/tickets', { token, body: { type: 'Incident', title: 'VPN drops every hour', description: 'Since this morning.', priority: 'High' } });
    expect(incident.body.data).toMatchObject({ type: 'INCIDENT', priority: 'HIGH' });
    const otherSource = await api('POST', '/portal/tickets', { token, body: { type: 'incident', title: 'X', description: 'Y', priority: 'low', source: 'email' } });
    expect([otherSource.status, otherSource.body.errors?.[0].field]).toEqual([400, 'source']);
    const badType = await api('POST', '/portal/tickets', { token, body: { type: 'Problem', title: 'X', description: 'Y', priority: 'low' } });
    expect([badType.status, badType.body.errors?.[0].field]).toEqual([400, 'type']);

    // Staff: an internal note and an external reply, then the status moves on.
    const id = incident.body.data.id as string;
    expect((await api('POST', `/incidents/${id}/updates`, { token: staffToken, body: { body: 'Concentrator 2 flapping.', visibility: 'INTERNAL' } })).status).toBe(201);
    expect((await api('POST', `/incidents/${id}/updates`, { token: staffToken, body: { body: 'We found the cause and are fixing it.', visibility: 'public' } })).status).toBe(201);
    expect((await api('POST', `/incidents/${id}/status`, { token: staffToken, body: { status: 'Investigation' } })).status).toBe(200);

    // "Portal users can leave external comments"; a client that calls the field `content` is told its name.
    const wrongField = await api('POST', `/portal/tickets/${id}/comments`, { token, body: { content: 'Still dropping.' } });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'content', message: 'is not a known field; this route accepts body' }]);
    const comment = await api('POST', `/portal/tickets/${id}/comments`, { token, body: { body: 'Still dropping at 14:00.' } });
    expect(comment.status).toBe(201);
    expect(comment.body.data).toMatchObject({ body: 'Still dropping at 14:00.', author: { displayName: 'Max Mustermann', kind: 'CUSTOMER' } });

    // "Ticket detail with comments. Visibility: only external comments (no internal agent notes)."
    const detail = await api('GET', `/portal/tickets/${id}`, { token });
    expect(detail.body.data.status).toBe('INVESTIGATION');
    const bodies = detail.body.data.comments.map((c: { body: string }) => c.body);
    expect(bodies).toEqual(expect.arrayContaining(['We found the cause and are fixing it.', 'Still dropping at 14:00.']));
    expect(JSON.stringify(detail.body)).not.toMatch(/Concentrator 2/);

    // "List of all tickets for the user's customer; filter by status" (spelled as the client likes).
    const open = await api<{ items: { id: string }[] }>('GET', '/portal/tickets?status=open', { token });
    expect(open.body.data.items.map((i) => i.id)).toEqual([change.body.data.id]);
    const changes = await api<{ items: { id: string }[] }>('GET', '/portal/tickets?type=Change', { token });
    expect(changes.body.data.items.map((i) => i.id)).toEqual([change.body.data.id]);

    // "All published, public KB articles": search, cards with category and tags, the rendered article.
    const kb = await api<{ items: { slug: string; title: string; category: string; tags: string[] }[] }>('GET', '/portal/kb?q=vpn', { token });
    expect(kb.body.data.items).toEqual([expect.objectContaining({ title: 'Resetting your VPN token', category: 'Network', tags: ['vpn'] })]);
    const article = await api('GET', `/portal/kb/${kb.body.data.items[0].slug}`, { token });
    expect(article.body.data.html).toContain('<strong>Settings</strong>');

    const out = await api('POST', '/portal/auth/logout', { token, headers: { 'content-type': 'application/json' } });
    expect([out.status, out.body.data]).toEqual([200, {}]);
    expect((await api('GET', '/portal/auth/me', { token })).status).toBe(401);
    expect((await api('POST', '/portal/auth/refresh-token', { body: { refreshToken } })).status).toBe(401);
  });
});
