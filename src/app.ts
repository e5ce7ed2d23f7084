import 'reflect-metadata';
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import { getDistDirectory, renderAltair } from 'altair-static';
import Fastify, { errorCodes, LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createRuntime, type Runtime } from './runtime';
import type { Door } from './auth/sessions';
import type { Config } from './config/config';
import { buildContext, type Context, type RequestInfo } from './graphql/context';
import { buildSchema } from './graphql/schema';
import { OperationPipeline } from './graphql/pipeline';
import { createApollo } from './graphql/server';
import { collectAllowedMethods } from './http/allowed-methods';
import { describeHttpError } from './http/http-errors';
import { apiVersion, registerApiDocs } from './http/api-docs';
import { registerDevMail } from './http/dev-mail';
import { playgroundOptions } from './http/playground';
import { registerHttpSecurity, sendPlaygroundPage, usePlaygroundAssetHeaders } from './http/security';
import { attachSubscriptions } from './graphql/subscriptions';
import { graphqlMultipartLimits, MultipartOperation } from './graphql/uploads';
import { discardRestOfBody } from './http/multipart';
import { Metrics, registerMetricsRoute } from './http/metrics';
import { QUEUE_SCHEMA } from './modules/notifications/queue';
import { registerLinkPages } from './pages/link-pages';
import { failure } from './rest/envelope';
import { registerAttachmentRoutes } from './rest/attachments';
import { registerRestRoutes } from './rest/executor';
import { buildOpenApi } from './rest/openapi';
import { restRoutes } from './rest/routes';
import { BadRequestError, UNAVAILABLE_RETRY_AFTER_SECONDS, type FieldError } from './shared/errors';

export interface AppDeps {
  config: Config;
  orm: MikroORM;
  log: Logger;
  /** What /readyz reports: database reachable and migrations applied. */
  isReady: () => Promise<boolean>;
}

export interface App {
  http: FastifyInstance;
  runtime: Runtime;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
}

const PLAYGROUND_ASSETS = '/graphql/playground/';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** GraphQL clients get GraphQL-shaped errors, REST clients the envelope. */
function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, errors?: FieldError[], retryAfter?: number) {
  reply.status(status);
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  if (request.url.startsWith('/graphql')) return reply.send({ errors: [{ message, extensions: { code } }] });
  return reply.send(failure(message, errors?.length ? errors : [{ code, message }]));
}

/**
 * Node's HTTP parser refusing a request (malformed, headers too large, too slow): answered on the raw socket,
 * as no route is known, in the REST envelope with the status HTTP asks for.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large.']
        : [400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify(failure(message, [{ code: 'BAD_REQUEST', message }]));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/**
 * One log line a request, once it is answered, instead of Fastify's two (incoming, completed): each is a
 * synchronous write, and on a busy server those are a measurable share of a read's cost. Errors are logged
 * as Fastify logs them.
 */
