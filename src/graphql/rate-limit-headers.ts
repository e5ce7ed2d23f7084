import type { ApolloServerPlugin } from '@apollo/server';
import { rateLimitHeaders } from '../shared/rate-limit-meter';
import type { Context } from './context';

/**
 * RateLimit-* headers on the /graphql response: the most restrictive limiter the operation met (a
 * mutation's per-viewer budget, a login's failures, ...); none when it met none (queries). The REST adapter
 * copies them from the operation's response. A refusal stays a GraphQL error (HTTP 200, as GraphQL over HTTP
 * answers execution errors) with the numbers in `extensions.rateLimit`.
 */
export function rateLimitHeadersPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const state = contextValue.rateLimit.mostRestrictive();
          if (!state) return;
          for (const [name, value] of Object.entries(rateLimitHeaders(state))) response.http.headers.set(name, value);
        },
      };
    },
  };
}
