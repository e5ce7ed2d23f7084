import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { GraphQLScalarType } from 'graphql';
import type { Config } from '../config/config';
import { discardRestOfBody, fileContent, multipartError, multipartLimits } from '../http/multipart';
import { CSRF_PREFLIGHT_HEADERS } from '../http/security';
import { TooManyAttachmentsError } from '../modules/attachment/attachment.errors';
import { AppError, BadRequestError, PayloadTooLargeError } from '../shared/errors';

/**
 * GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) on POST /graphql:
 * a `multipart/form-data` body of `operations` (the usual JSON request, `null` where a file goes), `map` (which
 * file part goes to which variable path), then the files. The operation starts once `map` is read, and each
 * `Upload` gives the resolver its file's bytes straight from the parser while they arrive: nothing is buffered,
 * in memory or on disk, so a file is read exactly once and the files must come in the order the operation reads
 * them (the order clients send them: the order of the variables). An operation waiting for a file while an earlier
 * one it does not read blocks the body is refused (UPLOAD_INVALID) rather than left to hang.
 */

export class CsrfPreflightRequiredError extends BadRequestError {
  override readonly code = 'CSRF_PREFLIGHT_REQUIRED';
  constructor() {
    super(`Send multipart requests with a non-empty ${CSRF_PREFLIGHT_HEADERS.join(' or ')} header (browsers then ask before sending one across sites).`);
  }
}

export class UploadInvalidError extends BadRequestError {
  override readonly code = 'UPLOAD_INVALID';
}

export class UploadFileMissingError extends BadRequestError {
  override readonly code = 'UPLOAD_FILE_MISSING';
  constructor(key: string) {
    super(`The file "${key}" named in map was not received; nothing was stored.`, { details: { file: key } });
  }
}

export class UploadNotMultipartError extends BadRequestError {
  override readonly code = 'UPLOAD_NOT_MULTIPART';
  constructor() {
    super('Files come only as parts of a multipart POST /graphql (the GraphQL multipart request spec), never as JSON, over GET or the WebSocket.');
  }
}


/** One file as a resolver reads it. */
export interface UploadedFile {
  /** As the client named it (the attachment service sanitises it). */
  fileName: string | undefined;
  content: AsyncIterable<Buffer>;
}

interface Slot {
  upload: Upload;
  /** A resolver asked for it. */
  claimed: boolean;
  /** Its part arrived (or the request ended without it). */
  settled: boolean;
  part?: MultipartFile;
  resolve: (file: MultipartFile) => void;
  reject: (error: unknown) => void;
  promise: Promise<MultipartFile>;
}

/** The value of an `Upload` variable: one file of the request, read once, as it arrives. */
export class Upload {
  /**
   * Private to the class itself (not a property): what walks the variables (graphql/input-guard.ts, the cost)
   * sees the key only, never the request behind it. None: the value did not come as a file part.
   */
  readonly #request: MultipartOperation | undefined;

  constructor(
    /** Its name in `map` (its part's field name). */
    readonly key: string,
    request: MultipartOperation | undefined,
  ) {
    this.#request = request;
  }

  /**
   * The value an `Upload` argument holds: itself when it is one, else no file. Resolvers take their Upload arguments
   * through this: a literal in a document compiled by graphql-jit reaches them as a plain copy of what the scalar gave.
   */
  static of(value: unknown): Upload {
    return value instanceof Upload ? value : new Upload('', undefined);
  }

