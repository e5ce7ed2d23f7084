/**
 * Waits until `check` holds (it may be async), looking every 25 ms: a test waits for what it can observe,
 * never a fixed time. `what` names it in the timeout's error; a number there is the timeout instead.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string | number = 'a condition', timeoutMs = 30000): Promise<void> {
  if (typeof what === 'number') [what, timeoutMs] = ['a condition', what];
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
