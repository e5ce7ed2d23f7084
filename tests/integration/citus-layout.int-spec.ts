import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrationsList } from '../../migrations';
import { projectRoot } from '../../src/config/config';
import { connectOrm } from '../../src/db/database';
import { createTestDatabase, type TestDatabase } from '../setup/db';

/**
 * The Citus-ready layout (docs/operations.md, "Moving to Citus"; src/db/citus-layout.ts), proved from the catalog
 * of a migrated database. Every table of `public` with a `tenant_id` column is distributed by it, unless PLACEMENTS
 * says otherwise and why; every other table of `public` must be in PLACEMENTS. The table lists come from the
 * catalog, so a later migration that adds a table, a key or a foreign key is checked by itself.
 *
 * `graphile_worker` is not looked at: the job queue's schema is graphile-worker's own (its migrations, its
 * functions, SKIP LOCKED polling and LISTEN/NOTIFY), and it stays a plain schema on the coordinator.
 */
type Placement = { kind: 'reference' | 'coordinator'; why: string };
const PLACEMENTS: Record<string, Placement> = {
  tenants: { kind: 'reference', why: 'every distributed table references its workspace; small, read on every request' },
  users: {
    kind: 'reference',
    why: 'staff e-mail and Google subject are unique across all workspaces (sign-in takes no workspace); Citus enforces such a key only on a reference table',
  },
  sessions: { kind: 'coordinator', why: 'a refresh finds its session by the token hash alone (refresh_tokens), before any workspace is known' },
  refresh_tokens: { kind: 'coordinator', why: 'no tenant_id; found by its hash alone; references sessions' },
  one_time_codes: { kind: 'coordinator', why: 'no tenant_id; short-lived sign-in codes, checked before any workspace is known' },
  action_tokens: { kind: 'coordinator', why: 'no tenant_id; reset, invitation and sign-in links, found by their hash alone' },
  oauth_states: { kind: 'coordinator', why: 'no tenant_id: nobody is signed in yet' },
  rate_limits: { kind: 'coordinator', why: 'no tenant_id; rate-limiter-flexible\'s own table, keyed by IP or e-mail' },
  audit_log: {
    kind: 'coordinator',
    why: 'tenant_id is null for entries of no workspace (Citus distributes no row without its column); each chain is ordered by its head row',
  },
  audit_chain_heads: { kind: 'coordinator', why: 'no tenant_id: one row per chain (`tenant:<id>` or `global`), the lock that orders its writers' },
  outbox_events: {
    kind: 'coordinator',
    why: 'its triggers enqueue graphile-worker jobs and pg_notify the live-event listeners, both of which live on the coordinator',
  },
  notification_deliveries: { kind: 'coordinator', why: 'references outbox_events, and a distributed table cannot reference a coordinator table' },
  webhook_endpoints: { kind: 'coordinator', why: 'referenced by notification_deliveries, and a coordinator table cannot reference a distributed one' },
  queue_worker_heartbeats: { kind: 'coordinator', why: 'no tenant_id: one row per running queue worker' },
  mikro_orm_migrations: { kind: 'coordinator', why: 'no tenant_id: the applied migrations' },
};

interface TableRow {
  oid: number;
  name: string;
  tenant_attnum: number | null;
  tenant_not_null: boolean | null;
}
interface UniqueRow {
  table_oid: number;
  name: string;
  primary: boolean;
  keys: number[];
}
interface ForeignKeyRow {
  name: string;
  table_oid: number;
  target_oid: number;
  columns: number[];
  target_columns: number[];
  on_update: string;
  on_delete: string;
}

