import type { TestApp } from './app';
import { until } from './wait';

/**
 * Waits until every outbox event is dispatched and every delivery tried: after that, what has not arrived
 * never will, so a test may assert on absences.
 */
export async function waitForDeliveries(t: TestApp, timeoutMs = 20000): Promise<void> {
  await untilNone(
    t,
    `SELECT EXISTS (SELECT 1 FROM outbox_events WHERE processed_at IS NULL) OR EXISTS (SELECT 1 FROM notification_deliveries WHERE status = 'PENDING') AS busy`,
    'deliveries to settle',
    timeoutMs,
  );
}

/**
 * Waits until Ezra's jobs have settled: every outbox event dispatched (the dispatch queues an automatic run)
 * and no `ezra.auto` or `ezra.provider` job waiting, due for a retry or running (one out of tries stays in the
 * queue and does not count). After that, a run or provider answer that is not stored never will be.
 */
export async function waitForEzraJobs(t: TestApp, timeoutMs = 30000): Promise<void> {
  await untilNone(
    t,
    `SELECT EXISTS (SELECT 1 FROM outbox_events WHERE processed_at IS NULL)
         OR EXISTS (SELECT 1 FROM graphile_worker.jobs WHERE task_identifier IN ('ezra.auto', 'ezra.provider') AND attempts < max_attempts) AS busy`,
    "Ezra's jobs to settle",
    timeoutMs,
  );
}

/** Until `busy` (a statement answering one row with a boolean `busy`) says nothing is left under way. */
async function untilNone(t: TestApp, busy: string, what: string, timeoutMs: number): Promise<void> {
  const conn = t.em().getConnection();
  await until(async () => !(await conn.execute<{ busy: boolean }[]>(busy))[0].busy, what, timeoutMs);
}

/**
 * The one rule before a test asserts that something was NOT delivered (an e-mail, a webhook request): first a
 * positive marker, a delivery the same actions (or later ones) send, seen in the same mailbox or receiver, so
 * the pipeline is shown to deliver and to have reached them; then everything still under way settled, since
 * sends run side by side (a worker sends several at once, each after-answer mail is a task of its own) and
 * the forbidden one may come after the marker: the after-answer work drained and, where a worker runs, every
 * outbox event and delivery tried. Only then can an absence not be a delivery that was merely slow.
 * Resolves to what the marker did.
 */
export async function afterMarker<T>(t: TestApp, marker: Promise<T>): Promise<T> {
  const seen = await marker;
  await t.app.runtime.background.drain();
  if (t.app.runtime.worker) await waitForDeliveries(t);
  return seen;
}
