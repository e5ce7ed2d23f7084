/**
 * Test files run in plain Node through jest-light-runner, not in jest's per-file module sandbox: each worker
 * loads the server's modules (about 3,400 of them) once and builds the schema once, instead of once per test
 * file, which was most of the suite's CPU. The price is isolation: files that share a worker share module
 * state, so a test file must leave nothing behind (close its apps, restore what it changed). TypeScript is
 * compiled by swc as it is required (tests/setup/light-register.js); ESM-only packages load through Node's
 * own require(esm). tests/setup/light-globals.js adds the timeouts the runner lacks;
 * tests/setup/one-pool-runner.mjs runs the unit files in the integration files' workers.
 */
const common = {
  rootDir: __dirname,
  roots: ['<rootDir>/tests'],
  runner: '<rootDir>/tests/setup/one-pool-runner.mjs',
  // Used by jest itself for the global setup and teardown, which run in its own process.
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFiles: ['<rootDir>/tests/setup/light-register.js', '<rootDir>/tests/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/setup/light-globals.js'],
};

/** The database the tests that need one share: started once per run, only when such a test runs. */
const withDatabase = {
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
};

const unit = { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] };
const integration = { ...common, ...withDatabase, displayName: 'integration', testMatch: ['**/*.int-spec.ts'] };
/** Timing comparisons: minutes of samples that want the machine to themselves as far as possible. */
const timing = { ...common, ...withDatabase, displayName: 'timing', testMatch: ['**/*.timing-spec.ts'] };

/**
 * `jest` (`npm test`) runs the unit (no database) and integration projects; with TEST_TIMING=1
 * (`npm run test:timing`, and CI after the rest) the timing project alone. An environment variable rather
 * than --selectProjects, which would take the test paths and flags given after it for project names.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: process.env.TEST_TIMING === '1' ? [timing] : [unit, integration],
  // More workers than this machine's 2 cores: a test file spends a good part of its time waiting on
  // PostgreSQL and on the processes it starts, and a third worker fills those waits (130 s with 3 or 4,
  // 200 s with 2, for the whole suite).
  maxWorkers: 3,
};
