import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../shared/listing';

/**
 * Limits on what one GraphQL operation may ask for, checked before anything runs: nesting depth, aliases,
 * directives, tokens and a cost computed from list sizes. Each refusal is a 400 with its own code.
 *
 * - depth, aliases, directives: graphql-armor's validation rules (their results are cached with the
 *   validated document by Apollo, so they cost nothing on a repeated query);
 * - tokens: graphql-js's own parser limit (`parseOptions.maxTokens`), so an oversized document is refused
 *   while it is being parsed, before a syntax tree is built;
 * - cost: graphql-query-complexity with the estimator below, per request, because the list sizes come
 *   from the variables (`limit: $limit`).
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** The size assumed for a list field without a `limit` argument (an incident's updates, say). */
  assumedListSize: number;
}

export type QueryLimitCode = 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS' | 'QUERY_TOO_COMPLEX';

export const QUERY_LIMIT_CODES: readonly QueryLimitCode[] = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS', 'QUERY_TOO_COMPLEX'];

/** An operation over one of the limits. Apollo wraps validation errors; the translator finds this inside. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly code: QueryLimitCode,
    message: string,
    readonly limit: number,
    readonly found: number | undefined,
  ) {
    // `http` sets the status when the error is raised outside validation (the cost check).
    super(message, { extensions: { code, http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }
}

/** The QueryLimitError an error is or wraps (Apollo wraps validation and parse errors once). */
export function queryLimitErrorOf(error: unknown): QueryLimitError | undefined {
  for (let e = error, i = 0; e && i < 5; e = (e as GraphQLError).originalError, i++) {
    if (e instanceof QueryLimitError) return e;
  }
  return undefined;
}

// graphql-js 16 says "more that N tokens"; accept the corrected spelling too.
const TOKENS = /Document contains more th(?:at|an) (\d+) tokens/;

/** graphql-js refuses a long document with a syntax error; give it the limit's own code. */
export function tokenLimitErrorOf(message: string): QueryLimitError | undefined {
  const m = TOKENS.exec(message);
  if (!m) return undefined;
  const limit = Number(m[1]);
  return new QueryLimitError('TOO_MANY_TOKENS', `The document has more than ${limit} tokens, the limit.`, limit, undefined);
}

/** armor's rules call back with "Syntax Error: <what> limit of N exceeded, found M."; we report our own error. */
function reportAs(code: QueryLimitCode, describe: (limit: number, found: number) => string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const m = /limit of (\d+) exceeded, found (\d+)/.exec(error.message);
    const limit = m ? Number(m[1]) : NaN;
    const found = m ? Number(m[2]) : NaN;
    context?.reportError(new QueryLimitError(code, describe(limit, found), limit, found));
  };
}

/** The validation rules for depth, aliases and directives. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      // Fragments do not count as a level: `...IncidentFields` is not deeper than the fields it stands for.
      flattenFragments: true,
      onReject: [reportAs('QUERY_TOO_DEEP', (limit, found) => `The query nests fields ${found} levels deep; the limit is ${limit}.`)],
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [reportAs('TOO_MANY_ALIASES', (limit, found) => `The query uses ${found} aliases; the limit is ${limit}.`)],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [reportAs('TOO_MANY_DIRECTIVES', (limit, found) => `The query uses ${found} directives; the limit is ${limit}.`)],
    }),
  ] as ValidationRule[];
}

const PAGE_SIZE_ARGS = ['limit', 'first', 'last'];

/** A cursor connection's type (the spec's shape: edges and pageInfo). */
const isConnection = (type: GraphQLNamedType | GraphQLCompositeType): boolean => isObjectType(type) && Boolean(type.getFields().edges && type.getFields().pageInfo);

