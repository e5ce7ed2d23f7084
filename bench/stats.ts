/** Small numeric helpers for the bench report. */

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Runs `job` `count` times with at most `concurrency` in flight, stopping early after `maxMs`. */
export async function runBounded(
  concurrency: number,
  count: number,
  maxMs: number,
  job: () => Promise<unknown>,
): Promise<{ done: number; elapsedMs: number; timedOut: boolean }> {
  let started = 0;
  let done = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const lane = async () => {
    while (started < count && performance.now() < deadline) {
      started++;
      await job();
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { done, elapsedMs: performance.now() - t0, timedOut: done < count };
}