  /** The file's name and bytes, once its part arrives. */
  async file(): Promise<UploadedFile> {
    if (!this.#request) throw new UploadNotMultipartError();
    return this.#request.claim(this);
  }

  /** The operation is done with the file (read or not): what is left of it is dropped, so the next part can arrive. */
  release(): void {
    this.#request?.release(this);
  }
}

/**
 * The `Upload` scalar: a file part of the multipart request. Any other value (JSON, a literal, GET or the WebSocket)
 * is taken too, as no file, and refused once read (UPLOAD_NOT_MULTIPART): the refusal then comes after authorization,
 * so a caller who may not call the field hears FORBIDDEN (or INCIDENT_NOT_FOUND) whatever they sent as files.
 */
export const UploadScalar = new GraphQLScalarType<Upload, never>({
  name: 'Upload',
  description: 'A file of a GraphQL multipart request (POST /graphql, multipart/form-data: `operations`, `map`, then the files). Input only.',
  serialize() {
    throw new TypeError('Upload is an input type');
  },
  parseValue: (value) => Upload.of(value),
  parseLiteral: () => Upload.of(undefined),
});

/** The parser's limits for /graphql: `operations` and `map` as large as a JSON body may be, then the files. */
// Three fields, not two: a stray field after `map` reaches the pump and is refused as off the spec (UPLOAD_INVALID);
// the parser's own fields limit, which drops a field and only reports it once the body has been read, comes after.
export const graphqlMultipartLimits = (config: Config) => multipartLimits(config, { count: 3, size: config.bodyLimitBytes });

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FILES_ONLY = 'After operations and map, a multipart request carries files only.';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One multipart request's files for the operation it carries: `operations` with an Upload at every mapped path,
 * and the parts handed to the Uploads as they arrive, while the operation runs.
 */
export class MultipartOperation {
  private readonly slots = new Map<string, Slot>();
  /** The part the parser holds now that no resolver asked for: the body cannot move on until someone reads it. */
  private held?: Slot;
  private ended = false;
  private failure?: unknown;
  private finished = false;

  private constructor(
    private readonly request: FastifyRequest,
    private readonly config: Config,
  ) {}

  /**
   * Reads `operations` and `map` (refusing a request without a preflight header before reading anything), and
   * starts handing the files to the operation in the background. Call `finish` once the operation has run.
   */
  static async receive(request: FastifyRequest, config: Config): Promise<{ operations: Record<string, unknown>; files: MultipartOperation }> {
    // As Apollo's CSRF prevention asks (graphql/server.ts), but before the body is read at all.
    const preflighted = CSRF_PREFLIGHT_HEADERS.some((h) => {
      const value = request.headers[h.toLowerCase()];
      return typeof value === 'string' && value.length > 0;
    });
    if (!preflighted) throw new CsrfPreflightRequiredError();
    const files = new MultipartOperation(request, config);
    const parts = request.parts()[Symbol.asyncIterator]();
    try {
      const operations = await files.field(parts, 'operations');
      const map = await files.field(parts, 'map');
      if (!isRecord(operations)) throw new UploadInvalidError('operations must be one JSON object (batches are not taken).');
      if (!isRecord(map)) throw new UploadInvalidError('map must be a JSON object of file names to variable paths.');
      files.place(operations, map);
      void files.pump(parts);
      return { operations, files };
    } catch (e) {
      throw e instanceof AppError ? e : multipartError(e, config);
    }
  }

  /** The next part, the form field `name`, as JSON. */
  private async field(parts: AsyncIterator<Multipart>, name: string): Promise<unknown> {
    const next = await parts.next();
    const part = next.done ? undefined : next.value;
    if (!part || part.type !== 'field' || part.fieldname !== name) {
      if (part?.type === 'file') part.file.resume();
      throw new UploadInvalidError(`The first parts must be the fields operations, then map; "${name}" is missing.`);
    }
    if (part.valueTruncated) throw new PayloadTooLargeError(`The field ${name} is larger than ${this.config.bodyLimitBytes} bytes.`);
    // A part sent as application/json the parser has parsed already.
    if (typeof part.value !== 'string') return part.value;
    try {
      return JSON.parse(part.value);
    } catch {
      throw new UploadInvalidError(`The field ${name} is not valid JSON.`);
    }
  }

  /** Puts an Upload at each path of `map`: one path per file, each a `null` under `variables`. */
  private place(operations: Record<string, unknown>, map: Record<string, unknown>): void {
    const entries = Object.entries(map);
    if (entries.length > this.config.attachments.maxFiles) throw new TooManyAttachmentsError(this.config.attachments.maxFiles);
    for (const [key, paths] of entries) {
      if (!Array.isArray(paths) || paths.length !== 1 || typeof paths[0] !== 'string') {
        throw new UploadInvalidError(`map.${key} must list exactly one variable path (a file is read once, as it arrives).`);
      }
      const path = paths[0].split('.');
      if (path[0] !== 'variables' || path.length < 2 || path.some((p) => UNSAFE_KEYS.has(p))) throw new UploadInvalidError(`map.${key}: "${paths[0]}" is not a path under variables.`);
      let parent: unknown = operations;
      for (const step of path.slice(0, -1)) parent = isRecord(parent) || Array.isArray(parent) ? (Object.hasOwn(parent, step) ? (parent as Record<string, unknown>)[step] : undefined) : undefined;
      const last = path[path.length - 1];
      if (!(isRecord(parent) || Array.isArray(parent)) || !Object.hasOwn(parent, last) || (parent as Record<string, unknown>)[last] !== null) {
        throw new UploadInvalidError(`map.${key}: "${paths[0]}" is not a null placeholder in operations.`);
      }
      const upload = new Upload(key, this);
      (parent as Record<string, unknown>)[last] = upload;
      let resolve!: Slot['resolve'];
      let reject!: Slot['reject'];
      const promise = new Promise<MultipartFile>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => undefined); // a file nobody asks for may fail unobserved
      this.slots.set(key, { upload, claimed: false, settled: false, resolve, reject, promise });
    }
  }

