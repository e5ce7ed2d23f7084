/**
 * `npm run bench`: login throughput, event-loop delay under a login storm, and the per-request cost of
 * checking an access token, each as a ratio against (or next to) a baseline measured in the same process
 * in the same run. Prints a readable report and, as its last line, a JSON summary. A missed target is
 * reported, not fatal: the exit code is non-zero only when the bench itself fails.
 *
 * Settings (environment): BENCH_CONCURRENCY (8), BENCH_LOGINS (160 per round), BENCH_ROUNDS (5),
 * BENCH_STORM_CONCURRENCY (64), BENCH_STORM_LOGINS (640), BENCH_TOKEN_ITERATIONS (200000),
 * BENCH_TIMEOUT_MS (600000; 3600000 with the read set), BENCH_LOG_LEVEL (info), BENCH_ONLY (1,2,3,4,5,reads,startup: which measurements; startup: a fresh clone's first npm start and its restarts, bench/startup.ts);
 * DATABASE_URL to use that server (a scratch database on it) instead of an embedded PostgreSQL; ARGON2_* and DB_POOL_MAX as for the server.
 *
 * `reads` is the read benchmark (bench/reads/index.ts), with settings of its own: BENCH_READ_SCALE (1),
 * BENCH_READ_DURATION_MS (3000 per round and target), BENCH_READ_ROUNDS (3), BENCH_READ_WARMUP_MS (2000),
 * BENCH_READ_ROUND_WARMUP_MS (300), BENCH_READ_CONNECTIONS (50), BENCH_READ_STATEMENT_REQUESTS (100),
 * BENCH_READ_KEYS_PER_WORKSPACE (100), BENCH_READ_SCENARIOS (all), BENCH_READ_BUILD (auto), BENCH_READ_PG_DIR
 * (.data/bench-reads/pg); its results also go to bench/results/latest.json.
 */
import '../src/size-thread-pool'; // first: libuv's pool sized as the server sizes it, for it and the raw baseline alike
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import argon2 from 'argon2';
import { openBenchDatabase, type BenchDatabase } from './database';
import { cpuCount, cpuSince, cpuSnapshot, type CpuSnapshot } from './machine';
import { postLoad, type LoadResult } from './http-load';
import { startBenchServer, type BenchServer } from './server';
import { median, percentile, round, runBounded } from './stats';
import { benchTokenCheck, type PerCall } from './token-check';
import { benchIncidentCreate, benchListStatements } from './incidents';
import { benchReads, readSettingsFromEnv, writeResults } from './reads';
import { benchStartup } from './startup';

function intFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number >= ${min} (got "${raw}")`);
  return n;
}

const ALL = ['1', '2', '3', '4', '5', 'reads', 'startup'];
const only = new Set((process.env.BENCH_ONLY ?? ALL.join(',')).split(',').map((x) => x.trim()).filter(Boolean));
const unknownIds = [...only].filter((x) => !ALL.includes(x));
if (unknownIds.length) throw new Error(`BENCH_ONLY: unknown ${unknownIds.join(', ')} (known: ${ALL.join(', ')})`);

const settings = {
  concurrency: intFromEnv('BENCH_CONCURRENCY', 8),
  logins: intFromEnv('BENCH_LOGINS', 160),
  rounds: intFromEnv('BENCH_ROUNDS', 5),
  stormConcurrency: intFromEnv('BENCH_STORM_CONCURRENCY', 64),
  stormLogins: intFromEnv('BENCH_STORM_LOGINS', 640),
  tokenIterations: intFromEnv('BENCH_TOKEN_ITERATIONS', 200_000),
  timeoutMs: intFromEnv('BENCH_TIMEOUT_MS', only.has('reads') ? 3_600_000 : 600_000),
  phaseMaxMs: 60_000, // no single measured phase runs longer than this
};

const TARGETS = { loginRatio: 0.9, stormP99Ms: 50, tokenCheckUs: 20, createRatio: 0.4, listStatements: 3 };
/** A round during which other processes used more CPU than this is marked noisy (the machine was shared). */
const NOISY_OTHER_CORES = 0.25;

// ---- cleanup: whatever was started is stopped, on success, error, timeout or signal ----------------------

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([fn(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 20_000)))])
        .catch((e) => console.error(`cleanup: ${(e as Error).message}`))
        .finally(() => clearTimeout(timer));
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the server and the database`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// ---- measurements ------------------------------------------------------------------------------------

