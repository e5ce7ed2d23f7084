// Flat config: typescript-eslint's recommended rules on every TypeScript file.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // ES modules run by Node as child processes of the tests (ESM-only packages such as oidc-provider).
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // A query through the shared connection without a transaction context runs on another pooled connection:
    // outside the request's transaction, so outside its tenant role (row-level security) and its writes.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='getConnection'][arguments.length<4]",
          message: 'Use em.execute(sql, params), which runs on the EntityManager\'s transaction, or pass the transaction context.',
        },
      ],
    },
  },
  {
    // Layers: the database layer, settings and shared helpers know nothing of the GraphQL pipeline, the
    // policies, the services or the app-wide runtime above them (tests/unit/layers.spec.ts also refuses
    // import cycles anywhere in src).
    files: ['src/db/**/*.ts', 'src/shared/**/*.ts', 'src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/graphql/**', '**/authz/**', '**/rest/**', '**/runtime', '**/app', '**/modules/services', '**/*.service', '**/*.resolver', '**/*.read'],
              message: 'db/, shared/ and config/ sit below the pipeline, policies and services: move the code that needs them up, or pass it in.',
            },
          ],
        },
      ],
    },
  },
  { files: ['scripts/**', 'tests/**', 'bench/**'], rules: { 'no-console': 'off' } },
);
