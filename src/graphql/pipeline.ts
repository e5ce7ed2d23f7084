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
import { InvalidTokenError } from '../auth/auth.errors';
import { BadRequestError, statusForCode, UnavailableError, UnknownOutcomeError, type AppError } from '../shared/errors';
import type { Context, MutationParts } from './context';
import { OperationDocuments, PersistedQueryNotFoundError, type DocumentRequest, type ResolvedDocument } from './documents';
import { createFormatError } from './errors';
import { inputGuardError } from './input-guard';
import { costLimitError, limitRules } from './limits';

/**
 * The life of one GraphQL operation, whatever door it came in by (POST and GET /graphql, the REST adapter,
 * the WebSocket): its text (as sent, by hash, or only from the trusted documents: graphql/documents.ts),
 * parse with the token limit, validate with the limit rules and the introspection setting,
 * the checks before execution (input guard, cost), the request transaction around
 * execution (in parts for a mutation that mixes public fields with others: `partsOf`), and one error translator. Apollo runs it for HTTP and REST (its parse and validate with the
 * options below, then `apolloPlugin`); graphql/subscriptions.ts runs `prepare`, `begin` and `end` for the
 * socket. Either way every rule here applies, so a new transport cannot skip one.
 */

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Whether every root field of an operation (`__typename` aside) is public: sign-in, sign-up, codes, resets,
 * the company list, flows that act on no viewer's tenant, as staff sign in by e-mail across tenants. A
 * fragment at the root counts as not public; so does an unknown operation.
 */
export function onlyPublicRootFields(operation: OperationDefinitionNode | null | undefined): boolean {
  if (!operation) return false;
  const type = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[operation.operation];
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || PUBLIC_ROOT_FIELDS.has(`${type}.${s.name.value}`)),
  );
}

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
   * PostgreSQL cannot store, a cost over the limit.
   */
  check(document: DocumentNode, operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown> | null | undefined): void {
    const bad = inputGuardError(document, variables);
    if (bad) throw refusal(bad);
    if (!operation) return;
    const tooCostly = costLimitError(this.schema, document, operation, variables ?? undefined, this.limits);
    if (tooCostly) throw tooCostly;
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
      this.check(document, operation, request.variables);
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
   * A mutation that also has public fields runs in parts (`partsOf`).
   */
  async begin(context: Context, operation: OperationDefinitionNode | null | undefined): Promise<void> {
    if (onlyPublicRootFields(operation)) return;
    // Every tenant mutation: a public field may also come in by a fragment at the root.
    if (operation?.operation === 'mutation' && context.transaction.tenantId !== undefined) context.mutationParts = this.partsOf(context);
    await this.open(context, operation?.operation === 'query');
  }

  /** Opens the request transaction: the one place of its options. */
  private async open(context: Context, readOnly: boolean): Promise<void> {
    // A query may read the replica (db/read-routing.ts says whether this caller's may); nothing else does.
    await context.transaction.begin({ readOnly, preparedStatements: this.preparedStatements, replica: readOnly ? context.reads.replica() : undefined });
  }

  /** Ends the request's transaction (db/tenant-transaction.ts); the error to answer with instead of data, if any. */
  async end(context: Context, outcome: ExecutionOutcome, operation: OperationDefinitionNode | null | undefined): Promise<GraphQLError | undefined> {
    const failure = await this.close(context, outcome, operation?.operation === 'mutation');
    return context.mutationParts ? context.mutationParts.failure(failure) : failure;
  }

  /** Ends the open request transaction, if any: the one place of commit, rollback and the failure's mapping. */
  private async close(context: Context, outcome: ExecutionOutcome, writes: boolean): Promise<GraphQLError | undefined> {
    const failure = await context.transaction.end(outcome, { writes });
    // Read your own writes: whatever the mutation's outcome (some fields may have committed), the session's
    // next queries read the primary for a while.
    if (writes) context.reads.wrote();
    return failure ? this.failureError(failure) : undefined;
  }

  /**
   * A mutation that mixes public fields with fields that need the token, for a tenant's viewer, in parts that
   * each answer as if sent apart. Its transaction is committed before each public field, which then runs as
   * when sent alone (as the owner, outside any transaction of the request), and a fresh one is opened for the
   * next field that needs the token: a public field never waits on row locks its own request holds (`logout`
   * then `sessionRefresh` of the same session would otherwise wait for ever). Mutation fields run one after
   * another, each with its whole selection (graphql-js and graphql-jit alike), so a part is over before the
   * next field starts. Each part starts with the request's EntityManager emptied, as a request of its own
   * would. A part whose commit failed leaves the rest unrun and the operation answered with its error alone,
   * as a failed commit of a whole operation is, but as UNKNOWN_OUTCOME once an earlier part took effect; a
   * part that cannot begin answers its field's error. A part that needs the token checks the session again
   * before it opens: sent apart, it would be refused once an earlier part ended the session (`sessionEnd`).
   */
  private partsOf(context: Context): MutationParts {
    let failed: GraphQLError | undefined;
    /** Whether some of the operation may have taken effect: a part committed, or a public field ran (it commits on its own). */
    let tookEffect = false;
    const settled = (failure: GraphQLError | undefined) =>
      failure && tookEffect && failure.originalError instanceof UnavailableError ? this.failureError(new UnknownOutcomeError({ cause: failure.originalError })) : failure;
    return {
      failure: (closing) => settled(closing) ?? failed,
      enter: async (publicField) => {
        if (failed) throw failed;
        if (context.transaction.isOpen !== !publicField) {
          context.em.clear();
          if (publicField) {
            failed = settled(await this.close(context, 'errors', true)); // 'errors': asks whether the part's statements all held
            if (failed) throw failed;
          } else {
            if (context.sessionRevoked()) throw new InvalidTokenError();
            try {
              await this.open(context, false);
            } catch (e) {
              throw this.failureError(e);
            }
          }
        }
        if (publicField) tookEffect = true;
      },
    };
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
   * of any data (so is a mutation's part whose commit failed: `partsOf`).
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
          didResolveOperation: async ({ document, operation, request }) => {
            if ('refused' in source) throw source.refused;
            this.check(document, operation, request.variables);
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
