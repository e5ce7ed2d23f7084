'use strict';
/**
 * Runs in a worker thread (bench/reads/load.ts): keeps `concurrency` keep-alive connections busy with the
 * prepared requests, taken in turn (so ids and workspaces rotate), for `warmupMs` unmeasured and then
 * `durationMs` measured. Every answer must be 200, and a GraphQL one must carry no `errors` (a REST one must
 * say `"success":true`); the first that is not stops the load. Off the main thread, so the client's work
 * does not land on the bench's own event loop.
 */
const http = require('node:http');
const { Buffer } = require('node:buffer');
const { performance } = require('node:perf_hooks');
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
    req.setTimeout(60_000, () => req.destroy(new Error('request timed out after 60 s')));
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
async function phase(until, latencies) {
  let ok = 0;
  let bytes = 0;
  let failure;
  const lane = async () => {
    while (!failure && performance.now() < until) {
      const r = prepared[next++ % prepared.length];
      const t = performance.now();
      try {
        const res = await send(r);
        const why = problem(res);
        if (why) {
          failure = `${r.method} ${r.path}: ${why}`;
          return;
        }
        if (latencies) latencies.push(performance.now() - t);
        ok++;
        bytes += res.body.length;
      } catch (e) {
        failure = `${r.method} ${r.path}: ${(e && e.message) || e}`;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { ok, bytes, failure };
}

async function main() {
  const warm = await phase(performance.now() + warmupMs);
  if (warm.failure) return { ok: 0, elapsedMs: 0, latencies: [], clientBusyMs: 0, bytes: 0, failure: `warm-up: ${warm.failure}` };
  parentPort.postMessage({ started: true });
  const latencies = [];
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const run = await phase(t0 + durationMs, latencies);
  // Requests still in flight at the deadline finish (and count): the elapsed time runs until the last.
  const elapsedMs = performance.now() - t0;
  const clientBusyMs = performance.eventLoopUtilization(elu0).active;
  return { ok: run.ok, elapsedMs, latencies, clientBusyMs, bytes: run.bytes, failure: run.failure };
}

main()
  .catch((e) => ({ ok: 0, elapsedMs: 0, latencies: [], clientBusyMs: 0, bytes: 0, failure: String((e && e.stack) || e) }))
  .then((result) => {
    agent.destroy();
    parentPort.postMessage({ result });
  });
