import { Worker } from 'node:worker_threads';

/** What the remote-like client saw: the answer, and how long it took to arrive on the client's own clock. */
export interface TimedAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  ms: number;
}

export interface TimingClient {
  post(path: string, body: unknown): Promise<TimedAnswer>;
  close(): Promise<void>;
}

// Runs in the worker: one fetch per message, timed from before the request to the last byte of the answer.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
parentPort.on('message', async ({ id, url, body }) => {
  try {
    const start = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    const ms = performance.now() - start;
    parentPort.postMessage({ id, status: res.status, headers: Object.fromEntries(res.headers), text, ms });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.stack || e) });
  }
});
`;

/**
 * An HTTP client on its own thread, so its clock sees what a remote caller sees. The test server runs in
 * the test's process: work it does after an answer has been sent (mail for an address that has an
 * account) would hold up a client on the same event loop while it reads that answer, and look like a
 * slower answer that no remote caller would ever see.
 */
export function startTimingClient(baseUrl: string): TimingClient {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const waiting = new Map<number, { resolve: (a: TimedAnswer) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', (m: { id: number; status: number; headers: Record<string, string>; text: string; ms: number; error?: string }) => {
    const w = waiting.get(m.id)!;
    waiting.delete(m.id);
    if (m.error) return w.reject(new Error(m.error));
    let body: unknown = m.text;
    try {
      body = JSON.parse(m.text);
    } catch {
      /* not JSON: compared as text */
    }
    w.resolve({ status: m.status, headers: m.headers, body, ms: m.ms });
  });
  return {
    post: (path, body) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, url: `${baseUrl}${path}`, body: JSON.stringify(body) });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
