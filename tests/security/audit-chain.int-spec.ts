import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm } from '../../src/db/database';
import { entryHash } from '../../src/modules/audit/audit.chain';
import { AuditEntry } from '../../src/modules/audit/audit.entity';
import { AuditService, verifyAuditChain, type ChainVerification } from '../../src/modules/audit/audit.service';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { createTestDatabase, type TestDatabase } from '../setup/db';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Row = { id: string; chain_seq: string; prev_hash: string | null; hash: string; action: string };

describe('audit log hash chain', () => {
  let t: TestApp;
  let acme: Tenant;
  let globex: Tenant;
  let admin: Record<string, string>;
  let manager: Record<string, string>;
  let customer: Record<string, string>;

  const sql = <T = Row>(query: string, params: unknown[] = []) => t.em().getConnection().execute<T[]>(query, params);
  const rowsOf = (tenant: Tenant) => sql('select id::text as id, chain_seq::text as chain_seq, prev_hash, hash, action from audit_log where tenant_id = ? order by audit_log.chain_seq', [tenant.id]);
  const verify = (tenant: Tenant) => verifyAuditChain(t.em(), tenant.id);
  const verifyOverRest = async (auth: Record<string, string>) => t.rest<Envelope<ChainVerification>>('GET', '/api/v1/audit-log/verify', undefined, auth);
  const record = (tenant: Tenant | null, action: string, metadata?: Record<string, unknown>) =>
    t.app.runtime.audit.recordNow(t.em(), { action, tenantId: tenant?.id ?? null, actorKind: 'system', metadata });

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em();
    acme = await createTenant(em, { slug: 'chain-acme' });
    globex = await createTenant(em, { slug: 'chain-globex' });
    const a = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'ADMIN' });
    const m = await createStaff(em, t.app.runtime.passwords, { tenant: acme, role: 'MANAGER' });
    const c = await createCustomerUser(em, t.app.runtime.passwords, acme);
    // Real flows write entries through the unchanged callers: logins (unit of work), SLA changes (transaction).
    admin = (await login(t, a.email, a.password)).auth;
    manager = (await login(t, m.email, m.password)).auth;
    customer = await portalLogin(t, 'chain-acme', c.email, c.password);
    expect((await t.rest('PUT', '/api/v1/sla-policies/high', { responseMinutes: 30, resolutionMinutes: 240 }, manager)).status).toBe(200);
    await t.rest('POST', '/api/v1/auth/login', { email: a.email, password: 'Wrong-Password-1' });
    for (let i = 0; i < 5; i++) await record(acme, 'test.event', { i, nested: { b: 2, a: [1, { z: true, y: null }] }, when: new Date('2026-01-02T03:04:05.678Z') });
    await record(globex, 'test.other');
    await record(null, 'test.global');
  });
  afterAll(() => t.close());

  it('links every entry to the one before it, per tenant, from position 1', async () => {
    const rows = await rowsOf(acme);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login.succeeded', 'auth.login.failed', 'sla.policy.set', 'portal.login.succeeded', 'test.event']));
    rows.forEach((row, i) => {
      expect(row.chain_seq).toBe(String(i + 1));
      expect(row.prev_hash).toBe(i === 0 ? null : rows[i - 1].hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const [head] = await sql<{ seq: string; hash: string }>("select seq::text as seq, hash from audit_chain_heads where chain = 'tenant:' || ?", [acme.id]);
    expect(head).toEqual({ seq: String(rows.length), hash: rows[rows.length - 1].hash });
    expect((await rowsOf(globex)).map((r) => r.chain_seq)).toEqual(['1']);
  });

  it('verifies intact chains: GraphQL and REST for ADMIN, refused to other roles and kinds', async () => {
    const rows = await rowsOf(acme);
    const rest = await verifyOverRest(admin);
    expect(rest.status).toBe(200);
    expect(rest.body.data).toEqual({ ok: true, checkedEntries: rows.length, headSequence: String(rows.length), headHash: rows[rows.length - 1].hash, firstBroken: null });
    const gql = await t.gql<{ verifyAuditChain: ChainVerification }>('{ verifyAuditChain { ok checkedEntries } }', undefined, admin);
    expect(gql.data?.verifyAuditChain.ok).toBe(true);
    // Checking reads only; it adds no entry.
    expect((await rowsOf(acme)).length).toBe(rows.length);

    expect((await verifyOverRest(manager)).status).toBe(403);
    expect((await verifyOverRest(customer)).status).toBe(403);
    expect((await verifyOverRest({})).status).toBe(401);
    expect((await verify(globex)).ok).toBe(true);
    expect(await verifyAuditChain(t.em(), null)).toMatchObject({ ok: true, checkedEntries: 1 });
  });

  /** Runs `tamper`, checks what verification says, then puts the rows back as they were. */
  const afterTampering = async (tamper: (rows: Row[]) => Promise<unknown>): Promise<{ result: ChainVerification; rows: Row[] }> => {
    const rows = await rowsOf(acme);
    const backup = await sql<Record<string, unknown>>('select * from audit_log where tenant_id = ? order by id', [acme.id]);
    const [head] = await sql<{ seq: string; hash: string }>("select seq::text as seq, hash from audit_chain_heads where chain = 'tenant:' || ?", [acme.id]);
    try {
      await tamper(rows);
      return { result: await verify(acme), rows };
    } finally {
      await sql('delete from audit_log where tenant_id = ?', [acme.id]);
      for (const r of backup) {
        await sql(
          'insert into audit_log (id, tenant_id, actor_kind, actor_id, action, target_type, target_id, ip, metadata, created_at, chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [r.id, r.tenant_id, r.actor_kind, r.actor_id, r.action, r.target_type, r.target_id, r.ip, r.metadata === null ? null : JSON.stringify(r.metadata), r.created_at, r.chain_seq, r.prev_hash, r.hash],
        );
      }
      await sql("update audit_chain_heads set seq = ?, hash = ? where chain = 'tenant:' || ?", [head.seq, head.hash, acme.id]);
      expect((await verify(acme)).ok).toBe(true);
    }
  };

  it('finds an entry whose content was changed with SQL', async () => {
    const { result, rows } = await afterTampering((rows) => sql("update audit_log set metadata = '{\"i\": 99}' where id = ?", [rows[4].id]));
    expect(result).toMatchObject({ ok: false, checkedEntries: 4, firstBroken: { entryId: rows[4].id, sequence: '5', reason: 'CONTENT_CHANGED' } });
    // The answer over REST names the same entry; other tenants' chains are untouched.
    expect((await verify(globex)).ok).toBe(true);
  });

  it('finds changed columns of every kind: action, actor, ip, time', async () => {
    for (const change of ["action = 'auth.nothing'", "ip = '10.0.0.1'", 'actor_id = gen_random_uuid()', "created_at = created_at + interval '1 second'", "target_type = 'x'"]) {
      const { result, rows } = await afterTampering((rows) => sql(`update audit_log set ${change} where id = ?`, [rows[2].id]));
      expect([change, result.firstBroken?.entryId, result.firstBroken?.reason]).toEqual([change, rows[2].id, 'CONTENT_CHANGED']);
    }
  });

  it('finds a changed entry even when its hash was recomputed: the next entry no longer links to it', async () => {
    const { result, rows } = await afterTampering(async (rows) => {
      const [row] = await sql<{ tenant_id: string; action: string; created_at: Date; chain_seq: string; prev_hash: string }>(
        'select tenant_id, action, created_at, chain_seq::text as chain_seq, prev_hash from audit_log where id = ?',
        [rows[3].id],
      );
      const forged = entryHash({ tenantId: row.tenant_id, action: 'test.harmless', actorKind: null, createdAt: new Date(row.created_at) }, row.chain_seq, row.prev_hash);
      await sql("update audit_log set action = 'test.harmless', actor_kind = null, actor_id = null, ip = null, target_type = null, target_id = null, metadata = null, hash = ? where id = ?", [forged, rows[3].id]);
    });
    expect(result.firstBroken).toMatchObject({ entryId: rows[4].id, reason: 'LINK_BROKEN' });
  });

  it('finds a deleted entry, a deleted tail, a replaced last entry and an entry added around the chain', async () => {
    const middle = await afterTampering((rows) => sql('delete from audit_log where id = ?', [rows[3].id]));
    expect(middle.result.firstBroken).toMatchObject({ entryId: middle.rows[4].id, sequence: '5', reason: 'ENTRY_MISSING' });

    const tail = await afterTampering((rows) => sql('delete from audit_log where id in (?, ?)', [rows[rows.length - 1].id, rows[rows.length - 2].id]));
    expect(tail.result).toMatchObject({ ok: false, checkedEntries: tail.rows.length - 2, firstBroken: { entryId: null, sequence: String(tail.rows.length - 1), reason: 'TAIL_MISSING' } });

    const last = await afterTampering(async (rows) => {
      const lastRow = rows[rows.length - 1];
      const [row] = await sql<{ created_at: Date }>('select created_at from audit_log where id = ?', [lastRow.id]);
      const forged = entryHash({ tenantId: acme.id, action: 'test.harmless', createdAt: new Date(row.created_at) }, lastRow.chain_seq, lastRow.prev_hash);
      await sql("update audit_log set action = 'test.harmless', actor_kind = null, actor_id = null, ip = null, target_type = null, target_id = null, metadata = null, hash = ? where id = ?", [forged, lastRow.id]);
    });
    expect(last.result.firstBroken).toMatchObject({ entryId: last.rows[last.rows.length - 1].id, reason: 'HEAD_MISMATCH' });

    const copied = await afterTampering((rows) =>
      sql('insert into audit_log (tenant_id, action, created_at, chain_seq, prev_hash, hash) select tenant_id, action, created_at, chain_seq, prev_hash, hash from audit_log where id = ?', [rows[1].id]),
    );
    expect(copied.result.firstBroken).toMatchObject({ sequence: '2', reason: 'EXTRA_ENTRY' });

    const appended = await afterTampering((rows) =>
      sql('insert into audit_log (tenant_id, action, created_at, chain_seq, prev_hash, hash) values (?, ?, now(), ?, ?, ?)', [acme.id, 'test.forged', String(rows.length + 1), rows[rows.length - 1].hash, 'f'.repeat(64)]),
    );
    expect(appended.result.firstBroken).toMatchObject({ sequence: String(appended.rows.length + 1), reason: 'EXTRA_ENTRY' });

    const unchained = await afterTampering(() => sql("insert into audit_log (tenant_id, action) values (?, 'test.raw')", [acme.id]));
    expect(unchained.result.firstBroken).toMatchObject({ reason: 'UNCHAINED' });
  });

  describe('an anchor kept outside the database', () => {
    type FullRow = { id: string; tenant_id: string; actor_kind: string | null; actor_id: string | null; action: string; target_type: string | null; target_id: string | null; ip: string | null; metadata: Record<string, unknown> | null; created_at: Date; chain_seq: string; hash: string };
    /** What someone with write access to the database can do: change an entry, then recompute every later hash and the head. */
    const rewriteFrom = async (position: number, change: (row: FullRow) => FullRow) => {
      const rows = await sql<FullRow>('select *, chain_seq::text as chain_seq from audit_log where tenant_id = ? order by audit_log.chain_seq', [acme.id]);
      let prev = position > 1 ? rows[position - 2].hash : null;
      for (const original of rows.slice(position - 1)) {
        const row = original.chain_seq === String(position) ? change(original) : original;
        const content = { tenantId: row.tenant_id, actorKind: row.actor_kind, actorId: row.actor_id, action: row.action, targetType: row.target_type, targetId: row.target_id, ip: row.ip, metadata: row.metadata, createdAt: new Date(row.created_at) };
        const hash = entryHash(content, row.chain_seq, prev);
        await sql('update audit_log set action = ?, ip = ?, prev_hash = ?, hash = ? where id = ?', [row.action, row.ip, prev, hash, row.id]);
        prev = hash;
      }
      await sql("update audit_chain_heads set hash = ? where chain = 'tenant:' || ?", [prev, acme.id]);
    };
    const anchorQuery = (a: { headSequence: string; headHash: string | null }) => `?anchorSequence=${a.headSequence}&anchorHash=${a.headHash}`;

    it('catches a rewrite of the whole chain that the chain alone cannot see, over GraphQL and REST', async () => {
      const earlier = (await verifyOverRest(admin)).body.data;
      expect(earlier).toMatchObject({ ok: true, headSequence: String((await rowsOf(acme)).length) });
      // Later entries do not disturb an older anchor.
      await record(acme, 'test.after_anchor');
      const anchored = await t.gql<{ verifyAuditChain: ChainVerification }>(
        'query ($a: AuditChainAnchorInput) { verifyAuditChain(anchor: $a) { ok checkedEntries headSequence } }',
        { a: { sequence: earlier.headSequence, hash: earlier.headHash } },
        admin,
      );
      expect(anchored.data?.verifyAuditChain).toEqual({ ok: true, checkedEntries: Number(earlier.headSequence) + 1, headSequence: String(Number(earlier.headSequence) + 1) });

      const { result } = await afterTampering(async () => {
        await rewriteFrom(3, (row) => ({ ...row, ip: '198.51.100.7' }));
        const rest = await t.rest<Envelope<ChainVerification>>('GET', `/api/v1/audit-log/verify${anchorQuery(earlier)}`, undefined, admin);
        expect(rest.status).toBe(200);
        expect(rest.body.data).toMatchObject({ ok: false, firstBroken: { sequence: earlier.headSequence, reason: 'ANCHOR_MISMATCH', message: expect.stringMatching(/rewritten/) } });
        const gql = await t.gql<{ verifyAuditChain: ChainVerification }>(
          'query ($a: AuditChainAnchorInput) { verifyAuditChain(anchor: $a) { ok firstBroken { reason } } }',
          { a: { sequence: earlier.headSequence, hash: earlier.headHash } },
          admin,
        );
        expect(gql.data?.verifyAuditChain).toEqual({ ok: false, firstBroken: { reason: 'ANCHOR_MISMATCH' } });
      });
      // Without the anchor the rewritten chain holds together: which is why the head is worth keeping elsewhere.
      expect(result.ok).toBe(true);
    });

    it('catches a chain cut back below the anchored position, head included', async () => {
      const anchor = (await verifyOverRest(admin)).body.data;
      const { result } = await afterTampering(async (rows) => {
        const keep = rows.length - 2;
        await sql('delete from audit_log where tenant_id = ? and chain_seq > ?', [acme.id, keep]);
        await sql("update audit_chain_heads set seq = ?, hash = ? where chain = 'tenant:' || ?", [keep, rows[keep - 1].hash, acme.id]);
        const rest = await t.rest<Envelope<ChainVerification>>('GET', `/api/v1/audit-log/verify${anchorQuery(anchor)}`, undefined, admin);
        expect(rest.body.data).toMatchObject({ ok: false, headSequence: String(keep), firstBroken: { entryId: null, sequence: anchor.headSequence, reason: 'ANCHOR_MISMATCH' } });
      });
      expect(result.ok).toBe(true);
    });

    it('refuses an anchor that is not a position and a SHA-256, with the field named', async () => {
      for (const [query, field] of [
        ['?anchorSequence=0&anchorHash=' + 'a'.repeat(64), 'anchor.sequence'],
        ['?anchorSequence=abc&anchorHash=' + 'a'.repeat(64), 'anchor.sequence'],
        ['?anchorSequence=3', 'anchor.hash'],
        ['?anchorSequence=3&anchorHash=' + 'A'.repeat(64), 'anchor.hash'],
      ] as const) {
        const res = await t.rest<Envelope>('GET', `/api/v1/audit-log/verify${query}`, undefined, admin);
        expect({ query, status: res.status, code: res.body.errors?.[0].code, field: res.body.errors?.[0].field }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED', field });
      }
      const gql = await t.gql('query { verifyAuditChain(anchor: { sequence: "1", hash: "nope" }) { ok } }', undefined, admin);
      expect(gql.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'anchor.hash' }] });
    });
  });

  it('REST reports the first broken entry to the ADMIN', async () => {
    const rows = await rowsOf(acme);
    await afterTampering(async () => {
      await sql("update audit_log set ip = '203.0.113.9' where id = ?", [rows[1].id]);
      const res = await verifyOverRest(admin);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ ok: false, checkedEntries: 1, firstBroken: { entryId: rows[1].id, sequence: '2', reason: 'CONTENT_CHANGED', message: expect.stringMatching(/changed/) } });
    });
  });

  it('stays one unbroken chain when many transactions write to it at once, and a rolled-back one leaves no trace', async () => {
    const before = (await rowsOf(acme)).length;
    const writers = Array.from({ length: 30 }, (_, i) => record(acme, 'test.concurrent', { i }));
    // Transactions that write other rows and an entry, some rolled back after the entry was flushed.
    const mixed = Array.from({ length: 6 }, (_, i) =>
      t
        .em()
        .transactional(async (tx) => {
          t.app.runtime.audit.record(tx, { action: 'test.in-transaction', tenantId: acme.id, metadata: { i } });
          await tx.flush();
          if (i % 2) throw new Error('roll back');
        })
        .catch((e: Error) => e.message),
    );
    const elsewhere = Array.from({ length: 10 }, () => record(globex, 'test.concurrent'));
    await Promise.all([...writers, ...mixed, ...elsewhere]);

    const rows = await rowsOf(acme);
    expect(rows.length).toBe(before + 30 + 3);
    expect(rows.map((r) => r.chain_seq)).toEqual(rows.map((_, i) => String(i + 1)));
    expect(await verify(acme)).toMatchObject({ ok: true, checkedEntries: rows.length });
    expect(await verify(globex)).toMatchObject({ ok: true, checkedEntries: 11 });
  });

  it('keeps AuditService.record working for callers that flush later', async () => {
    const em = t.em();
    t.app.runtime.audit.record(em, { action: 'test.deferred', tenantId: acme.id });
    t.app.runtime.audit.record(em, { action: 'test.deferred', tenantId: acme.id });
    await em.flush();
    const rows = await rowsOf(acme);
    expect(rows.slice(-2).map((r) => r.action)).toEqual(['test.deferred', 'test.deferred']);
    expect((await t.em().find(AuditEntry, { action: 'test.deferred' })).every((e) => e.hash && e.chainSeq)).toBe(true);
    expect((await verify(acme)).ok).toBe(true);
  });
});

