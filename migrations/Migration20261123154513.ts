import { Migration } from '@mikro-orm/migrations';
import { chainOf, entryHash } from '../src/modules/audit/audit.chain';

interface LegacyRow {
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
}

/** Audit log hash chains (src/modules/audit/audit.chain.ts): the columns, the heads, and the existing entries chained. */
export class Migration20261123154513 extends Migration {

  override async up(): Promise<void> {
    // Executed at once (not queued with addSql) so that the entries already written can be chained below.
    await this.execute(`create table "audit_chain_heads" ("chain" text not null, "seq" bigint not null default 0, "hash" text null, "updated_at" timestamptz not null default now(), constraint "audit_chain_heads_pkey" primary key ("chain"));`);

    await this.execute(`alter table "audit_log" add column "chain_seq" bigint null, add column "prev_hash" text null, add column "hash" text null;`);
    await this.execute(`create index "audit_log_tenant_id_chain_seq_index" on "audit_log" ("tenant_id", "chain_seq");`);

    // Chain the entries written before chaining existed, oldest first, one chain per tenant.
    const heads = new Map<string, { seq: bigint; hash: string | null }>();
    for (let after = '0'; ; ) {
      const rows = (await this.execute(
        `select id::text as id, tenant_id, actor_kind, actor_id, action, target_type, target_id, ip, metadata, created_at
         from audit_log where audit_log.id > ? order by audit_log.id limit 1000`,
        [after],
      )) as LegacyRow[];
      if (!rows.length) break;
      for (const row of rows) {
        const chain = chainOf(row.tenant_id);
        const head = heads.get(chain) ?? { seq: 0n, hash: null };
        const seq = (head.seq + 1n).toString();
        const hash = entryHash(
          {
            tenantId: row.tenant_id,
            actorKind: row.actor_kind,
            actorId: row.actor_id,
            action: row.action,
            targetType: row.target_type,
            targetId: row.target_id,
            ip: row.ip,
            metadata: row.metadata,
            createdAt: new Date(row.created_at),
          },
          seq,
          head.hash,
        );
        await this.execute('update audit_log set chain_seq = ?, prev_hash = ?, hash = ? where id = ?', [seq, head.hash, hash, row.id]);
        heads.set(chain, { seq: BigInt(seq), hash });
      }
      after = rows[rows.length - 1].id;
    }
    for (const [chain, head] of heads) {
      await this.execute('insert into audit_chain_heads (chain, seq, hash) values (?, ?, ?)', [chain, head.seq.toString(), head.hash]);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_chain_heads" cascade;`);

    this.addSql(`drop index "audit_log_tenant_id_chain_seq_index";`);
    this.addSql(`alter table "audit_log" drop column "chain_seq", drop column "prev_hash", drop column "hash";`);
  }

}
