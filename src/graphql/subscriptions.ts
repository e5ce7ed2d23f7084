import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { execute, getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Runtime } from '../runtime';
import { viewerFrom, type Context, type RequestInfo } from './context';

export interface SubscriptionServer {
  /** Closes every subscription and socket: before the HTTP server closes, which would wait for them. */
  close(): Promise<void>;
}

const failure = (error: unknown): ExecutionResult => ({ errors: [new GraphQLError('database failure', { originalError: error as Error })] });

/**
 * A query or mutation sent over the socket runs like one over HTTP (graphql/server.ts): in the request's
 * transaction as the tenant's database role, committed before the answer, rolled back if it throws.
 * Subscriptions do not: they outlive any transaction, and each event is read in a short one of its own
 * (LiveService).
 */
async function executeInTransaction(args: ExecutionArgs): Promise<ExecutionResult> {
  const tx = (args.contextValue as Context).transaction;
  const operation = getOperationAST(args.document, args.operationName);
  const refusal = tx.mixedOperationRefusal(operation);
  if (refusal) return { errors: [new GraphQLError(refusal.message, { originalError: refusal })] };
  try {
    await tx.beginFor(operation);
  } catch (e) {
    return failure(e);
  }
  let result: ExecutionResult;
  try {
    result = await execute(args);
  } catch (e) {
    await tx.end('threw');
    throw e;
  }
  const failed = await tx.end(result.errors?.length ? 'errors' : 'ok');
  return failed ? failure(failed) : result;
}

const authorizationOf = (params: Record<string, unknown> | undefined): string | undefined => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the same port and path as /graphql.
 * The connection's init payload carries `{ authorization: "Bearer <access token>" }`, staff or portal;
 * a connection without a valid token is closed (4403). Each operation gets a context like an HTTP request's,
 * so shield rules and the services' scoping apply unchanged.
 */
export function attachSubscriptions(
  http: FastifyInstance,
  schema: GraphQLSchema,
  runtime: Runtime,
  log: Logger,
  contextFor: (info: RequestInfo) => Promise<Context>,
  /** The same translator as HTTP's (coded errors, nothing unexpected shown). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): SubscriptionServer {
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  http.server.on('upgrade', (request: IncomingMessage, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const server = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      schema,
      execute: executeInTransaction,
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onConnect: (ctx) => viewerFrom(authorizationOf(ctx.connectionParams), runtime).viewer.kind !== 'anonymous',
      context: (ctx) => {
        const requestId = randomUUID();
        return contextFor({
          requestId,
          log: log.child({ reqId: requestId, transport: 'ws' }),
          authorization: authorizationOf(ctx.connectionParams),
          ip: ctx.extra.request.socket.remoteAddress ?? '',
          userAgent: ctx.extra.request.headers['user-agent'],
        });
      },
    },
    wss,
  );
  return {
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
