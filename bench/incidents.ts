/**
 * Incident benchmarks: creating an incident through the service (counter, row, audit entry in its hash
 * chain, outbox event and the job its trigger queues) against one raw SQL transaction doing the same
 * inserts; and the SQL statements one staff list request costs at several page sizes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { StaffViewer } from '../src/auth/viewer';
import { createServices } from '../src/modules/services';
import { User } from '../src/modules/user/user.entity';
import type { BenchServer } from './server';
import { median } from './stats';

export interface CreateResult {
  servicePerSec: number;
  rawPerSec: number;
  ratio: number;
  rounds: number;
  perRound: number;
}

async function staffViewer(server: BenchServer): Promise<StaffViewer> {
  const user = await server.db.orm.em.fork().findOneOrFail(User, { email: server.staff.email });
  return { kind: 'staff', userId: user.id, tenantId: user.tenant.id, role: 'ENGINEER', sessionId: randomUUID() };
}

const input = (i: number) => ({ type: 'INCIDENT' as const, title: `Bench incident ${i}`, description: 'Checkout returns 500 for some customers.', priority: 'HIGH' as const });

/** The same writes as IncidentManagementService.create, as one hand-written transaction. */
async function rawCreate(pg: Client, viewer: StaffViewer, i: number): Promise<void> {
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  await pg.query('BEGIN');
  try {
    const { rows } = await pg.query(
      `INSERT INTO incident_counters (tenant_id, prefix, day, last) VALUES ($1, 'RAW', $2, 1)
       ON CONFLICT (tenant_id, prefix, day) DO UPDATE SET last = incident_counters.last + 1 RETURNING last`,
      [viewer.tenantId, day],
    );
    const number = `RAW-${day.replaceAll('-', '')}-${String(rows[0].last).padStart(4, '0')}`;
    const incident = await pg.query(
      `INSERT INTO incidents (tenant_id, number, type, title, description, priority, status, source, reporter_staff_id, response_due_at, resolution_due_at, created_at, updated_at)
       VALUES ($1, $2, 'INCIDENT', $3, $4, 'HIGH', 'OPEN', 'STAFF', $5, $6, $7, $8, $8) RETURNING id`,
      [viewer.tenantId, number, input(i).title, input(i).description, viewer.userId, new Date(now.getTime() + 3_600_000), new Date(now.getTime() + 8 * 3_600_000), now],
    );
    const head = await pg.query(
      `INSERT INTO audit_chain_heads (chain, seq, hash) VALUES ($1, 1, NULL) ON CONFLICT (chain) DO UPDATE SET seq = audit_chain_heads.seq + 1 RETURNING seq, hash`,
      [`raw:${viewer.tenantId}`],
    );
    const hash = createHash('sha256').update(`${head.rows[0].hash}:${incident.rows[0].id}`).digest('hex');
    await pg.query(`UPDATE audit_chain_heads SET hash = $2 WHERE chain = $1`, [`raw:${viewer.tenantId}`, hash]);
    await pg.query(
      `INSERT INTO audit_log (tenant_id, actor_kind, actor_id, action, target_type, target_id, ip, metadata, chain_seq, prev_hash, hash)
       VALUES ($1, 'staff', $2, 'incident.created', 'incident', $3, '127.0.0.1', $4, $5, $6, $7)`,
      [viewer.tenantId, viewer.userId, incident.rows[0].id, JSON.stringify({ before: null, after: { title: input(i).title } }), head.rows[0].seq, head.rows[0].hash, hash],
    );
    await pg.query(`INSERT INTO outbox_events (tenant_id, type, payload) VALUES ($1, 'incident.created', $2)`, [
      viewer.tenantId,
      JSON.stringify({ incidentId: incident.rows[0].id, number, source: 'STAFF' }),
    ]);
    await pg.query('COMMIT');
  } catch (e) {
    await pg.query('ROLLBACK');
    throw e;
  }
}