const ms = (ns: number) => ns / 1e6;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

interface Phase {
  perSec: number;
  elapsedMs: number;
  done: number;
  /** This process's CPU (every thread: event loop, libuv pool, the load worker) per operation, ms. */
  cpuMsPerOp: number;
  /** Of it, the main thread's (event loop) per operation, ms. */
  mainMsPerOp?: number;
  /** The embedded PostgreSQL's CPU per operation, ms (unknown with DATABASE_URL). */
  pgMsPerOp?: number;
  /** The load client's busy time per operation, ms (part of cpuMsPerOp). */
  clientMsPerOp?: number;
  /** CPU used by other processes on the machine meanwhile, in cores. */
  otherCores?: number;
  /** Share of the main thread's time the event loop was busy. */
  eventLoopUtilization: number;
  latencies?: number[];
}

let pidFile: string | undefined; // the embedded PostgreSQL's, for its CPU

/**
 * Runs a phase and accounts CPU and event-loop use from `begin()` (called by the phase when its measured
 * part starts, after any warm-up) to its end.
 */
async function measure(run: (begin: () => void) => Promise<{ done: number; elapsedMs: number; latencies?: number[]; clientBusyMs?: number }>): Promise<Phase> {
  let cpu0: CpuSnapshot | undefined;
  let elu0: EventLoopUtilization | undefined;
  const r = await run(() => {
    cpu0 = cpuSnapshot(pidFile);
    elu0 = performance.eventLoopUtilization();
  });
  if (!cpu0 || !elu0) throw new Error('a measured phase never started');
  const cpu = cpuSince(cpu0, pidFile);
  const elu = performance.eventLoopUtilization(elu0);
  const n = Math.max(1, r.done);
  return {
    perSec: (r.done / r.elapsedMs) * 1000,
    elapsedMs: r.elapsedMs,
    done: r.done,
    cpuMsPerOp: cpu.ownMs / n,
    mainMsPerOp: cpu.mainThreadMs === undefined ? undefined : cpu.mainThreadMs / n,
    pgMsPerOp: cpu.postgresMs === undefined ? undefined : cpu.postgresMs / n,
    clientMsPerOp: r.clientBusyMs === undefined ? undefined : r.clientBusyMs / n,
    otherCores: cpu.otherCores,
    eventLoopUtilization: elu.utilization,
    latencies: r.latencies,
  };
}

function rawVerify(hash: string, password: string, concurrency: number, count: number): Promise<Phase> {
  return measure((begin) => {
    begin();
    return runBounded(concurrency, count, settings.phaseMaxMs, async () => {
      if (!(await argon2.verify(hash, password))) throw new Error('raw argon2.verify refused the bench password');
    });
  });
}

function loginBody(server: BenchServer): string {
  return JSON.stringify({ email: server.staff.email, password: server.staff.password });
}

function checkLoad(r: LoadResult, what: string): LoadResult {
  if (r.failure) throw new Error(`${what}: ${r.failure}`);
  return r;
}

async function logins(server: BenchServer, concurrency: number, count: number, warmup: number, onMeasuredStart?: () => void): Promise<Phase> {
  return measure(async (begin) => {
    const started = () => {
      begin();
      onMeasuredStart?.();
    };
    const r = checkLoad(
      await postLoad({ url: server.url, path: '/api/v1/auth/login', body: loginBody(server), concurrency, warmup, count, maxMs: settings.phaseMaxMs, onMeasuredStart: started }),
      'login load',
    );
    return { done: r.ok, elapsedMs: r.elapsedMs, latencies: r.latencies, clientBusyMs: r.clientBusyMs };
  });
}

function histogramMs(h: IntervalHistogram) {
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) };
}

async function loopDelayDuring<T>(work: (enable: () => void) => Promise<T>): Promise<{ result: T; delay: ReturnType<typeof histogramMs> }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  try {
    const result = await work(() => h.enable());
    h.disable();
    return { result, delay: histogramMs(h) };
  } finally {
    h.disable();
  }
}

