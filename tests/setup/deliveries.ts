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
