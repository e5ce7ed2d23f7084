/**
 * Waits until `check` holds (it may be async), looking every 25 ms: a test waits for what it can observe,
 * never a fixed time. `what` names it in the timeout's error; a number there is the timeout instead.
 * Resolves to how long it took, for the tests that report or bound it.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string | number = 'a condition', timeoutMs = 30000): Promise<number> {
  if (typeof what === 'number') [what, timeoutMs] = ['a condition', what];
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}
