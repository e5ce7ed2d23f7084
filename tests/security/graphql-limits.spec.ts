import {
  getIntrospectionQuery,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { loadConfig } from '../../src/config/config';
import { createFormatError } from '../../src/graphql/errors';
import { limitRules, operationCost } from '../../src/graphql/limits';
import { buildSchema } from '../../src/graphql/schema';
import * as Operations from '../../src/generated/operations';

const schema = buildSchema();
const defaults = loadConfig({ NODE_ENV: 'test' }).graphql;

/** A value of the variable's type, with every list page as large as allowed (limit 100). */
function sample(type: GraphQLInputType, name: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType, name)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type, f.name)]),
    );
  }
  switch (inner.name) {
    case 'Int':
      return name === 'limit' ? 100 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    default:
      return 'x';
  }
}

function variablesFor(s: GraphQLSchema, op: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries(
    (op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(s, v.type as never) as GraphQLInputType, v.variable.name.value)]),
  );
}

const documents = Object.entries(Operations).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

describe('GraphQL limits leave room for what this server itself sends', () => {
  it.each(documents)('%s (a REST route or test operation) is within the default limits at the largest page', (_name, document) => {
    const text = print(document);
    expect(() => parse(text, { maxTokens: defaults.maxTokens })).not.toThrow();
    expect(validate(schema, document, limitRules(defaults))).toEqual([]);
    const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const cost = operationCost(schema, document, op, variablesFor(schema, op), defaults.assumedListSize);
    expect(cost).toBeDefined();
    expect(cost).toBeLessThanOrEqual(defaults.maxCost);
  });

  it("the playground's full introspection query passes every limit", () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const document = parse(query, { maxTokens: defaults.maxTokens });
    expect(validate(schema, document, limitRules(defaults))).toEqual([]);
    const op = document.definitions[0] as OperationDefinitionNode;
    expect(operationCost(schema, document, op, {}, defaults.assumedListSize)).toBe(0);
  });
});

describe('the cost of an operation, kept per document and page size', () => {
  const document = parse('query ($id: ID!, $n: Int, $all: Boolean!) { incident(id: $id) { id updates(last: $n) { id } more: updates @include(if: $all) { id } } }');
  const op = document.definitions[0] as OperationDefinitionNode;
  const cost = (variables: Record<string, unknown>) => operationCost(schema, document, op, variables, defaults.assumedListSize);

  it('follows the page sizes and @include, not the ids, however often asked', () => {
    const small = cost({ id: 'a', n: 5, all: false });
    const large = cost({ id: 'a', n: 50, all: false });
    const both = cost({ id: 'a', n: 5, all: true });
    expect([small, large, both]).toEqual([1 + 5, 1 + 50, 1 + 5 + defaults.assumedListSize]); // the incident, and each update object
    for (let i = 0; i < 3; i++) {
      expect(cost({ id: `other-${i}`, n: 50, all: false })).toBe(large);
      expect(cost({ id: `other-${i}`, n: 5, all: false })).toBe(small);
    }
  });

  it('is undefined for variables execution refuses, even after the same page size was costed', () => {
    expect(cost({ id: 'a', n: 5, all: false })).toBe(6);
    expect(cost({ id: { $gt: '' }, n: 5, all: false })).toBeUndefined();
    expect(cost({ id: 'a', n: 'five', all: false })).toBeUndefined();
  });
});

describe('the cost of a cursor connection', () => {
  const costOf = (query: string) => {
    const document = parse(query);
    return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, defaults.assumedListSize);
  };

  it('counts its page (first, last, or the default 20) once per item, as the page/limit list does; an edge or pageInfo adds no object', () => {
    // The list: 100 × (its page, counted per item, + the incident + its 20 updates).
    expect(costOf('{ incidents(limit: 100) { items { id updates { id } } } }')).toBe(100 * (1 + 1 + 20));
    // The connection: itself + 100 × (the incident + its 20 updates).
    expect(costOf('{ incidentsConnection(first: 100) { nodes { id updates { id } } } }')).toBe(1 + 100 * (1 + 20));
    expect(costOf('{ incidentsConnection(last: 100) { edges { cursor node { id updates { id } } } pageInfo { hasNextPage } totalCount } }')).toBe(1 + 100 * (1 + 20));
    // Both edges and nodes: each item is produced twice in the answer.
    expect(costOf('{ incidentsConnection(first: 100) { edges { node { id } } nodes { id } } }')).toBe(1 + 100 * 2);
    expect(costOf('{ incidentsConnection { nodes { id } } }')).toBe(1 + 20);
    // Nested: an incident's timeline by connection costs what its updates list does.
    expect(costOf('{ incident(id: "x") { updatesConnection(first: 50) { nodes { id } } } }')).toBe(1 + 1 + 50);
    expect(costOf('{ incident(id: "x") { updates(last: 50) { id } } }')).toBe(1 + 50);
  });
});

describe('GraphQL settings', () => {
  const production = { NODE_ENV: 'production', JWT_STAFF_SECRET: 'a'.repeat(40), JWT_PORTAL_SECRET: 'b'.repeat(40), WEBHOOK_SECRETS_KEY: 'c'.repeat(40), SMTP_URL: 'smtp://mail:587' };

  it('introspection is off in production unless GRAPHQL_INTROSPECTION turns it on, and on elsewhere', () => {
    expect(loadConfig(production).graphql.introspection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);
  });

  it('has documented defaults and refuses nonsense', () => {
    expect(defaults).toEqual({ introspection: true, jit: true, jitThreshold: 1, maxDepth: 8, maxAliases: 15, maxDirectives: 50, maxTokens: 1000, maxCost: 5000, assumedListSize: 20 });
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH: must be at least 1/);
    expect(() => loadConfig({ GRAPHQL_MAX_COST: 'lots' })).toThrow(/GRAPHQL_MAX_COST: must be a number/);
    expect(loadConfig({ GRAPHQL_JIT_THRESHOLD: '0' }).graphql.jitThreshold).toBe(0);
    expect(() => loadConfig({ GRAPHQL_JIT_THRESHOLD: '-1' })).toThrow(/GRAPHQL_JIT_THRESHOLD/);
  });
});

describe('field suggestions', () => {
  const message = 'Cannot query field "compnies" on type "Query". Did you mean "companies"?';
  it('are removed from every error message outside development', () => {
    const hidden = createFormatError({ exposeStack: false, hideSuggestions: true, log: () => undefined });
    const out = hidden({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new Error(message));
    expect(out.message).toBe('Cannot query field "compnies" on type "Query".');
  });

  it('are kept in development', () => {
    const shown = createFormatError({ exposeStack: true, hideSuggestions: false, log: () => undefined });
    expect(shown({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new Error(message)).message).toBe(message);
  });
});
