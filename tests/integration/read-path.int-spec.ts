import { Client, escapeLiteral } from 'pg';
import { TENANT_ROLE } from '../../src/db/tenant-transaction';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { addUpdate, createCustomerOrg, createCustomerUser, createIncident, portalLogin, type CustomerFixture } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { roundTrips, type Sent } from '../setup/round-trips';

type Envelope<T = unknown> = { success: boolean; data: T; errors?: { code: string; field?: string }[] };
type Page = { items: { id: string; number: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; pagination?: { total: number; totalIsExact: boolean } };

/** What the server sends on its own, whatever the requests: the revocation poll, the SLA check, the job queue. */
const BACKGROUND = /FROM sessions WHERE revoked_at|SET response_breached_at|graphile_worker|queue_worker_heartbeats|^LISTEN/i;

/** The round trips of a request once its connection has prepared its statements (each connection does so once). */
const warm = (sent: Sent[]) => sent.filter((s) => s.as !== 'PrepareStatement' && !BACKGROUND.test(s.text));

/**
 * The read path's cost in round trips and plans, not in time (the benchmark measures time): a request of a
 * tenant sends BEGIN and the tenant claim with its first statement, a page sends no count unless the total
 * is selected, and every list order and filter is served by an index, with keyset cursors for depth.
 */
describe('reads at the speed of the database', () => {
  let t: TestApp;
  let acme: Tenant;
  let big: Tenant;
  const auth: Record<string, Record<string, string>> = {};
  let reporter: CustomerFixture;
  let incidentId: string;
  const BIG = 12_000;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false' });
    const em = t.em();
    acme = await createTenant(em, { slug: 'reads-acme' });
    const engineer = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'ENGINEER' });
    auth.staff = (await login(t, engineer.email, engineer.password)).auth;
    const org = await createCustomerOrg(em, acme, 'OWN');
    reporter = await createCustomerUser(em, t.app.runtime.passwords, acme, { org });
    const other = await createCustomerUser(em, t.app.runtime.passwords, acme, { org });
    auth.reporter = await portalLogin(t, 'reads-acme', reporter.email, reporter.password);
    auth.other = await portalLogin(t, 'reads-acme', other.email, other.password);
    for (let i = 0; i < 25; i++) {
      const incident = await createIncident(em, acme, { title: `Paged ${i}`, reporter: i < 12 ? reporter.user : other.user, org, priority: (['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const)[i % 4] });
      if (i < 3) for (let u = 0; u < 7; u++) await addUpdate(em, incident, `update ${u}`, u % 3 === 0 ? 'INTERNAL' : 'PUBLIC');
      incidentId ??= incident.id;
    }
    // A workspace larger than the count cap, written with SQL as the benchmark does, for totals and plans.
    big = await createTenant(em, { slug: 'reads-big' });
    const bigStaff = await createStaff(em, t.app.runtime.passwords, { tenant: big, role: 'ENGINEER' });
    auth.big = (await login(t, bigStaff.email, bigStaff.password)).auth;
    await em.getConnection().execute(
      `INSERT INTO incidents (tenant_id, number, type, title, description, priority, status, source, response_due_at, resolution_due_at, created_at, updated_at)
       SELECT ?, 'BIG-' || g, 'INCIDENT', 'Big ' || g, 'x', (ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::priority[])[1 + g % 4],
              (ARRAY['OPEN','ACKNOWLEDGED','RESOLVED']::incident_status[])[1 + g % 3], 'STAFF',
              now() + interval '1 hour', now() + interval '8 hours', now() - g * interval '1 minute', now() - g * interval '1 minute'
       FROM generate_series(1, ?) g`,
      [big.id, BIG],
    );
    await em.getConnection().execute('ANALYZE incidents');
  });
  afterAll(() => t.close());

  const staffPage = async (args: string, headers = auth.staff, selection = 'items { id number } pageInfo { hasNextPage endCursor }') => {
    const res = await t.gql<{ incidents: Page }>(`{ incidents(${args}) { ${selection} } }`, undefined, headers);
    expect(res.errors).toBeUndefined();
    return res.data!.incidents;
  };

  describe('keyset cursors', () => {
    it('page by page with `after` gives the same incidents as page numbers, in every sort', async () => {
      for (const sort of ['', 'sort: { field: PRIORITY, direction: ASC }', 'sort: { field: NUMBER, direction: DESC }']) {
        const byNumber = [];
        for (let page = 1; page <= 3; page++) byNumber.push(...(await staffPage(`limit: 10, page: ${page} ${sort}`)).items.map((i) => i.id));
        const byCursor: string[] = [];
        const more: boolean[] = [];
        let after: string | null = null;
        for (let n = 0; n < 3; n++) {
          const page: Page = await staffPage(`limit: 10 ${sort} ${after ? `after: "${after}"` : ''}`);
          byCursor.push(...page.items.map((i) => i.id));
          more.push(page.pageInfo.hasNextPage);
          after = page.pageInfo.endCursor;
        }
        expect(byCursor).toEqual(byNumber);
        expect(byCursor).toHaveLength(25);
        expect(new Set(byCursor).size).toBe(25);
        expect(more).toEqual([true, true, false]);
      }
    });

    it('over REST too: `after` in the query, `pageInfo` beside the pagination', async () => {
      const first = await t.rest<Envelope<Page>>('GET', '/api/v1/incidents?limit=20', undefined, auth.staff);
      expect(first.body.data.pageInfo.hasNextPage).toBe(true);
      const rest = await t.rest<Envelope<Page>>('GET', `/api/v1/incidents?limit=20&after=${first.body.data.pageInfo.endCursor}`, undefined, auth.staff);
      expect(rest.body.data.items).toHaveLength(5);
      expect(rest.body.data.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    });

    it('a customer pages through its own tickets; a cursor of a ticket it may not see places nothing', async () => {
      const own = await t.rest<Envelope<Page>>('GET', '/api/v1/portal/tickets?limit=5', undefined, auth.reporter);
      const next = await t.rest<Envelope<Page>>('GET', `/api/v1/portal/tickets?limit=5&after=${own.body.data.pageInfo.endCursor}`, undefined, auth.reporter);
      expect(next.body.data.items.map((i) => i.id)).not.toEqual(expect.arrayContaining(own.body.data.items.map((i) => i.id)));
      expect(own.body.data.items.length + next.body.data.items.length).toBe(10);
      // The other customer's cursor points at a ticket the reporter cannot see: no position, no rows.
      const theirs = await t.rest<Envelope<Page>>('GET', '/api/v1/portal/tickets?limit=5', undefined, auth.other);
      const foreign = await t.rest<Envelope<Page>>('GET', `/api/v1/portal/tickets?limit=5&after=${theirs.body.data.pageInfo.endCursor}`, undefined, auth.reporter);
      expect(foreign.status).toBe(200);
      expect(foreign.body.data.items).toEqual([]);
    });

    it('a customer of a sharing organization pages through what it sees by both reasons (its own, the organization\'s) once each, in order, by number and by cursor, with the total', async () => {
      // Tickets interleaved in time: reported by the user, by a colleague, by nobody of the organization
      // (staff on its behalf), and one of another organization; createdAt is spread a minute apart.
      const em = t.em();
      const tenant = await createTenant(em, { slug: 'reads-shared' });
      const shared = await createCustomerOrg(em, tenant, 'ORGANIZATION');
      const me = await createCustomerUser(em, t.app.runtime.passwords, tenant, { org: shared });
      const colleague = await createCustomerUser(em, t.app.runtime.passwords, tenant, { org: shared });
      const elsewhere = await createCustomerOrg(em, tenant, 'ORGANIZATION');
      const expected: string[] = [];
      for (let i = 0; i < 14; i++) {
        const kind = i % 4;
        const incident = await createIncident(em, tenant, {
          title: `Shared ${i}`,
          reporter: kind === 0 ? me.user : kind === 1 ? colleague.user : undefined,
          org: kind === 3 ? elsewhere : shared,
        });
        await em.getConnection().execute(`UPDATE incidents SET created_at = now() - ? * interval '1 minute' WHERE id = ?`, [i, incident.id]);
        if (kind !== 3) expected.push(incident.id);
      }
      const headers = await portalLogin(t, 'reads-shared', me.email, me.password);
      const byNumber: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = await t.rest<Envelope<Page>>('GET', `/api/v1/portal/tickets?limit=4&page=${page}`, undefined, headers);
        expect(res.body.data.pagination).toMatchObject({ total: expected.length });
        byNumber.push(...res.body.data.items.map((i) => i.id));
      }
      expect(byNumber).toEqual(expected.slice(0, 12)); // newest first: the order they were made in
      const byCursor: string[] = [];
      let after = '';
      for (;;) {
        const res = await t.rest<Envelope<Page>>('GET', `/api/v1/portal/tickets?limit=3${after ? `&after=${after}` : ''}`, undefined, headers);
        byCursor.push(...res.body.data.items.map((i) => i.id));
        if (!res.body.data.pageInfo.hasNextPage) break;
        after = res.body.data.pageInfo.endCursor!;
      }
      expect(byCursor).toEqual(expected);
      // A filter applies within each reason.
      const high = await t.gql<{ tickets: Page }>('{ tickets(limit: 50, priority: HIGH) { items { id } pagination { total } } }', undefined, headers);
      expect(high.data!.tickets.items.map((i) => i.id)).toEqual(expected);
      expect(high.data!.tickets.pagination!.total).toBe(expected.length);
    });

    it('a cursor that is not one, or a page number beside a cursor: 400 VALIDATION_FAILED naming the argument', async () => {
      const bad = await t.rest<Envelope>('GET', '/api/v1/incidents?after=not-a-cursor', undefined, auth.staff);
      expect([bad.status, bad.body.errors?.[0]]).toEqual([400, expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'after' })]);
      const cursor = (await staffPage('limit: 1')).pageInfo.endCursor;
      const both = await t.rest<Envelope>('GET', `/api/v1/incidents?page=2&after=${cursor}`, undefined, auth.staff);
      expect([both.status, both.body.errors?.[0]]).toEqual([400, expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'page' })]);
    });
  });

  describe('totals', () => {
    it('are counted up to 10,000, then reported as not exact', async () => {
      const page = await staffPage('limit: 5', auth.big, 'items { id } pagination { total totalPages totalIsExact }');
      expect(page.pagination).toEqual({ total: 10_000, totalPages: 2_000, totalIsExact: false });
      const small = await staffPage('limit: 5', auth.staff, 'items { id } pagination { total totalPages totalIsExact }');
      expect(small.pagination).toEqual({ total: 25, totalPages: 5, totalIsExact: true });
    });
  });

  describe('round trips per request (statements sent, row-level security framing included)', () => {
    const claimedRead = expect.objectContaining({ as: 'ClaimedRead', text: expect.stringMatching(/^SELECT /) });

    it('one incident: 1 (the tenant claim and the prepared read in one pipeline, no BEGIN or COMMIT)', async () => {
      const sent = await roundTrips(() => t.gql('query ($id: ID!) { incident(id: $id) { id title techDescription } }', { id: incidentId }, auth.staff));
      expect(warm(sent)).toEqual([claimedRead]);
      // A connection prepares a statement the first time it meets it (one more round trip), then never again.
      for (const prepared of sent.filter((s) => s.as === 'PrepareStatement')) expect(prepared.text).toBe(warm(sent)[0].text);
      const ticket = await roundTrips(() => t.gql('query ($id: ID!) { ticket(id: $id) { id title } }', { id: incidentId }, auth.reporter));
      expect(warm(ticket)).toEqual([claimedRead]);
    });

    it('each connection prepares a statement once: repeated reads send only the pipelines', async () => {
      const read = () => t.gql('query ($id: ID!) { incident(id: $id) { id number } }', { id: incidentId }, auth.staff);
      const sent = await roundTrips(async () => {
        for (let i = 0; i < 30; i++) await read();
      });
      // (The server's own background work, the revocation poll, may send a query of its own meanwhile.)
      expect(sent.filter((s) => s.as === 'ClaimedRead')).toHaveLength(30);
      expect(sent.filter((s) => s.as === 'PrepareStatement').length).toBeLessThanOrEqual(t.app.runtime.config.dbPoolMax);
    });

    it('one incident with its whole timeline, over GraphQL and REST: still 1 (the updates come in the same statement)', async () => {
      const gql = await roundTrips(() => t.gql('query ($id: ID!) { incident(id: $id) { id updates { body } } }', { id: incidentId }, auth.staff));
      expect(warm(gql)).toEqual([claimedRead]);
      expect(warm(await roundTrips(() => t.rest('GET', `/api/v1/incidents/${incidentId}`, undefined, auth.staff)))).toEqual([claimedRead]);
      expect(warm(await roundTrips(() => t.rest('GET', `/api/v1/portal/tickets/${incidentId}`, undefined, auth.reporter)))).toEqual([claimedRead]);
    });

    it('the participants of an incident, a ticket or a page come in the same statement too: still 1', async () => {
      expect(warm(await roundTrips(() => t.rest('GET', `/api/v1/incidents/${incidentId}/participants`, undefined, auth.staff)))).toEqual([claimedRead]);
      expect(warm(await roundTrips(() => t.rest('GET', `/api/v1/portal/tickets/${incidentId}/participants`, undefined, auth.reporter)))).toEqual([claimedRead]);
      const page = warm(await roundTrips(() => t.gql('{ tickets(limit: 20) { items { id participants { displayName } updates(last: 5) { body } } } }', undefined, auth.reporter)));
      expect(page).toEqual([claimedRead]);
    });

    it('a page of 20 with each incident\'s last 5 updates: 1 (the page with its updates); the total adds one, only when selected', async () => {
      const query = (extra: string) => t.gql(`{ incidents(limit: 20) { items { id updates(last: 5) { body } } ${extra} } }`, undefined, auth.staff);
      const sent = warm(await roundTrips(() => query('')));
      expect(sent).toEqual([claimedRead]);
      expect(sent.some((s) => /count\(/.test(s.text))).toBe(false);
      const withTotal = warm(await roundTrips(() => query('pagination { total }')));
      expect(withTotal).toEqual([claimedRead, claimedRead]);
      expect(withTotal.filter((s) => /count\(/.test(s.text))).toHaveLength(1);
      const portal = warm(await roundTrips(() => t.gql('{ tickets(limit: 20) { items { id updates(last: 5) { body } } } }', undefined, auth.reporter)));
      expect(portal).toEqual([claimedRead]);
    });

    it('a mutation keeps one transaction: BEGIN and the claim travel with its first statement, COMMIT ends it', async () => {
      const all = await roundTrips(async () => {
        const res = await t.gql('mutation ($id: ID!) { addIncidentUpdate(id: $id, input: { body: "round trips", visibility: INTERNAL }) { id } }', { id: incidentId }, auth.staff);
        expect(res.errors).toBeUndefined();
      });
      // The mutation rate limit's counter is another connection's (rate_limits), not the request's.
      const sent = all.filter((s) => !/rate_limits/.test(s.text));
      expect(sent[0]).toMatchObject({ as: 'query', text: expect.stringMatching(/^BEGIN; SELECT set_config\('role', 'incident_desk_tenant', true\), set_config\('app\.tenant_id', '[0-9a-f-]{36}', true\); /) });
      expect(sent[sent.length - 1]).toMatchObject({ as: 'query', text: expect.stringMatching(/^COMMIT/) });
      expect(sent.some((s) => s.as !== 'query')).toBe(false);
    });

    it('an object-first mutation (issue 15) sends the statements of the one it replaces: its payload adds none', async () => {
      const version = (await t.gql<{ incident: { version: number } }>('query ($id: ID!) { incident(id: $id) { version } }', { id: incidentId }, auth.staff)).data!.incident.version;
      const sent = async (query: string) => {
        const all = await roundTrips(async () => {
          const res = await t.gql(query, { id: incidentId, v: version }, auth.staff);
          expect(res.errors).toBeUndefined();
        });
        // Values (ids, times, the audit chain's hashes) and savepoint numbers differ from call to call; the statements must not.
        // Not the request's: the rate limit's counter, and the revoked-session list a token check refreshes now and then.
        return all.filter((s) => !/rate_limits|FROM sessions WHERE revoked_at/.test(s.text)).map((s) => s.text.replace(/'(?:[^']|'')*'/g, "'?'").replace(/trx\d+/g, 'trx'));
      };
      for (const [old, now] of [
        // Nothing to change: the same reads either way, and the same answer.
        ['mutation ($id: ID!, $v: Int!) { updateIncident(id: $id, version: $v, input: {}) { id title } }', 'mutation ($id: ID!, $v: Int!) { incidentUpdate(input: { id: $id, version: $v }) { incident { id title } } }'],
        ['mutation ($id: ID!) { unlinkIncident(id: $id) { id parentId } }', 'mutation ($id: ID!) { incidentUnlink(input: { id: $id }) { incident { id parentId } } }'],
        ['mutation ($id: ID!) { addIncidentUpdate(id: $id, input: { body: "same", visibility: INTERNAL }) { id } }', 'mutation ($id: ID!) { incidentUpdateAdd(input: { id: $id, body: "same", visibility: INTERNAL }) { update { id } } }'],
      ]) {
        const before = await sent(old);
        expect(before.length).toBeGreaterThan(2);
        expect(await sent(now)).toEqual(before);
      }
    });

    it('the timeline fetched with its incident is the one the field reads alone (staff, customer, newest N, comments)', async () => {
      const alone = async (query: string, headers: Record<string, string>) => {
        // Two different selections of the timeline: nothing is fetched ahead, each field reads through its loader.
        const res = await t.gql<Record<string, Record<string, unknown>>>(query.replace('}}', ' other: updates(last: 100) { id } }}'), { id: incidentId }, headers);
        const { other: _other, ...rest } = Object.values(res.data!)[0];
        return rest;
      };
      for (const [root, headers] of [['incident', auth.staff], ['ticket', auth.reporter]] as const) {
        for (const selection of ['updates { id body visibility author { kind displayName } createdAt }', 'updates(last: 3) { id body }', 'comments { id body }']) {
          const query = `query ($id: ID!) { ${root}(id: $id) { ${selection} }}`;
          const together = await t.gql<Record<string, unknown>>(query, { id: incidentId }, headers);
          expect(together.errors).toBeUndefined();
          expect(together.data![root]).toEqual(await alone(query, headers));
          expect(Object.values(together.data![root] as Record<string, unknown[]>)[0].length).toBeGreaterThan(0);
        }
      }
    });

    it('a request that reads nothing sends nothing', async () => {
      expect(await roundTrips(() => t.gql('{ __typename }', undefined, auth.staff))).toEqual([]);
    });
  });

  describe(`plans at size (a workspace of ${BIG} incidents)`, () => {
    type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] };
    const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
    /** The nodes of the plan of the list statement a request sends, planned as the tenant role with row-level security. */
    /**
     * The plan of the list statement a request sends, as the tenant role with row-level security: the generic
     * plan of its prepared statement (what PostgreSQL may settle on after five runs) and the custom one.
     */
    const planOf = (args: string, mode: 'force_generic_plan' | 'force_custom_plan') => planOfRequest(() => staffPage(args, auth.big, 'items { id }'), mode);
    const planOfRequest = async (request: () => Promise<unknown>, mode: 'force_generic_plan' | 'force_custom_plan'): Promise<PlanNode[]> => {
      const sent = await roundTrips(request);
      const { text, values } = sent.find((s) => s.as === 'ClaimedRead' && /FROM incidents i/.test(s.text))!;
      const client = new Client({ connectionString: t.db.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('role', '${TENANT_ROLE}', true), set_config('app.tenant_id', '${big.id}', true), set_config('plan_cache_mode', '${mode}', true)`);
        await client.query(`PREPARE listed AS ${text}`);
        const res = await client.query(`EXPLAIN (FORMAT JSON) EXECUTE listed(${values!.map((v) => escapeLiteral(String(v))).join(', ')})`);
        await client.query('ROLLBACK');
        return nodesOf(res.rows[0]['QUERY PLAN'][0].Plan);
      } finally {
        await client.end();
      }
    };
    const deep = async (args: string) => {
      let after: string | null = null;
      for (let i = 0; i < 3; i++) after = (await staffPage(`limit: 100 ${args} ${after ? `after: "${after}"` : ''}`, auth.big, 'pageInfo { endCursor }')).pageInfo.endCursor;
      return after!;
    };

    /** What a plan must show: a walk of an incidents_tenant_id_ index in order, bounded by `keys`, no sort. */
    const expectIndexWalk = (first: PlanNode[], deeper: PlanNode[], keys: string[]) => {
      // The filter and the cursor bound the index scan itself (index conditions), not a filter over every row
      // (under row-level security only leakproof operators can: integer ranks, not the enums themselves).
      const conditions = deeper.filter((n) => n['Relation Name'] === 'incidents').map((n) => n['Index Cond'] ?? '').join(' ');
      for (const key of keys) expect(conditions).toContain(key);
      for (const nodes of [first, deeper]) {
        const types = nodes.map((n) => n['Node Type']);
        expect(types[0]).toBe('Limit');
        expect(types).not.toContain('Sort');
        expect(types).not.toContain('Incremental Sort');
        const incidents = nodes.filter((n) => n['Relation Name'] === 'incidents');
        expect(incidents.map((n) => n['Node Type'])).not.toContain('Seq Scan');
        expect(incidents.some((n) => /Index/.test(n['Node Type']) && /^incidents_tenant_id_/.test(n['Index Name'] ?? ''))).toBe(true);
      }
    };

    it.each([
      ['the default order', '', ['created_at']],
      ['newest updated first', 'sort: { field: UPDATED_AT, direction: DESC }', ['updated_at']],
      ['by priority', 'sort: { field: PRIORITY, direction: DESC }', ['priority_rank']],
      ['a status filter', 'filter: { status: OPEN }', ['status_rank', 'created_at']],
      ['a priority filter', 'filter: { priority: HIGH }', ['priority_rank', 'created_at']],
    ])('%s: an index walked in order, no sort of the whole set, no sequential scan; a deep cursor the same; generic plan and custom', async (_name, args, keys) => {
      const after = await deep(args);
      for (const mode of ['force_generic_plan', 'force_custom_plan'] as const) {
        expectIndexWalk(await planOf(`limit: 20 ${args}`, mode), await planOf(`limit: 20 ${args} after: "${after}"`, mode), keys);
      }
    });

    it.each([
      ['the default order', '', ['created_at', 'id']],
      ['newest updated first', 'sort: { field: UPDATED_AT, direction: DESC }', ['updated_at', 'id']],
      ['by priority', 'sort: { field: PRIORITY, direction: DESC }', ['priority_rank', 'created_at', 'id']],
      ['a status filter', 'filter: { status: OPEN }', ['status_rank', 'created_at', 'id']],
      ['a priority filter, backwards', 'filter: { priority: HIGH }', ['priority_rank', 'created_at', 'id'], 'last'],
    ])('incidentsConnection, %s: the cursor\'s key values bound the index scan, no sort, however deep; generic plan and custom', async (_name, args, keys, way = 'first') => {
      const connection = (more: string, selection: string) => async () => {
        const res = await t.gql<{ incidentsConnection: { pageInfo: { startCursor: string; endCursor: string } } }>(`{ incidentsConnection(${args} ${more}) { ${selection} } }`, undefined, auth.big);
        expect(res.errors).toBeUndefined();
        return res.data!.incidentsConnection;
      };
      let cursor: string | null = null;
      for (let i = 0; i < 3; i++) {
        const p: { pageInfo: { startCursor: string; endCursor: string } } = await connection(`${way}: 100 ${cursor ? `${way === 'first' ? 'after' : 'before'}: "${cursor}"` : ''}`, 'pageInfo { startCursor endCursor }')();
        cursor = way === 'first' ? p.pageInfo.endCursor : p.pageInfo.startCursor;
      }
      for (const mode of ['force_generic_plan', 'force_custom_plan'] as const) {
        const first = await planOfRequest(connection(`${way}: 20`, 'nodes { id }'), mode);
        const deeper = await planOfRequest(connection(`${way}: 20 ${way === 'first' ? 'after' : 'before'}: "${cursor}"`, 'nodes { id }'), mode);
        expectIndexWalk(first, deeper, keys);
      }
    });

    it('incidentsConnection: one statement for a page with its updates; the total only when selected, capped', async () => {
      const sent = warm(await roundTrips(() => t.gql('{ incidentsConnection(first: 20) { nodes { id updates(last: 5) { body } } edges { node { id } } } }', undefined, auth.big)));
      expect(sent.filter((s) => /FROM incidents i/.test(s.text))).toHaveLength(1);
      expect(sent.some((s) => /count\(/.test(s.text))).toBe(false);
      const res = await t.gql<{ incidentsConnection: { totalCount: number } }>('{ incidentsConnection(first: 5) { totalCount } }', undefined, auth.big);
      expect(res.data!.incidentsConnection.totalCount).toBe(10_000);
    });
  });
});
