/**
 * A small typed GraphQL client over fetch and graphql-ws, as a frontend team would write one around codegen's
 * typed documents: the result and variables types come from the document. With `persisted`, it sends only
 * the document's id (`documentId: "sha256:<hex>"`, from codegen's manifest), as a server in trusted-documents
 * mode requires.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A GraphQL error as the server codes it (`extensions.code`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly path: readonly (string | number)[] | undefined,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** The server's base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  token?: string;
  /** Send only each document's sha256 (trusted documents). */
  persisted?: boolean;
}

type Answer<T> = { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] };

const hashOf = (doc: TypedDocumentNode<unknown, unknown>): string | undefined => (doc as { __meta__?: { hash?: string } }).__meta__?.hash;

export class IncidentDeskClient {
  private socket?: Client;

  constructor(private readonly options: ClientOptions) {}

  /** The same client signed in with `token`. */
  withToken(token: string): IncidentDeskClient {
    return new IncidentDeskClient({ ...this.options, token });
  }

  /** Runs a query or mutation; throws the first error as an ApiError (the other root fields' data is dropped). */
  async request<TResult, TVariables>(doc: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const hash = hashOf(doc as TypedDocumentNode<unknown, unknown>);
    const body = this.options.persisted && hash ? { documentId: hash, variables } : { query: print(doc), variables };
    const res = await fetch(`${this.options.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as Answer<TResult>;
    const error = answer.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code, error.path);
    return answer.data as TResult;
  }

  /** Follows a subscription; `onEvent` gets each event's data. Returns the function that stops it. */
  subscribe<TResult, TVariables>(doc: TypedDocumentNode<TResult, TVariables>, variables: TVariables, onEvent: (data: TResult) => void, onError: (e: unknown) => void = () => undefined): () => void {
    this.socket ??= createClient({
      url: `${this.options.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: this.options.token ? { authorization: `Bearer ${this.options.token}` } : {},
      retryAttempts: 0,
    });
    // graphql-ws wants a query string: in persisted mode it is empty and the hash rides in the extensions.
    const hash = hashOf(doc as TypedDocumentNode<unknown, unknown>);
    const payload =
      this.options.persisted && hash
        ? { query: '', variables: variables as Record<string, unknown>, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }
        : { query: print(doc), variables: variables as Record<string, unknown> };
    return this.socket.subscribe<TResult>(
      payload,
      { next: (r) => (r.errors?.length ? onError(r.errors) : onEvent(r.data as TResult)), error: onError, complete: () => undefined },
    );
  }

  async close(): Promise<void> {
    await this.socket?.dispose();
  }
}
