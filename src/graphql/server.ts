import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { CSRF_PREFLIGHT_HEADERS } from '../http/security';
import type { Context } from './context';
import type { OperationPipeline } from './pipeline';
import { jitExecution } from './jit';
import { rateLimitHeadersPlugin } from './rate-limit-headers';

/**
 * Apollo configured for this server: no CDN landing page, no per-field cache hints, and the operation
 * pipeline of graphql/pipeline.ts (limits, introspection, checks, request transaction, error translator),
 * which the REST routes go through too (they run through `executeOperation`) and the WebSocket runs itself.
 */
export function createApollo(
  schema: GraphQLSchema,
  config: Config,
  log: Logger,
  pipeline: OperationPipeline,
  plugins: ApolloServerPlugin<Context>[] = [],
  onCompile?: () => void,
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    // Compiled execution (graphql/jit.ts) unless turned off; the same schema either way.
    ...(config.graphql.jit ? { gateway: jitExecution(schema, config.graphql.jitThreshold, onCompile) } : { schema }),
    logger: log,
    formatError: pipeline.formatError,
    includeStacktraceInErrorResponses: false,
    // "Did you mean ...?" hints only help an attacker map the schema outside development.
    hideSchemaDetailsFromClientErrors: !config.isDevelopment,
    // Introspection is refused by the pipeline's own validation rule (when turned off), on every transport.
    introspection: true,
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS.map((h) => h.toLowerCase()) },
    // Persisted queries, automatic or trusted, are the pipeline's (graphql/documents.ts), the same on every
    // door; it hands Apollo the operation's text and no persistedQuery extension.
    persistedQueries: false,
    // main.ts owns SIGINT/SIGTERM: it drains HTTP first, then stops Apollo and the database in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    parseOptions: pipeline.parseOptions,
    validationRules: pipeline.validationRules,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), rateLimitHeadersPlugin(), pipeline.apolloPlugin(), ...plugins],
  });
}
