import type { ApolloServer } from '@apollo/server';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { print, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context';
import { statusForCode, type FieldError } from '../shared/errors';
import { failure, success } from './envelope';
import { enumKey, enumNormaliser } from './enums';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route may read from the HTTP request: nothing else reaches the operation. */
export interface RestInput {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: Record<string, unknown>;
  headers: Record<string, string | undefined>;
}

/**
 * An operation's data once it answered without errors: every root field is there. Root fields are nullable
 * in the schema (a refused one is null beside the others, graphql/schema.ts), but a route runs one operation
 * and answers its first error, so on success they are not null.
 */
// (`any` stays `any`: the route table holds routes of many operations as RestRoute<any>.)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answered<T> = 0 extends 1 & T ? any : { [K in keyof T]: NonNullable<T[K]> };

/**
 * One row of the REST table: a documented path bound to a GraphQL operation. No logic lives here; the
 * operation runs against the same schema and context as /graphql, so shield rules, validation and errors
 * apply exactly as they do there.
 */
export interface RestRoute<TData = unknown, TVars = Record<string, unknown>> {
  method: Method;
  path: string;
  operation: TypedDocumentNode<TData, TVars>;
  /** Body fields the route accepts; any other field is refused with 400. Omit for routes without a body. */
  bodyFields?: readonly string[];
  /**
   * Body fields the operation's input names otherwise (the documents' `companyId` is the input's `workspace`):
   * the body's value goes to the input's field, and an error on that field names the body's.
   */
  inputNames?: InputNames;
  /** Fields refused with a specific explanation (e.g. `email` on the profile: it cannot be changed there). */
  refusedFields?: Record<string, string>;
  /**
   * Fields a document has clients send with the one value the server sets anyway (OpsWeave tickets:
   * `source: 'portal'`): that value, in any spelling, is accepted and dropped; any other is refused.
   */
  fixedFields?: Record<string, string>;
  variables?: (input: RestInput) => TVars;
  /** The success envelope's `data`. */
  data: (result: Answered<TData>) => unknown;
  /** For routes a browser opens: answer success with a 302 to this URL instead of the envelope (failures keep it). */
  redirect?: (result: Answered<TData>) => string;
  message: string;
  status?: 200 | 201;
}

/** A route whose types have been checked by `route()`; the table holds routes of many operations. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRestRoute = RestRoute<any, any>;

/** Declares a route with its operation's types checked against the mappings. */
export const route = <TData, TVars>(r: RestRoute<TData, TVars>): AnyRestRoute => r;

/** Body (or form) field name to the operation's input field name, where the two differ. */
export type InputNames = Readonly<Record<string, string>>;

/** The body under the operation's input names. */
export const withInputNames = (body: Record<string, unknown>, names: InputNames = {}) => Object.fromEntries(Object.entries(body).map(([k, v]) => [names[k] ?? k, v]));

/**
 * A failed operation under the body's names: its field errors, and its message where it begins with the field
 * (`workspace is required` answers `companyId is required`), name the field the client sent.
 */
export function withBodyNames(error: GraphQLFormattedError, names: InputNames = {}): GraphQLFormattedError {
  const bodyName = new Map(Object.entries(names).map(([body, input]) => [input, body]));
  if (!bodyName.size) return error;
  const errors = errorsOf(error).map((e) => (e.field === undefined ? e : { ...e, field: bodyName.get(e.field) ?? e.field }));
  const [first] = error.message.split(' ', 1);
  const message = bodyName.has(first) ? `${bodyName.get(first)}${error.message.slice(first.length)}` : error.message;
  return { ...error, message, extensions: { ...error.extensions, errors } };
}

export type ContextFactory = (request: FastifyRequest) => Promise<Context>;

/** A failed operation's errors, one per field where it lists them (the REST envelope's `errors`). */
export function errorsOf(error: GraphQLFormattedError): FieldError[] {
  const listed = error.extensions?.errors as FieldError[] | undefined;
  if (Array.isArray(listed) && listed.length) return listed;
  return [{ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), message: error.message }];
}

/** The HTTP status of a failed operation (its code's, error-codes.ts), with Retry-After on the reply when it has one. */
export function failureStatus(reply: FastifyReply, error: GraphQLFormattedError): number {
  const retryAfter = error.extensions?.retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return statusForCode(error.extensions?.code as string | undefined);
}

/** The first error sets the status and message; the field errors of every error of the same code are listed (all missing fields at once). */
function sendFailure(reply: FastifyReply, answered: readonly GraphQLFormattedError[], names?: InputNames) {
  const errors = answered.map((e) => withBodyNames(e, names));
  const [error] = errors;
  const listed = errors.filter((e) => e.extensions?.code === error.extensions?.code).flatMap(errorsOf);
  return reply.status(failureStatus(reply, error)).send(failure(error.message, listed));
}

