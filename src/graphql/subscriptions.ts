import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Runtime } from '../auth/runtime';
import { viewerFrom, type Context, type RequestInfo } from './context';

export interface SubscriptionServer {
  /** Closes every subscription and socket: before the HTTP server closes, which would wait for them. */
  close(): Promise<void>;
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
