/**
 * `npm run loadtest` (not part of `npm test`): portal creates, portal comments, staff updates and reads at a
 * fixed rate for a fixed time, spread over two server processes on one database, as production runs them.
 * Then it checks the database: every acknowledged write stored exactly once, incident numbers without gaps
 * in each workspace, every outbox event dispatched and every e-mail sent. Reports throughput, latency
 * percentiles by operation and the servers' memory; `-- --soak` (10 minutes) also says whether memory stayed
 * flat (within 10%) after the warm-up.
 *
 *   npm run loadtest                         # 60 s at 40 requests/s
 *   npm run loadtest -- --soak               # 10 minutes at 40 requests/s, memory sampled every 5 s
 *   LOADTEST_RATE=80 LOADTEST_SECONDS=120 npm run loadtest
 *
 * Data: the read benchmark's deterministic data set at a small scale (50 workspaces of 40 incidents, each
 * with staff and portal users), built once into that benchmark's embedded PostgreSQL (.data/bench-reads/pg)
 * or DATABASE_URL's server, and cloned into a scratch database for each run. Exit code 1 when a check fails.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { projectRoot } from '../src/config/config';
import { freeLocalPort } from '../src/db/embedded';
import { withDatabaseName } from '../src/db/scratch';
import { buildServer, newSecrets, startServer, type ChildServer } from './reads/children';
import { openReadsServer } from './reads/database';
import { ensureDataset, sizesFor } from './reads/dataset';
import { loadWorkspaces, type Workspace } from './reads/scenarios';
import { queryOnce } from './pg';
import { median, percentile, round } from './stats';

const soak = process.argv.includes('--soak');
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const RATE = num('LOADTEST_RATE', 40);
const SECONDS = num('LOADTEST_SECONDS', soak ? 600 : 60);
const WARMUP_SECONDS = num('LOADTEST_WARMUP_SECONDS', soak ? 60 : 10);
const SAMPLE_MS = 5000;
/** The mix: each request is one of these, by weight. */
const MIX = { create: 2, comment: 2, staffUpdate: 2, portalList: 1, staffList: 1, staffRead: 2 } as const;
type Op = keyof typeof MIX;

interface Sample {
  op: Op;
  ms: number;
  status: number;
}

const log = (m: string) => console.log(m);
const run = randomBytes(3).toString('hex');

