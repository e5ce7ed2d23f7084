import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../../shared/errors';
import { chainOf, entryHash } from './audit.chain';
import { AuditEntry } from './audit.entity';

export interface AuditRecord {
  action: string;
  tenantId?: string | null;
  actorKind?: 'staff' | 'customer' | 'system' | null;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  metadata?: Record<string, unknown> | null;
}

/**
 * Records security-relevant events. `record` joins the caller's unit of work (flushed with its change);
 * `recordNow` writes at once, for events that must survive a refusal (failed logins, lockouts). Either
 * way the entry is linked into its tenant's hash chain when it is inserted (audit.chain.ts).
 */
export class AuditService {
  record(em: EntityManager, entry: AuditRecord): void {
    em.persist(em.create(AuditEntry, entry));
  }

  async recordNow(em: EntityManager, entry: AuditRecord): Promise<void> {
    // Outside the caller's unit of work, but inside a tenant request's transaction when there is one (a refusal
    // rolls back only its own savepoint): a second connection per request could exhaust the pool.
    const fork = em.fork({ keepTransactionContext: true });
    fork.persist(fork.create(AuditEntry, entry));
    await fork.flush();
  }
}

/** Why verification stopped at an entry. */
export const CHAIN_BREAKS = ['CONTENT_CHANGED', 'LINK_BROKEN', 'ENTRY_MISSING', 'EXTRA_ENTRY', 'TAIL_MISSING', 'HEAD_MISMATCH', 'UNCHAINED', 'ANCHOR_MISMATCH'] as const;
export type ChainBreakReason = (typeof CHAIN_BREAKS)[number];

export interface ChainBreak {
  /** The first entry that does not fit; null when entries are missing from the end. */
  entryId: string | null;
  /** Its position in the chain (where it was expected, for a missing tail). */
  sequence: string;
  reason: ChainBreakReason;
  message: string;
}

export interface ChainVerification {
  ok: boolean;
  checkedEntries: number;
  /** The chain's last position and hash as the head records them: keep both outside the database and pass them
   * back as the anchor of a later verification, which then detects even a rewrite of the whole chain. */
  headSequence: string;
  headHash: string | null;
  firstBroken: ChainBreak | null;
}

interface Row {
  id: string;
  tenant_id: string | null;
  actor_kind: string | null;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  metadata: Record<string, unknown> | null;
  created_at: Date | string;
  chain_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
}

const BATCH = 1000;
/** What each break means: the verification's message, and the enum values' descriptions in the schema. */
export const CHAIN_BREAK_MESSAGES: Record<ChainBreakReason, string> = {
  CONTENT_CHANGED: 'The entry was changed after it was written: its hash no longer matches its content.',
  LINK_BROKEN: 'The entry does not follow the one before it: an earlier entry was changed or replaced.',
  ENTRY_MISSING: 'Entries before this one are missing from the chain.',
  EXTRA_ENTRY: 'The entry claims a place in the chain it was never given: it was added around the chain.',
  TAIL_MISSING: 'The newest entries of the chain are missing.',
  HEAD_MISMATCH: "The newest entry does not match the chain's head: it was changed or replaced.",
  UNCHAINED: 'The entry was written outside the chain.',
  ANCHOR_MISMATCH: 'The chain no longer holds the entry recorded as the anchor at this position: its history was rewritten or cut.',
};

/** A position and hash of the chain recorded outside the database (from an earlier verification's head). */
export interface ChainAnchor {
  sequence: string;
  hash: string;
}

/** Anchors come from outside: a position from 1 and a SHA-256 in hex, or the request is refused. */
function checkAnchor(anchor: ChainAnchor): { sequence: bigint; hash: string } {
  if (!/^[1-9][0-9]{0,18}$/.test(anchor.sequence)) throw ValidationError.field('anchor.sequence', 'must be a chain position: a whole number from 1');
  if (!/^[0-9a-f]{64}$/.test(anchor.hash)) throw ValidationError.field('anchor.hash', 'must be a SHA-256 hash in lower-case hex (64 characters)');
  return { sequence: BigInt(anchor.sequence), hash: anchor.hash };
}

/**
 * Recomputes a chain from its first entry and reports the first one that does not fit. Reads the head
 * first and checks the entries up to it, so entries appended meanwhile are left for the next run. With an
 * anchor, the entry at its position must also still have its hash: that catches a rewrite consistent from
 * end to end (every hash and the head recomputed), which the chain alone cannot.
 */
