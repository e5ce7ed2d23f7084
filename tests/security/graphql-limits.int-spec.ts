import { createStaff, login } from '../factories/staff';
import { startTestApp, type TestApp } from '../setup/app';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type GqlBody = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** `{ companies { id } }` under `n` aliases: cheap to run, so only the alias limit can refuse it. */
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: companies { id }`).join(' ')} }`;

describe('GraphQL operation limits (defaults): every refusal a 400 with its own code, before anything runs', () => {
  let t: TestApp;
  let staffAuth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createStaff(t.em(), t.app.runtime.passwords, { role: 'ADMIN' });
    staffAuth = (await login(t, admin.email, admin.password)).auth;
  });
  afterAll(() => t.close());

  const refusedWith = async (query: string, code: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const res = await t.rest<GqlBody>('POST', '/graphql', { query, variables }, headers);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors!;
    expect(error.extensions?.code).toBe(code);
    expect(typeof error.extensions?.limit).toBe('number');
    expect(error.message).toMatch(/limit/);
    return error;
  };

  it('depth: 8 levels of fields at most (fragments do not count as a level)', async () => {
    const nested = (levels: number) => {
      let inner = 'name';
      for (let i = 0; i < levels; i++) inner = `ofType { ${inner} }`;
      return `{ __type(name: "Query") { fields { type { ${inner} } } } }`;
    };
    // __type, fields, type, then the ofType levels and the leaf.
    expect((await t.gql(nested(4))).errors).toBeUndefined(); // depth 8
    const error = await refusedWith(nested(5), 'QUERY_TOO_DEEP'); // depth 9
    expect(error.extensions).toMatchObject({ limit: 8, found: 9 });
    expect(error.message).toBe('The query nests fields 9 levels deep; the limit is 8.');
  });

  it('aliases: 15 at most', async () => {
    expect((await t.gql(aliased(15))).errors).toBeUndefined();
    const error = await refusedWith(aliased(16), 'TOO_MANY_ALIASES');
    expect(error.extensions).toMatchObject({ limit: 15, found: 16 });
  });

  it('directives: 50 at most', async () => {
    const withDirectives = (n: number) => `{ companies { ${'id @include(if: true) '.repeat(n)} } }`;
    expect((await t.gql(withDirectives(50))).errors).toBeUndefined();
    const error = await refusedWith(withDirectives(51), 'TOO_MANY_DIRECTIVES');
    expect(error.extensions).toMatchObject({ limit: 50, found: 51 });
  });

  it('tokens: 1000 at most, refused while parsing', async () => {
    const error = await refusedWith(`{ companies { ${'id '.repeat(1000)}} }`, 'TOO_MANY_TOKENS');
    expect(error.extensions).toMatchObject({ limit: 1000 });
    expect((await t.gql(`{ companies { ${'id '.repeat(400)}} }`)).errors).toBeUndefined();
  });

  it('cost: computed from list sizes, with the limit taken from the variables', async () => {
    const query = 'query ($limit: Int) { tickets(limit: $limit) { items { updates { author { displayName } } comments { author { displayName } } } } }';
    // 100 tickets × (1 + 20 updates × 2 + 20 comments × 2 ...) is far over 5000 ...
    const error = await refusedWith(query, 'QUERY_TOO_COMPLEX', { limit: 100 });
    expect(error.extensions).toMatchObject({ limit: 5000 });
    expect(error.extensions!.found as number).toBeGreaterThan(5000);
    // ... 10 of them is not: the same text is judged by what it asks for, and reaches authorization.
    const small = await t.gql(query, { limit: 10 });
    expect(small.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The default page size (20) counts when no limit is given.
    expect((await t.gql(query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('cost: an alias bomb of large pages is refused even when each alias alone is fine', async () => {
    const page = 'incidents(limit: 100) { items { id assignee { id } sla { responseDueAt } internalSla { state } } }';
    expect((await t.gql(`{ ${page} }`, undefined, staffAuth)).errors).toBeUndefined();
    await refusedWith(`{ ${Array.from({ length: 12 }, (_, i) => `p${i}: ${page}`).join(' ')} }`, 'QUERY_TOO_COMPLEX', undefined, staffAuth);
  });

  it('cost: fragments spread inside fragments cannot hide a huge selection', async () => {
    const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
    const fragments = [1, 2, 3, 4, 5].map((i) => (i === 1 ? 'fragment F1 on Query { companies { id } }' : `fragment F${i} on Query { ${spreads(`F${i - 1}`)} }`));
    const res = await t.rest<GqlBody>('POST', '/graphql', { query: `{ ...F5 } ${fragments.join(' ')}` });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('the REST routes run through the same limits and still serve their largest pages', async () => {
    const res = await t.rest<Envelope<{ items: unknown[] }>>('GET', '/api/v1/incidents?limit=100', undefined, staffAuth);
    expect(res.status).toBe(200);
  });

  it('several violations are all reported, each coded', async () => {
    const deep = '__type(name: "Query") { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } }';
    const res = await t.rest<GqlBody>('POST', '/graphql', { query: `{ ${aliased(16).slice(1, -1)} ${deep} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.extensions?.code).sort()).toEqual(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES']);
  });

  it('HTTP batching is off', async () => {
    const res = await t.rest<GqlBody>('POST', '/graphql', [{ query: '{ companies { id } }' }, { query: '{ companies { id } }' }]);
    expect(res.status).toBe(400);
  });

  it('CSRF prevention: a GET query needs a preflight-forcing header', async () => {
    const bare = await t.rest<GqlBody>('GET', '/graphql?query=%7B__typename%7D');
    expect(bare.status).toBe(400);
    expect(bare.text).toMatch(/CSRF|preflight/i);
    const ok = await t.rest<GqlBody>('GET', '/graphql?query=%7B__typename%7D', undefined, { 'apollo-require-preflight': 'true' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ __typename: 'Query' });
  });

  it('no "Did you mean" suggestions outside development, in validation or variable errors', async () => {
    const unknownField = await t.gql('{ compnies { id } }');
    expect(unknownField.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknownField.errors?.[0].message).not.toMatch(/Did you mean|companies/);
    const unknownArg = await t.gql('{ tickets(limti: 5) { pagination { total } } }');
    expect(JSON.stringify(unknownArg.errors)).not.toMatch(/Did you mean|"limit"/);
    const badEnum = await t.gql('query ($s: IncidentStatus) { tickets(status: $s) { pagination { total } } }', { s: 'OPN' });
    expect(JSON.stringify(badEnum.errors)).not.toMatch(/Did you mean/);
  });

  it('introspection answers outside production by default', async () => {
    const res = await t.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('GraphQL operation limits: each is a setting, and introspection can be turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_ALIASES: '2',
      GRAPHQL_MAX_DIRECTIVES: '1',
      GRAPHQL_MAX_TOKENS: '120',
      GRAPHQL_MAX_COST: '50',
      GRAPHQL_ASSUMED_LIST_SIZE: '5',
    });
  });
  afterAll(() => t.close());

  const codeOf = async (query: string, variables?: Record<string, unknown>) => {
    const res = await t.rest<GqlBody>('POST', '/graphql', { query, variables });
    return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, body: res.body };
  };

  it('applies the configured numbers', async () => {
    expect(await codeOf('{ tickets(limit: 2) { items { updates { id } } } }')).toMatchObject({ code: 'UNAUTHENTICATED' }); // depth 4 (leaves count)
    expect(await codeOf('{ tickets { items { updates { author { kind } } } } }')).toMatchObject({ status: 400, code: 'QUERY_TOO_DEEP' });
    expect(await codeOf(aliased(3))).toMatchObject({ status: 400, code: 'TOO_MANY_ALIASES' });
    expect(await codeOf('{ companies { id @include(if: true) name @skip(if: false) } }')).toMatchObject({ status: 400, code: 'TOO_MANY_DIRECTIVES' });
    expect(await codeOf(`{ companies { ${'id '.repeat(120)}} }`)).toMatchObject({ status: 400, code: 'TOO_MANY_TOKENS' });
    // A ticket costs 1, its items entry 1, and 5 assumed updates 1 each: 7 a ticket.
    expect(await codeOf('{ tickets(limit: 8) { items { updates { id } } } }')).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' }); // 8 × 7
    expect(await codeOf('{ tickets(limit: 7) { items { updates { id } } } }')).toMatchObject({ code: 'UNAUTHENTICATED' }); // 7 × 7
    expect(await codeOf('{ tickets { items { updates { id } } } }')).toMatchObject({ code: 'QUERY_TOO_COMPLEX' }); // the default page of 20
    // An unbounded list counts as GRAPHQL_ASSUMED_LIST_SIZE items.
    expect((await codeOf('{ companies { id } }')).body.errors).toBeUndefined();
  });

  it('refuses introspection when turned off, but still answers __typename', async () => {
    const schema = await codeOf('{ __schema { types { name } } }');
    expect(schema.status).toBe(400);
    expect(schema.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(schema.body.data).toBeUndefined();
    const type = await codeOf('{ __type(name: "Incident") { fields { name } } }');
    expect(type.status).toBe(400);
    expect(await codeOf('{ __typename }')).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('a REST route over a limit answers the envelope with the code and 400', async () => {
    // A page of 100 portal tickets costs more than 50.
    const res = await t.rest<Envelope>('GET', '/api/v1/portal/tickets?limit=100');
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.errors?.[0].code).toMatch(/^(QUERY_TOO_DEEP|QUERY_TOO_COMPLEX)$/);
  });
});
