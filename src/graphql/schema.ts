import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { applyShield } from '../authz/shield';
import { permissions } from '../authz/rules';
import { applyMutationRateLimit } from './mutation-rate-limit';
import { resolvers } from './resolvers';
import { DateTimeScalar } from './scalars';

/**
 * The root types' descriptions: type-graphql makes Query, Mutation and Subscription itself and takes none, and
 * the schema lint (eslint.config.js) wants every type described.
 */
const ROOT_DESCRIPTIONS = {
  query: 'Reads. Each field says who may call it: public, a customer (portal token), staff (by least role) or SUPER_ADMIN.',
  mutation: 'Changes, each in its own transaction. Each field says who may call it, as on Query.',
  subscription: 'Live events over the WebSocket at /graphql (graphql-ws), for staff and portal users.',
} as const;

/** The schema as type-graphql builds it from the resolvers, before authorization is applied. */
export function buildBareSchema(): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
    // Subscriptions define their own `subscribe` (src/modules/live): type-graphql's topics are not used.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('subscriptions here define their own subscribe function');
      },
    },
  });
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  for (const operation of ['query', 'mutation', 'subscription'] as const) {
    const root = roots[operation];
    if (root) root.description = ROOT_DESCRIPTIONS[operation];
  }
  return schema;
}

let served: GraphQLSchema | undefined;

/**
 * The served schema: the bare schema with shield applied (deny by default), and around every Mutation
 * field the per-viewer rate limit (applied last, so it runs first). It depends on no setting and holds no
 * state, so it is built once per process: every app in it (several per test file) serves the same one.
 */
export function buildSchema(): GraphQLSchema {
  return (served ??= applyMutationRateLimit(applyShield(buildBareSchema(), permissions)));
}

/** The SDL committed as schema.graphql; sorted so that it does not churn with declaration order. */
export function printAppSchema(schema: GraphQLSchema = buildBareSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
