import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LoadOptions {
  url: string;
  path: string;
  body: string;
  concurrency: number;
  warmup: number;
  count: number;
  maxMs: number;
  /** Called when the measured part starts (after the warm-up), on the main thread. */
  onMeasuredStart?: () => void;
}

export interface LoadResult {
  ok: number;
  elapsedMs: number;
  /** Per-request latency in ms of the measured requests that answered 200. */
  latencies: number[];
  /** Time the client's event loop was busy (an upper bound of its CPU), ms. */
  clientBusyMs: number;
  /** The first failure (non-200 answer or transport error); the load stops at once on it. */
  failure?: string;
  timedOut: boolean;
}

/** Drives POSTs over real HTTP from a worker thread (see http-load.worker.js). */
export function postLoad(options: LoadOptions): Promise<LoadResult> {
  const { onMeasuredStart, ...workerData } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'http-load.worker.js'), { workerData });
    let settled = false;
    // A hard stop a little after the worker's own deadline, in case a request hangs.
    const guard = setTimeout(() => {
      settled = true;
      void worker.terminate();
      reject(new Error(`the HTTP load did not finish within ${options.maxMs + 70_000} ms`));
    }, options.maxMs + 70_000);
    worker.on('message', (msg: { started?: true; result?: LoadResult }) => {
      if (msg.started) onMeasuredStart?.();
      if (msg.result && !settled) {
        settled = true;
        clearTimeout(guard);
        resolve(msg.result);
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      reject(e);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      reject(new Error(`the HTTP load worker exited with code ${code}`));
    });
  });
}
