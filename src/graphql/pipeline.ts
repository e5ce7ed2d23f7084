import type { ApolloServerPlugin, GraphQLRequest, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';
import { PUBLIC_ROOT_FIELDS } from '../authz/rules';
import type { Config } from '../config/config';
import type { ExecutionOutcome } from '../db/tenant-transaction';
import { BadRequestError, statusForCode, type AppError } from '../shared/errors';
import type { Context } from './context';
import { OperationDocuments, PersistedQueryNotFoundError, type DocumentRequest, type ResolvedDocument } from './documents';
import { createFormatError } from './errors';
import { inputGuardError } from './input-guard';
import { costLimitError, limitRules } from './limits';

/**
 * The life of one GraphQL operation, whatever door it came in by (POST and GET /graphql, the REST adapter,
 * the WebSocket): its text (as sent, by hash, or only from the trusted documents: graphql/documents.ts),
 * parse with the token limit, validate with the limit rules and the introspection setting,
 * the checks before execution (input guard, cost), the request transaction around
 * execution, and one error translator. Apollo runs it for HTTP and REST (its parse and validate with the
 * options below, then `apolloPlugin`); graphql/subscriptions.ts runs `prepare`, `begin` and `end` for the
 * socket. Either way every rule here applies, so a new transport cannot skip one.
 */

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * How many of an operation's root fields (`__typename` aside) are public (sign-in, sign-up, codes, resets, the
 * company list: flows that act on no viewer's tenant, as staff sign in by e-mail across tenants), and how many
 * are not. A fragment at the root counts as not public.
 */
function rootFieldKinds(operation: OperationDefinitionNode): { public: number; other: number } {
  const type = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[operation.operation];
  const kinds = { public: 0, other: 0 };
  for (const s of operation.selectionSet.selections) {
    if (s.kind === Kind.FIELD && s.name.value === '__typename') continue;
    if (s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(`${type}.${s.name.value}`)) kinds.public++;
    else kinds.other++;
  }
  return kinds;
}

/** Whether every root field of an operation is public; an unknown operation is not. */
export function onlyPublicRootFields(operation: OperationDefinitionNode | null | undefined): boolean {
  return operation ? rootFieldKinds(operation).other === 0 : false;
}

export const MIXED_MUTATION_MESSAGE = 'Send sign-in, sign-up and other public mutations in an operation of their own, not beside mutations that need your token.';

export interface OperationRequest extends DocumentRequest {
  query?: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A refusal raised before execution, with the HTTP status Apollo answers it with. */
function refusal(error: GraphQLError | AppError): GraphQLError {
  if (error instanceof GraphQLError) return error;
  // Apollo Client and urql look for it in a 200 answer (as Apollo Server sends it), then send the text.
  const status = error instanceof PersistedQueryNotFoundError ? 200 : 400;
  // The translator (graphql/errors.ts) reports the AppError inside with its own code.
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
}

/**
 * What a refused request runs on inside Apollo until its refusal is answered: Apollo answers an error thrown
 * when a request starts with a 500, and takes refusals from `didResolveOperation`, after parsing. So what the
 * client sent is never parsed.
 */
const STAND_IN = '{ __typename }';

/** The persisted-documents id of an HTTP request: `documentId` in a POST body or a GET query string. */
function documentIdOf(http: GraphQLRequest['http']): unknown {
  if (!http) return undefined;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('documentId') ?? undefined;
  return http.body && typeof http.body === 'object' ? (http.body as Record<string, unknown>).documentId : undefined;
}

/** graphql-js's own parse and validation errors carry no code; Apollo gives them these. */
function coded(error: GraphQLError, code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  if (error.extensions.code) return error; // a limit rule's QueryLimitError has its own
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, originalError: error, extensions: { code } });
}

/** The codes that mean "the database (or this server) is away, try again": 503 with Retry-After on every transport. */
const UNAVAILABLE_CODES = new Set(['UNAVAILABLE', 'UNKNOWN_OUTCOME']);

export class OperationPipeline {
  readonly formatError: FormatError;
  readonly parseOptions: ParseOptions;
  /** Besides graphql-js's specified rules: the limits, and no introspection when it is turned off. */
  readonly validationRules: ValidationRule[];
  private readonly documents: OperationDocuments;
  private readonly limits: Config['graphql'];
  private readonly preparedStatements: boolean;