/**
 * Runs one operation for an HTTP answer, as /graphql would: through Apollo and the operation pipeline
 * (shield rules, limits, rate limits, the request transaction, error translation). The RateLimit-* headers
 * the GraphQL plugin wrote go on the reply, on success and failure alike (429s add Retry-After). The REST
 * routes and the e-mail link pages (src/pages/) answer through here.
 */
export async function executeForReply<TData>(
  apollo: ApolloServer<Context>,
  request: { query: string; variables: Record<string, unknown> },
  contextValue: Context,
  reply: FastifyReply,
): Promise<{ data: Answered<TData>; errors: readonly GraphQLFormattedError[]; error?: GraphQLFormattedError }> {
  const response = await apollo.executeOperation(request, { contextValue });
  if (response.body.kind !== 'single') throw new Error('incremental delivery is not used over HTTP routes');
  for (const [name, value] of response.http.headers) if (name.startsWith('ratelimit-')) reply.header(name, value);
  const { data, errors = [] } = response.body.singleResult;
  // Every resolver of a root field answers its object or throws a coded error: a null without an error is a bug.
  if (!errors.length && Object.values(data ?? {}).some((v) => v === null)) throw new Error('a root field answered null without an error');
  return { data: data as Answered<TData>, errors, error: errors[0] };
}

const accepted = (allowed: readonly string[]) => (allowed.length ? `this route accepts ${allowed.join(', ')}` : 'this route takes no body');

/** Fields the route does not take, each named with what the route does take (a client sending `content` learns of `body`). */
function unknownFields(body: Record<string, unknown>, allowed: readonly string[], refused: Record<string, string> = {}): FieldError[] {
  return Object.keys(body)
    .filter((k) => !allowed.includes(k))
    .map((field) => ({ code: 'VALIDATION_FAILED', field, message: refused[field] ?? `is not a known field; ${accepted(allowed)}` }));
}

/** Checks the fixed fields' values and returns the body without them. */
function withoutFixedFields(body: Record<string, unknown>, fixed: Record<string, string>): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rest = { ...body };
  for (const [field, value] of Object.entries(fixed)) {
    if (!(field in rest)) continue;
    const given = rest[field];
    if (typeof given !== 'string' || enumKey(given) !== enumKey(value)) errors.push({ code: 'VALIDATION_FAILED', field, message: `must be ${value} (it is set by the server)` });
    delete rest[field];
  }
  return { body: rest, errors };
}

/** Absent query parameters must be absent variables (so defaults apply), not variables set to undefined. */
const definedOnly = (vars: Record<string, unknown>) => Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined));

/** The body's accepted fields as the operation's `input` variable. */
// The body is checked by GraphQL variable coercion at run time, not by the compiler.
export const bodyAsInput = (input: RestInput) => ({ input: input.body as never });

export function registerRestRoutes(
  app: FastifyInstance,
  apollo: ApolloServer<Context>,
  schema: GraphQLSchema,
  routes: readonly AnyRestRoute[],
  contextFor: ContextFactory,
): void {
  for (const r of routes) {
    const query = print(r.operation); // printed once, so Apollo's document cache applies
    const enums = enumNormaliser(schema, r.operation);
    app.route({
      method: r.method,
      url: r.path,
      handler: async (request, reply) => {
        const rawBody = request.body;
        if (rawBody !== undefined && rawBody !== null && (typeof rawBody !== 'object' || Array.isArray(rawBody))) {
          return reply.status(400).send(failure('The request body must be a JSON object.', [{ code: 'BAD_REQUEST', message: 'expected a JSON object' }]));
        }
        const fixed = withoutFixedFields((rawBody ?? {}) as Record<string, unknown>, r.fixedFields ?? {});
        const input: RestInput = {
          params: request.params as Record<string, string>,
          query: request.query as Record<string, string | undefined>,
          body: fixed.body,
          headers: request.headers as Record<string, string | undefined>,
        };
        const refused = [...fixed.errors, ...unknownFields(input.body, r.bodyFields ?? [], r.refusedFields)];
        if (refused.length) {
          const message = refused.length === 1 ? `${refused[0].field} ${refused[0].message}.` : 'The request has fields that are not accepted.';
          return reply.status(400).send(failure(message, refused));
        }

        const named = { ...input, body: withInputNames(input.body, r.inputNames) };
        const variables = r.variables ? enums(definedOnly(r.variables(named) as Record<string, unknown>)) : {};
        const { data, errors } = await executeForReply(apollo, { query, variables }, await contextFor(request), reply);
        if (errors.length) return sendFailure(reply, errors, r.inputNames);
        if (r.redirect) return reply.redirect(r.redirect(data), 302);
        return reply.status(r.status ?? 200).send(success(r.message, r.data(data)));
      },
    });
  }
}
