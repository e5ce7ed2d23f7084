import { request as httpRequest } from 'node:http';
import { startTestApp, type TestApp } from '../setup/app';

type GqlBody = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

/** A GraphQL request body of exactly `bytes` bytes: a valid query padded with a comment. */
const bodyOf = (bytes: number) => {
  const base = JSON.stringify({ query: '{ __typename }\n#' });
  return JSON.stringify({ query: `{ __typename }\n#${'x'.repeat(bytes - base.length)}` });
};

describe('request body size limit (BODY_LIMIT_BYTES) on GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' }, { overHttp: true });
  });
  afterAll(() => t.close());

  it('answers a body over the limit with 413 and a coded GraphQL error, before parsing it', async () => {
    expect(Buffer.byteLength(bodyOf(4097))).toBe(4097);
    const res = await t.rest<GqlBody>('POST', '/graphql', bodyOf(4097), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.data).toBeUndefined();
  });

  it('accepts a body at the limit', async () => {
    const res = await t.rest<GqlBody>('POST', '/graphql', bodyOf(4096), { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a streamed body without Content-Length once it passes the limit', async () => {
    const url = new URL(`${t.url}/graphql`);
    const status = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      const body = bodyOf(64 * 1024);
      // In pieces, as a client streaming a large upload would.
      for (let i = 0; i < body.length; i += 1024) req.write(body.slice(i, i + 1024));
      req.end();
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('the default limit is 1 MiB', async () => {
    const defaults = await startTestApp({}, { sameDatabaseAs: t, overHttp: true });
    try {
      expect(defaults.config.bodyLimitBytes).toBe(1024 * 1024);
      expect((await defaults.rest('POST', '/graphql', bodyOf(1024 * 1024 + 1), { 'content-type': 'application/json' })).status).toBe(413);
      expect((await defaults.rest('POST', '/graphql', bodyOf(1024 * 1024), { 'content-type': 'application/json' })).status).toBe(200);
    } finally {
      await defaults.close();
    }
  });
});
