'use strict';
/**
 * Runs in a worker thread (bench/http-load.ts): sends the same POST over keep-alive HTTP with at most
 * `concurrency` requests in flight, `warmup` unmeasured ones first, then `count` measured ones, stopping
 * early after `maxMs`. Any answer other than 200 stops it at once (so a failing login cannot go on eating
 * the account's failure allowance). Off the main thread, so the client's work does not land on the
 * server's event loop that the bench is watching.
 */
const http = require('node:http');
const { Buffer } = require('node:buffer');
const { performance } = require('node:perf_hooks');
const { URL } = require('node:url');
const { parentPort, workerData } = require('node:worker_threads');

const { url, path, body, concurrency, warmup, count, maxMs } = workerData;
const target = new URL(url);
const payload = Buffer.from(body);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function post() {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('request timed out after 60 s')));
    req.end(payload);
  });
}

async function phase(total, deadline, latencies) {
  let started = 0;
  let ok = 0;
  let failure;
  const lane = async () => {
    while (started < total && !failure && performance.now() < deadline) {
      started++;
      const t = performance.now();
      try {
        const res = await post();
        if (res.status !== 200) {
          failure = `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
          return;
        }
        ok++;
        if (latencies) latencies.push(performance.now() - t);
      } catch (e) {
        failure = String((e && e.message) || e);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return { ok, failure };
}

async function main() {
  const deadline = performance.now() + maxMs;
  const warm = await phase(warmup, deadline);
  if (warm.failure) return { ok: 0, elapsedMs: 0, latencies: [], clientBusyMs: 0, failure: `warm-up: ${warm.failure}`, timedOut: false };
  parentPort.postMessage({ started: true }); // the measured part begins now
  const latencies = [];
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const run = await phase(count, deadline, latencies);
  const elapsedMs = performance.now() - t0;
  const clientBusyMs = performance.eventLoopUtilization(elu0).active; // this client's own work
  return { ok: run.ok, elapsedMs, latencies, clientBusyMs, failure: run.failure, timedOut: !run.failure && run.ok < count };
}

main()
  .catch((e) => ({ ok: 0, elapsedMs: 0, latencies: [], clientBusyMs: 0, failure: String((e && e.stack) || e), timedOut: false }))
  .then((result) => {
    agent.destroy();
    parentPort.postMessage({ result });
  });
