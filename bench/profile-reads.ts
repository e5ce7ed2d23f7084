/**
 * Where the server's time goes on a read: runs read scenarios (bench/reads) with the server child under
 * `node --cpu-prof`, then summarises the CPU profile over the measured GraphQL and REST phases only (samples
 * are matched to the phases by the monotonic clock both processes share; start-up and warm-up are left out):
 * self time by package (node_modules/<name>, node: internals, the app's own files, GC and the rest) and by
 * function.
 *
 *   npx ts-node --swc bench/profile-reads.ts                      # incident(id), one 10 s round each
 *   BENCH_READ_SCENARIOS=staff-page-updates npx ts-node --swc bench/profile-reads.ts
 *   npx ts-node --swc bench/profile-reads.ts path/to/x.cpuprofile # only summarise a profile (every sample)
 *
 * Settings as for `npm run bench` with BENCH_ONLY=reads (BENCH_READ_SCALE, BENCH_READ_DURATION_MS, ...), with
 * these defaults: BENCH_READ_SCENARIOS=incident, BENCH_READ_ROUNDS=1, BENCH_READ_DURATION_MS=10000; and
 * PROFILE_TOP (25) rows, PROFILE_TARGET (graphql: graphql, rest or both). The profile stays in
 * .data/bench-reads/profiles/ (open it in Chrome DevTools or speedscope for the call trees).
 */
import 'reflect-metadata';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config/config';
import { benchReads, readSettingsFromEnv } from './reads';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Who a frame belongs to: a package, a node: internal, the app's own code, or V8's bookkeeping. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const app = url.replace(/^file:\/\//, '');
  if (app.startsWith(projectRoot)) return `app ${path.relative(projectRoot, app).split(path.sep).slice(0, 3).join('/')}`;
  return url;
}

/** Self time (ms) by owner and by function, over the samples inside `windows` (µs, monotonic), or all of them. */
export function summarise(profile: CpuProfile, windows?: [number, number][]) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    // A sample stands for the time until the next one.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (windows && !windows.some(([a, b]) => t >= a && t < b)) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url, functionName);
    if (owner === '(idle)') continue;
    total += dt;
    owners.set(owner, (owners.get(owner) ?? 0) + dt);
    const fn = `${functionName || '(anonymous)'} ${owner}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  }
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { totalMs: total, owners: top(owners, Infinity), functions: top(functions, Infinity), top };
}

function print(profile: CpuProfile, windows: [number, number][] | undefined, topN: number, label: string) {
  const s = summarise(profile, windows);
  const pct = (ms: number) => `${((ms / s.totalMs) * 100).toFixed(1).padStart(5)}%`;
  console.log(`\nCPU profile of the server, ${label}: ${s.totalMs.toFixed(0)} ms of CPU samples (idle left out)`);
  console.log('\n  self time by package / owner:');
  for (const [owner, ms] of s.owners.slice(0, topN)) console.log(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${owner}`);
  console.log('\n  self time by function:');
  for (const [fn, ms] of s.functions.slice(0, topN)) console.log(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${fn}`);
}

async function main() {
  const topN = Number(process.env.PROFILE_TOP ?? 25);
  const given = process.argv[2];
  if (given) {
    print(JSON.parse(readFileSync(given, 'utf8')) as CpuProfile, undefined, topN, `${given}, every sample`);
    return;
  }
  process.env.BENCH_READ_SCENARIOS ??= 'incident';
  process.env.BENCH_READ_ROUNDS ??= '1';
  process.env.BENCH_READ_DURATION_MS ??= '10000';
  const targets = (process.env.PROFILE_TARGET ?? 'graphql') === 'both' ? ['graphql', 'rest'] : [process.env.PROFILE_TARGET ?? 'graphql'];
  const int = (name: string, fallback: number, min = 1) => {
    const n = process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number >= ${min}`);
    return n;
  };
  const dir = path.join(projectRoot, '.data', 'bench-reads', 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const windows: [number, number][] = [];
  const settings = {
    ...readSettingsFromEnv(int),
    countStatements: false,
    serverNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    onMeasured: (_s: string, target: string, from: bigint, to: bigint) => {
      if (targets.includes(target)) windows.push([Number(from / 1000n), Number(to / 1000n)]);
    },
  };
  const cleanups: (() => Promise<void>)[] = [];
  try {
    await benchReads(settings, cleanups);
  } finally {
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) throw new Error(`no CPU profile was written to ${dir}`);
  const file = path.join(dir, files.sort((a, b) => statSync(path.join(dir, b)).mtimeMs - statSync(path.join(dir, a)).mtimeMs)[0]);
  console.log(`\nprofile: ${path.relative(process.cwd(), file)}`);
  print(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, windows, topN, `measured ${targets.join(' and ')} phases of ${process.env.BENCH_READ_SCENARIOS}`);
}

main().catch((e) => {
  console.error(`profile failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
