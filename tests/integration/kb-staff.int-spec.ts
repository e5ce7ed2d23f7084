import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import type { StaffRole } from '../../src/auth/viewer';
import { addUpdate, createArticle, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Article = {
  id: string;
  slug: string;
  title: string;
  category: string | null;
  tags: string[];
  markdown: string;
  html: string;
  status: string;
  visibility: string;
  revision: number;
  sourceIncidentId: string | null;
  author: { displayName: string } | null;
  updatedBy: { displayName: string } | null;
  publishedAt: string | null;
  archivedAt: string | null;
};
type Card = { id: string; slug: string; title: string; status: string; visibility: string; highlight: string | null; revision: number };
type Page = { items: Card[]; pagination: { total: number }; fuzzy: boolean };
type Revision = { revision: number; title: string; markdown: string; status: string; savedBy: { displayName: string } | null };

describe('knowledge base for staff', () => {
  let t: TestApp;
  let acme: Tenant;
  const staff: Partial<Record<StaffRole, StaffFixture>> = {};
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true' });
    const em = t.em();
    acme = await createTenant(em, { slug: 'kbw-acme' });
    for (const role of ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER'] as StaffRole[]) {
      staff[role] = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role, email: `${role.toLowerCase()}@kbw.test` });
      auth[role] = (await login(t, staff[role]!.email, staff[role]!.password)).auth;
    }
    const customer = await createCustomerUser(em, t.app.runtime.passwords, acme);
    auth.customer = await portalLogin(t, 'kbw-acme', customer.email, customer.password);
    const stranger = await createStaff(em, t.app.runtime.passwords, { tenant: await createTenant(em), role: 'ADMIN' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
  });
  afterAll(() => t.close());

  const create = (who: string, body: Record<string, unknown>) => t.rest<Envelope<Article>>('POST', '/api/v1/kb', body, auth[who]);
  const get = (who: string, id: string) => t.rest<Envelope<Article>>('GET', `/api/v1/kb/${encodeURIComponent(id)}`, undefined, auth[who]);
  const update = (who: string, id: string, body: Record<string, unknown>) => t.rest<Envelope<Article>>('PATCH', `/api/v1/kb/${id}`, body, auth[who]);
  const act = (who: string, id: string, action: 'publish' | 'archive') => t.rest<Envelope<Article>>('POST', `/api/v1/kb/${id}/${action}`, undefined, auth[who]);
  const list = (who: string, query = '') => t.rest<Envelope<Page>>('GET', `/api/v1/kb${query}`, undefined, auth[who]);
  const revisions = (who: string, id: string) => t.rest<Envelope<Revision[]>>('GET', `/api/v1/kb/${id}/revisions`, undefined, auth[who]);
  const restore = (who: string, id: string, revision: number | string) =>
    t.rest<Envelope<Article>>('POST', `/api/v1/kb/${id}/revisions/${revision}/restore`, undefined, auth[who]);
  const portalList = (query = '') => t.rest<Envelope<Page>>('GET', `/api/v1/portal/kb${query}`, undefined, auth.customer);
  const draft = (title: string, extra: Record<string, unknown> = {}) =>
    create('ENGINEER', { title, markdown: `About ${title}.`, visibility: 'PUBLIC', ...extra });

  it('an ENGINEER creates a DRAFT: 201, slug from the title, revision 1, sanitized HTML, audited', async () => {
    const res = await create('ENGINEER', {
      title: 'Rotate the API keys!',
      markdown:
        '# Keys\n\nHello <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [ok](https://example.test) <a href="javascript:alert(4)" onclick="x()">raw</a> ![pic](data:image/png;base64,AAAA)',
      category: 'Developers',
      tags: ['API', ' keys ', 'api'],
      visibility: 'PUBLIC',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      slug: 'rotate-the-api-keys',
      status: 'DRAFT',
      revision: 1,
      visibility: 'PUBLIC',
      category: 'Developers',
      tags: ['api', 'keys'],
      author: { displayName: 'Ada Lovelace' },
      publishedAt: null,
    });
    const html = res.body.data.html;
    expect(html).toContain('<h1>Keys</h1>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*"?\s*(javascript|data):/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://example.test"');
    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'kb.article_created', targetId: res.body.data.id });
    expect(audit.actorId).toBe(staff.ENGINEER!.user.id);
  });

  it('derives a free slug for a repeated title, refuses a taken or malformed explicit slug', async () => {
    const a = await draft('Same title');
    const b = await draft('Same title');
    expect([a.body.data.slug, b.body.data.slug]).toEqual(['same-title', 'same-title-2']);
    const taken = await draft('Another', { slug: 'same-title' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors?.[0]).toMatchObject({ code: 'SLUG_TAKEN', field: 'slug' });
    for (const slug of ['Upper-Case', 'two--dashes', '-lead', '00000000-0000-4000-8000-000000000000', 'x'.repeat(101)]) {
      const res = await draft('Bad slug', { slug });
      expect([slug, res.status, res.body.errors?.[0].field]).toEqual([slug, 400, 'slug']);
    }
    expect((await draft('Renamed later')).status).toBe(201);
    const clash = await update('ENGINEER', (await get('VIEWER', 'renamed-later')).body.data.id, { slug: 'same-title' });
    expect(clash.status).toBe(409);
  });

  it('validates the fields', async () => {
    expect((await create('ENGINEER', { title: ' ', markdown: 'x', visibility: 'PUBLIC' })).body.errors?.[0].field).toBe('title');
    expect((await create('ENGINEER', { title: 'x', markdown: 'x' })).status).toBe(400);
    expect((await create('ENGINEER', { title: 'x', markdown: 'x', visibility: 'SECRET' })).status).toBe(400);
    expect((await create('ENGINEER', { title: 'x', markdown: 'x', visibility: 'PUBLIC', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).status).toBe(400);
    expect((await create('ENGINEER', { title: 'x', markdown: 'x', visibility: 'PUBLIC', status: 'PUBLISHED' })).status).toBe(400);
  });

  it('every save keeps the previous version; a stale revision is refused; restore saves an old version as a new one', async () => {
    const { body } = await create('ENGINEER', { title: 'VPN setup', markdown: 'Version one.', visibility: 'INTERNAL', tags: ['vpn'] });
    const id = body.data.id;
    const v2 = await update('MANAGER', id, { markdown: 'Version **two**.', revision: 1 });
    expect(v2.status).toBe(200);
    expect(v2.body.data).toMatchObject({ revision: 2, markdown: 'Version **two**.', html: '<p>Version <strong>two</strong>.</p>\n', updatedBy: { displayName: 'Ada Lovelace' } });
    const unchanged = await update('ENGINEER', id, { markdown: 'Version **two**.' });
    expect(unchanged.body.data.revision).toBe(2);
    const stale = await update('ENGINEER', id, { title: 'Lost?', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors?.[0].code).toBe('STALE_REVISION');
    const v3 = await update('ENGINEER', id, { title: 'VPN setup (macOS)', category: 'Network', tags: null });
    expect(v3.body.data).toMatchObject({ revision: 3, title: 'VPN setup (macOS)', category: 'Network', tags: [] });

    const kept = await revisions('VIEWER', id);
    expect(kept.status).toBe(200);
    expect(kept.body.data.map((r) => [r.revision, r.title, r.markdown])).toEqual([
      [2, 'VPN setup', 'Version **two**.'],
      [1, 'VPN setup', 'Version one.'],
    ]);

    const restored = await restore('ENGINEER', id, 1);
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ revision: 4, title: 'VPN setup', markdown: 'Version one.', html: '<p>Version one.</p>\n', tags: ['vpn'], category: null, slug: 'vpn-setup' });
    expect((await revisions('VIEWER', id)).body.data.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect((await restore('ENGINEER', id, 9)).body.errors?.[0].code).toBe('REVISION_NOT_FOUND');
    expect((await restore('ENGINEER', id, 'x')).status).toBe(400);
    const audit = await t.em().findOneOrFail(AuditEntry, { action: 'kb.article_restored', targetId: id });
    expect(audit.metadata).toMatchObject({ restoredRevision: 1, fromRevision: 3, revision: 4 });
  });

  it('lets exactly one of two concurrent saves of the same revision through', async () => {
    const { body } = await draft('Race article');
    const race = await Promise.all(['A', 'B', 'C'].map((x) => update('ENGINEER', body.data.id, { title: `Race ${x}`, revision: 1 })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await revisions('VIEWER', body.data.id)).body.data).toHaveLength(1);
  });

  it('publishes to the portal (PUBLIC only) and archives out of it; refuses a repeated transition', async () => {
    const pub = await create('ENGINEER', { title: 'Portal visible guide', markdown: 'PORTAL-GUIDE text', visibility: 'PUBLIC' });
    const internal = await create('ENGINEER', { title: 'Internal escalation guide', markdown: 'INTERNAL-GUIDE text', visibility: 'INTERNAL' });
    expect((await portalList('?q=guide')).body.data.items).toEqual([]);
    const published = await act('ENGINEER', pub.body.data.id, 'publish');
    expect(published.body.data).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), revision: 1 });
    await act('ENGINEER', internal.body.data.id, 'publish');
    expect((await portalList('?q=guide')).body.data.items.map((a) => a.title)).toEqual(['Portal visible guide']);
    expect((await t.rest('GET', '/api/v1/portal/kb/internal-escalation-guide', undefined, auth.customer)).status).toBe(404);

    const again = await act('ENGINEER', pub.body.data.id, 'publish');
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0].code).toBe('INVALID_TRANSITION');
    const archived = await act('MANAGER', pub.body.data.id, 'archive');
    expect(archived.body.data).toMatchObject({ status: 'ARCHIVED', archivedAt: expect.any(String) });
    expect((await portalList('?q=guide')).body.data.items).toEqual([]);
    expect((await get('VIEWER', pub.body.data.id)).body.data.status).toBe('ARCHIVED');
    expect((await act('ENGINEER', pub.body.data.id, 'publish')).body.data.archivedAt).toBeNull();
    const events = await t.em().find(OutboxEvent, { type: { $in: ['kb.article_published', 'kb.article_unpublished'] } }, { orderBy: { createdAt: 'asc' } });
    expect(events.filter((e) => e.payload.articleId === pub.body.data.id).map((e) => e.type)).toEqual(['kb.article_published', 'kb.article_unpublished', 'kb.article_published']);
  });

  it('enforces the role matrix: all staff read, ENGINEER and above write, customers and anonymous callers are refused', async () => {
    const { body } = await draft('Role matrix article');
    const id = body.data.id;
    for (const who of ['VIEWER', 'RESPONDER']) {
      expect((await list(who)).status).toBe(200);
      expect((await get(who, id)).status).toBe(200);
      expect((await revisions(who, id)).status).toBe(200);
      expect((await create(who, { title: 'x', markdown: 'x', visibility: 'PUBLIC' })).status).toBe(403);
      expect((await update(who, id, { title: 'x' })).status).toBe(403);
      expect((await act(who, id, 'publish')).status).toBe(403);
      expect((await act(who, id, 'archive')).status).toBe(403);
      expect((await restore(who, id, 1)).status).toBe(403);
    }
    // A portal token is valid but grants nothing here (403); no token at all is 401.
    for (const [headers, status] of [[auth.customer, 403], [{}, 401]] as const) {
      expect((await t.rest('GET', '/api/v1/kb', undefined, headers)).status).toBe(status);
      expect((await t.rest('GET', `/api/v1/kb/${id}`, undefined, headers)).status).toBe(status);
      expect((await t.rest('POST', '/api/v1/kb', { title: 'x', markdown: 'x', visibility: 'PUBLIC' }, headers)).status).toBe(status);
      expect((await t.rest('POST', `/api/v1/kb/${id}/publish`, undefined, headers)).status).toBe(status);
    }
    // Staff tokens grant nothing on the portal's own KB routes either.
    expect((await t.rest('GET', '/api/v1/portal/kb', undefined, auth.ENGINEER)).status).toBe(403);
  });

  it("another workspace's articles answer exactly like missing ones, by id and by slug, on every operation", async () => {
    const { body } = await draft('Tenant private article');
    const missingId = '00000000-0000-4000-8000-000000000000';
    for (const [method, suffix, payload] of [
      ['GET', '', undefined],
      ['PATCH', '', { title: 'x' }],
      ['POST', '/publish', undefined],
      ['POST', '/archive', undefined],
      ['GET', '/revisions', undefined],
      ['POST', '/revisions/1/restore', undefined],
    ] as const) {
      for (const [theirs, none] of [
        [body.data.id, missingId],
        [body.data.slug, 'no-such-article'],
      ]) {
        const a = await t.rest(method, `/api/v1/kb/${theirs}${suffix}`, payload, auth.stranger);
        const b = await t.rest(method, `/api/v1/kb/${none}${suffix}`, payload, auth.stranger);
        expect([suffix, a.status, a.text]).toEqual([suffix, 404, b.text]);
      }
    }
    const search = await t.rest<Envelope<Page>>('GET', '/api/v1/kb?q=tenant%20private', undefined, auth.stranger);
    expect(search.body.data.items).toEqual([]);
    expect((await get('VIEWER', body.data.id)).body.data.title).toBe('Tenant private article'); // unchanged
  });

  describe('search', () => {
    let tenant: Tenant;
    let h: Record<string, string>;
    let c: Record<string, string>;
    beforeAll(async () => {
      const em = t.em();
      tenant = await createTenant(em, { slug: 'kbs-corpus' });
      const eng = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
      h = (await login(t, eng.email, eng.password)).auth;
      const cust = await createCustomerUser(em, t.app.runtime.passwords, tenant);
      c = await portalLogin(t, 'kbs-corpus', cust.email, cust.password);
      await createArticle(em, tenant, { title: 'Reset your password', markdown: 'Open Settings and choose Reset password. The link expires after 30 minutes.', category: 'Account', tags: ['login'] });
      await createArticle(em, tenant, { title: 'Two-factor authentication', markdown: 'After a password reset you must enrol your authenticator app again.', category: 'Account' });
      await createArticle(em, tenant, { title: 'Billing cycles', markdown: 'Invoices are issued monthly.', category: 'Billing', tags: ['invoices'] });
      await createArticle(em, tenant, { title: 'Export invoices as PDF', markdown: 'Use the Export button.', category: 'Billing' });
      await createArticle(em, tenant, { title: 'Password vault rotation runbook', markdown: 'Rotate the vault password quarterly.', visibility: 'INTERNAL' });
      await createArticle(em, tenant, { title: 'Password policy draft', markdown: 'Passwords need 12 characters.', status: 'DRAFT' });
      await createArticle(em, tenant, { title: 'Old password page', markdown: 'Obsolete password instructions.', status: 'ARCHIVED' });
    });
    const staffSearch = (q: string) => t.rest<Envelope<Page>>('GET', `/api/v1/kb?${q}`, undefined, h);
    const customerSearch = (q: string) => t.rest<Envelope<Page>>('GET', `/api/v1/portal/kb?${q}`, undefined, c);

    it('staff search every status and visibility, ranked, title matches first, with highlights', async () => {
      const res = await staffSearch('q=password');
      const titles = res.body.data.items.map((a) => a.title);
      expect(titles).toHaveLength(5);
      expect(titles.indexOf('Reset your password')).toBeLessThan(titles.indexOf('Two-factor authentication'));
      expect(titles.slice(-1)).toEqual(['Two-factor authentication']); // body-only match ranks last
      expect(res.body.data.fuzzy).toBe(false);
      expect(res.body.data.items.every((a) => a.highlight?.includes('<mark>'))).toBe(true);
      expect((await customerSearch('q=password')).body.data.items.map((a) => a.title).sort()).toEqual(['Reset your password', 'Two-factor authentication']);
    });

    it('filters by status, visibility, category and tag', async () => {
      expect((await staffSearch('status=draft')).body.data.items.map((a) => a.title)).toEqual(['Password policy draft']);
      expect((await staffSearch('status=archived')).body.data.items.map((a) => a.title)).toEqual(['Old password page']);
      expect((await staffSearch('visibility=internal')).body.data.items.map((a) => a.title)).toEqual(['Password vault rotation runbook']);
      expect((await staffSearch('category=billing&q=invoices')).body.data.items.map((a) => a.title).sort()).toEqual(['Billing cycles', 'Export invoices as PDF']);
      expect((await staffSearch('tag=login')).body.data.items.map((a) => a.title)).toEqual(['Reset your password']);
      expect((await staffSearch('status=bogus')).status).toBe(400);
    });

    it('finds "pasword reset" through the typo fallback, for staff and customers alike', async () => {
      const staffRes = await staffSearch('q=pasword%20reset');
      expect(staffRes.status).toBe(200);
      expect(staffRes.body.data.fuzzy).toBe(true);
      expect(staffRes.body.data.items[0].title).toBe('Reset your password');
      const customerRes = await customerSearch('q=pasword%20reset');
      expect(customerRes.body.data).toMatchObject({ fuzzy: true, pagination: { total: 1 } });
      expect(customerRes.body.data.items.map((a) => a.title)).toEqual(['Reset your password']);
      // The fallback keeps the customer's scope: no internal, draft or archived titles.
      expect((await customerSearch('q=pasword%20vault')).body.data.items.map((a) => a.title)).not.toContain('Password vault rotation runbook');
      expect((await customerSearch('q=biling')).body.data.items.map((a) => a.title)).toContain('Billing cycles');
      expect((await customerSearch('q=invoce%20export')).body.data.items[0].title).toBe('Export invoices as PDF');
    });

    it('finds nothing for nonsense, and never errors on query syntax', async () => {
      expect((await staffSearch('q=xyzzy%20qwertz')).body.data).toMatchObject({ items: [], pagination: { total: 0 } });
      for (const q of ['"unclosed', 'a & | ! (', "'; drop table kb_articles; --", '<script>', ':*', 'the of and', '{"}', '\\']) {
        const res = await staffSearch(`q=${encodeURIComponent(q)}`);
        expect([q, res.status]).toEqual([q, 200]);
        expect([q, (await customerSearch(`q=${encodeURIComponent(q)}`)).status]).toEqual([q, 200]);
      }
    });
  });

  describe('drafts from resolved incidents', () => {
    it('resolving with createKbDraft drafts an INTERNAL article from the public part only', async () => {
      const em = t.em();
      const incident = await createIncident(em, acme, {
        title: 'Webhook deliveries delayed',
        techDescription: 'TECH-SECRET queue consumer deadlocked on shard 7',
      });
      await addUpdate(em, incident, 'INTERNAL-SECRET vendor blamed', 'INTERNAL');
      await addUpdate(em, incident, 'We are looking into it.', 'PUBLIC');
      await t.rest('PATCH', `/api/v1/incidents/${incident.id}`, { version: 1, impactSummary: 'IMPACT-SECRET 40 tenants', serviceArea: 'AREA-SECRET' }, auth.ENGINEER);

      const res = await t.rest<Envelope<{ status: string }>>(
        'POST',
        `/api/v1/incidents/${incident.id}/status`,
        { status: 'RESOLVED', resolutionSummary: 'Restarted the webhook workers; deliveries caught up.', createKbDraft: true },
        auth.ENGINEER,
      );
      expect(res.status).toBe(200);
      const drafts = await list('VIEWER', `?sourceIncidentId=${incident.id}`);
      expect(drafts.body.data.items).toHaveLength(1);
      const article = (await get('VIEWER', drafts.body.data.items[0].id)).body.data;
      expect(article).toMatchObject({ title: 'Webhook deliveries delayed', status: 'DRAFT', visibility: 'INTERNAL', sourceIncidentId: incident.id, tags: ['from-incident'] });
      expect(article.markdown).toContain('Getting a 500 error when clicking Pay Now.');
      expect(article.markdown).toContain('Restarted the webhook workers; deliveries caught up.');
      expect(JSON.stringify(article)).not.toMatch(/SECRET|looking into it/);

      // Reopened and resolved again: the open draft is kept, not duplicated.
      await t.rest('POST', `/api/v1/incidents/${incident.id}/status`, { status: 'OPEN' }, auth.ENGINEER);
      await t.rest('POST', `/api/v1/incidents/${incident.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Again.', createKbDraft: true }, auth.ENGINEER);
      expect((await list('VIEWER', `?sourceIncidentId=${incident.id}`)).body.data.items).toHaveLength(1);
    });

    it('takes a free slug without failing the resolution, and refuses the flag on other statuses', async () => {
      const em = t.em();
      await createArticle(em, acme, { title: 'Checkout fails', markdown: 'Existing article with the same title.' });
      const incident = await createIncident(em, acme, { title: 'Checkout fails' });
      const wrong = await t.rest<Envelope>('POST', `/api/v1/incidents/${incident.id}/status`, { status: 'ACKNOWLEDGED', createKbDraft: true }, auth.ENGINEER);
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors?.[0].field).toBe('createKbDraft');
      const ok = await t.rest('POST', `/api/v1/incidents/${incident.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Fixed.', createKbDraft: true }, auth.ENGINEER);
      expect(ok.status).toBe(200);
      const drafts = await list('VIEWER', `?sourceIncidentId=${incident.id}`);
      expect(drafts.body.data.items.map((a) => a.slug)).toEqual(['checkout-fails-2']);
      const without = await createIncident(em, acme, { title: 'No draft wanted' });
      await t.rest('POST', `/api/v1/incidents/${without.id}/status`, { status: 'RESOLVED', resolutionSummary: 'Fixed.' }, auth.ENGINEER);
      expect((await list('VIEWER', `?sourceIncidentId=${without.id}`)).body.data.items).toEqual([]);
    });
  });

  it('works the same over GraphQL', async () => {
    const created = await t.gql<{ createKbArticle: { id: string; status: string; revision: number } }>(
      `mutation($input: CreateKbArticleInput!) { createKbArticle(input: $input) { id status revision } }`,
      { input: { title: 'GraphQL article', markdown: 'Hello', visibility: 'PUBLIC' } },
      auth.ENGINEER,
    );
    expect(created.data?.createKbArticle).toMatchObject({ status: 'DRAFT', revision: 1 });
    const refused = await t.gql(`mutation($id: ID!) { publishKbArticle(id: $id) { id } }`, { id: created.data!.createKbArticle.id }, auth.VIEWER);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await t.gql<{ staffKbArticle: { title: string }; kbArticleRevisions: unknown[] }>(
      `query($id: ID!) { staffKbArticle(id: $id) { title } kbArticleRevisions(id: $id) { revision } }`,
      { id: 'graphql-article' },
      auth.VIEWER,
    );
    expect(read.data).toEqual({ staffKbArticle: { title: 'GraphQL article' }, kbArticleRevisions: [] });
    const customer = await t.gql(`{ staffKbArticles { items { id } } }`, {}, auth.customer);
    expect(customer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
