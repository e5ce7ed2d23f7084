import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './app';

/**
 * The doors a GraphQL operation comes in by. A security rule is proven only when it holds on each of them, so
 * the security suite runs its GraphQL cases over every transport with `overTransport`.
 */
export const TRANSPORTS = ['POST', 'GET', 'WS'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface Answer {
  /** HTTP status (none over the socket). */
  status?: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A GraphQL request as a client sends it: the text, or a hash of it (persisted queries, trusted documents). */
export interface OperationBody {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  /** The persisted-documents id (`sha256:<hex>`): top-level in a POST body, GET's query string and the socket's payload. */
  documentId?: string;
}

/**
 * One operation over one transport, with the caller's `authorization` header (the socket's init payload
 * carries it; a socket needs one). GET sends the CSRF header a real client sends; mutations are not allowed
 * over GET (405), so callers send those over POST and WS.
 */
export async function overTransport(t: TestApp, transport: Transport, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  return sendOver(t, transport, { query, variables }, headers);
}

/** `overTransport` for any request body, as sent (a hash-only one has no `query`; over the socket it is ''). */
export async function sendOver(t: TestApp, transport: Transport, body: OperationBody, headers: Record<string, string> = {}): Promise<Answer> {
  if (transport === 'POST') {
    const res = await t.rest<Answer>('POST', '/graphql', body, headers);
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }
  if (transport === 'GET') {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(body)) {
      if (value !== undefined) params.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const res = await t.rest<Answer>('GET', `/graphql?${params}`, undefined, { ...headers, 'apollo-require-preflight': 'true' });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }
  const authorization = headers.authorization ?? headers.Authorization;
  if (!authorization) throw new Error('a socket needs a token: pass an authorization header');
  const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<Answer>((resolve, reject) => {
      let answer: Answer | undefined;
      client.subscribe(
        { ...body, query: body.query ?? '' },
        {
          next: (value) => void (answer = value as Answer),
          // An error message carries the operation's errors (refused before execution); anything else is a closed socket.
          error: (e) => (Array.isArray(e) ? resolve({ errors: e as Answer['errors'] }) : reject(e instanceof Error ? e : new Error(`socket closed: ${JSON.stringify({ code: (e as { code?: number }).code, reason: (e as { reason?: string }).reason })}`))),
          complete: () => (answer ? resolve(answer) : reject(new Error('completed without an answer'))),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}
