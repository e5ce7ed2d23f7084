/**
 * openid-client and its dependencies (oauth4webapi, jose) are ESM-only. Node loads them with require(esm),
 * but jest's own module system cannot, so @swc/jest compiles those packages to CommonJS for the tests.
 */
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose'];

const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/tests'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    [`node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { swcrc: false, jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
};

/** The database the tests that need one share: started once per run, only when such a test runs. */
const withDatabase = {
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
};

/**
 * Three projects. `npm test` runs unit (no database) and integration; `npm run test:timing` runs timing
 * (timing comparisons that need the machine to themselves as far as possible, and minutes), and CI runs all.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...common, ...withDatabase, displayName: 'integration', testMatch: ['**/*.int-spec.ts'] },
    { ...common, ...withDatabase, displayName: 'timing', testMatch: ['**/*.timing-spec.ts'] },
  ],
  // Generous: real servers, databases and processes; a busy 2-core machine can be slow, never wrong.
  testTimeout: 60000,
  maxWorkers: 2,
};
