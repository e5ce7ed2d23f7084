import { print } from 'graphql';
import { TestCompaniesDocument, type TestCompaniesQuery } from '../../src/generated/operations';
import { buildBareSchema } from '../../src/graphql/schema';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

describe('companies: the public list of tenants open to customer sign-up', () => {
  let t: TestApp;
  let open: { id: string; name: string; slug: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em();
    const a = await createTenant(em, { name: 'Zeta Hosting', slug: 'zeta-hosting', allowCustomerSignup: true });
    const b = await createTenant(em, { name: 'Alpha Cloud', slug: 'alpha-cloud', allowCustomerSignup: true });
    await createTenant(em, { name: 'Hidden Internal', slug: 'hidden-internal', allowCustomerSignup: false });
    // Sorted by name, id name and slug only.
    open = [b, a].map(({ id, name, slug }) => ({ id, name, slug }));
  });
  afterAll(() => t.close());

  it('GraphQL lists only open tenants, sorted by name, for an anonymous caller', async () => {
    const res = await t.gql<TestCompaniesQuery>(print(TestCompaniesDocument));
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.companies).toEqual(open);
  });

  it('signupWorkspaces (the new name) answers the same list, anonymous or signed in, and companies is deprecated for it', async () => {
    const res = await t.gql<{ signupWorkspaces: unknown; companies: unknown }>('{ signupWorkspaces { id name slug } companies { id name slug } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ signupWorkspaces: open, companies: open });
    const field = buildBareSchema().getQueryType()!.getFields();
    expect(field.companies.deprecationReason).toMatch(/^Use signupWorkspaces/);
    expect(field.signupWorkspaces.deprecationReason).toBeUndefined();
  });

  it('REST GET /api/v1/customer/companies answers the same list in the envelope', async () => {
    const res = await t.rest<{ success: boolean; message: string; data: unknown }>('GET', '/api/v1/customer/companies');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: 'Companies retrieved.', data: open });
  });

  it('never exposes a closed tenant, even by asking for more fields', async () => {
    const res = await t.gql('{ companies { id name slug allowCustomerSignup } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const list = await t.rest<{ data: { slug: string }[] }>('GET', '/api/v1/customer/companies');
    expect(list.body.data.map((c) => c.slug)).not.toContain('hidden-internal');
  });

  it('GET /graphql with a query string runs the query (CSRF-safe with a JSON accept header)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ companies { slug } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { companies: open.map(({ slug }) => ({ slug })) } });
  });

  it('a GET without a preflight header is refused as a possible CSRF', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ companies { slug } }')}`);
    expect(res.status).toBe(400);
  });
});
