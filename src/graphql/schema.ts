import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { isInputObjectType, isNonNullType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { applyShield } from '../authz/shield';
import { permissions, PUBLIC_ROOT_FIELDS } from '../authz/rules';
import type { Context } from './context';
import { applyMutationRateLimit } from './mutation-rate-limit';
import { resolvers } from './resolvers';
import { DateTimeScalar } from './scalars';

/**
 * Every root field of Query and Mutation is nullable, whatever its decorator says: a lookup of a missing or
 * refused object, a field the viewer may not use, answers null with its coded error in `errors`, and the
 * operation's other root fields keep their data (`{ me auditLog }` as a VIEWER still answers `me`). Inside
 * the objects, non-null stays non-null. The rule lives here once rather than in a hundred decorators.
 */
function nullableRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (isNonNullType(field.type)) field.type = field.type.ofType;
    }
  }
  return schema;
}

/**
 * type-graphql gives an input class's inherited fields the type and description of the class declaring them,
 * but not its deprecation (utils getFieldMetadataFromInputType). The new-style inputs extend the old ones
 * (issue 15), so without this they would offer `companyId` undeprecated beside `workspace`.
 */
function inheritedInputDeprecations(schema: GraphQLSchema): GraphQLSchema {
  const { inputTypes, fields: declared } = getMetadataStorage();
  for (const input of inputTypes) {
    const type = schema.getType(input.name);
    if (!isInputObjectType(type)) continue;
    const fields = type.getFields();
    for (let parent = Object.getPrototypeOf(input.target) as object | null; parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent) as object | null) {
      for (const f of declared) {
        const field = fields[f.name];
        if (f.target === parent && f.deprecationReason && field && field.deprecationReason == null) field.deprecationReason = f.deprecationReason;
      }
    }
  }
  return schema;
}

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
  return inheritedInputDeprecations(nullableRootFields(schema));
}

/**
 * Public root fields beside fields that need the token, each part answering as if sent apart. Those others run
 * in the request's transaction as the viewer's tenant (graphql/pipeline.ts), where row-level security would
 * hide what the public ones must see. A public query field (the company list spans tenants) runs as the owner
 * on a connection of their own while that transaction is open: it must stay a plain read, which never
 * waits on row locks (a write there could wait on locks its own request holds). Each Mutation field
 * first enters its part of the operation (graphql/pipeline.ts `partsOf`): before a public one the request's
 * transaction is committed, so it runs as when sent alone and never waits on its own request's row locks;
 * the next field that needs the token opens a fresh one.
 */
function publicFieldsApart(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve || !PUBLIC_ROOT_FIELDS.has(`Query.${field.name}`)) continue;
    field.resolve = (source, args, ctx: Context, info) => {
      if (!ctx.transaction.isOpen) return resolve(source, args, ctx, info);
      const { em, services } = ctx.owner;
      return resolve(source, args, Object.create(ctx, { em: { value: em }, services: { value: services } }) as Context, info);
    };
  }
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    const publicField = PUBLIC_ROOT_FIELDS.has(`Mutation.${field.name}`);
    field.resolve = async (source, args, ctx: Context, info) => {
      await ctx.mutationParts?.enter(publicField);
      return resolve(source, args, ctx, info);
    };
  }
  return schema;
}

/**
 * Each Mutation field, and each event of a subscription, starts with the request's DataLoaders emptied.
 * Mutation fields run one after another, and what a loader read for an earlier field
 * (`a: incidentUpdateAdd { incident { updates } }`) is stale once the next one (`b: incidentStatusChange
 * { update }`) has changed the rows: its payload must read what it wrote. A subscription keeps one context for
 * its whole life: without this, the first event's reads would be served from the cache for every later one.
 */
function freshLoadersPerChange(schema: GraphQLSchema): GraphQLSchema {
  const fields = [schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.values(type?.getFields() ?? {}));
  for (const field of fields) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (source, args, ctx: Context, info) => {
      ctx.loaders.incidents.clearAll();
      return resolve(source, args, ctx, info);
    };
  }
  return schema;
}

let served: GraphQLSchema | undefined;

/**
 * The served schema: the bare schema with shield applied (deny by default), and around every Mutation
 * field fresh loaders and the per-viewer rate limit (applied last, so it runs first). It depends on no setting and holds no
 * state, so it is built once per process: every app in it (several per test file) serves the same one.
 */
export function buildSchema(): GraphQLSchema {
  return (served ??= applyMutationRateLimit(applyShield(freshLoadersPerChange(publicFieldsApart(buildBareSchema())), permissions)));
}

/** The SDL committed as schema.graphql; sorted so that it does not churn with declaration order. */
export function printAppSchema(schema: GraphQLSchema = buildBareSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
