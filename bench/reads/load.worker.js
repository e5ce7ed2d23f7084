'use strict';
/**
 * Runs in a worker thread (bench/reads/load.ts): keeps `concurrency` keep-alive connections busy with the
 * prepared requests, taken in turn (so ids and workspaces rotate), for `warmupMs` unmeasured and then
 * `durationMs` measured (see main). Every answer must be 200, and a GraphQL one must carry no `errors` (a REST one must
 * say `"success":true`); the first that is not stops the load. Off the main thread, so the client's work
 * does not land on the bench's own event loop.
 */
const http = require('node:http');
const { Buffer } = require('node:buffer');
const { performance } = require('node:perf_hooks');
const { setTimeout } = require('node:timers');
const { parentPort, workerData } = require('node:worker_threads');

const { host, port, requests, concurrency, warmupMs, durationMs, check } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
const prepared = requests.map((r) => ({
  method: r.method,
  path: r.path,
  headers: r.body === undefined ? { ...r.headers } : { ...r.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) },
  body: r.body,
}));

function send(r) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, path: r.path, method: r.method, agent, headers: r.headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(300_000, () => req.destroy(new Error('request timed out after 300 s')));
    req.end(r.body);
  });
}

/** Why an answer is not a success, or undefined. */
function problem(res) {
  if (res.status !== 200) return `HTTP ${res.status}: ${res.body.toString('utf8', 0, 300)}`;
  if (check === 'graphql' && res.body.includes('"errors":')) return `GraphQL errors: ${res.body.toString('utf8', 0, 300)}`;
  if (check === 'rest' && !res.body.includes('"success":true')) return `REST failure: ${res.body.toString('utf8', 0, 300)}`;
  return undefined;
}

let next = 0;

/**
 * One run: the lanes send requests back to back from the start; the measured window opens after `warmupMs`
 * (no pause in between, so a slow scenario's queue is not drained and refilled) and closes `durationMs` later.
 * Requests answered inside the window count (with their latency); no request is sent after it, and those in
 * flight are awaited (unmeasured) so that no work is left on the server for the next run.
 */
async function main() {
  const t0 = performance.now();
  const opens = t0 + warmupMs;
  const closes = opens + durationMs;
  const latencies = [];
  let ok = 0;
  let bytes = 0;
  let failure;
  let elu0;
  let clientBusyMs = 0;
  const opened = new Promise((resolve) =>
    setTimeout(() => {
      elu0 = performance.eventLoopUtilization();
      parentPort.postMessage({ started: true });
      resolve();
    }, Math.max(0, opens - performance.now())),
  );
  const closed = opened.then(
    () =>
      new Promise((resolve) =>
        setTimeout(() => {
          clientBusyMs = performance.eventLoopUtilization(elu0).active;
          parentPort.postMessage({ ended: true });
          resolve();
        }, Math.max(0, closes - performance.now())),
      ),
  );
  const lane = async () => {
    while (!failure && performance.now() < closes) {
      const r = prepared[next++ % prepared.length];
      const t = performance.now();
      try {
        const res = await send(r);
        const why = problem(res);
        if (why) {
          failure = `${r.method} ${r.path}: ${why}`;
          return;
        }
        const done = performance.now();
        if (done >= opens && done <= closes) {
          latencies.push(done - t);
          ok++;
          bytes += res.body.length;
        }
      } catch (e) {
        failure = `${r.method} ${r.path}: ${(e && e.message) || e}`;
        return;
      }
    }
  };
  await Promise.all([...Array.from({ length: concurrency }, lane), closed]);
  return { ok, elapsedMs: durationMs, latencies, clientBusyMs, bytes, failure };
}
main()
  .catch((e) => ({ ok: 0, elapsedMs: 0, latencies: [], clientBusyMs: 0, bytes: 0, failure: String((e && e.stack) || e) }))
  .then((result) => {
    agent.destroy();
    parentPort.postMessage({ result });
  });
