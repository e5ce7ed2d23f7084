/**
 * The read benchmark (`BENCH_ONLY=reads`): the server's read paths, GraphQL and REST, against a baseline that
 * only asks the database (baseline-server.js), on a generated data set at scale (dataset.ts), in one run.
 *
 * 1. The data set's database: reused when complete, otherwise migrated and loaded with SQL.
 * 2. The server as production runs it (built dist/, NODE_ENV=production, row-level security on) and the
 *    baseline, each a child process, on that database; tokens signed with the server's keys, one staff and one
 *    portal token per workspace.
 * 3. Every scenario's answers compared: the baseline's JSON must equal the server's GraphQL answer, and REST's
 *    `data` its root field, or the bench stops (a ratio against a different answer means nothing).
 * 4. SQL statements per request, by pg_stat_statements (statements.ts).
 * 5. Per scenario: a warm-up of each, then rounds alternating baseline, GraphQL, REST; each round keeps the
 *    connections busy for a fixed time, rotating over keys, from a worker thread.
 * 6. The table, the targets (MET / NOT MET), and bench/results/latest.json.
 */
import os from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { projectRoot } from '../../src/config/config';
import { cpuCount, cpuSnapshot } from '../machine';
import { median, percentile, round } from '../stats';
import { buildServer, newSecrets, processCpuMs, startBaseline, startServer, type ChildServer, type ServerSecrets } from './children';
import { openReadsServer } from './database';
import { ensureDataset, sizesFor, type Dataset } from './dataset';
import { readLoad, type PreparedRequest, type ReadLoadResult } from './load';
import { buildScenarios, deepPage, loadWorkspaces, SCENARIO_IDS, type Scenario, type ScenarioId } from './scenarios';
import { CountingProxy } from './pg-proxy';
import { countStatements, pgStatStatements, proxyStatements, type StatementCount, type StatementSource } from './statements';

export interface ReadSettings {
  scale: number;
  durationMs: number;
  rounds: number;
  warmupMs: number;
  roundWarmupMs: number;
  connections: number;
  statementRequests: number;
  keysPerWorkspace: number;
  scenarios: ScenarioId[];
  build: string;
  poolMax: number;
  /** Count statements per request (pg_stat_statements, when loaded). */
  countStatements: boolean;
  /** Extra arguments for the server's node (e.g. --cpu-prof), for bench/profile-reads.ts. */
  serverNodeArgs: string[];
  /** Told of every measured phase: scenario, target, and its start and end (process.hrtime.bigint(), ns). */
  onMeasured?: (scenario: ScenarioId, target: 'baseline' | 'graphql' | 'rest', from: bigint, to: bigint) => void;
}

export function readSettingsFromEnv(int: (name: string, fallback: number, min?: number) => number): ReadSettings {
  const scale = Number(process.env.BENCH_READ_SCALE ?? 1);
  if (!(scale > 0 && scale <= 10)) throw new Error(`BENCH_READ_SCALE must be a number in (0, 10] (got "${process.env.BENCH_READ_SCALE}")`);
  const scenarios = (process.env.BENCH_READ_SCENARIOS ?? SCENARIO_IDS.join(',')).split(',').map((s) => s.trim()).filter(Boolean) as ScenarioId[];
  const unknown = scenarios.filter((s) => !SCENARIO_IDS.includes(s));
  if (unknown.length) throw new Error(`BENCH_READ_SCENARIOS: unknown ${unknown.join(', ')} (known: ${SCENARIO_IDS.join(', ')})`);
  const build = process.env.BENCH_READ_BUILD ?? 'auto';
  if (!['auto', 'always', 'never'].includes(build)) throw new Error('BENCH_READ_BUILD must be auto, always or never');
  return {
    scale,
    durationMs: int('BENCH_READ_DURATION_MS', 3000, 100),
    rounds: int('BENCH_READ_ROUNDS', 3),
    warmupMs: int('BENCH_READ_WARMUP_MS', 2000, 0),
    roundWarmupMs: int('BENCH_READ_ROUND_WARMUP_MS', 300, 0),
    connections: int('BENCH_READ_CONNECTIONS', 50),
    statementRequests: int('BENCH_READ_STATEMENT_REQUESTS', 100, 10),
    keysPerWorkspace: int('BENCH_READ_KEYS_PER_WORKSPACE', 100),
    scenarios,
    build,
    poolMax: int('DB_POOL_MAX', 10),
    countStatements: true,
    serverNodeArgs: [],
  };
}