describe('the migration that introduced the chain', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await connectOrm(db.url, { pool: { min: 0, max: 2 } });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('chains the entries written before it, per tenant, in the order they were written', async () => {
    const migrator = orm.getMigrator();
    const executed = await migrator.getExecutedMigrations();
    const chainMigration = executed.map((m) => m.name).find((n) => n >= 'Migration20261123154513')!;
    const previous = executed.map((m) => m.name).filter((n) => n < chainMigration).pop()!;
    await migrator.down({ to: previous });
    const conn = orm.em.getConnection();
    const tenants = ['6f1b7c2e-1111-4aaa-8bbb-000000000001', '6f1b7c2e-1111-4aaa-8bbb-000000000002'];
    // Twelve entries, so that ids 10-12 would sort before 2 if compared as text.
    for (let i = 0; i < 12; i++) {
      await conn.execute("insert into audit_log (tenant_id, action, metadata, created_at) values (?, ?, ?, now() - (? || ' minutes')::interval)", [
        i === 6 ? null : tenants[i % 2],
        `legacy.${i}`,
        JSON.stringify({ i, b: [1, 2], a: 'x' }),
        String(20 - i),
      ]);
    }
    await migrator.up();
    expect(await verifyAuditChain(orm.em.fork(), tenants[0])).toMatchObject({ ok: true, checkedEntries: 5 });
    expect(await verifyAuditChain(orm.em.fork(), tenants[1])).toMatchObject({ ok: true, checkedEntries: 6 });
    expect(await verifyAuditChain(orm.em.fork(), null)).toMatchObject({ ok: true, checkedEntries: 1 });
    const actions = await conn.execute<{ action: string }[]>('select action from audit_log where tenant_id = ? order by chain_seq', [tenants[0]]);
    expect(actions.map((a) => a.action)).toEqual(['legacy.0', 'legacy.2', 'legacy.4', 'legacy.8', 'legacy.10']);
    // New entries continue the migrated chains.
    await new AuditService().recordNow(orm.em.fork(), { action: 'after.migration', tenantId: tenants[0] });
    expect(await verifyAuditChain(orm.em.fork(), tenants[0])).toMatchObject({ ok: true, checkedEntries: 6 });
  });
});