/** A real SMTP server that accepts and counts every message (the servers' e-mails must go somewhere). */
async function startSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        done();
      });
    },
  });
  const port = await freeLocalPort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  log(`loadtest ${run}: ${RATE} requests/s for ${SECONDS} s over two server processes${soak ? ' (soak)' : ''}`);
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    const pg = await openReadsServer(log);
    cleanups.push(() => pg.close());
    const dataset = await ensureDataset(pg.url, sizesFor(0.01), log);
    const name = `loadtest_${run}`;
    await queryOnce(pg.url, `CREATE DATABASE "${name}" TEMPLATE "${dataset.name}"`);
    const url = withDatabaseName(pg.url, name);
    cleanups.push(() => queryOnce(pg.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    log(`   database: ${name}, a copy of ${dataset.name}`);

    const sink = await startSink();
    cleanups.push(() => sink.close());
    process.env.BENCH_SMTP_URL = sink.url;
    await buildServer('auto');
    const secrets = newSecrets();
    const workDir = path.join(projectRoot, '.data', 'loadtest');
    mkdirSync(workDir, { recursive: true });
    const servers: ChildServer[] = [];
    for (const i of [1, 2]) {
      const s = await startServer({ databaseUrl: url, secrets, logFile: path.join(workDir, `server-${i}.log`) });
      servers.push(s);
      cleanups.push(() => s.stop());
    }
    log(`   servers: ${servers.map((s) => `${s.url} (pid ${s.pid})`).join(', ')}; logs in .data/loadtest/`);
    const { small } = await loadWorkspaces(url, sizesFor(0.01), secrets, 10);

    const result = await drive(servers, small);
    log(`\n   load done: ${result.samples.length} requests in ${round(result.seconds, 1)} s (${round(result.samples.length / result.seconds, 1)}/s)`);
    const checks = await verify(url, result, sink);
    const report = summarise(result, checks, servers);
    const file = path.join(projectRoot, 'bench', 'results', soak ? 'soak.json' : 'loadtest.json');
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), rate: RATE, seconds: SECONDS, soak, ...report, totalSeconds: round((performance.now() - t0) / 1000, 1) }, null, 2)}\n`);
    log(`\n   results written to ${path.relative(projectRoot, file)}`);
    if (!report.ok) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

interface Acked {
  creates: Map<string, { workspace: number; id: string; number: string }>;
  comments: Set<string>;
  staffUpdates: Set<string>;
}

interface Driven {
  samples: Sample[];
  seconds: number;
  acked: Acked;
  rss: { at: number; mb: number[] }[];
  workspaces: Workspace[];
}

/** Open loop: a request is started every 1/RATE s whatever the answers do, alternating the two servers. */
async function drive(servers: ChildServer[], workspaces: Workspace[]): Promise<Driven> {
  const samples: Sample[] = [];
  const acked: Acked = { creates: new Map(), comments: new Set(), staffUpdates: new Set() };
  const tickets = new Map<number, { id: string }[]>(); // acknowledged tickets by workspace
  const rss: Driven['rss'] = [];
  const ops = Object.entries(MIX).flatMap(([op, w]) => Array<Op>(w).fill(op as Op));
  const started = performance.now();
  const sampler = setInterval(() => rss.push({ at: (performance.now() - started) / 1000, mb: servers.map((s) => s.memoryMb()?.rss ?? 0) }), SAMPLE_MS);
  let seq = 0;
  const inFlight = new Set<Promise<void>>();

  const one = async (n: number) => {
    const server = servers[n % 2];
    const ws = workspaces[n % workspaces.length];
    const staff = { authorization: `Bearer ${ws.staffToken}` };
    const portal = { authorization: `Bearer ${ws.portalToken}` };
    let op = ops[Math.floor(Math.random() * ops.length)];
    const own = tickets.get(ws.w) ?? [];
    if ((op === 'comment' || op === 'staffUpdate') && own.length === 0) op = 'create';
    const pick = () => own[Math.floor(Math.random() * own.length)].id;
    const key = `load-${run}-${n}`;
    const t = performance.now();
    let status = 0;
    try {
      const call = async (method: string, p: string, headers: Record<string, string>, body?: unknown) => {
        const res = await fetch(`${server.url}${p}`, {
          method,
          headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        return (await res.json()) as { data?: { id?: string; number?: string } };
      };
      if (op === 'create') {
        const r = await call('POST', '/api/v1/portal/tickets', { ...portal, 'idempotency-key': key }, { type: 'INCIDENT', title: key, description: 'Load test ticket.', priority: 'LOW' });
        if (status === 201 && r.data?.id) {
          acked.creates.set(key, { workspace: ws.w, id: r.data.id, number: r.data.number! });
          tickets.set(ws.w, [...own, { id: r.data.id }]);
        }
      } else if (op === 'comment') {
        await call('POST', `/api/v1/portal/tickets/${pick()}/comments`, portal, { body: key });
        if (status === 201) acked.comments.add(key);
      } else if (op === 'staffUpdate') {
        await call('POST', `/api/v1/incidents/${pick()}/updates`, staff, { body: key, visibility: 'INTERNAL' });
        if (status === 201) acked.staffUpdates.add(key);
      } else if (op === 'portalList') {
        await call('GET', '/api/v1/portal/tickets?limit=20', portal);
      } else if (op === 'staffList') {
        await call('GET', '/api/v1/incidents?limit=20', staff);
      } else {
        await call('GET', `/api/v1/incidents/${ws.incidentIds[n % ws.incidentIds.length]}`, staff);
      }
    } catch {
      status = status || -1; // no answer (timeout, reset)
    }
    samples.push({ op, ms: performance.now() - t, status });
  };

  const interval = 1000 / RATE;
  const total = Math.round(RATE * SECONDS);
  const lastReport = { at: 0 };
  while (seq < total) {
    const due = started + seq * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const p = one(seq++).finally(() => inFlight.delete(p));
    inFlight.add(p);
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed - lastReport.at >= (soak ? 60 : 15)) {
      lastReport.at = elapsed;
      const errors = samples.filter((s) => s.status < 200 || s.status >= 500).length;
      log(`   ${Math.round(elapsed)} s: ${samples.length} answered, ${inFlight.size} in flight, ${errors} errors, RSS ${servers.map((s) => `${round(s.memoryMb()?.rss ?? 0, 0)} MB`).join(' + ')}`);
    }
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  return { samples, seconds: (performance.now() - started) / 1000, acked, rss, workspaces };
}

interface Checks {
  ok: boolean;
  lines: string[];
}

/** The database after the load: what was acknowledged is there once, numbers have no gaps, everything was delivered. */
async function verify(url: string, d: Driven, sink: { received: () => number }): Promise<Checks> {
  const lines: string[] = [];
  let ok = true;
  const check = (good: boolean, what: string) => {
    lines.push(`${good ? 'OK  ' : 'FAIL'}  ${what}`);
    if (!good) ok = false;
  };
  const prefix = `load-${run}-`;
  const created = await queryOnce<{ title: string; n: string }>(url, `SELECT title, count(*) AS n FROM incidents WHERE starts_with(title, $1) GROUP BY title`, [prefix]);
  const byTitle = new Map(created.map((r) => [r.title, Number(r.n)]));
  const missing = [...d.acked.creates.keys()].filter((k) => byTitle.get(k) !== 1);
  check(missing.length === 0, `${d.acked.creates.size} acknowledged tickets each stored exactly once${missing.length ? ` (not so: ${missing.slice(0, 5).join(', ')})` : ''}`);
  const duplicates = [...byTitle.values()].filter((n) => n > 1).length;
  check(duplicates === 0, `no ticket stored twice (${byTitle.size} stored, ${byTitle.size - d.acked.creates.size} of them unacknowledged)`);

  const updates = await queryOnce<{ body: string; n: string }>(url, `SELECT body, count(*) AS n FROM incident_updates WHERE starts_with(body, $1) GROUP BY body`, [prefix]);
  const byBody = new Map(updates.map((r) => [r.body, Number(r.n)]));
  for (const [what, keys] of [
    ['portal comments', d.acked.comments],
    ['staff updates', d.acked.staffUpdates],
  ] as const) {
    const bad = [...keys].filter((k) => byBody.get(k) !== 1);
    check(bad.length === 0, `${keys.size} acknowledged ${what} each stored exactly once${bad.length ? ` (not so: ${bad.slice(0, 5).join(', ')})` : ''}`);
  }

  // Numbers: each workspace's numbers of today are 1..n with no gap and no repeat.
  const numbers = await queryOnce<{ tenant_id: string; number: string }>(url, `SELECT tenant_id, number FROM incidents WHERE created_at >= date_trunc('day', now()) ORDER BY tenant_id, number`);
  const perTenant = new Map<string, number[]>();
  for (const r of numbers) {
    const seqNo = Number(/(\d+)$/.exec(r.number)?.[1]);
    perTenant.set(r.tenant_id, [...(perTenant.get(r.tenant_id) ?? []), seqNo]);
  }
  const gappy = [...perTenant.entries()].filter(([, ns]) => ns.sort((a, b) => a - b).some((n, i) => n !== i + 1));
  check(gappy.length === 0, `incident numbers without gaps or repeats in each of ${perTenant.size} workspaces${gappy.length ? ` (not in ${gappy.length})` : ''}`);

  // Delivery: the workers of both servers drain the outbox and send every e-mail.
  const end = Date.now() + 120_000;
  let pending = { events: 0, deliveries: 0 };
  for (;;) {
    const [row] = await queryOnce<{ events: string; deliveries: string }>(
      url,
      `SELECT (SELECT count(*) FROM outbox_events WHERE processed_at IS NULL) AS events, (SELECT count(*) FROM notification_deliveries WHERE status = 'PENDING') AS deliveries`,
    );
    pending = { events: Number(row.events), deliveries: Number(row.deliveries) };
    if ((pending.events === 0 && pending.deliveries === 0) || Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const [counts] = await queryOnce<{ events: string; sent: string; failed: string }>(
    url,
    `SELECT (SELECT count(*) FROM outbox_events) AS events, (SELECT count(*) FROM notification_deliveries WHERE status = 'SENT') AS sent, (SELECT count(*) FROM notification_deliveries WHERE status = 'FAILED') AS failed`,
  );
  check(pending.events === 0, `every outbox event dispatched (${counts.events} events)`);
  check(pending.deliveries === 0 && Number(counts.failed) === 0, `every delivery sent (${counts.sent} sent, ${counts.failed} failed, ${pending.deliveries} pending; ${sink.received()} messages at the SMTP server)`);
  return { ok, lines };
}

function summarise(d: Driven, checks: Checks, servers: ChildServer[]) {
  const byOp: Record<string, unknown> = {};
  log('\n   operation        requests  ok     errors  p50 ms  p95 ms  p99 ms');
  for (const op of Object.keys(MIX) as Op[]) {
    const s = d.samples.filter((x) => x.op === op);
    if (!s.length) continue;
    const ms = s.map((x) => x.ms).sort((a, b) => a - b);
    const okCount = s.filter((x) => x.status >= 200 && x.status < 300).length;
    const errors = s.length - okCount;
    const row = { requests: s.length, ok: okCount, errors, p50Ms: round(percentile(ms, 50), 1), p95Ms: round(percentile(ms, 95), 1), p99Ms: round(percentile(ms, 99), 1) };
    byOp[op] = row;
    log(`   ${op.padEnd(16)} ${String(row.requests).padStart(8)}  ${String(row.ok).padStart(5)}  ${String(row.errors).padStart(6)}  ${String(row.p50Ms).padStart(6)}  ${String(row.p95Ms).padStart(6)}  ${String(row.p99Ms).padStart(6)}`);
  }
  const statuses: Record<string, number> = {};
  for (const s of d.samples) if (s.status < 200 || s.status >= 300) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const serverErrors = d.samples.filter((s) => s.status >= 500 || s.status < 0).length;
  checks.lines.push(`${serverErrors === 0 ? 'OK  ' : 'FAIL'}  no 5xx and no unanswered request${serverErrors ? ` (${JSON.stringify(statuses)})` : ''}`);
  const ok = checks.ok && serverErrors === 0;

  // Memory: per server, the median of the first minute after the warm-up against the median of the last
  // minute (medians, as the garbage collector's saw-tooth makes single samples jump by tens of MB).
  const after = d.rss.filter((r) => r.at >= WARMUP_SECONDS);
  const window = Math.max(1, Math.round(60_000 / SAMPLE_MS));
  const memory = servers.map((s, i) => {
    const series = after.map((r) => r.mb[i]).filter((x) => x > 0);
    const first = series.length ? median(series.slice(0, window)) : 0;
    const last = series.length ? median(series.slice(-window)) : 0;
    return {
      server: i + 1,
      pid: s.pid,
      rssAfterWarmupMb: round(first, 1),
      rssEndMb: round(last, 1),
      rssMaxMb: round(Math.max(0, ...series), 1),
      peakMb: round(s.memoryMb()?.peak ?? 0, 1),
      growth: first ? round(last / first - 1, 3) : null,
    };
  });
  let flat: boolean | undefined;
  if (soak) {
    flat = memory.every((m) => m.growth !== null && m.growth <= 0.1);
    checks.lines.push(
      `${flat ? 'OK  ' : 'FAIL'}  RSS flat within 10% after the ${WARMUP_SECONDS} s warm-up, median of the first minute against the last (${memory.map((m) => `server ${m.server}: ${m.rssAfterWarmupMb} → ${m.rssEndMb} MB, max ${m.rssMaxMb}`).join('; ')})`,
    );
  }
  log('');
  for (const m of memory) log(`   server ${m.server}: RSS ${m.rssAfterWarmupMb} MB in the first minute after the warm-up, ${m.rssEndMb} MB in the last (growth ${m.growth === null ? '-' : `${round((m.growth ?? 0) * 100, 1)}%`}), max ${m.rssMaxMb} MB, peak ${m.peakMb} MB`);
  log('');
  for (const l of checks.lines) log(`   ${l}`);
  const latencies = d.samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    ok: ok && (flat ?? true),
    throughput: round(d.samples.length / d.seconds, 1),
    p50Ms: round(median(latencies), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    operations: byOp,
    statuses,
    acknowledged: { tickets: d.acked.creates.size, comments: d.acked.comments.size, staffUpdates: d.acked.staffUpdates.size },
    memory,
    rssSamples: d.rss.map((r) => ({ at: round(r.at, 0), mb: r.mb.map((x) => round(x, 1)) })),
    checks: checks.lines,
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