/** How many items a field returns at most, as far as the query tells. */
function listSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, assumed: number): number {
  for (const name of PAGE_SIZE_ARGS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
  }
  // A list whose field declares its usual size (type-graphql `@Extensions({ assumedListSize })`).
  const declared = field.extensions?.assumedListSize;
  // A cursor connection without first or last: its default page (shared/connection.ts), unless it declares another.
  if (isConnection(getNamedType(field.type))) return typeof declared === 'number' ? declared : DEFAULT_PAGE_SIZE;
  if (!isListType(getNullableType(field.type))) return 1;
  if (typeof declared === 'number') return declared;
  // `items` of a page (a type with `pagination`): the paging field's `limit` has counted them already.
  if (isObjectType(parent) && parent.getFields().pagination) return 1;
  // `edges` and `nodes` of a connection: the connection field's first/last (or its default) has counted them.
  if (isConnection(parent) && (field.name === 'edges' || field.name === 'nodes')) return 1;
  return assumed;
}

/**
 * The cost of a field: 1 for each object it returns (scalars are free; they come with their row), times
 * the list size, plus what is selected inside each. So `incidents(limit: 100) { items { updates { id } } }`
 * costs about 100 × (1 + 1 + 20 × 1): what the server would have to produce, not how long the text is.
 * A cursor connection is 1 plus its page size (first/last, or its default) times what is selected per item
 * (its edges' nodes and its nodes; an edge and pageInfo add no object), so `incidentsConnection(first: 100)
 * { nodes { id } }` costs what `incidents(limit: 100) { items { id } }` does.
 * Introspection is not counted here (it is allowed or refused as a whole).
 */
export function costEstimator(assumedListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const named = getNamedType(field.type);
    // A connection's pageInfo: four values computed with the page, whatever its size.
    if (isConnection(type) && field.name === 'pageInfo') return 0;
    const size = listSize(type, field, args, assumedListSize);
    // A connection is one object, its page (edges, nodes) first/last items: its children are counted per item.
    if (isConnection(named)) return 1 + size * childComplexity;
    // An edge only wraps its node (and a cursor): the node is the object.
    const own = isCompositeType(named) && !(isConnection(type) && field.name === 'edges') ? 1 : 0;
    return size * (own + childComplexity);
  };
}

/**
 * Costs already computed, by document (as long as Apollo's document cache keeps it) and by what the cost can
 * depend on: the operation, and the values of its Int, Float and Boolean variables (page sizes; @skip and
 * @include). An id or a text never changes the cost, so a hot operation is costed once per page size.
 */
const costs = new WeakMap<DocumentNode, Map<string, number | undefined>>();
const COSTED_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/** The cost of an operation with its variables; undefined when the variables are invalid (execution refuses them). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  assumedListSize: number,
): number | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const costed = (operation.variableDefinitions ?? []).filter((d) => COSTED_SCALARS.has(namedTypeOf(d.type))).map((d) => coerced.coerced[d.variable.name.value]);
  const key = `${operation.name?.value ?? ''}|${assumedListSize}|${JSON.stringify(costed)}`;
  let byKey = costs.get(document);
  if (!byKey) costs.set(document, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key);
  let cost: number | undefined;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: coerced.coerced,
      estimators: [costEstimator(assumedListSize)],
    });
  } catch (e) {
    // So many fields (fragments spread inside fragments) that counting them was cut short: too costly.
    if (e instanceof Error && /maximum allowed number of nodes/.test(e.message)) cost = Infinity;
    else return undefined; // an argument value the executor will refuse with its own coded error (not kept: it may depend on an id)
  }
  if (byKey.size < 100) byKey.set(key, cost);
  return cost;
}

/** The name of a variable's type, through lists and non-null. */
function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** The refusal of an operation whose cost is over the limit, checked before execution; undefined when within it. */
export function costLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: Pick<QueryLimits, 'maxCost' | 'assumedListSize'>,
): QueryLimitError | undefined {
  const cost = operationCost(schema, document, operation, variables, limits.assumedListSize);
  if (cost === Infinity) {
    return new QueryLimitError('QUERY_TOO_COMPLEX', `The query selects too many fields to be costed; the limit is ${limits.maxCost}.`, limits.maxCost, undefined);
  }
  if (cost !== undefined && cost > limits.maxCost) {
    return new QueryLimitError('QUERY_TOO_COMPLEX', `The query would cost ${Math.ceil(cost)}; the limit is ${limits.maxCost}. Ask for fewer items (a smaller limit) or fewer nested lists.`, limits.maxCost, Math.ceil(cost));
  }
  return undefined;
}