  constructor(
    private readonly schema: GraphQLSchema,
    config: Config,
    log: Logger,
  ) {
    this.limits = config.graphql;
    this.preparedStatements = config.dbPreparedStatements;
    this.formatError = createFormatError({ exposeStack: config.isDevelopment, hideSuggestions: !config.isDevelopment, log: () => log, schema });
    this.parseOptions = { maxTokens: this.limits.maxTokens };
    this.validationRules = [...limitRules(this.limits), ...(this.limits.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
    this.documents = new OperationDocuments(this.limits.trustedDocuments);
  }

  /**
   * The operation's text (graphql/documents.ts), or the coded refusal to answer with. `fixed`: the REST
   * adapter's and link pages' own operations, which run in trusted-documents mode too.
   */
  resolve(request: DocumentRequest, fixed: boolean): ResolvedDocument | { refused: GraphQLError } {
    try {
      return this.documents.resolve(request, fixed);
    } catch (e) {
      return { refused: refusal(e as AppError) };
    }
  }

  /**
   * The checks between validation and execution; throws the first refusal as a coded GraphQLError: text
   * PostgreSQL cannot store, a cost over the limit, public mutations beside tenant mutations.
   */
  check(document: DocumentNode, operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown> | null | undefined, context: Context): void {
    const bad = inputGuardError(document, variables);
    if (bad) throw refusal(bad);
    if (!operation) return;
    const tooCostly = costLimitError(this.schema, document, operation, variables ?? undefined, this.limits);
    if (tooCostly) throw tooCostly;
    // Public fields run as the owner on a connection of their own (graphql/schema.ts). Queries may mix them
    // with tenant fields: reads take no locks. A tenant mutation's row locks last until the operation ends, so
    // a public mutation after it could wait on its own request for ever (logout, then refreshToken of the same
    // session): mutations keep the two apart.
    if (operation.operation === 'mutation' && context.transaction.tenantId !== undefined) {
      const kinds = rootFieldKinds(operation);
      if (kinds.public > 0 && kinds.other > 0) throw refusal(new BadRequestError(MIXED_MUTATION_MESSAGE));
    }
  }

  /**
   * Parse, validate and check, for a transport that executes by itself (the WebSocket): the execution
   * arguments, or the errors to answer with (coded as over HTTP, not yet formatted).
   */
  prepare(request: OperationRequest, context: Context): { args: ExecutionArgs } | { errors: readonly GraphQLError[] } {
    const source = this.resolve(request, false);
    if ('refused' in source) return { errors: [source.refused] };
    if (typeof source.query !== 'string') {
      return { errors: [refusal(new BadRequestError('Send the operation as "query".'))] };
    }
    let document: DocumentNode;
    try {
      document = parse(source.query, this.parseOptions);
    } catch (e) {
      return { errors: [coded(e as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
    }
    const invalid = validate(this.schema, document, [...specifiedRules, ...this.validationRules]);
    if (invalid.length) return { errors: invalid.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED')) };
    const operation = getOperationAST(document, request.operationName ?? undefined);
    if (!operation) return { errors: [refusal(new BadRequestError('Name the operation to run with "operationName".'))] };
    try {
      this.check(document, operation, request.variables, context);
    } catch (e) {
      return { errors: [e as GraphQLError] };
    }
    if (source.remember) this.documents.remember(source.remember, source.query);
    return {
      args: { schema: this.schema, document, operationName: request.operationName, variableValues: request.variables ?? undefined, contextValue: context },
    };
  }

  /**
   * Opens the request's transaction as the tenant, unless every root field is public (those run as the owner,
   * also beside tenant fields: graphql/schema.ts); a query's reads go as pipelines of their own
   * (db/request-connection.ts), from the read replica when there is one and the caller has not written lately.
   */
  async begin(context: Context, operation: OperationDefinitionNode | null | undefined): Promise<void> {
    if (onlyPublicRootFields(operation)) return;
    const readOnly = operation?.operation === 'query';
    // A query may read the replica (db/read-routing.ts says whether this caller's may); nothing else does.
    await context.transaction.begin({ readOnly, preparedStatements: this.preparedStatements, replica: readOnly ? context.reads.replica() : undefined });
  }

  /** Ends the request's transaction (db/tenant-transaction.ts); the error to answer with instead of data, if any. */
  async end(context: Context, outcome: ExecutionOutcome, operation: OperationDefinitionNode | null | undefined): Promise<GraphQLError | undefined> {
    const writes = operation?.operation === 'mutation';
    const failure = await context.transaction.end(outcome, { writes });
    // Read your own writes: whatever the mutation's outcome (some fields may have committed), the session's
    // next queries read the primary for a while.
    if (writes) context.reads.wrote();
    return failure ? this.failureError(failure) : undefined;
  }

  /** A database failure around the execution (begin, commit), as an error the translator reports. */
  failureError(error: unknown): GraphQLError {
    return new GraphQLError('database failure', { originalError: error as Error });
  }

  format(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((e) => this.formatError(e.toJSON(), e));
  }

  /**
   * The pipeline inside Apollo (HTTP and REST): the operation's text is settled as the request starts (Apollo's
   * own persisted queries are off: graphql/server.ts), Apollo parses and validates with `parseOptions` and
   * `validationRules`; this runs the checks once the operation is known, and the request transaction around
   * execution. Committed before the answer leaves, so the caller's next request sees the change and
   * after-commit work (e-mails, background tasks) starts only once it is visible. A mutation refused with a
   * GraphQL error rolled its own savepoint back and the rest commits; an execution that throws, a transaction
   * a failed statement left unusable, or a failed commit is rolled back and answered with an error in place
   * of any data.
   */
  apolloPlugin(): ApolloServerPlugin<Context> {
    const answerWith = (rc: GraphQLRequestContextWillSendResponse<Context>, error: GraphQLFormattedError) => {
      // One error as the whole answer: nothing of the operation's data is true once its transaction is gone.
      rc.response.body = { kind: 'single', singleResult: { data: null, errors: [error] } };
      rc.response.http.status = statusForCode(error.extensions?.code as string | undefined);
    };
    /** Any answer that met an absent database is a 503 with Retry-After, as over REST, whichever field met it. */
    const markUnavailable = (rc: GraphQLRequestContextWillSendResponse<Context>) => {
      const errors = rc.response.body.kind === 'single' ? rc.response.body.singleResult.errors : undefined;
      const unavailable = errors?.find((e) => UNAVAILABLE_CODES.has(e.extensions?.code as string));
      if (!unavailable) return;
      rc.response.http.status = 503;
      const retryAfter = unavailable.extensions?.retryAfter;
      if (typeof retryAfter === 'number') rc.response.http.headers.set('retry-after', String(retryAfter));
    };
    return {
      requestDidStart: async ({ request, contextValue }) => {
        let thrown = false;
        const source = this.resolve({ ...request, documentId: documentIdOf(request.http) }, contextValue.client.door === 'rest');
        if ('refused' in source) {
          request.query = STAND_IN;
          request.operationName = undefined;
        } else {
          request.query = source.query;
        }
        if (request.extensions?.persistedQuery) {
          const { persistedQuery: _settled, ...extensions } = request.extensions;
          request.extensions = extensions;
        }
        return {
          didResolveOperation: async ({ contextValue, document, operation, request }) => {
            if ('refused' in source) throw source.refused;
            this.check(document, operation, request.variables, contextValue);
            if (source.remember && request.query) this.documents.remember(source.remember, request.query);
          },
          responseForOperation: async ({ contextValue, operation }) => {
            try {
              await this.begin(contextValue, operation);
              return null;
            } catch (e) {
              const [error] = this.format([this.failureError(e)]);
              const status = statusForCode(error.extensions?.code as string | undefined);
              const headers = new HeaderMap();
              if (typeof error.extensions?.retryAfter === 'number') headers.set('retry-after', String(error.extensions.retryAfter));
              return { http: { status, headers }, body: { kind: 'single', singleResult: { data: null, errors: [error] } } };
            }
          },
          executionDidStart: async () => ({
            executionDidEnd: async (error) => {
              if (error) thrown = true;
            },
          }),
          willSendResponse: async (rc) => {
            const failure = await this.end(rc.contextValue, thrown ? 'threw' : rc.errors?.length ? 'errors' : 'ok', rc.operation);
            if (failure) answerWith(rc, this.format([failure])[0]);
            markUnavailable(rc);
          },
        };
      },
    };
  }
}
