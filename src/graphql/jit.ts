import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { defaultFieldResolver, execute, GraphQLError, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Operations compiled by graphql-jit, for Apollo: its gateway interface is the one place Apollo lets a
 * server execute by itself, after its own parsing, validation and plugins (graphql/pipeline.ts: the checks
 * and the request transaction) and before its error formatting, so everything around execution stays as
 * it is. A document is compiled once per operation name, after its first runs (`threshold`), and kept as long as
 * Apollo keeps the parsed document (its document cache hands the same object back for the same text); one
 * graphql-jit cannot compile runs on graphql-js. The resolvers, shield's field rules among them, are the schema's own.
 */
/**
 * graphql-jit's errors are of a lighter class of its own (no graphql-js constructor per error), which passes
 * `instanceof GraphQLError` but lacks what Apollo relies on (`extensions` may be undefined); given to Apollo
 * and the error translator (graphql/errors.ts) as graphql-js's own, with the resolver's error inside.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (Object.getPrototypeOf(error) === GraphQLError.prototype) return error;
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  return Object.assign(converted, { locations: error.locations });
}

/**
 * Whether the document sets an input object field that has a default value to a variable. graphql-jit gives such a
 * field null when the request leaves the variable out, where graphql-js (and the spec) give the field's default:
 * `incidentAnalyze(input: { id: $id, audience: $a })` without `$a` would run with audience null. Such documents
 * run on graphql-js. (An argument set to a missing variable gets its default from graphql-jit too.)
 */
function setsDefaultedFieldsFromVariables(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      ObjectField(node) {
        if (node.value.kind === Kind.VARIABLE && typeInfo.getDefaultValue() !== undefined) found = true;
      },
    }),
  );
  return found;
}

export function jitExecution(schema: GraphQLSchema, threshold = 1, onCompile: () => void = () => {}): GatewayInterface {
  // graphql-jit reads a field without a resolver as a plain property, where graphql-js calls a function and
  // awaits a promise found there (lazy totals are getters returning promises): give every such field
  // graphql-js's own default resolver, so both execute the same.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
  }
  // Compiled after `threshold` runs on graphql-js (GRAPHQL_JIT_THRESHOLD, 1 by default: on its second run):
  // compiling costs several runs of graphql-js, so an operation sent once (a one-off query, a playground's, inline
  // values that change every time) costs no compilation; one sent again is compiled then and runs compiled from
  // there on. A number: the runs so far, not compiled yet.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null | number>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const name = operationName ?? '';
    const known = byName.get(name) ?? 0;
    if (typeof known !== 'number') return known;
    if (known < threshold) {
      byName.set(name, known + 1);
      return null;
    }
    const result = setsDefaultedFieldsFromVariables(schema, document) ? null : compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    const made = result && isCompiledQuery(result) ? result : null;
    if (made) onCompile();
    byName.set(name, made);
    return made;
  };
  const executor: GatewayExecutor = async ({ document, operationName, request, context }) => {
    const variables = request.variables ?? {};
    const query = compiledFor(document, operationName ?? undefined);
    if (!query) return execute({ schema, document, operationName, contextValue: context, variableValues: variables }) as Promise<ExecutionResult<Record<string, unknown>>>;
    const result = (await query.query(undefined, context, variables)) as ExecutionResult<Record<string, unknown>>;
    // No data at all: the variables were refused before anything ran. graphql-js refuses them the same way,
    // with the errors Apollo knows (400 BAD_USER_INPUT naming the variable), again before anything runs.
    if (result.data === undefined) return (await execute({ schema, document, operationName, contextValue: context, variableValues: variables })) as ExecutionResult<Record<string, unknown>>;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {},
  };
}
