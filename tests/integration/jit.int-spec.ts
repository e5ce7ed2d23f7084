import { addUpdate, createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

/**
 * GraphQL runs compiled by graphql-jit (GRAPHQL_JIT, the default; a document from its second run on) or
 * interpreted by graphql-js: the same answers either way, to the byte, for data, lazy totals, refusals, missing rows and bad variables, over
 * GraphQL and REST. Two servers on one database, the second with the compiler off.
 */
describe('compiled execution (graphql-jit) answers exactly as graphql-js', () => {
  let jit: TestApp;
  let plain: TestApp;
  const auth: Record<string, Record<string, string>> = {};
  let incidentId: string;

  beforeAll(async () => {
    jit = await startTestApp();
    plain = await startTestApp({ GRAPHQL_JIT: 'false' }, { sameDatabaseAs: jit });
    expect([jit.config.graphql.jit, plain.config.graphql.jit]).toEqual([true, false]);
    const em = jit.em();
    const tenant = await createTenant(em, { slug: 'jit-acme' });
    const engineer = await createStaff(em, jit.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    const viewer = await createStaff(em, jit.app.runtime.passwords, { tenant, role: 'VIEWER' });
    auth.engineer = (await login(jit, engineer.email, engineer.password)).auth;
    auth.viewer = (await login(jit, viewer.email, viewer.password)).auth;
    const org = await createCustomerOrg(em, tenant, 'OWN');
    const reporter = await createCustomerUser(em, jit.app.runtime.passwords, tenant, { org });
    auth.reporter = await portalLogin(jit, 'jit-acme', reporter.email, reporter.password);
    for (let i = 0; i < 3; i++) {
      const incident = await createIncident(em, tenant, { title: `Compiled ${i}`, reporter: reporter.user, org });
      for (let u = 0; u < 3; u++) await addUpdate(em, incident, `update ${u}`, u === 1 ? 'INTERNAL' : 'PUBLIC');
      incidentId ??= incident.id;
    }
  });
  afterAll(async () => {
    await plain?.close();
    await jit?.close();
  });

  /** The operations graphql-jit has compiled, from a server's /metrics (the jit server's by default). */
  const compiledSoFar = async (app: TestApp = jit) => Number(/^graphql_documents_compiled_total (\d+)$/m.exec((await app.rest('GET', '/metrics')).text)![1]);

  /**
   * The jit server runs a document on graphql-js the first time and compiled from the second time on: both its
   * answers must be the plain server's, and the second must have been compiled (unless graphql-jit is not given
   * the document at all: a defaulted input field set from a variable, below).
   */
  const bothAnswer = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>, compiles = true) => {
    const send = (app: TestApp) => app.rest('POST', '/graphql', { query, variables }, headers);
    const before = await compiledSoFar();
    const [first, second] = [await send(jit), await send(jit)];
    const [a, b] = [await send(plain), await send(plain)];
    expect([first, second].map((r) => ({ status: r.status, text: r.text }))).toEqual([a, b].map((r) => ({ status: r.status, text: r.text })));
    expect(await compiledSoFar()).toBe(before + (compiles ? 1 : 0));
    return first;
  };

  it.each<[string, string, string, Record<string, unknown> | null]>([
    ['an incident with its timeline, assignee and SLA', 'query ($id: ID!) { incident(id: $id) { id number title techDescription internalSla { state } assignee { id } updates { body visibility author { kind displayName } } } }', 'engineer', null],
    ['a page with lazy totals and cursors', '{ incidents(limit: 2) { items { id updates(last: 1) { body } } pagination { total totalPages totalIsExact } pageInfo { hasNextPage endCursor } } }', 'engineer', null],
    ['the portal ticket: PUBLIC updates and comments only', 'query ($id: ID!) { ticket(id: $id) { id title updates { body } comments { body } } }', 'reporter', null],
    ['a staff field refused to a portal user (FORBIDDEN)', 'query ($id: ID!) { incident(id: $id) { id } }', 'reporter', null],
    ['a missing row (INCIDENT_NOT_FOUND)', 'query { incident(id: "00000000-0000-4000-8000-000000000000") { id } }', 'engineer', null],
    ['a refused mutation (a VIEWER writing)', 'mutation ($id: ID!) { addIncidentUpdate(id: $id, input: { body: "x" }) { id } }', 'viewer', null],
    ['a variable of the wrong type (400 VALIDATION_FAILED naming it)', 'query WrongType($id: ID!) { incident(id: $id) { id } }', 'engineer', { id: { $gt: '' } }],
    ['a missing variable', 'query Missing($id: ID!) { incident(id: $id) { id } }', 'engineer', {}],
    ['no token', '{ incidents { items { id } } }', 'none', null],
  ])('%s', async (_name, query, who, variables) => {
    const res = await bothAnswer(query, variables ?? { id: incidentId }, who === 'none' ? {} : auth[who]);
    expect(res.text.length).toBeGreaterThan(20);
  });

  it('an input object field set to a variable the request leaves out gets its default value (graphql-jit would give it null)', async () => {
    for (const query of [
      'mutation ($id: ID!, $v: Visibility) { addIncidentUpdate(id: $id, input: { body: "Defaulted.", visibility: $v }) { body visibility } }',
      'mutation ($id: ID!, $v: Visibility) { incidentUpdateAdd(input: { id: $id, body: "Defaulted.", visibility: $v }) { update { body visibility } } }',
    ]) {
      const res = await bothAnswer(query, { id: incidentId }, auth.engineer, false);
      expect(res.text).toContain('"visibility":"INTERNAL"');
    }
  });

  it('compiles a document on its second run only, once', async () => {
    const query = '{ incidents(limit: 1) { items { id } } }';
    const before = await compiledSoFar();
    await jit.gql(query, undefined, auth.engineer);
    expect(await compiledSoFar()).toBe(before);
    await jit.gql(query, undefined, auth.engineer);
    await jit.gql(query, undefined, auth.engineer);
    expect(await compiledSoFar()).toBe(before + 1);
  });

  it('GRAPHQL_JIT_THRESHOLD 0 compiles a document on its first run, and it answers as graphql-js', async () => {
    const eager = await startTestApp({ GRAPHQL_JIT_THRESHOLD: '0' }, { sameDatabaseAs: jit });
    try {
      const query = '{ incidents(limit: 2) { items { id title } } }';
      const [a, b] = [await eager.gql(query, undefined, auth.engineer), await plain.gql(query, undefined, auth.engineer)];
      expect(await compiledSoFar(eager)).toBe(1);
      expect(a.data).toEqual(b.data);
    } finally {
      await eager.close();
    }
  });

  it('the REST routes, which run the same operations', async () => {
    for (const [path, headers] of [
      [`/api/v1/incidents/${incidentId}`, auth.engineer],
      ['/api/v1/incidents?limit=2', auth.engineer],
      [`/api/v1/portal/tickets/${incidentId}`, auth.reporter],
      ['/api/v1/portal/tickets/00000000-0000-4000-8000-000000000000', auth.reporter],
    ] as const) {
      // Twice each: interpreted, then compiled.
      for (let run = 0; run < 2; run++) {
        const [a, b] = [await jit.rest('GET', path, undefined, headers), await plain.rest('GET', path, undefined, headers)];
        expect({ path, run, status: a.status, text: a.text }).toEqual({ path, run, status: b.status, text: b.text });
      }
    }
  });
});
