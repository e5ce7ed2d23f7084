import { serverAudits, type AuditResult } from 'graphql-http';
import { startTestApp, type TestApp } from '../setup/app';

/**
 * The GraphQL-over-HTTP spec's server audit (graphql-http's own), against the real server with its real
 * settings (CSRF prevention on, batching off, limits on), through plain `fetch`: no `fetchFn` adapting the
 * requests, so what passes here passes for any spec-following client.
 *
 * The SHOULDs that fail are pinned with the reason we keep them, so a new failure shows up in review:
 * - parse, validation and variable-coercion failures answer 400 under `Accept: application/json` (the spec
 *   prefers 200 for legacy clients there): Apollo's behaviour, and this API's convention that a refused
 *   request is a 4xx with `extensions.code` (docs/errors.md, REST-CONTRACT.md). With the
 *   `application/graphql-response+json` media type, 400 is what the spec asks for, and those audits pass.
 * The MAYs about GET requests without a preflight-forcing header fail on purpose: Apollo's CSRF prevention
 * refuses a simple GET (docs/api.md: `apollo-require-preflight`). The spec makes GET support optional.
 */
const ACCEPTED_SHOULD_FAILURES = [
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

describe('graphql-http server audit (GraphQL over HTTP spec) against /graphql', () => {
  let t: TestApp;
  let results: AuditResult[];
  beforeAll(async () => {
    t = await startTestApp({}, { overHttp: true });
    results = [];
    // One at a time: a few dozen small requests, no need to load a busy machine with them at once.
    for (const audit of serverAudits({ url: `${t.url}/graphql` })) results.push(await audit.fn());
  });
  afterAll(() => t.close());

  const failing = (level: 'MUST' | 'SHOULD' | 'MAY') =>
    results.filter((r) => r.name.startsWith(`${level} `) && r.status !== 'ok').map((r) => ({ name: r.name, reason: r.status === 'ok' ? '' : r.reason }));

  it('ran the whole audit', () => {
    expect(results.filter((r) => r.name.startsWith('MUST ')).length).toBeGreaterThanOrEqual(13) // graphql-http 1.23.1 has 13 MUSTs, 23 SHOULDs, 25 MAYs;
  });

  it('passes every MUST', () => {
    expect(failing('MUST')).toEqual([]);
  });

  it('fails no SHOULD beyond the documented ones', () => {
    const shoulds = failing('SHOULD');
    // In the test log, for whoever revisits the choice.
    for (const s of shoulds) console.info(`graphql-http audit: ${s.name}: ${s.reason}`);
    expect(shoulds.map((s) => s.name).sort()).toEqual([...ACCEPTED_SHOULD_FAILURES].sort());
  });

  it('the GET requests it makes are refused only for want of a preflight-forcing header', async () => {
    const mayGet = failing('MAY').filter((r) => /GET/.test(r.name));
    expect(mayGet.length).toBeGreaterThan(0);
    // The same request the audit makes, with the header a browser cannot send cross-site without a preflight.
    const url = `/graphql?query=${encodeURIComponent('query Q($skip: Boolean!) { __typename @skip(if: $skip) }')}&variables=${encodeURIComponent('{"skip":false}')}`;
    const bare = await t.rest('GET', url, undefined, { accept: 'application/json' });
    expect(bare.status).toBe(400);
    expect(bare.text).toMatch(/CSRF|preflight/i);
    const withHeader = await t.rest<{ data: unknown }>('GET', url, undefined, { accept: 'application/json', 'apollo-require-preflight': 'true' });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body.data).toEqual({ __typename: 'Query' });
  });
});
