import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { startTestApp, type TestApp } from '../setup/app';
import { until } from '../setup/wait';

/** Answers Fastify and Node would otherwise write themselves: coded like every other (issue 18). */

function rawExchange(url: string): { socket: Socket; received: () => string; closed: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let data = '';
  socket.on('data', (chunk) => (data += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  return { socket, received: () => data, closed };
}

const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as unknown;

describe("the server's own answers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a request Node cannot parse: 400 in the envelope', async () => {
    const x = rawExchange(t.url);
    x.socket.write('THIS IS NOT HTTP\r\n\r\n');
    await x.closed;
    expect(x.received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(x.received())).toEqual({ success: false, message: 'The request is not valid HTTP.', errors: [{ code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' }] });
  });

  it('a malformed URL: 400 in the envelope, not Fastify\'s own body', async () => {
    const res = await t.rest('GET', '/api/v1/incidents/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, errors: [{ code: 'BAD_REQUEST' }] });
  });
});

describe('while the server stops', () => {
  it('a request arriving on an open keep-alive connection gets the coded 503 with Retry-After, and the connection is closed', async () => {
    const t = await startTestApp();
    const x = rawExchange(t.url);
    try {
      // The first request is in flight (its body not all sent yet) when the stop begins, so the connection stays open.
      const body = JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password-1' });
      const arrived = once(t.app.http.server, 'request') as Promise<[IncomingMessage]>;
      x.socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
      const [request] = await arrived;
      await until(() => request.listenerCount('data') > 0, 'the server to read the body', 5000); // past its onRequest hooks: in flight
      const stopping = t.app.close();
      await until(() => !t.app.http.server.listening, 'the server to stop listening', 5000); // the stop has reached Node's server
      x.socket.write(`${body.slice(5)}GET /api/v1/auth/me HTTP/1.1\r\nHost: t\r\n\r\n`);
      await x.closed;
      await stopping;
      const responses = x.received().split(/(?=HTTP\/1\.1 )/);
      expect(responses).toHaveLength(2);
      expect(responses[0]).toMatch(/^HTTP\/1\.1 401 /); // the request in flight is finished
      expect(responses[1]).toMatch(/^HTTP\/1\.1 503 /);
      expect(responses[1]).toMatch(/\r\nretry-after: 1\r\n/i);
      expect(responses[1]).toMatch(/\r\nconnection: close\r\n/i);
      expect(bodyOf(responses[1])).toEqual({ success: false, message: 'The server is stopping; try again.', errors: [{ code: 'UNAVAILABLE', message: 'The server is stopping; try again.' }] });
    } finally {
      x.socket.destroy();
      await t.orm.close(true);
      await t.db.drop();
    }
  });
});
