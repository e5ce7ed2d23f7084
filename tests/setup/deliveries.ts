import type { TestApp } from './app';

/**
 * Waits until every outbox event is dispatched and every delivery tried: after that, what has not arrived
 * never will, so a test may assert on absences.
 */
export async function waitForDeliveries(t: TestApp, timeoutMs = 20000): Promise<void> {
  const conn = t.em().getConnection();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await conn.execute<{ busy: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM outbox_events WHERE processed_at IS NULL) OR EXISTS (SELECT 1 FROM notification_deliveries WHERE status = 'PENDING') AS busy`,
    );
    if (!row.busy) return;
    if (Date.now() > end) throw new Error('deliveries did not settle');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until Ezra's automatic runs have settled: every outbox event dispatched (the dispatch queues the run)
 * and no `ezra.auto` job waiting, due for a retry or running (one out of tries stays in the queue and does not
 * count). After that, an automatic run that is not stored never will be.
 */
export async function waitForAutoAnalyses(t: TestApp, timeoutMs = 30000): Promise<void> {
  const conn = t.em().getConnection();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await conn.execute<{ busy: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM outbox_events WHERE processed_at IS NULL)
           OR EXISTS (SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'ezra.auto' AND attempts < max_attempts) AS busy`,
    );
    if (!row.busy) return;
    if (Date.now() > end) throw new Error("Ezra's automatic runs did not settle");
    await new Promise((r) => setTimeout(r, 50));
  }
}
