/**
 * Per-request cost of authenticating a bearer token: `viewerFrom` (audience peek, HS256 verification with
 * pinned algorithm/audience/issuer, claim checks, revocation lookup) against two baselines timed in the
 * same rounds: a bare HMAC-SHA256 of the token's signed bytes with the same key, and jsonwebtoken's verify
 * alone.
 */
import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Runtime } from '../src/runtime';
import { viewerFrom } from '../src/graphql/context';
import { median } from './stats';

/** µs per call: elapsed time, and CPU time of this process (which other processes on the machine do not inflate). */
export interface PerCall {
  wallUs: number;
  cpuUs: number;
}

export interface TokenCheckResult {
  viewerFrom: PerCall;
  jwtVerify: PerCall;
  hmac: PerCall;
  iterations: number;
}

/** Mean µs per call of `fn` over up to `iterations` calls (in batches), stopping after `maxMs`. */
function timeLoop(fn: () => unknown, iterations: number, maxMs: number): PerCall & { n: number } {
  let sink = 0;
  let n = 0;
  const deadline = performance.now() + maxMs;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  while (n < iterations) {
    for (let j = 0; j < 500; j++) if (fn()) sink++;
    n += 500;
    if (performance.now() > deadline) break;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(cpu0);
  if (sink < 0) throw new Error('unreachable'); // keeps `sink` (and so the calls) alive
  return { wallUs: ns / 1000 / n, cpuUs: (cpu.user + cpu.system) / n, n };
}

export function benchTokenCheck(
  runtime: Runtime,
  accessToken: string,
  staffSecret: string,
  options: { iterations: number; rounds: number; maxMs: number },
): TokenCheckResult {
  const authorization = `Bearer ${accessToken}`;
  const first = viewerFrom(authorization, runtime);
  if (first.viewer.kind !== 'staff') throw new Error(`the bench token was refused: ${first.authError?.message ?? 'anonymous'}`);

  const key = createSecretKey(Buffer.from(staffSecret));
  const signed = Buffer.from(accessToken.slice(0, accessToken.lastIndexOf('.')));
  const issuer = runtime.config.tokens.issuer;
  const hmac = () => createHmac('sha256', key).update(signed).digest();
  const verify = () => jwt.verify(accessToken, key, { algorithms: ['HS256'], audience: 'staff', issuer });
  const check = () => viewerFrom(authorization, runtime).viewer.kind === 'staff';

  // Warm up (JIT) each, then alternate in rounds so drift in machine speed hits all three alike.
  const warm = Math.min(20_000, options.iterations);
  for (const fn of [hmac, verify, check]) timeLoop(fn, warm, options.maxMs);
  const per = Math.max(500, Math.floor(options.iterations / options.rounds));
  const roundMs = options.maxMs / options.rounds / 3;
  const h: PerCall[] = [];
  const v: PerCall[] = [];
  const c: PerCall[] = [];
  let total = 0;
  for (let r = 0; r < options.rounds; r++) {
    h.push(timeLoop(hmac, per, roundMs));
    v.push(timeLoop(verify, per, roundMs));
    const d = timeLoop(check, per, roundMs);
    c.push(d);
    total += d.n;
  }
  const med = (xs: PerCall[]): PerCall => ({ wallUs: median(xs.map((x) => x.wallUs)), cpuUs: median(xs.map((x) => x.cpuUs)) });
  return { viewerFrom: med(c), jwtVerify: med(v), hmac: med(h), iterations: total };
}
