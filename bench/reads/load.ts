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
  /** Called on the main thread when the measured part starts (after the warm-up). */
  onMeasuredStart?: () => void;
}

export interface ReadLoadResult {
  ok: number;
  elapsedMs: number;
  /** Latency of every measured request, ms. */
  latencies: number[];
  /** Time the client's event loop was busy, ms (an upper bound of its CPU). */
  clientBusyMs: number;
  bytes: number;
  failure?: string;
}

/** Rotating keep-alive HTTP load from a worker thread (see load.worker.js). Rejects on the first failure. */
export function readLoad(options: ReadLoadOptions): Promise<ReadLoadResult> {
  const { onMeasuredStart, url, ...rest } = options;
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
    const guard = setTimeout(
      () => settle(() => {
        void worker.terminate();
        reject(new Error(`the HTTP load did not finish within ${options.warmupMs + options.durationMs + 70_000} ms`));
      }),
      options.warmupMs + options.durationMs + 70_000,
    );
    worker.on('message', (msg: { started?: true; result?: ReadLoadResult }) => {
      if (msg.started) onMeasuredStart?.();
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
