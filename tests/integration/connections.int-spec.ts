import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { Client, escapeLiteral } from 'pg';
import { TENANT_ROLE } from '../../src/db/tenant-transaction';
import { startTestApp, type TestApp } from '../setup/app';
import { roundTrips } from '../setup/round-trips';

type Conn = {
  edges: { cursor: string; node: { id: string } }[];
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number;
};

/**
 * Every cursor connection paged forwards and backwards over a seeded workspace (more rows than two pages,
 * with ties in the sort key): the same rows in the same order as the list it sits beside, no duplicates or
 * gaps, pageInfo right at both ends, totalCount the list's total, and never a row of the other workspace.
 */
describe('cursor connections', () => {
  let t: TestApp;
  let acme: Tenant;
  let other: Tenant;
  const auth: Record<string, Record<string, string>> = {};
  const ROWS = 25;

  /** Rows of one workspace written with SQL, in pairs sharing their created_at (ties the id must break). */
  const seed = async (tenant: Tenant, n: number, tag: string) => {
    const sql = t.em().getConnection();
    const ts = `now() - (g / 2) * interval '1 minute'`;
    await sql.execute(
      `INSERT INTO incidents (tenant_id, number, type, title, description, priority, status, source, response_due_at, resolution_due_at, created_at, updated_at)
       SELECT ?, ? || '-' || g, 'INCIDENT', 'Conn ' || g, 'x', (ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::priority[])[1 + g % 4], 'OPEN', 'STAFF',
              now() + interval '1 hour', now() + interval '8 hours', ${ts}, ${ts}
       FROM generate_series(1, ?) g`,
      [tenant.id, `INC-${tag}`, n],
    );
    await sql.execute(`INSERT INTO customers (tenant_id, name, sharing_mode, created_at, updated_at) SELECT ?, 'Org ' || (g / 2), 'OWN', now(), now() FROM generate_series(1, ?) g`, [tenant.id, n]);
    await sql.execute(
      `INSERT INTO customer_portal_users (tenant_id, email, display_name, created_at, updated_at)
       SELECT ?, 'p' || g || '-${tag}@client.test', CASE WHEN g % 3 = 0 THEN 'Same Name' ELSE 'User ' || g END, now(), now() FROM generate_series(1, ?) g`,
      [tenant.id, n],
    );
    await sql.execute(
      `INSERT INTO audit_log (tenant_id, action, created_at) SELECT ?, 'test.seeded', ${ts} FROM generate_series(1, ?) g`,
      [tenant.id, n],
    );
    const [event] = await sql.execute<{ id: string }[]>(`INSERT INTO outbox_events (tenant_id, type, payload, processed_at) VALUES (?, 'incident.created', '{}'::jsonb, now()) RETURNING id`, [tenant.id]);
    await sql.execute(
      `INSERT INTO notification_deliveries (tenant_id, event_id, event_type, channel, target, message, max_attempts, status, created_at, updated_at)
       SELECT ?, ?, 'incident.created', 'EMAIL', 'd' || g || '@client.test', '{}'::jsonb, 3, 'SENT', ${ts}, ${ts} FROM generate_series(1, ?) g`,
      [tenant.id, event.id, n],
    );
    // Ezra runs and kept article versions of one incident and one article.
    const [{ id: incidentId }] = await sql.execute<{ id: string }[]>(`SELECT id FROM incidents WHERE tenant_id = ? ORDER BY number LIMIT 1`, [tenant.id]);
    await sql.execute(
      `INSERT INTO incident_analyses (tenant_id, incident_id, version, audience, trigger, analyzer, result, report, provider_status, created_at)
       SELECT ?, ?, g, 'ENGINEER', 'AUTO', 'test', '{}'::jsonb, 'r', 'NOT_CONFIGURED', now() FROM generate_series(1, ?) g`,
      [tenant.id, incidentId, n],
    );
    const [{ id: articleId }] = await sql.execute<{ id: string }[]>(
      `INSERT INTO kb_articles (tenant_id, slug, title, body_markdown, body_html, visibility, status) VALUES (?, ?, 'Kept', 'x', 'x', 'PUBLIC', 'DRAFT') RETURNING id`,
      [tenant.id, `kept-${tag.toLowerCase()}`],
    );
    await sql.execute(
      `INSERT INTO kb_article_revisions (tenant_id, article_id, revision, slug, title, body_markdown, body_html, visibility, status, saved_at)
       SELECT ?, ?, g, 'kept', 'Kept ' || g, 'x', 'x', 'PUBLIC', 'DRAFT', now() FROM generate_series(1, ?) g`,
      [tenant.id, articleId, n],
    );
    await sql.execute(`INSERT INTO tenants (name, slug) SELECT 'Workspace ' || (g / 2), 'ws-' || g || '-${tag.toLowerCase()}' FROM generate_series(1, ?) g`, [n]);
    const staffRows = `INSERT INTO users (tenant_id, email, role, created_at, updated_at)
       SELECT ?, 's' || g || '-${tag}@example.test', 'ENGINEER', ${ts}, ${ts} FROM generate_series(1, ?) g`;
    await sql.execute(staffRows, [tenant.id, n]);
    // A long timeline on the same incident: every third update INTERNAL, pairs sharing their created_at.
    await sql.execute(
      `INSERT INTO incident_updates (tenant_id, incident_id, kind, visibility, body, author_kind, created_at)
       SELECT ?, ?, 'COMMENT', CASE WHEN g % 3 = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END::visibility, 'u' || g, 'SYSTEM', now() - interval '1 day' + (g / 2) * interval '1 minute'
       FROM generate_series(1, ?) g`,
      [tenant.id, incidentId, n + 5],
    );
    // Articles: PUBLISHED PUBLIC ones in pairs sharing their publication time, and as many drafts; all mention printers.
    await sql.execute(
      `INSERT INTO kb_articles (tenant_id, slug, title, body_markdown, body_html, visibility, status, published_at, created_at, updated_at)
       SELECT ?, 'guide-' || g || '-${tag.toLowerCase()}', 'Printer guide ' || g, 'How to set up the printer.', 'x', 'PUBLIC',
              CASE WHEN g % 2 = 0 THEN 'PUBLISHED' ELSE 'DRAFT' END::article_status,
              CASE WHEN g % 2 = 0 THEN now() - (g / 4) * interval '1 minute' END, now(), now() - (g / 4) * interval '1 minute'
       FROM generate_series(1, ?) g`,
      [tenant.id, 2 * n + 4],
    );
    refs[tag] = { incidentId, articleId };
  };
  const refs: Record<string, { incidentId: string; articleId: string }> = {};

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false' });
    const em = t.em();
    acme = await createTenant(em, { slug: 'conn-acme' });
    other = await createTenant(em, { slug: 'conn-other' });
    for (const [name, tenant] of [['acme', acme], ['other', other]] as const) {
      const admin = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'ADMIN' });
      auth[name] = (await login(t, admin.email, admin.password)).auth;
    }
    await seed(acme, ROWS, 'A');
    await seed(other, 5, 'B');
    const reader = await createCustomerUser(em, t.app.runtime.passwords, acme);
    auth.portal = await portalLogin(t, 'conn-acme', reader.email, reader.password);
    const root = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'SUPER_ADMIN' });
    auth.root = (await login(t, root.email, root.password)).auth;
  });
  afterAll(() => t.close());

  const gql = async <T,>(query: string, headers = auth.acme): Promise<T> => {
    const res = await t.gql<T>(query, undefined, headers);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  interface Case {
    connection: string;
    /** Extra arguments of both forms (filters, sort). */
    args?: string;
    /** The ids of the list beside it, in its order, with its total. */
    list: (args: string) => Promise<{ ids: string[]; total: number }>;
    /** What identifies a node (`id` unless the type has none). */
    key?: string;
    /** Whose request (the workspace's ADMIN unless given). */
    as?: string;
  }
  const pageList = (field: string, as = 'acme') => async (args: string) => {
    const data = await gql<Record<string, { items: { id: string }[]; pagination: { total: number } }>>(`{ ${field}(limit: 100 ${args}) { items { id } pagination { total } } }`, auth[as]);
    return { ids: data[field].items.map((i) => i.id), total: data[field].pagination.total };
  };
  /** A list without paging (an array): all of it, its length the total. */
  const wholeList = (field: string, key = 'id', as = 'acme') => async (args: string) => {
    const data = await gql<Record<string, Record<string, string>[]>>(`{ ${field}${args ? `(${args})` : ''} { ${key} } }`, auth[as]);
    return { ids: data[field].map((i) => String(i[key])), total: data[field].length };
  };
  const CASES: Case[] = [
    { connection: 'incidentsConnection', list: pageList('incidents') },
    { connection: 'incidentsConnection', args: 'sort: { field: PRIORITY, direction: ASC }', list: pageList('incidents') },
    { connection: 'incidentsConnection', args: 'sort: { field: NUMBER, direction: DESC }', list: pageList('incidents') },
    { connection: 'incidentsConnection', args: 'filter: { priority: HIGH }', list: pageList('incidents') },
    { connection: 'organizationsConnection', list: pageList('organizations') },
    { connection: 'portalUsersConnection', list: pageList('portalUsers') },
    { connection: 'auditLogConnection', args: 'filter: { action: "test." }', list: pageList('auditLog') },
    { connection: 'deliveriesConnection', list: pageList('deliveries') },
    { connection: 'staffMembersConnection', list: wholeList('staffMembers') },
    { connection: 'kbArticlesConnection', list: pageList('kbArticles', 'portal'), as: 'portal' },
    { connection: 'kbArticlesConnection', args: 'q: "printer guide"', list: pageList('kbArticles', 'portal'), as: 'portal' },
    { connection: 'staffKbArticlesConnection', list: pageList('staffKbArticles') },
    { connection: 'staffKbArticlesConnection', args: 'filter: { q: "printer" }', list: pageList('staffKbArticles') },
    { connection: 'workspacesConnection', list: wholeList('workspaces', 'id', 'root'), as: 'root' },
    { connection: 'incidentAnalysesConnection', args: 'incidentId: "%incident%"', list: pageList('incidentAnalyses') },
    { connection: 'kbArticleRevisionsConnection', args: 'id: "%article%"', list: wholeList('kbArticleRevisions', 'revision'), key: 'revision' },
  ];
  /** A case's arguments with this workspace's seeded incident and article. */
  const argsOf = (c: Case, tag = 'A') => (c.args ?? '').replace('%incident%', refs[tag].incidentId).replace('%article%', refs[tag].articleId);

  const page = async (c: Case, args: string, headers = auth[c.as ?? 'acme'], tag = 'A'): Promise<Conn> => {
    const all = [argsOf(c, tag), args].filter(Boolean).join(' ');
    const key = c.key ?? 'id';
    const data = await gql<Record<string, Conn>>(
      `{ ${c.connection}${all ? `(${all})` : ''} { edges { cursor node { id: ${key} } } nodes { id: ${key} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
      headers,
    );
    const conn = data[c.connection];
    for (const n of [...conn.nodes, ...conn.edges.map((e) => e.node)]) n.id = String(n.id);
    expect(conn.nodes.map((n) => n.id)).toEqual(conn.edges.map((e) => e.node.id));
    expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
    expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1]?.cursor ?? null);
    return conn;
  };

  it.each(CASES.map((c) => [`${c.connection}(${c.args ?? ''})`, c] as const))('%s: forwards and backwards by 10, the list\'s rows in its order, pageInfo right at both ends', async (_name, c) => {
    const expected = await c.list(argsOf(c));
    expect(expected.ids.length).toBeGreaterThanOrEqual(c.args?.includes('priority') ? 6 : ROWS);
    const forwards: string[] = [];
    const flags: [boolean, boolean][] = [];
    let after: string | null = null;
    for (let n = 0; n < 10; n++) {
      const p: Conn = await page(c, `first: 10${after ? ` after: "${after}"` : ''}`);
      forwards.push(...p.nodes.map((x) => x.id));
      flags.push([p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage]);
      expect(p.totalCount).toBe(expected.total);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forwards).toEqual(expected.ids);
    expect(new Set(forwards).size).toBe(forwards.length);
    const pages = Math.ceil(expected.ids.length / 10);
    expect(flags).toEqual(Array.from({ length: pages }, (_x, i) => [i > 0, i < pages - 1]));

    const backwards: string[] = [];
    const backFlags: [boolean, boolean][] = [];
    let before: string | null = null;
    for (let n = 0; n < 10; n++) {
      const p: Conn = await page(c, `last: 10${before ? ` before: "${before}"` : ''}`);
      backwards.unshift(...p.nodes.map((x) => x.id));
      backFlags.push([p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage]);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backwards).toEqual(expected.ids);
    expect(backFlags).toEqual(Array.from({ length: pages }, (_x, i) => [i < pages - 1, i > 0]));
  });

  it.each(CASES.filter((c) => !c.args?.includes(':') && !c.as).map((c) => [c.connection, c] as const))('%s: the other workspace sees only its own rows, and a cursor of ours places nothing of ours', async (_name, c) => {
    const ours = await c.list('');
    const theirs = await page(c, 'first: 100', auth.other);
    expect(theirs.nodes.length).toBeGreaterThan(0);
    expect(theirs.nodes.map((n) => n.id)).not.toEqual(expect.arrayContaining([ours.ids[0]]));
    for (const id of theirs.nodes.map((n) => n.id)) expect(ours.ids).not.toContain(id);
    const cursor = (await page(c, 'first: 1')).pageInfo.endCursor!;
    const across = await page(c, `first: 100 after: "${cursor}"`, auth.other);
    for (const id of across.nodes.map((n) => n.id)) expect(ours.ids).not.toContain(id);
  });

  it('an incident or article of another workspace answers like a missing one, as in the list beside it', async () => {
    for (const [list, connection, code] of [
      [`incidentAnalyses(incidentId: "${refs.A.incidentId}") { items { id } }`, `incidentAnalysesConnection(incidentId: "${refs.A.incidentId}") { nodes { id } }`, 'INCIDENT_NOT_FOUND'],
      [`kbArticleRevisions(id: "${refs.A.articleId}") { revision }`, `kbArticleRevisionsConnection(id: "${refs.A.articleId}") { nodes { revision } }`, 'ARTICLE_NOT_FOUND'],
    ]) {
      const a = await t.gql(`{ ${list} }`, undefined, auth.other);
      const b = await t.gql(`{ ${connection} }`, undefined, auth.other);
      expect([a.errors?.[0]?.extensions?.code, b.errors?.[0]?.extensions?.code]).toEqual([code, code]);
    }
  });

  it('Incident.updatesConnection pages the timeline like `updates`, oldest first, both ways; a customer gets the PUBLIC ones only', async () => {
    const staffUpdates = async (headers: Record<string, string>, root: string) => {
      const data = await gql<Record<string, { updates: { id: string }[] }>>(`{ ${root}(id: "${refs.A.incidentId}") { updates { id } } }`, headers);
      return data[root].updates.map((u) => u.id);
    };
    const walk = async (headers: Record<string, string>, root: string, way: 'first' | 'last') => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let n = 0; n < 10; n++) {
        const arg = cursor ? ` ${way === 'first' ? 'after' : 'before'}: "${cursor}"` : '';
        const data: Record<string, { updatesConnection: Conn }> = await gql(
          `{ ${root}(id: "${refs.A.incidentId}") { updatesConnection(${way}: 10${arg}) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } } }`,
          headers,
        );
        const p = data[root].updatesConnection;
        if (way === 'first') ids.push(...p.nodes.map((x) => x.id));
        else ids.unshift(...p.nodes.map((x) => x.id));
        const more = way === 'first' ? p.pageInfo.hasNextPage : p.pageInfo.hasPreviousPage;
        expect(p.totalCount).toBeGreaterThan(0);
        if (!more) break;
        cursor = way === 'first' ? p.pageInfo.endCursor : p.pageInfo.startCursor;
      }
      return ids;
    };
    const all = await staffUpdates(auth.acme, 'incident');
    expect(all.length).toBeGreaterThanOrEqual(ROWS + 5);
    expect(await walk(auth.acme, 'incident', 'first')).toEqual(all);
    expect(await walk(auth.acme, 'incident', 'last')).toEqual(all);
    const total = await gql<{ incident: { updatesConnection: { totalCount: number } } }>(`{ incident(id: "${refs.A.incidentId}") { updatesConnection(first: 1) { totalCount } } }`);
    expect(total.incident.updatesConnection.totalCount).toBe(all.length);

    // A portal user who reported the incident: its PUBLIC updates only, the same as its `updates`.
    const em = t.em();
    const reporter = await createCustomerUser(em, t.app.runtime.passwords, acme);
    await em.getConnection().execute(`UPDATE incidents SET reporter_customer_id = ? WHERE id = ?`, [reporter.user.id, refs.A.incidentId]);
    const headers = await portalLogin(t, 'conn-acme', reporter.email, reporter.password);
    const visible = await staffUpdates(headers, 'ticket');
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(all.length);
    expect(await walk(headers, 'ticket', 'first')).toEqual(visible);
    expect(await walk(headers, 'ticket', 'last')).toEqual(visible);
  });

  it('a search by connection has no typo fallback: what the page form finds only by it, the connection does not', async () => {
    const page = await gql<{ kbArticles: { fuzzy: boolean; items: unknown[] } }>('{ kbArticles(q: "printer setup") { fuzzy items { id } } }', auth.portal);
    expect(page.kbArticles.fuzzy).toBe(true);
    expect(page.kbArticles.items.length).toBeGreaterThan(0);
    const conn = await gql<{ kbArticlesConnection: { nodes: unknown[]; totalCount: number } }>('{ kbArticlesConnection(q: "printer setup") { nodes { id } totalCount } }', auth.portal);
    expect(conn.kbArticlesConnection).toEqual({ nodes: [], totalCount: 0 });
  });

  it('ticketsConnection pages what `tickets` lists for a portal reader (own and shared tickets), in its order, both ways', async () => {
    const em = t.em();
    const org = await createCustomerOrg(em, acme, 'ORGANIZATION');
    const me = await createCustomerUser(em, t.app.runtime.passwords, acme, { org });
    const colleague = await createCustomerUser(em, t.app.runtime.passwords, acme, { org });
    const stranger = await createCustomerUser(em, t.app.runtime.passwords, acme);
    for (let i = 0; i < 23; i++) {
      const incident = await createIncident(em, acme, { title: `Shared ${i}`, reporter: i % 3 === 0 ? me.user : i % 3 === 1 ? colleague.user : undefined, org });
      await em.getConnection().execute(`UPDATE incidents SET created_at = now() - (? / 2) * interval '1 minute' WHERE id = ?`, [i, incident.id]);
    }
    await createIncident(em, acme, { title: 'Not ours', reporter: stranger.user });
    auth.sharer = await portalLogin(t, 'conn-acme', me.email, me.password);
    const c: Case = { connection: 'ticketsConnection', list: pageList('tickets', 'sharer'), as: 'sharer' };
    const expected = await c.list('');
    expect(expected.ids).toHaveLength(23);
    const walk = async (way: 'first' | 'last') => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let n = 0; n < 5; n++) {
        const p: Conn = await page(c, way === 'first' ? `first: 10${cursor ? ` after: "${cursor}"` : ''}` : `last: 10${cursor ? ` before: "${cursor}"` : ''}`);
        if (way === 'first') ids.push(...p.nodes.map((x) => x.id));
        else ids.unshift(...p.nodes.map((x) => x.id));
        expect(p.totalCount).toBe(23);
        if (!(way === 'first' ? p.pageInfo.hasNextPage : p.pageInfo.hasPreviousPage)) break;
        cursor = way === 'first' ? p.pageInfo.endCursor : p.pageInfo.startCursor;
      }
      return ids;
    };
    expect(await walk('first')).toEqual(expected.ids);
    expect(await walk('last')).toEqual(expected.ids);
    // Staff may not call it, like `tickets`.
    expect((await t.gql('{ ticketsConnection { nodes { id } } }', undefined, auth.acme)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('plans: each order has its index, and a deep cursor bounds the index scan (no Sort)', () => {
    type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] };
    const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
    it.each([
      ['organizationsConnection', 'customers c', 'customers_tenant_id_name_key_id_index', 'acme', 'name_key'],
      ['portalUsersConnection', 'customer_portal_users u', 'portal_users_tenant_id_display_name_key_email_id_index', 'acme', 'display_name_key'],
      ['auditLogConnection', 'audit_log a', 'audit_log_tenant_id_created_at_id_index', 'acme', 'created_at'],
      ['deliveriesConnection', 'notification_deliveries d', 'notification_deliveries_tenant_id_created_at_id_index', 'acme', 'created_at'],
      ['staffMembersConnection', 'users u', 'users_tenant_id_created_at_id_index', 'acme', 'created_at'],
      ['staffKbArticlesConnection', 'kb_articles a', 'kb_articles_tenant_id_updated_at_id_index', 'acme', 'updated_at'],
      ['kbArticlesConnection', 'kb_articles a', 'kb_articles_tenant_id_published_key_id_index', 'portal', 'published_key'],
    ])('%s', async (connection, from, index, _as, key) => {
      const c = CASES.find((x) => x.connection === connection && !x.args) ?? CASES.find((x) => x.connection === connection)!;
      const after = (await page(c, 'first: 3')).pageInfo.endCursor!;
      const sent = await roundTrips(() => page(c, `first: 3 after: "${after}"`));
      const { text, values } = sent.find((s) => s.as === 'ClaimedRead' && s.text.includes(`FROM ${from}`) && s.text.includes('"_k0"'))!;
      const client = new Client({ connectionString: t.db.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        // Tiny tables: left alone the planner reads them whole and sorts. What is checked is that an index can
        // serve the order and the cursor at all (a Sort stays in the plan, at a penalty, if none can), as the
        // tenant role under row-level security.
        await client.query(`SELECT set_config('role', '${TENANT_ROLE}', true), set_config('app.tenant_id', '${acme.id}', true)`);
        for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await client.query(`SELECT set_config('${off}', 'off', true)`);
        await client.query(`PREPARE listed AS ${text}`);
        const res = await client.query(`EXPLAIN (FORMAT JSON) EXECUTE listed(${values!.map((v) => (v === null ? 'NULL' : escapeLiteral(String(v)))).join(', ')})`);
        await client.query('ROLLBACK');
        const nodes = nodesOf(res.rows[0]['QUERY PLAN'][0].Plan);
        expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
        const scan = nodes.find((n) => n['Index Name'] === index);
        expect({ connection, index: scan?.['Index Name'] }).toEqual({ connection, index });
        // The cursor's row comparison is an index condition: a deep page starts in the index where it left off.
        expect(scan!['Index Cond']).toMatch(/ROW\(.*\) [<>] ROW\(/);
        expect(scan!['Index Cond']).toContain(key);
      } finally {
        await client.end();
      }
    });
  });

  it('refuses bad arguments with a coded field error, never a database error', async () => {
    const c = CASES[0];
    const cursor = (await page(c, 'first: 1')).pageInfo.endCursor!;
    const orgCursor = (await page(CASES.find((x) => x.connection === 'organizationsConnection')!, 'first: 1')).pageInfo.endCursor!;
    const forged = Buffer.from(JSON.stringify(['incident:CREATED_AT:DESC', "'; DROP TABLE incidents; --", 'x'])).toString('base64url');
    for (const [args, field] of [
      ['first: 0', 'first'],
      ['first: 101', 'first'],
      ['last: 0', 'last'],
      ['first: 5, last: 5', 'last'],
      [`last: 5, after: "${cursor}"`, 'after'],
      [`first: 5, before: "${cursor}"`, 'first'],
      ['after: "not a cursor!"', 'after'],
      ['before: "bm90LWpzb24"', 'before'],
      [`after: "${forged}"`, 'after'],
      [`after: "${orgCursor}"`, 'after'],
      [`sort: { field: NUMBER, direction: ASC }, after: "${cursor}"`, 'after'],
      [`after: "${'A'.repeat(2000)}"`, 'after'],
      // Well-typed values PostgreSQL would refuse as parameters: a day that does not exist.
      [`after: "${Buffer.from(JSON.stringify(['incident:CREATED_AT:DESC', '2026-02-30T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url')}"`, 'after'],
    ] as const) {
      const res = await t.gql(`{ incidentsConnection(${args}) { nodes { id } } }`, undefined, auth.acme);
      expect([args, res.errors?.[0]?.extensions?.code, (res.errors?.[0]?.extensions?.errors as { field: string }[] | undefined)?.[0]?.field]).toEqual([args, 'VALIDATION_FAILED', field]);
    }
  });

  it('answers like the list it sits beside for a caller the list refuses', async () => {
    const em = t.em();
    const engineer = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'ENGINEER' });
    const headers = (await login(t, engineer.email, engineer.password)).auth;
    for (const [list, connection] of [
      ['auditLog', 'auditLogConnection'],
      ['deliveries', 'deliveriesConnection'],
      ['portalUsers', 'portalUsersConnection'],
      ['workspaces', 'workspacesConnection'],
    ]) {
      const a = await t.gql(`{ ${list} { __typename } }`, undefined, headers);
      const b = await t.gql(`{ ${connection} { __typename } }`, undefined, headers);
      expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(b.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.gql('{ incidentsConnection { totalCount } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