export const READ_TARGETS = {
  objectRatio: 0.5,
  pageWithUpdatesRatio: 0.5,
  restToGraphql: 0.85,
  bigPageTime: 1.25,
  deepPageTime: 1.5,
  p99OverP50: 5,
  objectRoundTrips: 2,
  pageRoundTrips: 3,
};

/** A round during which other processes used more CPU than this (cores) is marked noisy. */
const NOISY_OTHER_CORES = 0.25;

type TargetName = 'baseline' | 'graphql' | 'rest';
const TARGET_LABEL: Record<TargetName, string> = { baseline: 'baseline', graphql: 'GraphQL', rest: 'REST' };

interface Round {
  perSec: number;
  done: number;
  elapsedMs: number;
  latencies: number[];
  /** CPU of the process answering (server or baseline), ms per request. */
  processMsPerReq?: number;
  /** CPU of the data set database's backends, ms per request. */
  postgresMsPerReq?: number;
  clientMsPerReq: number;
  otherCores?: number;
  rssMb?: number;
}

interface Measured {
  rounds: Round[];
  perSec: number;
  p50: number;
  p99: number;
  /** Median of the per-round ratios to the baseline (same round). */
  ratio?: number;
  /** REST only: median of the per-round ratios to GraphQL. */
  ratioToGraphql?: number;
  processMsPerReq?: number;
  postgresMsPerReq?: number;
  clientMsPerReq: number;
  rssMb?: number;
  peakRssMb?: number;
  noisyRounds: number;
  statements?: StatementCount;
}

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

// ---- CPU of the processes involved ---------------------------------------------------------------------

/** CPU ms of every backend of `database` (process titles `postgres: <user> <database> ...`), by pid. */
function backendCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.startsWith('postgres:') || !cmdline.split(' ').includes(database)) continue;
      const ms = processCpuMs(Number(entry));
      if (ms !== undefined) out.set(Number(entry), ms);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

interface CpuMark {
  at: number;
  self: NodeJS.CpuUsage;
  machineMs?: number;
  children: Map<ChildServer, number | undefined>;
  backends: Map<number, number>;
}

function cpuMark(children: ChildServer[], database: string): CpuMark {
  const s = cpuSnapshot();
  return { at: performance.now(), self: process.cpuUsage(), machineMs: s.machineBusyMs, children: new Map(children.map((c) => [c, c.cpuMs()])), backends: backendCpu(database) };
}

function cpuSpent(start: CpuMark, children: ChildServer[], database: string) {
  const end = cpuMark(children, database);
  const selfUs = process.cpuUsage(start.self);
  const self = (selfUs.user + selfUs.system) / 1000;
  const child = new Map<ChildServer, number | undefined>();
  let childrenTotal = 0;
  for (const c of children) {
    const a = start.children.get(c);
    const b = end.children.get(c);
    const d = a !== undefined && b !== undefined ? b - a : undefined;
    child.set(c, d);
    childrenTotal += d ?? 0;
  }
  let postgres = 0;
  for (const [pid, ms] of end.backends) postgres += ms - (start.backends.get(pid) ?? 0);
  const elapsed = end.at - start.at;
  const other = start.machineMs !== undefined && end.machineMs !== undefined ? Math.max(0, (end.machineMs - start.machineMs - self - childrenTotal - postgres) / elapsed) : undefined;
  return { child, postgres, otherCores: other };
}

// ---- checks ---------------------------------------------------------------------------------------------

