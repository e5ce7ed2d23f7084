import { documentHash } from '../config/trusted-documents';
import { BadRequestError } from '../shared/errors';

/** Trusted-documents mode refusing an operation: sent as text, or by a hash the manifest does not hold. */
export class PersistedQueryNotAllowedError extends BadRequestError {
  override readonly code = 'PERSISTED_QUERY_NOT_ALLOWED';
}

/**
 * An automatic persisted query this process does not know (yet): the client sends the text with the hash
 * next. The message is the one Apollo Server sends, which urql's persisted exchange matches on.
 */
export class PersistedQueryNotFoundError extends BadRequestError {
  override readonly code = 'PERSISTED_QUERY_NOT_FOUND';
  constructor() {
    super('PersistedQueryNotFound');
  }
}

/** What a GraphQL request carries that names its operation, on any transport. */
export interface DocumentRequest {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
  /** The GraphQL-over-HTTP persisted documents field (`sha256:<hex>` or the bare hash). */
  documentId?: unknown;
}

export interface ResolvedDocument {
  /** The operation's text; undefined when the request has none (the transport then answers that). */
  query: string | undefined;
  /** An automatic persisted query sent with its text: remember it once the operation has passed every check. */
  remember?: string;
}

/** Room for automatic persisted queries, in characters, per process; the least recently used go first. */
const APQ_MAX_CHARS = 8 * 1024 * 1024;

/**
 * Where an operation's text comes from (graphql/pipeline.ts asks, for every door). With a trusted-documents
 * manifest (GRAPHQL_TRUSTED_DOCUMENTS), only from it, by hash: text a client wrote itself is refused, so a
 * production server runs exactly the operations its own clients were built with. Without one, as sent, or
 * by hash from the operations this process was sent before (Apollo's automatic persisted queries: a
 * hash-only request that misses answers PERSISTED_QUERY_NOT_FOUND, and the client sends hash and text).
 */
export class OperationDocuments {
  private readonly apq = new Map<string, string>();
  private apqChars = 0;

  constructor(
    private readonly trusted: ReadonlyMap<string, string> | undefined,
    private readonly apqMaxChars = APQ_MAX_CHARS,
  ) {}

  get trustedOnly(): boolean {
    return this.trusted !== undefined;
  }

  /**
   * The request's operation text, or throws the coded refusal. `fixed`: an operation of this server's own (the
   * REST routes and link pages), which runs in either mode.
   */
  resolve(request: DocumentRequest, fixed = false): ResolvedDocument {
    const query = request.query || undefined; // graphql-ws requires a string: hash-only sockets send ''
    const persisted = request.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
    if (persisted && (typeof persisted !== 'object' || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string')) {
      throw new BadRequestError('extensions.persistedQuery must be { "version": 1, "sha256Hash": "<hex sha256 of the operation>" }.');
    }
    if (request.documentId !== undefined && request.documentId !== null && typeof request.documentId !== 'string') {
      throw new BadRequestError('documentId must be a string: "sha256:<hex>".');
    }
    const documentId = typeof request.documentId === 'string' ? request.documentId.replace(/^sha256:/, '') : undefined;
    const hash = documentId ?? (persisted?.sha256Hash as string | undefined);

    if (this.trusted && !fixed) {
      if (hash === undefined) {
        throw new PersistedQueryNotAllowedError('This server runs trusted documents only: send the operation\'s sha256 as "documentId" (or extensions.persistedQuery.sha256Hash), not its text.');
      }
      const document = this.trusted.get(hash);
      // Text sent beside a trusted hash must be that document: a hash does not lend its trust to other text.
      if (document === undefined || (query !== undefined && query !== document)) {
        throw new PersistedQueryNotAllowedError('No trusted document has this hash: this server runs only the operations its clients were built with.');
      }
      return { query: document };
    }

    if (hash === undefined) return { query };
    if (query === undefined) {
      const known = this.apq.get(hash);
      if (known === undefined) throw new PersistedQueryNotFoundError();
      // Used again: the most recently used stay.
      this.apq.delete(hash);
      this.apq.set(hash, known);
      return { query: known };
    }
    // Registering text under another text's hash would serve it to every client that sends that hash.
    if (documentHash(query) !== hash) throw new BadRequestError('The sha256Hash is not the sha256 of the query sent with it.');
    return { query, remember: hash };
  }

  /** Keeps an automatic persisted query for hash-only requests (trusted-documents mode keeps none). */
  remember(hash: string, query: string): void {
    if (this.trusted || this.apq.has(hash) || query.length > this.apqMaxChars) return;
    this.apq.set(hash, query);
    this.apqChars += query.length;
    for (const [oldest, text] of this.apq) {
      if (this.apqChars <= this.apqMaxChars) break;
      this.apq.delete(oldest);
      this.apqChars -= text.length;
    }
  }
}
