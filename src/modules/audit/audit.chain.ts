import { createHash } from 'node:crypto';

/**
 * The audit log as hash chains: one chain per tenant (and one for entries without a tenant). Each entry
 * stores its position in the chain (`chain_seq`), the previous entry's hash (`prev_hash`) and the hash of
 * its own content together with that link (`hash`); `audit_chain_heads` holds each chain's last position
 * and hash. Changing, removing or reordering an entry breaks the chain at that entry, and the head shows a
 * removed tail. (Someone able to rewrite the table could recompute every later hash and the head as well:
 * verification reports the head's position and hash, and checks a recorded one given back as its anchor.)
 *
 * Concurrency: the entry's place is taken inside the inserting transaction by locking the chain's head row
 * (an upsert, so the first entry of a chain creates it). A second transaction writing to the same chain
 * waits there until the first commits or rolls back, then reads the new head. Chains of different tenants
 * never wait on each other. The lock is held from the insert to the end of the transaction.
 */

/** The chain an entry belongs to. */
export const chainOf = (tenantId: string | null | undefined): string => (tenantId ? `tenant:${tenantId}` : 'global');

/** What the hash covers: every column an auditor reads, plus the entry's place in the chain. */
export interface ChainedContent {
  tenantId?: string | null;
  actorKind?: string | null;
  actorId?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  metadata?: Record<string, unknown> | null;
  createdAt: Date;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The hash of one entry (version 1 of the format): SHA-256 over the canonical JSON of its content, its
 * position and the previous hash. Metadata is hashed as it is stored (jsonb), i.e. after a JSON round
 * trip: dates become strings, undefined disappears, key order does not matter.
 */
export function entryHash(content: ChainedContent, seq: string, prevHash: string | null): string {
  const metadata = content.metadata == null ? null : (JSON.parse(JSON.stringify(content.metadata)) as unknown);
  const body = canonicalJson({
    v: 1,
    seq,
    prevHash,
    tenantId: content.tenantId ?? null,
    actorKind: content.actorKind ?? null,
    actorId: content.actorId ?? null,
    action: content.action,
    targetType: content.targetType ?? null,
    targetId: content.targetId ?? null,
    ip: content.ip ?? null,
    metadata,
    createdAt: content.createdAt.toISOString(),
  });
  return createHash('sha256').update(body).digest('hex');
}

/** Just what the hook needs of MikroORM's EntityManager (the one flushing, inside its transaction). */
interface FlushingEm {
  getConnection(): { execute(sql: string, params: unknown[], method: 'all', ctx: unknown): Promise<unknown> };
  getTransactionContext(): unknown;
}

/** Fields the chain fills in on an entry being inserted. */
export interface ChainLink {
  chainSeq?: string | null;
  prevHash?: string | null;
  hash?: string | null;
}

/**
 * Takes the next place in the entry's chain, in the flushing transaction: locks the head (creating it for
 * a new chain), links and hashes the entry, and moves the head on. Called from AuditEntry's beforeCreate
 * hook, so every way of persisting an entry (AuditService.record joining the caller's unit of work,
 * recordNow's own flush) is chained the same way.
 */
export async function appendToChain(em: FlushingEm, entry: ChainedContent & ChainLink): Promise<void> {
  const ctx = em.getTransactionContext();
  if (!ctx) throw new Error('audit entries are chained inside a transaction; the flush ran without one');
  const connection = em.getConnection();
  const chain = chainOf(entry.tenantId);
  const [head] = (await connection.execute(
    `insert into audit_chain_heads (chain, seq, hash, updated_at) values (?, 0, null, now())
     on conflict (chain) do update set updated_at = excluded.updated_at
     returning seq::text as seq, hash`,
    [chain],
    'all',
    ctx,
  )) as { seq: string; hash: string | null }[];
  const seq = (BigInt(head.seq) + 1n).toString();
  entry.chainSeq = seq;
  entry.prevHash = head.hash;
  entry.hash = entryHash(entry, seq, head.hash);
  await connection.execute('update audit_chain_heads set seq = ?, hash = ? where chain = ?', [seq, entry.hash, chain], 'all', ctx);
}
