import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IMiddlewareFunction } from 'graphql-middleware';
import type { Context } from './context';

/**
 * Every Mutation field a signed-in viewer executes costs one point of their per-minute budget
 * (MUTATIONS_PER_VIEWER_PER_MINUTE, kept in PostgreSQL so it holds across processes). A resolver
 * middleware on the Mutation type only, so it runs exactly once per mutation field executed (two aliased
 * fields are two), over /graphql and the REST routes alike (they execute the same schema), and costs
 * nothing on queries. It is applied outside shield: a refused or failing mutation counts too, and a viewer
 * over the limit is stopped before any other work.
 */
/** Signing out is never refused: a viewer over the limit must still be able to end their session. */
const UNCOUNTED = new Set(['logout', 'customerLogout', 'sessionEnd', 'customerSessionEnd']);

const countMutation: IMiddlewareFunction<unknown, Context> = async (resolve, root, args, context, info) => {
  if (!UNCOUNTED.has(info.fieldName)) await context.rateLimits.consumeMutation(context.viewer);
  return resolve(root, args, context, info);
};

export function applyMutationRateLimit(schema: GraphQLSchema): GraphQLSchema {
  if (!schema.getMutationType()) return schema;
  return applyMiddleware(schema, { Mutation: countMutation });
}
