import { ApolloServer, HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { statusForCode } from '../shared/errors';
import type { Config } from '../config/config';
import type { Context } from './context';
import { createFormatError } from './errors';
import { inputGuardPlugin } from './input-guard';
import { costLimitPlugin, limitRules } from './limits';
import { rateLimitHeadersPlugin } from './rate-limit-headers';
import type { ExecutionOutcome } from '../db/tenant-transaction';

/**
 * Apollo configured for this server: our error translator, no CDN landing page, no per-field cache hints,
 * and the operation limits of graphql/limits.ts (they apply to the REST routes too: those run through
 * `executeOperation`, the same pipeline).
 */
export function createApollo(schema: GraphQLSchema, config: Config, log: Logger): ApolloServer<Context> {
  const limits = config.graphql;
  const formatError = createFormatError({ exposeStack: config.isDevelopment, hideSuggestions: !config.isDevelopment, log: () => log, schema });
  return new ApolloServer<Context>({
    schema,
    logger: log,
    formatError,
    includeStacktraceInErrorResponses: false,
    // "Did you mean ...?" hints only help an attacker map the schema outside development.
    hideSchemaDetailsFromClientErrors: !config.isDevelopment,
    introspection: limits.introspection,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM: it drains HTTP first, then stops Apollo and the database in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      inputGuardPlugin<Context>(),
      costLimitPlugin<Context>(limits),
      rateLimitHeadersPlugin(),
      requestTransactionPlugin(formatError),
    ],
  });
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** One error as the whole answer: nothing of the operation's data is true once its transaction is gone. */
function failWith(rc: GraphQLRequestContextWillSendResponse<Context>, error: GraphQLFormattedError): void {
  rc.response.body = { kind: 'single', singleResult: { data: null, errors: [error] } };
  rc.response.http.status = statusForCode(error.extensions?.code as string | undefined);
}

/**
 * Runs each operation of a tenant-scoped viewer in the request's transaction as the tenant's database role
 * (db/tenant-transaction.ts). Here because both GraphQL over HTTP and the REST adapter (`executeOperation`)
 * go through this pipeline. Opened once the operation is parsed, validated and within its limits; committed
 * before the answer leaves, so the caller's next request sees the change and after-commit work (e-mails,
 * background tasks) starts only once it is visible. A mutation refused with a GraphQL error rolled its own
 * savepoint back and the rest commits; an execution that throws, a transaction a failed statement left
 * unusable, or a failed commit is rolled back and answered with an error in place of any data.
 */
function requestTransactionPlugin(formatError: FormatError): ApolloServerPlugin<Context> {
  const formatted = (error: unknown) => formatError(new GraphQLError('database failure', { originalError: error as Error }).toJSON(), error);
  return {
    async requestDidStart() {
      let thrown = false;
      return {
        async didResolveOperation({ contextValue, operation }) {
          const refusal = contextValue.transaction.mixedOperationRefusal(operation);
          // The translator (graphql/errors.ts) reports the BadRequestError inside: BAD_REQUEST, 400.
          if (refusal) throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
        async responseForOperation({ contextValue, operation }) {
          try {
            await contextValue.transaction.beginFor(operation);
            return null;
          } catch (e) {
            const error = formatted(e);
            return { http: { status: statusForCode(error.extensions?.code as string | undefined), headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: null, errors: [error] } } };
          }
        },
        async executionDidStart() {
          return {
            async executionDidEnd(error) {
              if (error) thrown = true;
            },
          };
        },
        async willSendResponse(rc) {
          const outcome: ExecutionOutcome = thrown ? 'threw' : rc.errors?.length ? 'errors' : 'ok';
          const failure = await rc.contextValue.transaction.end(outcome);
          if (failure) failWith(rc, formatted(failure));
        },
      };
    },
  };
}