const ACTION: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** Everything in `public` that breaks the layout, as sentences; none when it holds. */
async function layoutViolations(db: Client): Promise<{ violations: string[]; distributed: string[] }> {
  const tables = (
    await db.query<TableRow>(
      `SELECT c.oid::int AS oid, c.relname AS name, a.attnum::int AS tenant_attnum, a.attnotnull AS tenant_not_null
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 2`,
    )
  ).rows;
  // Unique indexes (those of primary keys and unique constraints, and bare ones), by their key columns (not INCLUDE).
  const uniques = (
    await db.query<UniqueRow>(
      `SELECT i.indrelid::int AS table_oid, ic.relname AS name, i.indisprimary AS primary,
              (SELECT array_agg(k::int) FROM unnest((i.indkey::int2[])[0:i.indnkeyatts - 1]) k) AS keys
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indisunique
       UNION ALL
       SELECT conrelid::int, conname, false, conkey::int[] FROM pg_constraint WHERE contype = 'x'`,
    )
  ).rows;
  const fks = (
    await db.query<ForeignKeyRow>(
      `SELECT conname AS name, conrelid::int AS table_oid, confrelid::int AS target_oid, conkey::int[] AS columns,
              confkey::int[] AS target_columns, confupdtype AS on_update, confdeltype AS on_delete
         FROM pg_constraint WHERE contype = 'f'`,
    )
  ).rows;

  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const kindOf = (t: TableRow): Placement['kind'] | 'distributed' | 'unplaced' =>
    Object.hasOwn(PLACEMENTS, t.name) ? PLACEMENTS[t.name].kind : t.tenant_attnum !== null ? 'distributed' : 'unplaced';
  const violations: string[] = [];
  for (const name of Object.keys(PLACEMENTS)) if (!tables.some((t) => t.name === name)) violations.push(`PLACEMENTS names ${name}, which is not a table`);

  for (const t of tables) {
    const kind = kindOf(t);
    if (kind === 'unplaced') violations.push(`${t.name} has no tenant_id and no entry in PLACEMENTS: give it tenant_id, or a placement and why`);
    if (kind !== 'distributed') continue;
    if (!t.tenant_not_null) violations.push(`${t.name}.tenant_id may be null: Citus places no row without its distribution column`);
    const own = uniques.filter((u) => u.table_oid === t.oid);
    if (!own.some((u) => u.primary)) violations.push(`${t.name} has no primary key`);
    for (const u of own) {
      if (!(u.keys ?? []).includes(t.tenant_attnum!)) violations.push(`${t.name}: ${u.primary ? 'primary key' : 'unique index'} ${u.name} lacks tenant_id`);
    }
  }

  for (const fk of fks) {
    const from = byOid.get(fk.table_oid);
    const to = byOid.get(fk.target_oid);
    if (!from || !to) continue; // not in public: graphile_worker's own
    const fromKind = kindOf(from);
    const toKind = kindOf(to);
    const label = `${from.name}.${fk.name} (-> ${to.name})`;
    const holdsTenant = from.tenant_attnum !== null && fk.columns.includes(from.tenant_attnum);
    if (fromKind === 'distributed' && toKind === 'distributed') {
      const paired = fk.columns.some((c, i) => c === from.tenant_attnum && fk.target_columns[i] === to.tenant_attnum);
      if (!paired) violations.push(`${label} joins two distributed tables without pairing tenant_id with tenant_id`);
    }
    if (fromKind === 'distributed' && toKind === 'coordinator') violations.push(`${label}: a distributed table cannot reference a coordinator table`);
    if (fromKind === 'coordinator' && toKind === 'distributed') violations.push(`${label}: a coordinator table cannot reference a distributed table`);
    if (fromKind === 'reference' && toKind === 'distributed') violations.push(`${label}: a reference table cannot reference a distributed table`);
    // Citus refuses these actions on a distributed table's foreign key that holds the distribution column.
    if (fromKind === 'distributed' && holdsTenant) {
      if ('nd'.includes(fk.on_delete)) violations.push(`${label}: ON DELETE ${ACTION[fk.on_delete]} on a key holding tenant_id`);
      if ('cnd'.includes(fk.on_update)) violations.push(`${label}: ON UPDATE ${ACTION[fk.on_update]} on a key holding tenant_id`);
    }
  }
  return { violations, distributed: tables.filter((t) => kindOf(t) === 'distributed').map((t) => t.name) };
}

