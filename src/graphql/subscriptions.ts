import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { execute, getOperationAST, GraphQLError, subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Runtime } from '../runtime';
import { viewerFrom, type Context, type RequestInfo } from './context';
import type { OperationPipeline } from './pipeline';

export interface SubscriptionServer {
  /** Open WebSocket connections (metrics). */
  connections(): number;
  /** Closes every subscription and socket: before the HTTP server closes, which would wait for them. */
  close(): Promise<void>;
}

/**
 * A query or mutation sent over the socket runs like one over HTTP: in the request's transaction as the
 * tenant's database role, committed before the answer, rolled back if it throws (graphql/pipeline.ts).
 * Subscriptions do not: they outlive any transaction, and each event is read in a short one of its own
 * (LiveService).
 */
function executeInTransaction(pipeline: OperationPipeline) {
  return async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const context = args.contextValue as Context;
    const operation = getOperationAST(args.document, args.operationName);
    try {
      await pipeline.begin(context, operation);
    } catch (e) {
      return { errors: [pipeline.failureError(e)] };
    }
    let result: ExecutionResult;
    try {
      result = await execute(args);
    } catch (e) {
      await pipeline.end(context, 'threw', operation);
      throw e;
    }
    const failure = await pipeline.end(context, result.errors?.length ? 'errors' : 'ok', operation);
    return failure ? { errors: [failure] } : result;
  };
}

const authorizationOf = (params: Record<string, unknown> | undefined): string | undefined => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/** How long a revoked session's sockets may stay open at most, besides the revocation's own travel. */
const REVOCATION_SWEEP_MS = 500;

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the same port and path as /graphql: subscriptions, and
 * queries and mutations for clients that send everything over the socket. The connection's init payload
 * carries `{ authorization: "Bearer <access token>" }`, staff or portal; a connection without a valid token is
 * closed (4403). Every operation goes through the same pipeline as over HTTP (trusted documents or automatic
 * persisted queries, sent as `{ query: '', extensions: { persistedQuery } }` or with `documentId`; parse and validation limits,
 * introspection setting, input guard, cost, error translator), with a context like an HTTP request's, so
 * shield rules and the services' scoping apply unchanged. A socket whose session is revoked (sign-out,
 * password change, deactivation, in this process or another) is closed with 4403.
 */
export function attachSubscriptions(
  http: FastifyInstance,
  runtime: Runtime,
  log: Logger,
  contextFor: (info: RequestInfo) => Promise<Context>,
  pipeline: OperationPipeline,
): SubscriptionServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  http.server.on('upgrade', (request: IncomingMessage, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  // The session of each authenticated socket, to close it when the session is revoked.
  const sessions = new Map<WebSocket, string>();
  const closeRevoked = () => {
    for (const [socket, sessionId] of sessions) {
      if (runtime.revocations.isRevoked(sessionId)) {
        sessions.delete(socket);
        socket.close(CloseCode.Forbidden, 'Session revoked');
      }
    }
  };
  const stopWatching = runtime.revocations.onRevoked(closeRevoked);
  // A backstop for revocations learnt by the poll rather than announced.
  const sweep = setInterval(closeRevoked, REVOCATION_SWEEP_MS);
  sweep.unref();

  const server = useServer<Record<string, unknown>, { request: IncomingMessage; socket: WebSocket }>(
    {
      execute: executeInTransaction(pipeline),
      subscribe,
      onSubscribe: async (ctx, _id, payload) => {
        const requestId = randomUUID();
        let context: Context;
        try {
          context = await contextFor({
            requestId,
            log: log.child({ reqId: requestId, transport: 'ws' }),
            authorization: authorizationOf(ctx.connectionParams),
            ip: ctx.extra.request.socket.remoteAddress ?? '',
            userAgent: ctx.extra.request.headers['user-agent'],
          });
        } catch (e) {
          return [new GraphQLError('context failure', { originalError: e as Error })];
        }
        const prepared = pipeline.prepare(payload, context);
        return 'errors' in prepared ? prepared.errors : prepared.args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: pipeline.format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => pipeline.format(errors),
      onConnect: (ctx) => {
        const { viewer } = viewerFrom(authorizationOf(ctx.connectionParams), runtime);
        if (viewer.kind === 'anonymous') return false;
        sessions.set(ctx.extra.socket, viewer.sessionId);
        return true;
      },
      onClose: (ctx) => {
        sessions.delete(ctx.extra.socket);
      },
    },
    wss,
  );
  return {
    connections: () => wss.clients.size,
    close: async () => {
      stopWatching();
      clearInterval(sweep);
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