class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, statusCode: reply.statusCode, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Builds the HTTP app from its parts; nothing listens until the caller says so (tests use port 0). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, orm, log } = deps;
  const runtime = await createRuntime(config, orm, log);
  const http = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    logController: new OneLineRequestLog(),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Fastify's own answers carry its own body; these give them the coded envelope instead (see below).
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => sendError(request, reply, 400, 'BAD_REQUEST', error.code === 'FST_ERR_BAD_URL' ? 'The URL is malformed.' : 'The request cannot be taken as sent.'),
    clientErrorHandler: answerClientError,
  });

  const allowedMethods = collectAllowedMethods(http); // before any route is added

  // JSON only: a body of any other type gets 415 through the error handler. An empty body is no body,
  // whatever its Content-Type says: clients and proxies send the header on body-less requests (logout).
  http.removeContentTypeParser(['text/plain']);
  http.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if ((body as Buffer).length === 0) return done(null, undefined);
    done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']), undefined);
  });
  // JSON must be UTF-8 (RFC 8259). Node would decode invalid bytes (overlong forms, encoded surrogates) to
  // U+FFFD and store them as if sent; refuse such a body instead. Parsing itself stays Fastify's own.
  const parseJson = http.getDefaultJsonParser('error', 'error');
  http.removeContentTypeParser(['application/json']);
  http.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if ((body as Buffer).length === 0) return done(null, undefined);
    if (!isUtf8(body as Buffer)) return done(new BadRequestError('The request body is not valid UTF-8.'), undefined);
    parseJson(request, (body as Buffer).toString('utf8'), done);
  });

  http.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Security headers and CORS on every response, errors and 404s included (http/security.ts).
  await registerHttpSecurity(http, config);
  const sockets = { open: () => 0 }; // the WebSocket server comes last; its count once it exists
  const knex = orm.em.getConnection().getKnex();
  const metrics = new Metrics(
    {
      pool: () => {
        const pool = knex.client.pool;
        return { used: pool?.numUsed() ?? 0, free: pool?.numFree() ?? 0, pending: pool?.numPendingAcquires() ?? 0 };
      },
      transactionsWaiting: () => runtime.requestTransactions.queued,
      jobs: async () => {
        const { rows } = await knex.raw(`SELECT count(*) FILTER (WHERE attempts < max_attempts)::int AS pending, count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed FROM ${QUEUE_SCHEMA}.jobs`);
        return rows[0];
      },
      subscriptionsOpen: () => sockets.open(),
      readReplica: () => runtime.reads.stats(),
    },
    log,
  );
  metrics.register(http);
  /** The HTTP layer's own refusals, counted by code like every operation's. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, errors?: FieldError[], retryAfter?: number) => {
    metrics.error(code);
    return sendError(request, reply, status, code, message, errors, retryAfter);
  };
  // While stopping, requests still arriving on open keep-alive connections are refused (the load balancer
  // sends them elsewhere), coded like every other answer, and their connection is closed.
  let draining = false;
  http.addHook('onRequest', async (request, reply) => {
    if (!draining) return;
    reply.header('connection', 'close');
    return refuse(request, reply, 503, 'UNAVAILABLE', 'The server is stopping; try again.', undefined, UNAVAILABLE_RETRY_AFTER_SECONDS);
  });

  http.setErrorHandler((error: FastifyError, request, reply) => {
    const described = describeHttpError(error);
    if (described.status >= 500) request.log.error({ err: error }, 'request failed');
    return refuse(request, reply, described.status, described.code, described.message, described.errors, described.retryAfter);
  });

  http.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const methods = allowedMethods(path);
    // A method the path answers but that found nothing (a file route declining a name) is a plain 404.
    const allowed = methods.includes(request.method) ? '' : methods.join(', ');
    if (allowed) reply.header('allow', allowed);
    const { status, code, message } = allowed
      ? { status: 405, code: 'METHOD_NOT_ALLOWED', message: `${path} does not answer ${request.method}; it answers ${allowed}.` }
      : { status: 404, code: 'NOT_FOUND', message: `No route for ${request.method} ${path}.` };
    return refuse(request, reply, status, code, message);
  });

  const schema = buildSchema();
  const pipeline = new OperationPipeline(schema, config, log);
  const apollo = createApollo(schema, config, log, pipeline, [metrics.apolloPlugin()], () => metrics.documentCompiled());
  await apollo.start();

  // When each request's answer has gone out (or its client left): the request's background work waits for
  // it (graphql/context.ts requestRuntime), so none of it can lengthen the answer.
  const answers = new WeakMap<FastifyRequest, { promise: Promise<void>; settle: () => void }>();
  const answeredOf = (request: FastifyRequest): Promise<void> => {
    let answer = answers.get(request);
    if (!answer) {
      let settle!: () => void;
      const promise = new Promise<void>((resolve) => (settle = resolve));
      answers.set(request, (answer = { promise, settle }));
    }
    return answer.promise;
  };
  http.addHook('onResponse', async (request) => answers.get(request)?.settle());
  http.addHook('onRequestAbort', async (request) => answers.get(request)?.settle());

  const contextOf = (info: RequestInfo): Promise<Context> => buildContext({ orm, config, runtime }, info);
  const contextFor = (request: FastifyRequest, door?: Door): Promise<Context> =>
    contextOf(
      {
        door,
        answered: answeredOf(request),
        requestId: request.id,
        log: request.log as Logger,
        authorization: request.headers.authorization,
        actingTenant: typeof request.headers['x-tenant-id'] === 'string' ? request.headers['x-tenant-id'] : undefined,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      },
    );

  http.get('/healthz', async () => ({ status: 'ok' }));
  http.get('/readyz', async (_request, reply) => {
    const ready = await deps.isReady().catch(() => false);
    if (ready) return reply.status(200).send({ status: 'ready' });
    // `status` for probes that read it; the rest is the coded envelope every other refusal has.
    const message = 'Database unreachable or migrations pending.';
    return reply
      .status(503)
      .header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      .send({ status: 'unavailable', ...failure(message, [{ code: 'UNAVAILABLE', message }]) });
  });

  const graphqlHandler = fastifyApolloHandler(apollo, { context: async (request) => contextFor(request) });
  // Rendered per request: its inline script carries the response's CSP nonce.
  const playgroundPage = config.playground
    ? (cspNonce: string) =>
        renderAltair({ ...playgroundOptions(config), baseURL: PLAYGROUND_ASSETS, disableAccount: true, cspNonce })
    : undefined;
  if (config.playground) {
    await http.register(async (scope) => {
      usePlaygroundAssetHeaders(scope);
      await scope.register(fastifyStatic, { root: getDistDirectory(), prefix: PLAYGROUND_ASSETS, decorateReply: false });
    });
  }
  // multipart/form-data is taken here for GraphQL multipart requests (files for Upload arguments, graphql/uploads.ts),
  // parsed as the operation reads its files; JSON stays the rule everywhere else.
  await http.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: graphqlMultipartLimits(config) });
    scope.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: '/graphql',
      handler: async function (request, reply) {
        // A browser opening /graphql gets the playground; API clients (GET with ?query=) get GraphQL.
        const wantsPage =
          request.method === 'GET' && playgroundPage && !(request.query as Record<string, unknown>).query && request.headers.accept?.includes('text/html');
        if (wantsPage) return sendPlaygroundPage(reply, playgroundPage);
        const run = () => graphqlHandler.call(this, request as Parameters<typeof graphqlHandler>[0], reply as Parameters<typeof graphqlHandler>[1]);
        if (request.method !== 'POST' || !request.isMultipart()) return run();
        let files: MultipartOperation;
        try {
          ({ operations: request.body, files } = await MultipartOperation.receive(request, config));
        } catch (e) {
          discardRestOfBody(request);
          throw e;
        }
        try {
          return await run();
        } finally {
          files.finish();
        }
      },
    });
  });

  if (runtime.devMailbox) registerDevMail(http, runtime.devMailbox);
  const restContext = (request: FastifyRequest) => contextFor(request, 'rest');
  registerRestRoutes(http, apollo, schema, restRoutes, restContext);
  await registerAttachmentRoutes(http, config, restContext);
  await registerLinkPages(http, apollo, restContext);
  await registerApiDocs(http, () => buildOpenApi(schema, restRoutes, apiVersion()));
  if (config.metrics.served) registerMetricsRoute(http, metrics, config.metrics.token);
  const subscriptions = attachSubscriptions(http, runtime, log, contextOf, pipeline);
  sockets.open = subscriptions.connections;

  await http.ready();
  return {
    http,
    runtime,
    close: async () => {
      draining = true;
      await subscriptions.close();
      await http.close();
      await apollo.stop();
      await runtime.stop();
    },
  };
}