async function sleep(msToWait: number) {
  await new Promise((r) => setTimeout(r, msToWait));
}

// ---- the three measurements ------------------------------------------------------------------------

interface Section {
  summary: Record<string, unknown>;
  met: boolean;
}

/** 1. Login throughput against raw argon2.verify, alternating round by round. */
async function loginThroughput(server: BenchServer): Promise<Section> {
  const { concurrency, logins: count, rounds } = settings;
  console.log(`\n1. Login throughput: POST /api/v1/auth/login over HTTP, concurrency ${concurrency}, ${count} logins a round, ${rounds} rounds`);
  console.log('   baseline: raw argon2.verify of the same hash (same parameters), same concurrency and count, same process');
  await rawVerify(server.staff.passwordHash, server.staff.password, concurrency, concurrency * 2); // warm-up
  const all: { raw: Phase; login: Phase; ratio: number; noisy: boolean }[] = [];
  console.log('   CPU ms/op: this process, all threads [of it: main thread, load client] + PostgreSQL; other: cores used by other processes meanwhile');
  console.log('   round   raw verifies/s   logins/s   ratio   CPU ms/op raw → login                loop busy raw → login   other cores raw / login');
  for (let r = 0; r < rounds; r++) {
    const raw = await rawVerify(server.staff.passwordHash, server.staff.password, concurrency, count);
    const login = await logins(server, concurrency, count, r === 0 ? concurrency * 4 : concurrency);
    const ratio = login.perSec / raw.perSec;
    const noisy = Math.max(raw.otherCores ?? 0, login.otherCores ?? 0) > NOISY_OTHER_CORES;
    all.push({ raw, login, ratio, noisy });
    const loginCpu = `${fmt(login.cpuMsPerOp, 1)} [${fmt(login.mainMsPerOp ?? NaN, 1)}, ${fmt(login.clientMsPerOp ?? NaN, 1)}] + ${fmt(login.pgMsPerOp ?? NaN, 1)}`;
    console.log(
      `   ${`${r + 1}${noisy ? ' noisy' : ''}`.padEnd(7)} ${fmt(raw.perSec).padStart(14)} ${fmt(login.perSec).padStart(10)} ${fmt(ratio, 3).padStart(7)}   ${fmt(raw.cpuMsPerOp, 1).padStart(5)} → ${loginCpu.padEnd(25)} ${fmt(raw.eventLoopUtilization * 100, 0).padStart(8)}% → ${fmt(login.eventLoopUtilization * 100, 0).padStart(3)}%   ${fmt(raw.otherCores ?? NaN, 2).padStart(10)} / ${fmt(login.otherCores ?? NaN, 2)}`,
    );
  }
  // Other work on the machine takes CPU from whichever phase it lands in: judge by the quiet rounds when
  // at least half were quiet, otherwise by all of them (and say so).
  const quiet = all.filter((x) => !x.noisy);
  const judged = quiet.length * 2 >= all.length ? quiet : all;
  const med = (f: (x: (typeof all)[number]) => number | undefined) => median(judged.map((x) => f(x) ?? NaN));
  const ratio = med((x) => x.ratio);
  const rawPerSec = med((x) => x.raw.perSec);
  const loginPerSec = med((x) => x.login.perSec);
  const latencies = judged.flatMap((x) => x.login.latencies ?? []).sort((p, q) => p - q);
  // When the cores are the bottleneck (argon2 alone fills them), throughput follows CPU per operation: this
  // ratio says what the login path's own CPU (load client excluded) leaves of argon2's rate, and other
  // processes on the machine hardly move it.
  const cpuCostRatio = med((x) => x.raw.cpuMsPerOp / (x.login.cpuMsPerOp - (x.login.clientMsPerOp ?? 0) + (x.login.pgMsPerOp ?? 0)));
  const met = ratio >= TARGETS.loginRatio;
  const basis = judged === quiet ? `${quiet.length} quiet round(s)` : `all ${all.length} rounds; the machine was busy with other work, so this ratio is unreliable`;
  console.log(`   median of ${basis}: ${fmt(loginPerSec)} logins/s ÷ ${fmt(rawPerSec)} raw verifies/s = ${fmt(ratio, 3)}   target >= ${TARGETS.loginRatio}: ${verdict(met)}`);
  console.log(`   CPU per raw verify ÷ CPU per login (process without the load client, plus PostgreSQL): ${fmt(cpuCostRatio, 3)}`);
  console.log(`   login latency at concurrency ${concurrency}: p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms`);
  return {
    met,
    summary: {
      concurrency,
      loginsPerRound: count,
      rounds,
      loginsPerSec: round(loginPerSec, 1),
      rawVerifiesPerSec: round(rawPerSec, 1),
      ratio: round(ratio, 3),
      roundRatios: all.map((x) => round(x.ratio, 3)),
      noisyRounds: all.flatMap((x, i) => (x.noisy ? [i + 1] : [])),
      judgedOn: judged === quiet ? 'quiet rounds' : 'all rounds (machine busy)',
      cpuCostRatio: round(cpuCostRatio, 3),
      cpuMsPerOp: {
        raw: round(med((x) => x.raw.cpuMsPerOp), 2),
        login: round(med((x) => x.login.cpuMsPerOp), 2),
        loginMainThread: round(med((x) => x.login.mainMsPerOp), 2),
        loginClient: round(med((x) => x.login.clientMsPerOp), 2),
        loginPostgres: round(med((x) => x.login.pgMsPerOp), 2),
      },
      otherCores: round(median(all.map((x) => x.login.otherCores ?? NaN)), 2),
      latencyMs: { p50: round(percentile(latencies, 50), 1), p99: round(percentile(latencies, 99), 1) },
      target: `>= ${TARGETS.loginRatio}`,
      met,
    },
  };
}