async function fetchJson(url: string, r: PreparedRequest): Promise<unknown> {
  const res = await fetch(`${url}${r.path}`, {
    method: r.method,
    headers: r.body === undefined ? r.headers : { ...r.headers, 'content-type': 'application/json' },
    body: r.body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${r.method} ${r.path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Where two JSON values first differ, as a path with both values. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${at}: ${a.length} items vs ${b.length}`;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

/** The baseline answers what GraphQL answers, and REST's `data` is GraphQL's root field, for a few keys. */
async function checkAnswers(s: Scenario, server: ChildServer, baseline: ChildServer): Promise<void> {
  const n = s.graphql.length;
  for (const i of [...new Set([0, Math.floor(n / 2), n - 1])]) {
    const g = (await fetchJson(server.url, s.graphql[i])) as { data?: Record<string, unknown>; errors?: unknown };
    if (g.errors || !g.data) throw new Error(`${s.id}: the GraphQL answer has errors: ${JSON.stringify(g).slice(0, 400)}`);
    const b = (await fetchJson(baseline.url, s.baseline[i])) as { data?: unknown };
    const d = firstDifference(b.data, g.data);
    if (d) throw new Error(`${s.id}: the baseline's answer differs from the server's GraphQL answer at ${d}`);
    if (s.rest) {
      const r = (await fetchJson(server.url, s.rest[i])) as { success?: boolean; data?: unknown };
      const root = g.data[s.rootField] as Record<string, unknown>;
      const dr = firstDifference(r.data, s.restData ? s.restData(root) : root);
      if (!r.success || dr) throw new Error(`${s.id}: the REST answer's data differs from the GraphQL answer at ${dr ?? '(success false)'}`);
    }
  }
}

// ---- statements per request ------------------------------------------------------------------------------

/**
 * Statements per request of every scenario's operations, by pg_stat_statements on the measured processes; or,
 * when it is not loaded (`proxied` set), by a counting proxy with a second server and baseline connected
 * through it for the count only.
 */
async function countAll(
  scenarios: Scenario[],
  n: number,
  proxied: { databaseUrl: string; secrets: ServerSecrets; poolMax: number; workDir: string } | undefined,
  measured: { server: ChildServer; baseline: ChildServer; databaseUrl: string },
): Promise<{ source: string; counts: Map<ScenarioId, Partial<Record<TargetName, StatementCount>>> }> {
  const stops: (() => Promise<void>)[] = [];
  let source: StatementSource;
  let server = measured.server;
  let baseline = measured.baseline;
  try {
    if (proxied) {
      const proxy = await CountingProxy.start(proxied.databaseUrl);
      source = proxyStatements(proxy);
      stops.push(() => source.close());
      const url = proxy.urlFor(proxied.databaseUrl);
      server = await startServer({ databaseUrl: url, secrets: proxied.secrets, logFile: path.join(proxied.workDir, 'server-count.log') });
      stops.push(() => server.stop());
      baseline = await startBaseline({ databaseUrl: url, poolMax: proxied.poolMax, logFile: path.join(proxied.workDir, 'baseline-count.log') });
      stops.push(() => baseline.stop());
    } else {
      source = await pgStatStatements(measured.databaseUrl);
      stops.push(() => source.close());
    }
    const counts = new Map<ScenarioId, Partial<Record<TargetName, StatementCount>>>();
    for (const s of scenarios) {
      const c: Partial<Record<TargetName, StatementCount>> = {};
      c.baseline = await countStatements(source, baseline.url, s.baseline, n);
      c.graphql = await countStatements(source, server.url, s.graphql, n);
      if (s.rest) c.rest = await countStatements(source, server.url, s.rest, n);
      counts.set(s.id, c);
    }
    return { source: source.name, counts };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

// ---- the run -------------------------------------------------------------------------------------------

export interface ReadSection {
  met: boolean;
  summary: Record<string, unknown>;
}

export async function benchReads(settings: ReadSettings, cleanups: (() => Promise<void>)[], log = (m: string) => console.log(m)): Promise<ReadSection> {
  const t0 = performance.now();
  const sizes = sizesFor(settings.scale);
  log(
    `\nreads: ${settings.scenarios.length} scenario(s), ${settings.connections} connections, ${settings.rounds} round(s) of ${settings.durationMs} ms per target after ${settings.warmupMs} ms of warm-up, scale ${settings.scale}`,
  );
  const workDir = path.join(projectRoot, '.data', 'bench-reads');
  mkdirSync(workDir, { recursive: true });

  const pg = await openReadsServer((m) => log(`   ${m}`));
  cleanups.push(() => pg.close());
  log(`   database server: ${pg.description}`);
  const dataset: Dataset = await ensureDataset(pg.url, sizes, (m) => log(`   ${m}`));
  log(
    `   data set: ${dataset.name} (${dataset.reused ? 'reused' : `built in ${fmt(dataset.buildMs / 1000)} s`}): ${sizes.workspaces} workspaces × ${sizes.perWorkspace} incidents + one of ${sizes.big}; ${sizes.updatesPerIncident} updates each (${sizes.bigUpdatesPerIncident} in the big one)`,
  );
  log(`   ${await buildServer(settings.build)}`);

  const secrets = newSecrets();
  const server = await startServer({ databaseUrl: dataset.url, secrets, logFile: path.join(workDir, 'server.log'), nodeArgs: settings.serverNodeArgs });
  cleanups.push(() => server.stop());
  const baseline = await startBaseline({ databaseUrl: dataset.url, poolMax: settings.poolMax, logFile: path.join(workDir, 'baseline.log') });
  cleanups.push(() => baseline.stop());
  log(`   server: node dist/src/main.js, NODE_ENV=production, pid ${server.pid}, ${server.url} (log ${path.relative(projectRoot, server.logFile)}); baseline: pid ${baseline.pid}, ${baseline.url}; pool ${settings.poolMax} connections each`);

  const { small, big } = await loadWorkspaces(dataset.url, sizes, secrets, settings.keysPerWorkspace);
  const scenarios = buildScenarios(small, big, sizes).filter((s) => settings.scenarios.includes(s.id));
  for (const s of scenarios) await checkAnswers(s, server, baseline);
  log(`   answers checked: the baseline's JSON equals the server's GraphQL answer, and REST's data its root field, in every scenario`);

  // Statements per request.
  const results = new Map<ScenarioId, Partial<Record<TargetName, Measured>>>();
  const statements = new Map<ScenarioId, Partial<Record<TargetName, StatementCount>>>();
  let statementSource: string | undefined;
  if (settings.countStatements) {
    const counted = await countAll(scenarios, settings.statementRequests, pg.statements === true ? undefined : { databaseUrl: dataset.url, secrets, poolMax: settings.poolMax, workDir }, {
      server,
      baseline,
      databaseUrl: dataset.url,
    });
    for (const [id, c] of counted.counts) statements.set(id, c);
    statementSource = counted.source;
    log(`   statements per request counted by ${counted.source} over ${settings.statementRequests} sequential requests per operation (fewer, at least 10, where they take over 8 s)`);
  } else {
    log('   statements per request not counted (switched off)');
  }

  // Load.
  const children = [server, baseline];
  const processOf: Record<TargetName, ChildServer> = { baseline, graphql: server, rest: server };
  const run = async (s: Scenario, target: TargetName, warmupMs: number, durationMs: number): Promise<{ load: ReadLoadResult; round: Round }> => {
    const requests = target === 'baseline' ? s.baseline : target === 'graphql' ? s.graphql : s.rest!;
    let mark: ReturnType<typeof cpuMark> | undefined;
    let spent: ReturnType<typeof cpuSpent> | undefined;
    let from: bigint | undefined;
    let to: bigint | undefined;
    let rssMb: number | undefined;
    const load = await readLoad({
      url: processOf[target].url,
      requests,
      concurrency: settings.connections,
      warmupMs,
      durationMs,
      check: target === 'baseline' ? 'status' : target,
      onMeasuredStart: () => {
        from = process.hrtime.bigint();
        mark = cpuMark(children, dataset.name);
      },
      onMeasuredEnd: () => {
        to = process.hrtime.bigint();
        if (mark) spent = cpuSpent(mark, children, dataset.name);
        rssMb = processOf[target].memoryMb()?.rss;
      },
    }).catch((e: Error) => {
      throw new Error(`${s.id}, ${TARGET_LABEL[target]}: ${e.message}`);
    });
    if (from !== undefined && to !== undefined && durationMs > 0) settings.onMeasured?.(s.id, target, from, to);
    const n = Math.max(1, load.ok);
    const own = spent?.child.get(processOf[target]);
    return {
      load,
      round: {
        perSec: (load.ok / Math.max(1, load.elapsedMs)) * 1000,
        done: load.ok,
        elapsedMs: load.elapsedMs,
        latencies: load.latencies,
        processMsPerReq: own === undefined ? undefined : own / n,
        postgresMsPerReq: spent ? spent.postgres / n : undefined,
        clientMsPerReq: load.clientBusyMs / n,
        otherCores: spent?.otherCores,
        rssMb,
      },
    };
  };

  for (const s of scenarios) {
    const targets: TargetName[] = s.rest ? ['baseline', 'graphql', 'rest'] : ['baseline', 'graphql'];
    if (settings.warmupMs > 0) for (const t of targets) await run(s, t, settings.warmupMs, 0);
    const rounds: Record<TargetName, Round[]> = { baseline: [], graphql: [], rest: [] };
    for (let r = 0; r < settings.rounds; r++) {
      for (const t of targets) rounds[t].push((await run(s, t, settings.roundWarmupMs, settings.durationMs)).round);
      log(`   ${s.id.padEnd(20)} round ${r + 1}: ${targets.map((t) => `${TARGET_LABEL[t]} ${fmt(rounds[t][r].perSec, 0)}/s`).join(', ')}${targets.some((t) => (rounds[t][r].otherCores ?? 0) > NOISY_OTHER_CORES) ? ' (noisy: other processes busy)' : ''}`);
    }
    const measured: Partial<Record<TargetName, Measured>> = {};
    for (const t of targets) {
      const rs = rounds[t];
      const lat = rs.flatMap((x) => x.latencies).sort((a, b) => a - b);
      const med = (f: (x: Round) => number | undefined) => {
        const v = rs.map(f).filter((x): x is number => x !== undefined && Number.isFinite(x));
        return v.length ? median(v) : undefined;
      };
      measured[t] = {
        rounds: rs,
        perSec: median(rs.map((x) => x.perSec)),
        p50: percentile(lat, 50),
        p99: percentile(lat, 99),
        ratio: t === 'baseline' ? 1 : median(rs.map((x, i) => x.perSec / rounds.baseline[i].perSec)),
        ratioToGraphql: t === 'rest' ? median(rs.map((x, i) => x.perSec / rounds.graphql[i].perSec)) : undefined,
        processMsPerReq: med((x) => x.processMsPerReq),
        postgresMsPerReq: med((x) => x.postgresMsPerReq),
        clientMsPerReq: med((x) => x.clientMsPerReq) ?? NaN,
        rssMb: rs[rs.length - 1].rssMb,
        peakRssMb: t === 'baseline' ? baseline.memoryMb()?.peak : server.memoryMb()?.peak,
        noisyRounds: rs.filter((x) => (x.otherCores ?? 0) > NOISY_OTHER_CORES).length,
        statements: statements.get(s.id)?.[t],
      };
    }
    results.set(s.id, measured);
  }

  // Report.
  const sizesNote = `${sizes.workspaces}×${sizes.perWorkspace} + ${sizes.big} incidents, ${sizes.updatesPerIncident} updates each (${sizes.bigUpdatesPerIncident} in the big workspace)`;
  log(`\n   Read scenarios (${sizesNote}; ${settings.connections} connections; medians of ${settings.rounds} alternating round(s) of ${settings.durationMs / 1000} s)`);
  log('   ratio: req/s ÷ the baseline\'s in the same round (REST: also ÷ GraphQL); CPU ms/req: the answering process + PostgreSQL backends');
  const header = `   ${'scenario'.padEnd(38)} ${'target'.padEnd(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/p50'.padStart(7)} ${'ratio'.padStart(6)} ${'trips/req'.padStart(9)} ${'CPU ms/req'.padStart(12)} ${'RSS MB'.padStart(7)}`;
  log(header);
  log(`   ${'-'.repeat(header.length - 3)}`);
  for (const s of scenarios) {
    const m = results.get(s.id)!;
    let first = true;
    for (const t of ['baseline', 'graphql', 'rest'] as TargetName[]) {
      const x = m[t];
      if (!x) continue;
      const ratio = t === 'baseline' ? '1' : t === 'rest' ? `${fmt(x.ratio, 2)}` : fmt(x.ratio, 2);
      const cpu = `${fmt(x.processMsPerReq, 2)}+${fmt(x.postgresMsPerReq, 2)}`;
      log(
        `   ${(first ? s.title : '').padEnd(38)} ${TARGET_LABEL[t].padEnd(8)} ${fmt(x.perSec, 0).padStart(8)} ${fmt(x.p50, 1).padStart(7)} ${fmt(x.p99, 1).padStart(7)} ${fmt(x.p99 / x.p50, 1).padStart(7)} ${ratio.padStart(6)} ${(x.statements ? fmt(x.statements.roundTrips, 1) : 'n/a').padStart(9)} ${cpu.padStart(12)} ${fmt(x.rssMb, 0).padStart(7)}${t === 'rest' ? `   REST ÷ GraphQL ${fmt(x.ratioToGraphql, 2)}` : ''}${x.noisyRounds ? `   (${x.noisyRounds} noisy round(s))` : ''}`,
      );
      first = false;
    }
  }

  // Targets.
  const targets: { name: string; value: string; target: string; met: boolean }[] = [];
  const add = (name: string, value: number | undefined, target: string, met: boolean, digits = 2) => targets.push({ name, value: fmt(value, digits), target, met });
  const m = (id: ScenarioId) => results.get(id);
  for (const id of ['incident', 'ticket'] as const) {
    const g = m(id)?.graphql;
    if (g) add(`${id === 'incident' ? 'incident(id)' : 'ticket(id)'} over GraphQL ÷ baseline`, g.ratio, `>= ${READ_TARGETS.objectRatio}`, (g.ratio ?? 0) >= READ_TARGETS.objectRatio);
  }
  for (const id of ['staff-page-updates', 'portal-page-updates'] as const) {
    const g = m(id)?.graphql;
    if (g) add(`${id === 'staff-page-updates' ? 'staff' : 'portal'} page of 20 with 5 updates ÷ baseline`, g.ratio, `>= ${READ_TARGETS.pageWithUpdatesRatio}`, (g.ratio ?? 0) >= READ_TARGETS.pageWithUpdatesRatio);
  }
  for (const s of scenarios) {
    const r = m(s.id)?.rest;
    if (r) add(`REST ÷ GraphQL, ${s.title}`, r.ratioToGraphql, `>= ${READ_TARGETS.restToGraphql}`, (r.ratioToGraphql ?? 0) >= READ_TARGETS.restToGraphql);
  }
  const small1 = m('staff-page')?.graphql;
  const big1 = m('big-page-1')?.graphql;
  const deep = m('big-page-deep')?.graphql;
  if (small1 && big1) {
    const x = small1.perSec / big1.perSec;
    add(`time of page 1: ${sizes.big}-incident ÷ ${sizes.perWorkspace}-incident workspace (GraphQL)`, x, `<= ${READ_TARGETS.bigPageTime}`, x <= READ_TARGETS.bigPageTime);
  }
  if (big1 && deep) {
    const x = big1.perSec / deep.perSec;
    add(`time of page ${deepPage(sizes)} ÷ page 1, ${sizes.big}-incident workspace (GraphQL)`, x, `<= ${READ_TARGETS.deepPageTime}`, x <= READ_TARGETS.deepPageTime);
  }
  const tails = scenarios.flatMap((s) => (['graphql', 'rest'] as TargetName[]).flatMap((t) => (m(s.id)?.[t] ? [{ s, t, x: m(s.id)![t]! }] : [])));
  const worstTail = tails.reduce((w, c) => (c.x.p99 / c.x.p50 > w.x.p99 / w.x.p50 ? c : w), tails[0]);
  const overTail = tails.filter((c) => c.x.p99 / c.x.p50 > READ_TARGETS.p99OverP50);
  if (worstTail) {
    add(
      `p99 ÷ p50 in every server scenario (worst: ${worstTail.s.id} ${TARGET_LABEL[worstTail.t]}${overTail.length ? `; over in ${overTail.map((c) => `${c.s.id} ${TARGET_LABEL[c.t]}`).join(', ')}` : ''})`,
      worstTail.x.p99 / worstTail.x.p50,
      `<= ${READ_TARGETS.p99OverP50}`,
      overTail.length === 0,
      1,
    );
  }
  if (statements.size) {
    for (const s of scenarios) {
      for (const t of ['graphql', 'rest'] as TargetName[]) {
        const c = statements.get(s.id)?.[t];
        if (!c) continue;
        const limit = s.kind === 'object' ? READ_TARGETS.objectRoundTrips : READ_TARGETS.pageRoundTrips;
        // To a tenth: a background statement of the same text (a BEGIN of the SLA check) can land in the window.
        add(`round trips per request, ${s.title}, ${TARGET_LABEL[t]}`, c.roundTrips, `<= ${limit}`, Math.round(c.roundTrips * 10) / 10 <= limit, 1);
      }
    }
  }
  log('\n   Read targets (ratios and times from the same run):');
  for (const x of targets) log(`   ${verdict(x.met).padEnd(8)} ${x.name}: ${x.value} (target ${x.target})`);
  if (statements.size) {
    log(`\n   Statements per request (${statementSource === 'pg_stat_statements' ? 'pg_stat_statements' : 'counting proxy'}; calls ÷ requests):`);
    for (const s of scenarios) {
      for (const t of ['baseline', 'graphql', 'rest'] as TargetName[]) {
        const c = statements.get(s.id)?.[t];
        if (!c) continue;
        log(`   ${`${s.id} ${TARGET_LABEL[t]}`.padEnd(30)} ${fmt(c.perRequest, 2).padStart(5)} (${fmt(c.roundTrips, 2)} round trips): ${c.statements.map((x) => `${x.perRequest === 1 ? '' : `${fmt(x.perRequest, 2)}× `}${x.sql.slice(0, 60)}`).join(' | ')}`);
      }
    }
  }
  const problems = serverProblems(server.logFile);
  if (problems.length) log(`\n   the server logged ${problems.length} warning(s)/error(s) (${path.relative(projectRoot, server.logFile)}); first: ${problems[0]}`);

  await server.stop();
  await baseline.stop();

  const met = targets.every((x) => x.met);
  const summary = {
    scale: settings.scale,
    sizes,
    dataset: { name: dataset.name, reused: dataset.reused, buildMs: Math.round(dataset.buildMs) },
    database: pg.description,
    statementsCountedBy: statementSource ?? 'not counted',
    settings: { durationMs: settings.durationMs, rounds: settings.rounds, warmupMs: settings.warmupMs, connections: settings.connections, poolMax: settings.poolMax, statementRequests: settings.statementRequests },
    scenarios: Object.fromEntries(
      scenarios.map((s) => [
        s.id,
        {
          title: s.title,
          kind: s.kind,
          ...Object.fromEntries(
            Object.entries(results.get(s.id)!).map(([t, x]) => [
              t,
              {
                perSec: round(x.perSec, 1),
                p50Ms: round(x.p50, 2),
                p99Ms: round(x.p99, 2),
                ratio: x.ratio === undefined ? undefined : round(x.ratio, 3),
                ratioToGraphql: x.ratioToGraphql === undefined ? undefined : round(x.ratioToGraphql, 3),
                roundsPerSec: x.rounds.map((r) => round(r.perSec, 1)),
                processCpuMsPerReq: x.processMsPerReq === undefined ? undefined : round(x.processMsPerReq, 3),
                postgresCpuMsPerReq: x.postgresMsPerReq === undefined ? undefined : round(x.postgresMsPerReq, 3),
                clientMsPerReq: round(x.clientMsPerReq, 3),
                rssMb: x.rssMb === undefined ? undefined : round(x.rssMb, 1),
                peakRssMb: x.peakRssMb === undefined ? undefined : round(x.peakRssMb, 1),
                noisyRounds: x.noisyRounds,
                statementsPerRequest: x.statements ? round(x.statements.perRequest, 2) : undefined,
                roundTripsPerRequest: x.statements ? round(x.statements.roundTrips, 2) : undefined,
                statements: x.statements?.statements.map((st) => ({ sql: st.sql, perRequest: round(st.perRequest, 2) })),
              },
            ]),
          ),
        },
      ]),
    ),
    targets,
    targetsMet: `${targets.filter((x) => x.met).length}/${targets.length}`,
    serverProblems: problems.slice(0, 5),
    seconds: round((performance.now() - t0) / 1000, 1),
    met,
  };
  return { met, summary };
}

/** Warnings and errors in the server's (pino, JSON lines) log. */
function serverProblems(logFile: string): string[] {
  try {
    return readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => /"level":(40|50|60)/.test(l))
      .map((l) => l.slice(0, 300));
  } catch {
    return [];
  }
}

/** Writes the run's summary to bench/results/latest.json. */
export function writeResults(summary: Record<string, unknown>): string {
  const dir = path.join(projectRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpuCount(), cpuModel: os.cpus()[0]?.model.trim(), loadAverage: round(os.loadavg()[0], 2), ...summary }, null, 2)}\n`);
  return file;
}
