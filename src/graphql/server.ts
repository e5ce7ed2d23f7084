import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Context } from './context';
import { createFormatError } from './errors';
import { inputGuardPlugin } from './input-guard';
import { costLimitPlugin, limitRules } from './limits';

/**
 * Apollo configured for this server: our error translator, no CDN landing page, no per-field cache hints,
 * and the operation limits of graphql/limits.ts (they apply to the REST routes too: those run through
 * `executeOperation`, the same pipeline).
 */
export function createApollo(schema: GraphQLSchema, config: Config, log: Logger): ApolloServer<Context> {
  const limits = config.graphql;
  return new ApolloServer<Context>({
    schema,
    logger: log,
    formatError: createFormatError({ exposeStack: config.isDevelopment, hideSuggestions: !config.isDevelopment, log: () => log, schema }),
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
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), inputGuardPlugin<Context>(), costLimitPlugin<Context>(limits)],
  });
}