describe('the Citus-ready layout', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('holds for every table of the migrated schema', async () => {
    const { violations, distributed } = await layoutViolations(client);
    expect(violations).toEqual([]);
    // The list is derived; this only makes sure the derivation found the tables it is about.
    expect(distributed).toEqual(expect.arrayContaining(['incidents', 'incident_updates', 'customers', 'customer_portal_users', 'attachments', 'kb_articles']));
  });

  it('is what docs/operations.md distributes: each distributed table colocated by tenant_id, each reference table', async () => {
    const { distributed } = await layoutViolations(client);
    const doc = await fs.readFile(path.join(projectRoot, 'docs', 'operations.md'), 'utf8');
    const documented = [...doc.matchAll(/create_distributed_table\('(\w+)', 'tenant_id'/g)].map((m) => m[1]).sort();
    expect(documented).toEqual([...distributed].sort());
    const references = [...doc.matchAll(/create_reference_table\('(\w+)'\)/g)].map((m) => m[1]).sort();
    expect(references).toEqual(Object.keys(PLACEMENTS).filter((t) => PLACEMENTS[t].kind === 'reference').sort());
  });

  it('catches a table added without it', async () => {
    await client.query('BEGIN');
    try {
      await client.query(`CREATE TABLE probe_items (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES tenants (id) ON UPDATE CASCADE, code text UNIQUE)`);
      await client.query(`CREATE TABLE probe_links (tenant_id uuid NOT NULL, id uuid, item_id uuid REFERENCES probe_items (id) ON DELETE SET NULL, PRIMARY KEY (tenant_id, id))`);
      await client.query(`CREATE UNIQUE INDEX probe_links_item ON probe_links (item_id)`);
      await client.query(`CREATE TABLE probe_settings (key text PRIMARY KEY)`);
      await client.query(`CREATE TABLE probe_optional (tenant_id uuid, id uuid, PRIMARY KEY (id))`);
      await client.query(`ALTER TABLE sessions ADD COLUMN probe_item_id uuid REFERENCES probe_items (id)`);
      const { violations } = await layoutViolations(client);
      expect(violations.sort()).toEqual(
        [
          'probe_items: primary key probe_items_pkey lacks tenant_id',
          'probe_items: unique index probe_items_code_key lacks tenant_id',
          'probe_items.probe_items_tenant_id_fkey (-> tenants): ON UPDATE CASCADE on a key holding tenant_id',
          'probe_links.probe_links_item_id_fkey (-> probe_items) joins two distributed tables without pairing tenant_id with tenant_id',
          'probe_links: unique index probe_links_item lacks tenant_id',
          'probe_settings has no tenant_id and no entry in PLACEMENTS: give it tenant_id, or a placement and why',
          'probe_optional.tenant_id may be null: Citus places no row without its distribution column',
          'probe_optional: primary key probe_optional_pkey lacks tenant_id',
          'sessions.sessions_probe_item_id_fkey (-> probe_items): a coordinator table cannot reference a distributed table',
        ].sort(),
      );
      // SET NULL is refused even where the pairing is right (Citus would null the distribution column too).
      await client.query(`ALTER TABLE sessions DROP COLUMN probe_item_id`);
      await client.query(`ALTER TABLE probe_links DROP CONSTRAINT probe_links_item_id_fkey`);
      await client.query(`ALTER TABLE probe_items DROP CONSTRAINT probe_items_pkey, ADD PRIMARY KEY (tenant_id, id)`);
      await client.query(`ALTER TABLE probe_links ADD CONSTRAINT probe_links_item_fk FOREIGN KEY (tenant_id, item_id) REFERENCES probe_items (tenant_id, id) ON DELETE SET NULL (item_id)`);
      const after = await layoutViolations(client);
      expect(after.violations).toContain('probe_links.probe_links_item_fk (-> probe_items): ON DELETE SET NULL on a key holding tenant_id');
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('refuses a row that points at another tenant\'s row', async () => {
    const [a, b, orgOfB] = [randomUUID(), randomUUID(), randomUUID()];
    await client.query('BEGIN');
    try {
      await client.query(`INSERT INTO tenants (id, slug, name) VALUES ($1, $3, 'A'), ($2, $4, 'B')`, [a, b, `a-${a}`, `b-${b}`]);
      await client.query(`INSERT INTO customers (id, tenant_id, name) VALUES ($1, $2, 'Org of B')`, [orgOfB, b]);
      await expect(
        client.query(
          `INSERT INTO incidents (tenant_id, number, type, title, description, priority, status, source, response_due_at, resolution_due_at, customer_id)
           VALUES ($1, 'INC-1', 'INCIDENT', 't', 'd', 'LOW', 'OPEN', 'STAFF', now(), now(), $2)`,
          [a, orgOfB],
        ),
      ).rejects.toMatchObject({ code: '23503', constraint: 'incidents_customer_id_foreign' });
    } finally {
      await client.query('ROLLBACK');
    }
  });
});

/** The migration that brings the layout, on a database that already has rows: nothing lost, all or nothing. */
describe('the layout migration on a database with data', () => {
  const LAYOUT = 'Migration20261207175000';
  const before = migrationsList[migrationsList.findIndex((m) => m.name === LAYOUT) - 1].name;
  const TABLES = [
    'tenants', 'users', 'customers', 'customer_portal_users', 'incidents', 'incident_updates', 'attachments', 'attachment_chunks',
    'incident_analyses', 'incident_ratings', 'incident_participants', 'kb_articles', 'kb_article_revisions', 'notification_preferences', 'sla_policies',
  ];
  let db: TestDatabase;
  let orm: MikroORM;
  const sql = async (text: string, params: unknown[] = []) => orm.em.getConnection().execute(text, params);
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await sql(`SELECT count(*)::int AS n FROM ${t}`))[0].n])));
  const pkOf = async (table: string) => (await sql(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = ?`, [`${table}_pkey`]))[0].def;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    orm = await connectOrm(db.url);
    await orm.getMigrator().up({ to: before });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('keeps every row, and applies nothing while a row points at another tenant', async () => {
    const [a, b, staff, orgA, portalA, inc1, inc2, upd, file, article] = Array.from({ length: 10 }, () => randomUUID());
    await sql(`INSERT INTO tenants (id, slug, name) VALUES (?, 'a', 'A'), (?, 'b', 'B')`, [a, b]);
    await sql(`INSERT INTO users (id, tenant_id, email, role) VALUES (?, ?, 'staff@a.test', 'ADMIN')`, [staff, a]);
    await sql(`INSERT INTO customers (id, tenant_id, name) VALUES (?, ?, 'Org A')`, [orgA, a]);
    await sql(`INSERT INTO customer_portal_users (id, tenant_id, customer_id, email, display_name) VALUES (?, ?, ?, 'p@a.test', 'P')`, [portalA, a, orgA]);
    const incident = `INSERT INTO incidents (id, tenant_id, number, type, title, description, priority, status, source, response_due_at, resolution_due_at,
      customer_id, reporter_customer_id, assignee_id, parent_id) VALUES (?, ?, ?, 'INCIDENT', 't', 'd', 'LOW', 'OPEN', 'PORTAL', now(), now(), ?, ?, ?, ?)`;
    await sql(incident, [inc1, a, 'INC-1', orgA, portalA, staff, null]);
    await sql(incident, [inc2, a, 'INC-2', orgA, portalA, null, inc1]);
    await sql(`INSERT INTO incident_updates (id, tenant_id, incident_id, kind, visibility, body, author_kind, author_customer_id) VALUES (?, ?, ?, 'COMMENT', 'PUBLIC', 'b', 'CUSTOMER', ?)`, [upd, a, inc1, portalA]);
    await sql(`INSERT INTO attachments (id, tenant_id, incident_id, update_id, uploader_kind, uploader_customer_id, file_name, content_type) VALUES (?, ?, ?, ?, 'CUSTOMER', ?, 'f.txt', 'text/plain')`, [file, a, inc1, upd, portalA]);
    await sql(`INSERT INTO attachment_chunks (tenant_id, attachment_id, seq, data) VALUES (?, ?, 0, '\\x00'::bytea)`, [a, file]);
    await sql(`INSERT INTO incident_analyses (tenant_id, incident_id, version, audience, trigger, analyzer, result, report, provider_status) VALUES (?, ?, 1, 'ENGINEER', 'MANUAL', 'x', '{}', 'r', 'NOT_CONFIGURED')`, [a, inc1]);
    await sql(`INSERT INTO incident_ratings (tenant_id, incident_id, rater_id, score, source) VALUES (?, ?, ?, 5, 'PORTAL')`, [a, inc1, portalA]);
    await sql(`INSERT INTO incident_participants (tenant_id, incident_id, customer_user_id, added_by_kind, added_by_id) VALUES (?, ?, ?, 'STAFF', ?)`, [a, inc2, portalA, staff]);
    await sql(`INSERT INTO kb_articles (id, tenant_id, slug, title, body_markdown, body_html, visibility, status, source_incident_id) VALUES (?, ?, 's', 't', 'b', 'b', 'PUBLIC', 'DRAFT', ?)`, [article, a, inc1]);
    await sql(`INSERT INTO kb_article_revisions (tenant_id, article_id, revision, slug, title, body_markdown, body_html, visibility, status, saved_at) VALUES (?, ?, 1, 's', 't', 'b', 'b', 'PUBLIC', 'DRAFT', now())`, [a, article]);
    await sql(`INSERT INTO notification_preferences (owner_id, kind, owner_kind, tenant_id, enabled) VALUES (?, 'TICKET_PUBLIC_UPDATE', 'CUSTOMER', ?, false)`, [portalA, a]);
    await sql(`INSERT INTO sla_policies (tenant_id, priority, response_minutes, resolution_minutes) VALUES (?, 'LOW', 60, 600)`, [a]);
    // A ticket of B filed under A's organization: what the new keys exist to refuse.
    const stray = randomUUID();
    await sql(incident, [stray, b, 'INC-1', orgA, null, null, null]);
    const rows = await counts();
    // The check of the first describe is not vacuous: the layout before this migration fails it.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await layoutViolations(client)).violations).toEqual(
        expect.arrayContaining([
          'incidents: primary key incidents_pkey lacks tenant_id',
          'incident_analyses: unique index incident_analyses_incident_id_version_unique lacks tenant_id',
          'incidents.incidents_customer_id_foreign (-> customers) joins two distributed tables without pairing tenant_id with tenant_id',
          'incidents.incidents_tenant_id_foreign (-> tenants): ON UPDATE CASCADE on a key holding tenant_id',
        ]),
      );
    } finally {
      await client.end();
    }

    await expect(orm.getMigrator().up()).rejects.toThrow(/incidents_customer_id_foreign/);
    expect(await pkOf('incidents')).toBe('PRIMARY KEY (id)');
    expect((await orm.getMigrator().getPendingMigrations()).map((m) => m.name)).toContain(LAYOUT);
    expect(await counts()).toEqual(rows);

    await sql('UPDATE incidents SET customer_id = NULL WHERE id = ?', [stray]);
    await orm.getMigrator().up();
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect(await pkOf('incidents')).toBe('PRIMARY KEY (tenant_id, id)');
    expect(await pkOf('notification_preferences')).toBe('PRIMARY KEY (tenant_id, owner_id, kind)');
    expect(await counts()).toEqual(rows);
    // The links survived as they were.
    const [kept] = await sql(`SELECT customer_id, reporter_customer_id, assignee_id, parent_id FROM incidents WHERE id = ?`, [inc2]);
    expect(kept).toEqual({ customer_id: orgA, reporter_customer_id: portalA, assignee_id: null, parent_id: inc1 });

    // A workspace still goes in one statement with all its rows: the links among them that are NO ACTION now
    // (SET NULL before) are checked at the statement's end, when their rows are gone too.
    await sql('DELETE FROM tenants WHERE id = ?', [a]);
    const left = await counts();
    expect(Object.entries(left).filter(([, n]) => n !== 0)).toEqual([['tenants', 1], ['incidents', 1]]);
  });
});
