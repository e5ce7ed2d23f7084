/**
 * openid-client and its dependencies (oauth4webapi, jose), file-type and its dependencies (strtok3, token-types,
 * @tokenizer/inflate, uint8array-extras, @borewit/text-codec) are ESM-only. Node loads them with require(esm), but jest's own module system cannot, so
 * @swc/jest compiles those packages to CommonJS for the tests.
 */
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose', 'file-type', 'strtok3', 'token-types', '@tokenizer/inflate', 'uint8array-extras', '@borewit/text-codec'];

const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/tests'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    [`node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { swcrc: false, jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // file-type exports its Node entry under `import` and `module-sync` only, which jest's resolver does not take.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
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
  // Generous: real servers, databases and processes; a busy 2-core machine can be slow, never wrong.
  testTimeout: 60000,
  maxWorkers: 2,
};