  /** Hands each file part to its Upload as it arrives; the parser moves on once the resolver has read it. */
  private async pump(parts: AsyncIterator<Multipart>): Promise<void> {
    try {
      for (let next = await parts.next(); !next.done; next = await parts.next()) {
        const part = next.value;
        if (part.type === 'field') throw new UploadInvalidError(FILES_ONLY);
        const slot = this.slots.get(part.fieldname);
        if (this.finished || !slot || slot.settled) {
          part.file.resume(); // not in the map (the spec lets a server ignore it), or nobody left to read it
          continue;
        }
        slot.settled = true;
        slot.part = part;
        slot.resolve(part);
        if (!slot.claimed) {
          this.held = slot;
          // Someone already waits for a later file, but this one blocks the body until it is read: refuse rather than hang.
          for (const waiting of this.slots.values()) if (waiting.claimed && !waiting.settled) this.refuse(waiting, this.outOfOrder());
        }
      }
    } catch (e) {
      // The parser takes two fields (operations, map): a third is its fields limit, here a request off the spec.
      const fieldAfterMap = (e as { code?: string }).code === 'FST_FIELDS_LIMIT';
      this.failure = fieldAfterMap ? new UploadInvalidError(FILES_ONLY) : e instanceof AppError ? e : multipartError(e, this.config);
    }
    this.ended = true;
    for (const slot of this.slots.values()) if (!slot.settled) this.refuse(slot, this.failure ?? new UploadFileMissingError(slot.upload.key));
  }

  private outOfOrder(): UploadInvalidError {
    return new UploadInvalidError('Send the files in the order the operation reads them (the order of its variables): one arrived that it does not read yet.');
  }

  private refuse(slot: Slot, error: unknown): void {
    slot.settled = true;
    slot.reject(error);
  }

  /** A resolver asks for an Upload's file: the part now or once it arrives. */
  async claim(upload: Upload): Promise<UploadedFile> {
    const slot = this.slots.get(upload.key);
    if (!slot || slot.upload !== upload) throw new UploadNotMultipartError();
    if (slot.claimed) throw new UploadInvalidError(`The file "${upload.key}" is read once.`);
    slot.claimed = true;
    if (this.held === slot) this.held = undefined;
    else if (!slot.settled && this.held) this.refuse(slot, this.outOfOrder());
    else if (!slot.settled && this.ended) this.refuse(slot, this.failure ?? new UploadFileMissingError(upload.key));
    const part = await slot.promise;
    return { fileName: part.filename, content: fileContent(part.file, this.config) };
  }

  /** Drops what is left of a file the operation stopped reading, so that the parts after it can arrive. */
  release(upload: Upload): void {
    const file = this.slots.get(upload.key)?.part?.file;
    if (!file || file.readableEnded || file.destroyed) return;
    // Read and dropped by read(), not resume(): a reader that stopped may still listen for 'readable', which makes resume() do nothing.
    const drain = () => {
      while (file.read() !== null) continue;
    };
    file.on('readable', drain);
    drain();
  }

  /**
   * The operation has run: files it did not read are dropped, and the rest of the body with them, so the client
   * finishes sending and reads the answer.
   */
  finish(): void {
    this.finished = true;
    for (const slot of this.slots.values()) {
      if (!slot.settled) this.refuse(slot, new UploadFileMissingError(slot.upload.key));
      else this.release(slot.upload);
    }
    discardRestOfBody(this.request);
  }
}