/** Creates through the service and through raw SQL, alternating round by round; medians per second. */
export async function benchIncidentCreate(server: BenchServer, rounds: number, perRound: number, maxMs: number): Promise<CreateResult> {
  const viewer = await staffViewer(server);
  const pg = new Client({ connectionString: server.db.url });
  await pg.connect();
  const client = { ip: '127.0.0.1' };
  const service: number[] = [];
  const raw: number[] = [];
  const deadline = performance.now() + maxMs;
  try {
    for (let w = 0; w < 20; w++) {
      await createServices(server.db.orm.em.fork(), () => server.app.runtime).incidentManagement.create(viewer, input(w), client);
      await rawCreate(pg, viewer, w);
    }
    for (let r = 0; r < rounds && performance.now() < deadline; r++) {
      let t = performance.now();
      for (let i = 0; i < perRound; i++) await createServices(server.db.orm.em.fork(), () => server.app.runtime).incidentManagement.create(viewer, input(i), client);
      service.push((perRound / (performance.now() - t)) * 1000);
      t = performance.now();
      for (let i = 0; i < perRound; i++) await rawCreate(pg, viewer, i);
      raw.push((perRound / (performance.now() - t)) * 1000);
    }
  } finally {
    await pg.end();
  }
  const servicePerSec = median(service);
  const rawPerSec = median(raw);
  return { servicePerSec, rawPerSec, ratio: servicePerSec / rawPerSec, rounds: service.length, perRound };
}

export interface ListStatements {
  /**
   * Page size → SQL statements reading data that the request ran (the fewest over a few tries, so stray
   * timers do not count): the N+1 question.
   */
  statements: Record<number, number>;
  /** Page size → statements framing the request's transaction (BEGIN, role and tenant, COMMIT). */
  framing: Record<number, number>;
  constant: boolean;
  max: number;
}

/**
 * The staff list of N incidents with assignee and updates over HTTP, counting the statements that reach
 * the ORM's connection while the request runs.
 */
export async function benchListStatements(server: BenchServer, accessToken: string, pageSizes: number[]): Promise<ListStatements> {
  const viewer = await staffViewer(server);
  const em = server.db.orm.em.fork();
  // Enough incidents, each with an assignee and six updates.
  const management = createServices(em, () => server.app.runtime).incidentManagement;
  for (let i = 0; i < Math.max(...pageSizes); i++) {
    const created = await management.create(viewer, { ...input(i), assigneeId: viewer.userId }, { ip: '127.0.0.1' }).catch(async () => {
      // ENGINEER may not assign: create, then assign in SQL.
      const c = await management.create(viewer, input(i), { ip: '127.0.0.1' });
      await em.getConnection().execute('UPDATE incidents SET assignee_id = ? WHERE id = ?', [viewer.userId, c.id]);
      return c;
    });
    for (let u = 0; u < 6; u++) {
      await em.getConnection().execute(
        `INSERT INTO incident_updates (tenant_id, incident_id, kind, visibility, body, author_kind, author_staff_id) VALUES (?, ?, 'COMMENT', 'PUBLIC', ?, 'STAFF', ?)`,
        [viewer.tenantId, created.id, `Update ${u}`, viewer.userId],
      );
    }
  }
  const knex = server.db.orm.em.getConnection().getKnex();
  let counting = false;
  let count = 0;
  let framed = 0;
  // The request transaction of row-level security (db/tenant-transaction.ts) adds a fixed BEGIN, one
  // statement setting the role and tenant, and COMMIT to every tenant request: counted apart.
  const FRAMING = /^\s*(begin|commit|rollback)\b|set_config\('role'/i;
  const onQuery = (q: { sql?: string }) => {
    if (!counting) return;
    if (FRAMING.test(q.sql ?? '')) framed++;
    else count++;
  };
  knex.on('query', onQuery);
  const statements: Record<number, number> = {};
  const framing: Record<number, number> = {};
  try {
    for (const size of pageSizes) {
      const query = `{ incidents(limit: ${size}) { items { id number assignee { displayName } updates { body createdAt author { displayName } } } } }`;
      let fewest = Infinity;
      for (let attempt = 0; attempt < 3; attempt++) {
        count = 0;
        framed = 0;
        counting = true;
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { data?: { incidents: { items: unknown[] } }; errors?: unknown[] };
        counting = false;
        if (res.status !== 200 || body.errors || body.data?.incidents.items.length !== size) {
          throw new Error(`the list request failed: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        }
        fewest = Math.min(fewest, count);
        framing[size] = framed;
      }
      statements[size] = fewest;
    }
  } finally {
    knex.removeListener('query', onQuery);
  }
  const values = Object.values(statements);
  return { statements, framing, constant: new Set(values).size === 1, max: Math.max(...values) };
}
