import { availableParallelism } from 'node:os';

/**
 * The libuv thread pool and the password hashes in flight default to the cores less one (at least one), so
 * that during a login storm the event loop keeps a core: on two cores, four hashes (libuv's default pool)
 * left the loop fighting argon2 for CPU, and a login cost 0.7 of a raw verify instead of 0.96 (docs/benchmarks.md).
 */
export const defaultHashSlots = (): number => Math.max(1, availableParallelism() - 1);

/**
 * Sizes libuv's pool unless UV_THREADPOOL_SIZE is set. libuv reads the variable when the pool is first used,
 * so it runs from src/size-thread-pool.ts, imported before anything that reads files asynchronously, resolves
 * names or hashes: first in every entry point (main.ts, worker.ts, the benchmark).
 */
export function sizeThreadPool(): number {
  const set = Number(process.env.UV_THREADPOOL_SIZE);
  if (Number.isInteger(set) && set > 0) return set;
  const size = defaultHashSlots();
  process.env.UV_THREADPOOL_SIZE = String(size);
  return size;
}
