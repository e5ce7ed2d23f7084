import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createArticle, createCustomerUser, portalLogin } from '../factories/portal';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Card = { slug: string; title: string; excerpt: string; highlight: string | null; category: string | null; tags: string[]; publishedAt: string };

describe('portal knowledge base', () => {
  let t: TestApp;
  let acme: Tenant;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em();
    acme = await createTenant(em, { slug: 'kb-acme' });
    const other = await createTenant(em, { slug: 'kb-other' });
    await createArticle(em, acme, { title: 'Reset your password', markdown: '# Reset\n\nOpen **Settings** and choose *Reset password*. The reset link expires after 30 minutes.', category: 'Account', tags: ['password', 'login'] });
    await createArticle(em, acme, { title: 'Billing cycles', markdown: 'Invoices are issued monthly.', category: 'Billing', tags: ['invoices'] });
    await createArticle(em, acme, {
      title: 'Unsafe content',
      slug: 'unsafe',
      markdown: 'Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [ok](https://example.test) <a href="javascript:alert(4)" onclick="x()">raw</a>',
    });
    await createArticle(em, acme, { title: 'Internal runbook password rotation', markdown: 'INTERNAL-KB-SECRET rotate the password vault', visibility: 'INTERNAL' });
    await createArticle(em, acme, { title: 'Draft password policy', markdown: 'DRAFT-KB-SECRET password', status: 'DRAFT' });
    await createArticle(em, other, { title: 'Other tenant password article', markdown: 'OTHER-TENANT-SECRET password' });
    const c = await createCustomerUser(em, t.app.runtime.passwords, acme);
    auth = await portalLogin(t, 'kb-acme', c.email, c.password);
  });
  afterAll(() => t.close());

  const list = (query = '') => t.rest<Envelope<{ items: Card[]; pagination: { total: number } }>>('GET', `/api/v1/portal/kb${query}`, undefined, auth);

  it('lists published PUBLIC articles of the customer\'s tenant only, as cards', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.data.items.map((a) => a.title).sort()).toEqual(['Billing cycles', 'Reset your password', 'Unsafe content']);
    expect(res.text).not.toMatch(/INTERNAL-KB-SECRET|DRAFT-KB-SECRET|OTHER-TENANT-SECRET/);
    const card = res.body.data.items.find((a) => a.slug === 'reset-your-password')!;
    expect(card).toMatchObject({ category: 'Account', tags: ['password', 'login'], highlight: null, publishedAt: expect.any(String) });
    expect(card.excerpt).toMatch(/^Reset Open Settings and choose Reset password/);
  });

  it('searches with ranking and highlighted snippets', async () => {
    const res = await list('?q=password%20reset');
    expect(res.body.data.items.map((a) => a.title)).toEqual(['Reset your password']);
    expect(res.body.data.items[0].highlight).toContain('<mark>');
    expect(res.text).not.toMatch(/INTERNAL-KB-SECRET|DRAFT-KB-SECRET|OTHER-TENANT-SECRET/);
  });

  it('never lets query syntax reach the user as an error', async () => {
    for (const q of ['"unclosed', 'a & | ! (', "'; drop table kb_articles; --", '<script>', ':*']) {
      const res = await list(`?q=${encodeURIComponent(q)}`);
      expect([q, res.status]).toEqual([q, 200]);
    }
  });

  it('filters by category and tag', async () => {
    expect((await list('?category=billing')).body.data.items.map((a) => a.title)).toEqual(['Billing cycles']);
    expect((await list('?tag=login')).body.data.items.map((a) => a.title)).toEqual(['Reset your password']);
  });

  it('escapes article text inside highlights', async () => {
    const res = await list('?q=hello');
    const highlight = res.body.data.items[0]?.highlight ?? '';
    expect(highlight).toContain('<mark>Hello</mark>');
    expect(highlight).not.toContain('<script>');
  });

  it('serves one article with markdown and sanitized HTML', async () => {
    const res = await t.rest<Envelope<{ markdown: string; html: string; title: string }>>('GET', '/api/v1/portal/kb/reset-your-password', undefined, auth);
    expect(res.status).toBe(200);
    expect(res.body.data.html).toContain('<strong>Settings</strong>');
    const unsafe = await t.rest<Envelope<{ html: string; markdown: string }>>('GET', '/api/v1/portal/kb/unsafe', undefined, auth);
    expect(unsafe.body.data.markdown).toContain('<script>');
    const html = unsafe.body.data.html;
    // Dangerous markup survives only as escaped text: no script element, no handler attribute, no javascript: URL.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*"?\s*javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://example.test"');
  });

  it('answers 404 for internal, draft, other-tenant and missing articles alike', async () => {
    const missing = await t.rest('GET', '/api/v1/portal/kb/nope', undefined, auth);
    expect(missing.status).toBe(404);
    for (const slug of ['internal-runbook-password-rotation', 'draft-password-policy', 'other-tenant-password-article']) {
      const res = await t.rest('GET', `/api/v1/portal/kb/${slug}`, undefined, auth);
      expect([slug, res.status, res.text]).toEqual([slug, 404, missing.text]);
    }
  });

  it('requires a portal token', async () => {
    expect((await t.rest('GET', '/api/v1/portal/kb')).status).toBe(401);
  });

  it('runs the documented OpsWeave endpoints in order: login, me, tickets, create, detail, comment, kb', async () => {
    const c = await createCustomerUser(t.em(), t.app.runtime.passwords, acme, { email: 'user@customer.example', name: 'Max Mustermann' });
    const login = await t.rest<Envelope<{ accessToken: string }>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'kb-acme', email: c.email, password: c.password });
    expect(login.status).toBe(200);
    const h = { authorization: `Bearer ${login.body.data.accessToken}` };
    expect((await t.rest<Envelope<{ displayName: string }>>('GET', '/api/v1/portal/auth/me', undefined, h)).body.data.displayName).toBe('Max Mustermann');
    expect((await t.rest<Envelope<{ items: unknown[] }>>('GET', '/api/v1/portal/tickets', undefined, h)).body.data.items).toEqual([]);
    const created = await t.rest<Envelope<{ id: string; type: string }>>('POST', '/api/v1/portal/tickets', { type: 'CHANGE', title: 'Add a user', description: 'Please add Erika.', priority: 'LOW' }, h);
    expect(created.status).toBe(201);
    expect(created.body.data.type).toBe('CHANGE');
    const detail = await t.rest<Envelope<{ title: string; comments: unknown[] }>>('GET', `/api/v1/portal/tickets/${created.body.data.id}`, undefined, h);
    expect(detail.body.data).toMatchObject({ title: 'Add a user', comments: [] });
    expect((await t.rest('POST', `/api/v1/portal/tickets/${created.body.data.id}/comments`, { body: 'Thanks!' }, h)).status).toBe(201);
    expect((await t.rest<Envelope<{ comments: { body: string }[] }>>('GET', `/api/v1/portal/tickets/${created.body.data.id}`, undefined, h)).body.data.comments.map((x) => x.body)).toEqual(['Thanks!']);
    expect((await t.rest<Envelope<{ items: unknown[] }>>('GET', '/api/v1/portal/kb?q=invoices', undefined, h)).body.data.items).toHaveLength(1);
  });
});