/** 2. Event-loop delay during a login storm; references: an idle loop and a storm of raw verifies. */
async function loginStorm(server: BenchServer): Promise<Section> {
  const { stormConcurrency, stormLogins } = settings;
  console.log(`\n2. Event-loop delay during a login storm: ${stormConcurrency} concurrent, ${stormLogins} logins (monitorEventLoopDelay, main thread, 5 ms sampling included)`);
  const idle = await loopDelayDuring(async (enable) => {
    enable();
    await sleep(1000);
  });
  const rawStorm = await loopDelayDuring((enable) => {
    enable();
    return rawVerify(server.staff.passwordHash, server.staff.password, stormConcurrency, Math.min(stormLogins, 320));
  });
  const storm = await loopDelayDuring((enable) => logins(server, stormConcurrency, stormLogins, stormConcurrency, enable));
  const latencies = (storm.result.latencies ?? []).sort((p, q) => p - q);
  const met = storm.delay.p99 < TARGETS.stormP99Ms;
  const noisy = (storm.result.otherCores ?? 0) > NOISY_OTHER_CORES;
  console.log(
    `   storm:            p50 ${fmt(storm.delay.p50)} ms, p99 ${fmt(storm.delay.p99)} ms, max ${fmt(storm.delay.max)} ms   target p99 < ${TARGETS.stormP99Ms} ms: ${verdict(met)}${noisy ? ' (machine busy with other work: unreliable)' : ''}`,
  );
  console.log(`   reference idle:   p50 ${fmt(idle.delay.p50)} ms, p99 ${fmt(idle.delay.p99)} ms, max ${fmt(idle.delay.max)} ms`);
  console.log(`   reference ${stormConcurrency} raw verifies: p50 ${fmt(rawStorm.delay.p50)} ms, p99 ${fmt(rawStorm.delay.p99)} ms, max ${fmt(rawStorm.delay.max)} ms`);
  console.log(
    `   storm: ${fmt(storm.result.perSec)} logins/s, loop busy ${fmt(storm.result.eventLoopUtilization * 100, 0)}%, login latency p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms (queued for argon2), other processes ${fmt(storm.result.otherCores ?? NaN, 2)} cores`,
  );
  return {
    met,
    summary: {
      concurrency: stormConcurrency,
      logins: storm.result.done,
      p50Ms: round(storm.delay.p50, 1),
      p99Ms: round(storm.delay.p99, 1),
      maxMs: round(storm.delay.max, 1),
      idleP99Ms: round(idle.delay.p99, 1),
      rawVerifyStormP99Ms: round(rawStorm.delay.p99, 1),
      loginsPerSec: round(storm.result.perSec, 1),
      otherCores: round(storm.result.otherCores ?? NaN, 2),
      noisy,
      target: `p99 < ${TARGETS.stormP99Ms} ms`,
      met,
    },
  };
}

