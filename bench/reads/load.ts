import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface PreparedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReadLoadOptions {
  url: string;
  requests: PreparedRequest[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** How a successful answer looks beyond HTTP 200: no GraphQL `errors`, or a REST `"success":true`. */
  check: 'graphql' | 'rest' | 'status';
  /** Called on the main thread when the measured window opens (after the warm-up) and when it closes. */
  onMeasuredStart?: () => void;
  onMeasuredEnd?: () => void;
}

export interface ReadLoadResult {
  /** Requests answered inside the measured window. */
  ok: number;
  /** The window, ms. */
  elapsedMs: number;
  /** Latency of every request answered inside the window, ms. */
  latencies: number[];
  /** Time the client's event loop was busy, ms (an upper bound of its CPU). */
  clientBusyMs: number;
  bytes: number;
  failure?: string;
}

/** Rotating keep-alive HTTP load from a worker thread (see load.worker.js). Rejects on the first failure. */
export function readLoad(options: ReadLoadOptions): Promise<ReadLoadResult> {
  const { onMeasuredStart, onMeasuredEnd, url, ...rest } = options;
  const target = new URL(url);
  const workerData = { ...rest, host: target.hostname, port: Number(target.port) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load.worker.js'), { workerData });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      fn();
    };
    // The warm-up waits for a full queue (up to 120 s), the window for 20 answers (up to 60 s), then those in flight
    // are awaited (up to the worker's 300 s request timeout).
    const limitMs = options.warmupMs + options.durationMs + 510_000;
    const guard = setTimeout(
      () => settle(() => {
        void worker.terminate();
        reject(new Error(`the HTTP load did not finish within ${limitMs} ms`));
      }),
      limitMs,
    );
    worker.on('message', (msg: { started?: true; ended?: true; result?: ReadLoadResult }) => {
      if (msg.started) onMeasuredStart?.();
      if (msg.ended) onMeasuredEnd?.();
      const result = msg.result;
      if (result) {
        settle(() => (result.failure ? reject(new Error(result.failure)) : resolve(result)));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the HTTP load worker exited with code ${code}`))));
  });
}
