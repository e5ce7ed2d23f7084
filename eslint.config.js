// Flat config: typescript-eslint's recommended rules on every TypeScript file, graphql-eslint's schema rules on
// schema.graphql.
const path = require('node:path');
const js = require('@eslint/js');
const graphql = require('@graphql-eslint/eslint-plugin');
const tseslint = require('typescript-eslint');

/** The code's rules stay on code: on the GraphQL schema's syntax tree they mean nothing. */
const CODE = ['**/*.{js,cjs,mjs,ts}'];
const forCode = (config) => ({ ...config, files: config.files ?? CODE });

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'examples/client/src/gql/**', 'coverage/**', '.data/**'] },
  forCode(js.configs.recommended),
  ...tseslint.configs.recommended.map(forCode),
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
    files: CODE,
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
  {
    // The schema as clients see it (emitted from the decorators by `npm run schema:emit`): what a frontend
    // team reads instead of the server's code. Fix a finding in the decorators, then emit again.
    files: ['schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: path.join(__dirname, 'schema.graphql') } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      // Every type, field, argument and enum value says what it is, not only the root fields.
      '@graphql-eslint/require-description': [
        'error',
        { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true },
      ],
      // Entities carry `id: ID!`; values without an identity of their own are named here (or by their suffix).
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Page', 'Payload', 'Connection', 'Edge', 'PageInfo', 'Count', 'Suggestion', 'Summary'],
            types: [
              'AnalysisSignal', 'AssigneeRatings', 'AuditChainBreak', 'AuditChainVerification', 'IncidentAuthor', 'IncidentChange', 'IncidentSla',
              'InternalSla', 'Invitation', 'KbArticleRevision', 'NotificationPreference', 'OAuthStart', 'OnCallRecipient', 'OnCallRecipients',
              'Pagination', 'ProviderAnswer', 'ResetTokenStatus', 'SlaPolicy', 'TicketRating', 'TokenPair', 'WebhookEndpointWithSecret',
              // issue 15, portal types: an event and the ticket after it (like IncidentChange).
              'TicketChange',
            ],
          },
        },
      ],
    },
  },
);
