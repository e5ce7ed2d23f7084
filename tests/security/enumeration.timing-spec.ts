import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startTimingClient } from '../setup/timing-client';
import { FAR_LIMITS, address, enumerationFlows, type EnumerationWorld, type Transport } from './enumeration/flows';

/**
 * Account enumeration by timing: login, register, forgot-password and resend-OTP take the same time for an
 * address that has an account and one that has none, at both doors and over GraphQL, within a tolerance
 * measured in the test (the answers themselves: enumeration.int-spec.ts). Minutes of interleaved samples,
 * so this is the timing project (`npm run test:timing`, and CI), not `npm test`. The password hasher runs
 * at its production parameters here: the time of one argon2 verification is what is measured.
 */

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};
const iqr = (xs: number[]) => quantile(xs, 0.75) - quantile(xs, 0.25);

interface Timing {
  medians: [number, number];
  difference: number;
  tolerance: number;
  detail: string;
}

/**
 * Compares two kinds of request interleaved (ABBA, so drift and load hit both alike) after a warm-up, and
 * derives the tolerance from the samples themselves, never from a fixed number of milliseconds: four
 * standard errors of the difference of the medians (each median's standard error estimated from its
 * interquartile range: 1.2533 × IQR / 1.349 / √n), and at least the same-kind noise (how far apart the
 * medians of the even and odd samples of one kind land). A busy machine widens the spread and the
 * tolerance with it; a quiet one narrows both.
 *
 * Why not "3 × the larger IQR": measured on this 2-core machine under load, that tolerance (110-160 ms)
 * missed an unknown-account login that skipped argon2 entirely (75 ms faster); this one (about 30-45 ms
 * there) catches it, which the power check below asserts on every run.
 */
async function compareTimings(a: () => Promise<number>, b: () => Promise<number>, settle: () => Promise<void>, samples = 31): Promise<Timing> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  await settle();
  const times: [number[], number[]] = [[], []];
  const fns = [a, b];
  for (let i = 0; i < samples; i++) {
    for (const k of i % 2 ? [0, 1] : [1, 0]) {
      times[k].push(await fns[k]());
      // The server and its mail share this process: work a request leaves for after its answer (a code
      // e-mailed to an existing address, received and parsed by the in-process SMTP server) would otherwise
      // compete with the next sample, whichever kind it is. A remote observer sees only the answer, so each
      // sample starts with that work done.
      await settle();
    }
  }
  const medians: [number, number] = [median(times[0]), median(times[1])];
  const standardError = (xs: number[]) => (1.2533 * iqr(xs)) / 1.349 / Math.sqrt(xs.length);
  const halfNoise = (xs: number[]) => Math.abs(median(xs.filter((_, i) => i % 2 === 0)) - median(xs.filter((_, i) => i % 2 === 1)));
  const noise = Math.max(halfNoise(times[0]), halfNoise(times[1]));
  const tolerance = Math.max(4 * Math.hypot(standardError(times[0]), standardError(times[1])), noise);
  const difference = Math.abs(medians[0] - medians[1]);
  const f = (x: number) => x.toFixed(2);
  const detail = `medians ${f(medians[0])} / ${f(medians[1])} ms, difference ${f(difference)}, IQR ${f(iqr(times[0]))} / ${f(iqr(times[1]))}, same-kind noise ${f(noise)}, tolerance ${f(tolerance)}`;
  return { medians, difference, tolerance, detail };
}

/**
 * A difference must show in two independent measurements. Other test files run beside this one, and a
 * burst of their load can land on one kind's samples more than the other's; it does not repeat the same
 * way. A real difference does: one the measurement can see (the power check below) shows both times.
 */
const expectIndistinguishable = async (measure: () => Promise<Timing>) => {
  const first = await measure();
  if (first.difference <= first.tolerance) return;
  const second = await measure();
  if (second.difference > second.tolerance) throw new Error(`timing tells the two apart, twice: ${first.detail}; then ${second.detail}`);
};

describe('account enumeration: no timing difference between existing and unknown accounts', () => {
  let t: TestApp;
  const world = {} as EnumerationWorld;
  const { cases, workspaceCases, staffLogin, staffAccount, WRONG } = enumerationFlows(world);

  // Limits far away, so only the account makes a difference (the limiters: enumeration.int-spec.ts).
  beforeAll(async () => {
    t = await startTestApp(FAR_LIMITS, { realHashing: true });
    Object.assign(world, { t, open: await createTenant(t.em(), { allowCustomerSignup: true }), client: startTimingClient(t.url) });
  });
  afterAll(async () => {
    await world.client.close();
    await t.close();
  });

  /** Between timed samples: the work requests left for after their answer is done, and the loop has a breath. */
  const settle = async () => {
    await t.app.runtime.background.drain();
    await new Promise((r) => setTimeout(r, 5));
  };

  /** A flow takes as long for an address with an account as for one without, interleaved. */
  const sameTime = async (c: (typeof cases)[number], transport: Transport) => {
    const existing = await c.existing();
    const unknown = address('u');
    await expectIndistinguishable(() =>
      compareTimings(
        async () => (await c.send(transport, existing)).timed.ms,
        async () => (await c.send(transport, c.freshUnknown ? address('u') : unknown)).timed.ms,
        settle,
      ),
    );
  };

  describe.each(['REST', 'GraphQL'] as Transport[])('over %s', (transport) => {
    // Every flow over REST; over GraphQL (the same service code, one layer less) the logins and a registration.
    const timed = cases.filter(
      (c) => !c.flow.includes('unverified account, wrong') && !c.flow.includes('(verified account)') && (transport === 'REST' || /login|business registration/.test(c.flow)),
    );
    it.each(timed.map((c) => [c.flow, c] as const))('%s: no timing difference beyond the measured noise', (_name, c) => sameTime(c, transport));
  });

  // Issue 15: a login naming its workspace `workspace` (GraphQL only) takes the path of one naming it by tenantSlug or
  // companyId (one lookup of the accounts in it): timed once, a wrong password at customerLogin.
  it.each(workspaceCases.filter((c) => c.flow.startsWith('customerLogin')).map((c) => [c.flow, c] as const))(
    'GraphQL %s: no timing difference beyond the measured noise',
    (_name, c) => sameTime(c, 'GraphQL'),
  );

  it('the timing measurement does tell apart requests that differ by one argon2 verification', async () => {
    // The power check of the comparison above: a login refused before any password work (a malformed
    // address fails validation) against one that verifies a password. If this stopped failing the
    // comparison, the timing assertions above would prove nothing.
    const existing = await staffAccount();
    const timing = await compareTimings(
      async () => (await staffLogin(WRONG)('REST', existing)).timed.ms,
      async () => (await staffLogin(WRONG)('REST', 'not-an-address')).timed.ms,
      settle,
    );
    if (!(timing.difference > timing.tolerance)) throw new Error(`the measurement cannot tell one argon2 verification from none: ${timing.detail}`);
  });
});