/** 3. Per-request token check. */
function tokenCheck(server: BenchServer, accessToken: string): Section {
  console.log(`\n3. Access-token check per request: viewerFrom('Bearer <token>', runtime), ${settings.tokenIterations} iterations in 5 rounds after warm-up`);
  server.app.runtime.revocations.add(Array.from({ length: 1000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)); // a non-empty revocation set
  const cpu0 = cpuSnapshot(pidFile);
  const t = benchTokenCheck(server.app.runtime, accessToken, server.config.secrets.staffJwt, { iterations: settings.tokenIterations, rounds: 5, maxMs: 30_000 });
  const otherCores = cpuSince(cpu0, pidFile).otherCores;
  // Judged on CPU time: what a request costs, which time stolen by other processes on the machine is not.
  const ratio = t.viewerFrom.cpuUs / t.hmac.cpuUs;
  const met = t.viewerFrom.cpuUs <= TARGETS.tokenCheckUs;
  const row = (name: string, x: PerCall) => `   ${name.padEnd(22)} ${fmt(x.cpuUs, 2).padStart(6)} µs/op CPU, ${fmt(x.wallUs, 2).padStart(6)} µs/op elapsed`;
  console.log(`${row('viewerFrom:', t.viewerFrom)}   target <= ${TARGETS.tokenCheckUs} µs: ${verdict(met)}`);
  console.log(`${row('jsonwebtoken verify:', t.jwtVerify)}   (baseline)`);
  console.log(`${row('bare HMAC-SHA256:', t.hmac)}   (baseline)`);
  console.log(`   viewerFrom ÷ HMAC ${fmt(ratio, 2)}, ÷ jwt.verify ${fmt(t.viewerFrom.cpuUs / t.jwtVerify.cpuUs, 2)}; other processes ${fmt(otherCores ?? NaN, 2)} cores`);
  return {
    met,
    summary: {
      iterations: t.iterations,
      viewerFromUs: round(t.viewerFrom.cpuUs, 2),
      viewerFromWallUs: round(t.viewerFrom.wallUs, 2),
      jwtVerifyUs: round(t.jwtVerify.cpuUs, 2),
      hmacUs: round(t.hmac.cpuUs, 2),
      ratioToHmac: round(ratio, 2),
      otherCores: round(otherCores ?? NaN, 2),
      target: `<= ${TARGETS.tokenCheckUs} µs`,
      met,
    },
  };
}

async function incidentCreate(server: BenchServer): Promise<Section> {
  console.log('\n4. Create incident: the service (counter, row, audit chain entry, outbox event and its queued job) ÷ one raw SQL transaction with the same inserts');
  const r = await benchIncidentCreate(server, 5, 40, settings.phaseMaxMs);
  const met = r.ratio >= TARGETS.createRatio;
  console.log(`   median of ${r.rounds} rounds × ${r.perRound}: ${fmt(r.servicePerSec)} creates/s ÷ ${fmt(r.rawPerSec)} raw/s = ${fmt(r.ratio, 3)}   target >= ${TARGETS.createRatio}: ${verdict(met)}`);
  return { met, summary: { servicePerSec: round(r.servicePerSec, 1), rawPerSec: round(r.rawPerSec, 1), ratio: round(r.ratio, 3), target: `>= ${TARGETS.createRatio}`, met } };
}

async function listStatements(server: BenchServer, accessToken: string): Promise<Section> {
  console.log('\n5. Staff incident list with assignee and every update (6 each): SQL statements per request by page size');
  const r = await benchListStatements(server, accessToken, [5, 20, 50]);
  const met = r.constant && r.max <= TARGETS.listStatements;
  console.log(`   ${Object.entries(r.statements).map(([size, n]) => `${size} → ${n}`).join(', ')} statements reading data   target constant and <= ${TARGETS.listStatements}: ${verdict(met)}`);
  console.log(`   plus the request transaction of row-level security (BEGIN, role and tenant, COMMIT): ${Object.entries(r.framing).map(([size, n]) => `${size} → ${n}`).join(', ')}`);
  return { met, summary: { statements: r.statements, transactionFraming: r.framing, constant: r.constant, max: r.max, target: `constant, <= ${TARGETS.listStatements}`, met } };
}

// ---- the run -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = performance.now();
  const cpus = cpuCount();
  const threadpool = Number(process.env.UV_THREADPOOL_SIZE);
  console.log(
    `incident-desk benchmarks: Node ${process.version}, ${cpus} CPU(s) (${os.cpus()[0]?.model.trim() ?? 'unknown'}), libuv threadpool ${threadpool}, load average ${os.loadavg()[0].toFixed(2)}`,
  );

  const sections: Record<string, Section> = {};
  let a: BenchServer['config']['argon2'] | undefined;
  let server: BenchServer | undefined;
  if (['1', '2', '3', '4', '5'].some((id) => only.has(id))) {
    let database: BenchDatabase | undefined = await openBenchDatabase();
    cleanups.push(async () => {
      await database?.close();
      database = undefined;
    });
    console.log(`database: ${database.description}`);
    pidFile = database.postmasterPidFile;
    server = await startBenchServer(database.url);
    let started: BenchServer | undefined = server;
    const stopServer = async () => {
      const s = started;
      started = undefined;
      await s?.close();
    };
    cleanups.push(stopServer);
    a = server.config.argon2;
    console.log(
      `server: ${server.url}, argon2id m=${a.memoryKib} KiB t=${a.timeCost} p=${a.parallelism}, ARGON2_MAX_CONCURRENT=${a.maxConcurrent}, DB_POOL_MAX=${server.config.dbPoolMax}, log level ${server.config.logLevel}`,
    );

    // One login the way a client does it, for a real token and to fail early if login does not work.
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody(server) });
    const first = (await res.json()) as { data?: { accessToken?: string } };
    if (res.status !== 200 || !first.data?.accessToken) throw new Error(`the first login failed: HTTP ${res.status} ${JSON.stringify(first).slice(0, 300)}`);

    if (only.has('1')) sections.loginThroughput = await loginThroughput(server);
    if (only.has('2')) sections.eventLoopStorm = await loginStorm(server);
    if (only.has('3')) sections.tokenCheck = tokenCheck(server, first.data.accessToken);
    if (only.has('4')) sections.incidentCreate = await incidentCreate(server);
    if (only.has('5')) sections.listStatements = await listStatements(server, first.data.accessToken);
    if (server.problems.length) console.log(`\nthe server logged ${server.problems.length} warning(s)/error(s); first: ${server.problems[0]}`);
    if (only.has('reads')) {
      // The read set starts processes of its own: this server and its database would only take memory.
      await stopServer();
      await database?.close();
      database = undefined;
      pidFile = undefined;
    }
  }
  if (only.has('reads')) sections.reads = await benchReads(readSettingsFromEnv(intFromEnv), cleanups);
  if (only.has('startup')) sections.startup = await benchStartup();

  const ran = Object.values(sections);
  const allMet = ran.every((x) => x.met);
  console.log(`\ntargets: ${ran.filter((x) => x.met).length}/${ran.length} met (${fmt((performance.now() - t0) / 1000)} s)`);
  const report = {
    bench: 'incident-desk',
    node: process.version,
    cpus,
    loadAverage: round(os.loadavg()[0], 2),
    threadpool,
    ...(a ? { argon2: { memoryKib: a.memoryKib, timeCost: a.timeCost, parallelism: a.parallelism, maxConcurrent: a.maxConcurrent } } : {}),
    ...Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.summary])),
    allMet,
  };
  if (sections.reads) console.log(`read results written to ${path.relative(process.cwd(), writeResults(sections.reads.summary))}`);
  console.log(JSON.stringify(report));
}

const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${settings.timeoutMs} ms (BENCH_TIMEOUT_MS)`);
  void cleanup().finally(() => process.exit(1));
}, settings.timeoutMs);

main()
  .then(
    () => 0,
    (e: unknown) => {
      if (interrupted) return 130; // what failed was cut off by the signal; its handler exits
      console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    clearTimeout(watchdog);
    if (!interrupted) process.exit(code);
  });