export async function verifyAuditChain(em: EntityManager, tenantId: string | null, anchorInput?: ChainAnchor | null): Promise<ChainVerification> {
  const anchor = anchorInput ? checkAnchor(anchorInput) : null;
  const byTenant = tenantId ? 'tenant_id = ?' : 'tenant_id is null';
  const tenantParams = tenantId ? [tenantId] : [];
  const [head] = (await em.execute('select seq::text as seq, hash from audit_chain_heads where chain = ?', [chainOf(tenantId)])) as { seq: string; hash: string | null }[];
  const headSeq = BigInt(head?.seq ?? '0');
  const headHash = head?.hash ?? null;
  const broken = (checked: number, entryId: string | null, sequence: bigint, reason: ChainBreakReason): ChainVerification => ({
    ok: false,
    checkedEntries: checked,
    headSequence: headSeq.toString(),
    headHash,
    firstBroken: { entryId, sequence: sequence.toString(), reason, message: CHAIN_BREAK_MESSAGES[reason] },
  });

  const [unchained] = (await em.execute(`select id::text as id from audit_log where ${byTenant} and (chain_seq is null or hash is null) order by audit_log.id limit 1`, tenantParams)) as { id: string }[];
  if (unchained) return broken(0, unchained.id, 0n, 'UNCHAINED');

  let checked = 0;
  let expected = 1n;
  let prevHash: string | null = null;
  let lastHash: string | null = null;
  let lastId: string | null = null;
  for (;;) {
    const rows = (await em.execute(
      `select id::text as id, tenant_id, actor_kind, actor_id, action, target_type, target_id, ip, metadata, created_at,
              chain_seq::text as chain_seq, prev_hash, hash
       from audit_log where ${byTenant} and chain_seq >= ? and chain_seq <= ? order by audit_log.chain_seq, audit_log.id limit ${BATCH}`,
      [...tenantParams, expected.toString(), headSeq.toString()],
    )) as Row[];
    for (const row of rows) {
      const seq = BigInt(row.chain_seq!);
      // A gap means entries were removed; a repeated position, one added around the chain.
      if (seq > expected) return broken(checked, row.id, seq, 'ENTRY_MISSING');
      if (seq < expected) return broken(checked, row.id, seq, 'EXTRA_ENTRY');
      if (row.prev_hash !== prevHash) return broken(checked, row.id, seq, 'LINK_BROKEN');
      const content = {
        tenantId: row.tenant_id,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        ip: row.ip,
        metadata: row.metadata,
        createdAt: new Date(row.created_at),
      };
      if (entryHash(content, row.chain_seq!, row.prev_hash) !== row.hash) return broken(checked, row.id, seq, 'CONTENT_CHANGED');
      if (anchor && seq === anchor.sequence && row.hash !== anchor.hash) return broken(checked, row.id, seq, 'ANCHOR_MISMATCH');
      checked += 1;
      prevHash = row.hash;
      lastHash = row.hash;
      lastId = row.id;
      expected = seq + 1n;
    }
    if (rows.length < BATCH) break;
  }
  // The anchored entry is past the end: the chain was cut back (head included) below a position once reached.
  if (anchor && anchor.sequence > headSeq) return broken(checked, null, anchor.sequence, 'ANCHOR_MISMATCH');
  // Fewer entries than the head counts: the end was cut. A last entry the head does not know: replaced.
  if (expected - 1n !== headSeq) return broken(checked, null, expected, 'TAIL_MISSING');
  if (lastHash !== headHash) return broken(checked - 1, lastId, headSeq, 'HEAD_MISMATCH');
  // An entry past the head in one snapshot was never appended through the chain (a writer moves the head
  // in the same transaction as its insert).
  const [beyond] = (await em.execute(
    `select id::text as id, chain_seq::text as seq from audit_log
     where ${byTenant} and chain_seq > coalesce((select seq from audit_chain_heads where chain = ?), 0) order by audit_log.chain_seq, audit_log.id limit 1`,
    [...tenantParams, chainOf(tenantId)],
  )) as { id: string; seq: string }[];
  if (beyond) return broken(checked, beyond.id, BigInt(beyond.seq), 'EXTRA_ENTRY');
  return { ok: true, checkedEntries: checked, headSequence: headSeq.toString(), headHash, firstBroken: null };
}
