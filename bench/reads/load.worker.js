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
const { setInterval, clearInterval, setTimeout } = require('node:timers');
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

/** At least this many answers in the window (it stays open longer for slow scenarios), up to MAX_WINDOW_MS. */
const MIN_ANSWERS = 20;
const MAX_WINDOW_MS = 60_000;
/** The warm-up lasts until every connection has had an answer (a full queue), but no longer than this. */
const MAX_RAMP_MS = 120_000;

/**
 * One run: the lanes send requests back to back from the start. The measured window opens once `warmupMs`
 * have passed and every lane has had an answer (so a slow scenario's queue is full: steady state), with no
 * pause in between; it closes after `durationMs`, or later if fewer than MIN_ANSWERS came back by then.
 * Answers inside the window count (with their latency); no request is sent after it, and those in flight are
 * awaited (unmeasured) so that no work is left on the server for the next run. `durationMs` 0: a warm-up
 * only (no lane-answer condition), nothing measured.
 */
async function main() {
  const t0 = performance.now();
  const latencies = [];
  let ok = 0;
  let bytes = 0;
  let failure;
  let lanesAnswered = 0;
  let opens; // performance.now() when the window opened
  let closes; // ... and closed
  let elu0;
  let clientBusyMs = 0;
  let windowClosed;
  const closed = new Promise((resolve) => (windowClosed = resolve));
  const warmedUp = () => performance.now() - t0 >= warmupMs && (durationMs === 0 || lanesAnswered >= concurrency || performance.now() - t0 >= MAX_RAMP_MS);
  const close = () => {
    if (closes !== undefined) return;
    closes = performance.now();
    if (elu0) clientBusyMs = performance.eventLoopUtilization(elu0).active;
    if (durationMs > 0) parentPort.postMessage({ ended: true });
    windowClosed();
  };
  const check = () => {
    if (closes !== undefined) return;
    const now = performance.now();
    if (opens === undefined) {
      if (!warmedUp()) return;
      if (durationMs === 0) return close();
      opens = now;
      elu0 = performance.eventLoopUtilization();
      parentPort.postMessage({ started: true });
      setTimeout(check, durationMs);
      return;
    }
    if ((now - opens >= durationMs && ok >= MIN_ANSWERS) || now - opens >= MAX_WINDOW_MS) close();
  };
  const ticker = setInterval(check, 50);
  const lane = async () => {
    let answered = false;
    while (!failure && closes === undefined) {
      const r = prepared[next++ % prepared.length];
      const t = performance.now();
      try {
        const res = await send(r);
        const why = problem(res);
        if (why) {
          failure = `${r.method} ${r.path}: ${why}`;
          break;
        }
        const done = performance.now();
        if (opens !== undefined && closes === undefined) {
          latencies.push(done - t);
          ok++;
          bytes += res.body.length;
        }
        if (!answered) {
          answered = true;
          lanesAnswered++;
        }
        check();
      } catch (e) {
        failure = `${r.method} ${r.path}: ${(e && e.message) || e}`;
        break;
      }
    }
    if (failure) close();
  };
  await Promise.all([...Array.from({ length: concurrency }, lane), closed]);
  clearInterval(ticker);
  return { ok, elapsedMs: opens === undefined ? 0 : closes - opens, latencies, clientBusyMs, bytes, failure };
}

main()
  .catch((e) => ({ ok: 0, elapsedMs: 0, latencies: [], clientBusyMs: 0, bytes: 0, failure: String((e && e.stack) || e) }))
  .then((result) => {
    agent.destroy();
    parentPort.postMessage({ result });
  });
