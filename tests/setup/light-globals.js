/* global expect, jest, setTimeout, clearTimeout */
// jest-light-runner (jest.config.js) has no timeouts: a test that never settles would hold its worker, and
// `npm test`, for ever. This wraps the test and hook globals the runner installs so that each one fails after
// its timeout, as under jest's own runner: the third argument, else the file's `jest.setTimeout`, else a
// minute (TEST_TIMEOUT_MS): generous, for real servers, databases and processes on a busy 2-core machine.
// Files share a worker, so `jest.setTimeout` is remembered per test file.
const DEFAULT_TIMEOUT = Number(process.env.TEST_TIMEOUT_MS) || 60_000;
const perFile = new Map();
const testPath = () => expect.getState().testPath;
const timeoutFor = (given) => given ?? perFile.get(testPath()) ?? DEFAULT_TIMEOUT;

function limited(fn, given) {
  if (typeof fn !== 'function') return fn;
  return function (...args) {
    const ms = timeoutFor(given);
    let timer;
    const expired = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Exceeded timeout of ${ms} ms for a test or hook.`)), ms);
    });
    return Promise.race([Promise.resolve().then(() => fn.apply(this, args)), expired]).finally(() => clearTimeout(timer));
  };
}

function wrapTest(original) {
  const wrapped = (name, fn, timeout) => original(name, limited(fn, timeout), timeout);
  wrapped.only = (name, fn, timeout) => original.only(name, limited(fn, timeout), timeout);
  wrapped.skip = original.skip;
  wrapped.todo = original.todo;
  const each = (target) => (...table) => {
    const bound = target(...table);
    return (name, fn, timeout) => bound(name, limited(fn, timeout), timeout);
  };
  wrapped.each = each(original.each.bind(original));
  wrapped.only.each = each(original.only.each.bind(original.only));
  return wrapped;
}

globalThis.test = globalThis.it = wrapTest(globalThis.test);
for (const hook of ['beforeAll', 'beforeEach', 'afterAll', 'afterEach']) {
  const original = globalThis[hook];
  globalThis[hook] = (fn, timeout) => original(limited(fn, timeout), timeout);
}
jest.setTimeout = (ms) => {
  perFile.set(testPath(), ms);
  return jest;
};
