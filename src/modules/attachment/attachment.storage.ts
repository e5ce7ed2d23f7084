import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/read';

/** The size of one stored piece: what is held in memory at a time per upload and per download. */
export const CHUNK_BYTES = 256 * 1024;

/** Where an attachment's bytes are, as the store gives them back on `put`. */
export interface StoredFile {
  size: number;
  sha256: string;
  chunkCount: number;
}

/** Which attachment, of which tenant: every store keys its bytes by both. */
export interface FileKey {
  tenantId: string;
  attachmentId: string;
}

/**
 * Where attachment bytes live, behind the attachment service: PostgreSQL by default (PgChunkStore), an object
 * store later. `put` consumes a stream piece by piece (the service checks the limits through `onBytes`, which
 * throws to stop) and writes in the transaction `tx` when the store is transactional, so a refused upload
 * leaves nothing; `get` yields the bytes piece by piece, each read on its own (a slow download holds no
 * connection between pieces); `delete` removes them.
 */
export interface AttachmentStore {
  put(tx: EntityManager, key: FileKey, source: AsyncIterable<Buffer>, onBytes: (total: number) => void): Promise<StoredFile>;
  get(key: FileKey & { chunkCount: number }, inTenant: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>): AsyncIterable<Buffer>;
  delete(tx: EntityManager, key: FileKey): Promise<void>;
}

/** Pieces of exactly CHUNK_BYTES (the last one shorter) from a stream of any pieces, copying no more than needed. */
async function* rechunk(source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let rest = piece;
    while (length + rest.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - length;
      pending.push(rest.subarray(0, take));
      yield Buffer.concat(pending, CHUNK_BYTES);
      rest = rest.subarray(take);
      pending = [];
      length = 0;
    }
    if (rest.length) {
      pending.push(rest);
      length += rest.length;
    }
  }
  if (length) yield Buffer.concat(pending, length);
}

/** Attachments in PostgreSQL: `attachment_chunks` rows of CHUNK_BYTES, under row-level security like every tenant table. */
export class PgChunkStore implements AttachmentStore {
  async put(tx: EntityManager, key: FileKey, source: AsyncIterable<Buffer>, onBytes: (total: number) => void): Promise<StoredFile> {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    const counted = async function* () {
      for await (const piece of source) {
        size += piece.length;
        onBytes(size);
        hash.update(piece);
        yield piece;
      }
    };
    for await (const chunk of rechunk(counted())) {
      await sqlRows(tx, 'INSERT INTO attachment_chunks (tenant_id, attachment_id, seq, data) VALUES (?, ?, ?, ?)', [key.tenantId, key.attachmentId, seq, chunk]);
      seq += 1;
    }
    return { size, sha256: hash.digest('hex'), chunkCount: seq };
  }

  async *get(key: FileKey & { chunkCount: number }, inTenant: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>): AsyncIterable<Buffer> {
    for (let seq = 0; seq < key.chunkCount; seq++) {
      const rows = await inTenant((tx) =>
        sqlRows<{ data: Buffer }>(tx, 'SELECT data FROM attachment_chunks WHERE tenant_id = ? AND attachment_id = ? AND seq = ?', [key.tenantId, key.attachmentId, seq]),
      );
      if (!rows[0]) throw new Error(`attachment ${key.attachmentId} lacks its piece ${seq}`);
      yield rows[0].data;
    }
  }

  async delete(tx: EntityManager, key: FileKey): Promise<void> {
    await sqlRows(tx, 'DELETE FROM attachment_chunks WHERE tenant_id = ? AND attachment_id = ?', [key.tenantId, key.attachmentId]);
  }
}
