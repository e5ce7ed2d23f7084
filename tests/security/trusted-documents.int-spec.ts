import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';
import { documentHash } from '../../src/config/trusted-documents';
import { createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { sendOver, TRANSPORTS, type Answer, type Transport } from '../setup/transports';

const codes = (a: Answer) => (a.errors ?? []).map((e) => e.extensions?.code);

/** Documents as codegen's client preset prints them into the manifest. */
const TICKETS = 'query Tickets {\n  tickets(limit: 1) {\n    items {\n      id\n    }\n  }\n}';
const COMPANIES = 'query Companies {\n  companies {\n    id\n  }\n}';

/**
 * Trusted documents (GRAPHQL_TRUSTED_DOCUMENTS) on every door: only the manifest's operations run, sent by
 * hash; text, unknown hashes and a trusted hash with other text are refused before anything is parsed. The
 * REST routes' own operations still run. Without a manifest, automatic persisted queries work on every door.
 */
describe('persisted operations', () => {
  let dir: string;
  let manifest: string;
  let trusted: TestApp;
  let open: TestApp;
  let portal: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'trusted-documents-'));
    manifest = path.join(dir, 'persisted-documents.json');
    await writeFile(manifest, JSON.stringify({ [documentHash(TICKETS)]: TICKETS, [documentHash(COMPANIES)]: COMPANIES }));
    trusted = await startTestApp({ GRAPHQL_TRUSTED_DOCUMENTS: manifest, WORKER_ENABLED: 'false' }, { overHttp: true });
    open = await startTestApp({ WORKER_ENABLED: 'false' }, { sameDatabaseAs: trusted, overHttp: true });
    const em = trusted.em();
    const tenant = await createTenant(em, { slug: 'persisted' });
    const org = await createCustomerOrg(em, tenant);
    const customer = await createCustomerUser(em, trusted.app.runtime.passwords, tenant, { org });
    await createIncident(em, tenant, { reporter: customer.user, org });
    portal = await portalLogin(trusted, 'persisted', customer.email, customer.password);
  });
  afterAll(async () => {
    await open?.close();
    await trusted?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const expectTickets = (answer: Answer) => {
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.tickets as { items: unknown[] }).items).toHaveLength(1);
  };
  const expectRefused = (transport: Transport, answer: Answer, code: string, status = 400) => {
    expect(codes(answer)).toEqual([code]);
    expect(answer.data ?? undefined).toBeUndefined();
    if (transport !== 'WS') expect(answer.status).toBe(status);
  };

  describe.each(TRANSPORTS)('trusted documents over %s', (transport) => {
    const send = (body: Parameters<typeof sendOver>[2]) => sendOver(trusted, transport, body, portal);
    const hash = documentHash(TICKETS);

    it('runs a manifest operation sent by documentId or by extensions.persistedQuery', async () => {
      expectTickets(await send({ documentId: `sha256:${hash}` }));
      expectTickets(await send({ documentId: hash }));
      expectTickets(await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
      // The text beside its own hash is the same operation.
      expectTickets(await send({ query: TICKETS, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
    });

    it('refuses text, even a trusted document’s, unknown hashes and other text under a trusted hash', async () => {
      expectRefused(transport, await send({ query: TICKETS }), 'PERSISTED_QUERY_NOT_ALLOWED');
      expectRefused(transport, await send({ query: '{ tickets { items { id title } } }' }), 'PERSISTED_QUERY_NOT_ALLOWED');
      expectRefused(transport, await send({ documentId: documentHash('{ __typename }') }), 'PERSISTED_QUERY_NOT_ALLOWED');
      const other = '{ tickets { items { id description } } }';
      expectRefused(transport, await send({ query: other, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), 'PERSISTED_QUERY_NOT_ALLOWED');
      // Refused before parsing: text that is not even GraphQL gets the same answer.
      expectRefused(transport, await send({ query: '{{{' }), 'PERSISTED_QUERY_NOT_ALLOWED');
    });
  });

  it('leaves the REST routes and their own operations alone', async () => {
    const res = await trusted.rest<{ success: boolean; data: { items: unknown[] } }>('GET', '/api/v1/portal/tickets', undefined, portal);
    expect(res.status).toBe(200);
    expect(res.body.data.items).toHaveLength(1);
    const companies = await trusted.rest<{ success: boolean }>('GET', '/api/v1/customer/companies');
    expect(companies.status).toBe(200);
  });

  describe.each(TRANSPORTS)('automatic persisted queries over %s', (transport) => {
    const send = (body: Parameters<typeof sendOver>[2]) => sendOver(open, transport, body, portal);

    it('a hash alone misses until hash and text were sent once, then runs', async () => {
      const query = `query Apq${transport} { tickets(limit: 1) { items { id } } }`;
      const persistedQuery = { version: 1, sha256Hash: documentHash(query) };
      expectRefused(transport, await send({ extensions: { persistedQuery } }), 'PERSISTED_QUERY_NOT_FOUND', 200);
      expect((await send({ extensions: { persistedQuery } })).errors?.[0].message).toBe('PersistedQueryNotFound');
      expectTickets(await send({ query, extensions: { persistedQuery } }));
      expectTickets(await send({ extensions: { persistedQuery } }));
      expectTickets(await send({ documentId: `sha256:${persistedQuery.sha256Hash}` }));
      // Text still runs as it always did.
      expectTickets(await send({ query }));
    });

    it('refuses text under another text’s hash, and remembers nothing that did not pass the checks', async () => {
      const query = `query Hijack${transport} { tickets(limit: 1) { items { id } } }`;
      const sha256Hash = documentHash(query);
      expectRefused(transport, await send({ query: '{ tickets { items { id title } } }', extensions: { persistedQuery: { version: 1, sha256Hash } } }), 'BAD_REQUEST');
      expectRefused(transport, await send({ extensions: { persistedQuery: { version: 1, sha256Hash } } }), 'PERSISTED_QUERY_NOT_FOUND', 200);
      const invalid = `query Invalid${transport} { tickets { nope } }`;
      const invalidHash = { version: 1, sha256Hash: documentHash(invalid) };
      expect(codes(await send({ query: invalid, extensions: { persistedQuery: invalidHash } }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expectRefused(transport, await send({ extensions: { persistedQuery: invalidHash } }), 'PERSISTED_QUERY_NOT_FOUND', 200);
      expectRefused(transport, await send({ extensions: { persistedQuery: { version: 2, sha256Hash } } }), 'BAD_REQUEST');
    });
  });

  it('keeps one store for every door: registered over POST, found over GET and the socket', async () => {
    const query = 'query AcrossDoors { tickets(limit: 1) { items { id } } }';
    const persistedQuery = { version: 1, sha256Hash: documentHash(query) };
    expectTickets(await sendOver(open, 'POST', { query, extensions: { persistedQuery } }, portal));
    expectTickets(await sendOver(open, 'GET', { extensions: { persistedQuery } }, portal));
    expectTickets(await sendOver(open, 'WS', { extensions: { persistedQuery } }, portal));
  });

  it('refuses to start on a manifest that is not one, naming the setting', async () => {
    const problem = async (content: string) => {
      const file = path.join(dir, 'bad.json');
      await writeFile(file, content);
      try {
        loadConfig({ NODE_ENV: 'test', GRAPHQL_TRUSTED_DOCUMENTS: file });
      } catch (e) {
        if (e instanceof ConfigError) return e.problems.join('\n');
        throw e;
      }
      return '';
    };
    expect(await problem('not json')).toMatch(/^GRAPHQL_TRUSTED_DOCUMENTS: cannot read .* as JSON/);
    expect(await problem('[]')).toMatch(/^GRAPHQL_TRUSTED_DOCUMENTS: .* must hold a JSON object/);
    expect(await problem('{}')).toMatch(/^GRAPHQL_TRUSTED_DOCUMENTS: .* has no documents/);
    // A sha1 manifest (codegen's default) would match no request.
    expect(await problem(JSON.stringify({ '9f0b5e1c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c': TICKETS }))).toMatch(/is not the sha256 of its document/);
    expect(await problem(JSON.stringify({ [documentHash(TICKETS)]: TICKETS }))).toBe('');
    expect(loadConfig({ NODE_ENV: 'test', GRAPHQL_TRUSTED_DOCUMENTS: manifest }).graphql.trustedDocuments?.size).toBe(2);
  });
});
