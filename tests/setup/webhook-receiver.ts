import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { until } from './wait';

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What a path answers to its n-th request (from 0): a status and body, or no answer at all. */
export type Behaviour = (n: number) => { status: number; body?: string } | 'hang';

export interface Receiver {
  /** http://127.0.0.1:PORT */
  url: string;
  requests: ReceivedHook[];
  on(path: string, behaviour: Behaviour): void;
  received(path: string): ReceivedHook[];
  /** Resolves once `path` has had `count` requests. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedHook[]>;
  close(): Promise<void>;
}

/** A real HTTP server in the test process that records every webhook request; paths answer 200 unless told otherwise. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedHook[] = [];
  const behaviours = new Map<string, Behaviour>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const n = requests.filter((r) => r.path === path).length;
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const answer = (behaviours.get(path) ?? (() => ({ status: 200, body: 'ok' })))(n);
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const received = (path: string) => requests.filter((r) => r.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (path, behaviour) => void behaviours.set(path, behaviour),
    received,
    waitFor: async (path, count, timeoutMs = 10000) => {
      await until(() => received(path).length >= count, timeoutMs).catch(() => {
        throw new Error(`${path} had ${received(path).length} of ${count} requests within ${timeoutMs} ms`);
      });
      return received(path);
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
