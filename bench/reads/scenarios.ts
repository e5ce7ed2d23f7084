/**
 * The read scenarios: for each, the GraphQL operation (selecting what its REST route returns, so the two are
 * comparable), the REST route when there is one, and the baseline's path answering the same JSON; and the
 * keys they rotate over: many incidents of every workspace, one token per workspace (staff tokens for staff
 * scenarios, portal tokens for portal ones).
 */
import { Kind, print, type DocumentNode } from 'graphql';
import { Client } from 'pg';
import { incidentCursor } from '../../src/modules/incident/incident.read';
import { commentsOf } from '../../src/modules/incident/incident.timeline';
import { TokenService } from '../../src/auth/tokens';
import * as Op from '../../src/generated/operations';
import { BENCH_PORTAL_USER, BENCH_STAFF, bigWorkspace, type DatasetSizes } from './dataset';
import type { PreparedRequest } from './load';
import type { ServerSecrets } from './children';

export interface Workspace {
  w: number;
  tenantId: string;
  staffToken: string;
  portalToken: string;
  portalUserId: string;
  /** Incidents spread over the workspace (newest to oldest). */
  incidentIds: string[];
  /** Of them, tickets the portal user may see. */
  ticketIds: string[];
  /** The last incident before the deepest page measured (page `deepPage` of 20, newest first): that page's `after`. */
  deepAfter: string;
}

export type ScenarioId = 'incident' | 'ticket' | 'staff-page-updates' | 'portal-page-updates' | 'staff-page' | 'portal-page' | 'big-page-1' | 'big-page-deep';

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** One object or a page: the statement targets differ. */
  kind: 'object' | 'page';
  /** The root field of the GraphQL answer (REST's `data` is its value). */
  rootField: string;
  graphql: PreparedRequest[];
  rest?: PreparedRequest[];
  /** REST's `data` from the GraphQL answer's root field, where the route reshapes it (else the same). */
  restData?: (root: Record<string, unknown>) => unknown;
  baseline: PreparedRequest[];
}

const fragment = (doc: DocumentNode, name: string): string => {
  const def = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
  if (!def) throw new Error(`fragment ${name} not found in the generated operations`);
  return print(def);
};

/** The REST routes' own operations, and pages with each incident's 5 newest updates built from their fragments. */
const QUERIES = {
  incident: print(Op.RestIncidentDocument),
  ticket: print(Op.RestCustomerIncidentDocument),
  staffPage: print(Op.RestIncidentsDocument),
  portalPage: print(Op.RestCustomerIncidentsDocument),
  staffPageUpdates: `query BenchStaffPageWithUpdates($page: Int, $limit: Int) {
  incidents(page: $page, limit: $limit) {
    items { ...RestStaffIncident updates(last: 5) { ...RestStaffUpdate } }
    pagination { page limit total totalPages }
  }
}
${fragment(Op.RestIncidentDocument, 'RestStaffIncident')}
${fragment(Op.RestIncidentDocument, 'RestStaffUpdate')}`,
  portalPageUpdates: `query BenchPortalPageWithUpdates($page: Int, $limit: Int) {
  tickets(page: $page, limit: $limit) {
    items { ...RestCustomerIncident updates(last: 5) { ...RestCustomerUpdate } }
    pagination { page limit total totalPages }
  }
}
${fragment(Op.RestCustomerIncidentDocument, 'RestCustomerIncident')}
${fragment(Op.RestCustomerIncidentDocument, 'RestCustomerUpdate')}`,
};

const gql = (token: string, query: string, variables: Record<string, unknown>): PreparedRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, variables }),
});
const get = (path: string, token?: string): PreparedRequest => ({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The workspaces' ids and tokens, with `perWorkspace` incidents of each spread over it. */
export async function loadWorkspaces(
  databaseUrl: string,
  sizes: DatasetSizes,
  secrets: ServerSecrets,
  perWorkspace: number,
): Promise<{ small: Workspace[]; big: Workspace }> {
  // Signed like the server's own (same keys, issuer and key ids), valid for the whole run.
  const tokens = new TokenService(secrets, { issuer: process.env.JWT_ISSUER ?? 'incident-desk', accessTtlSeconds: 12 * 3600 });
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const one = async (w: number): Promise<Workspace> => {
      const slug = w === bigWorkspace(sizes) ? 'bench-big' : `bench-w${String(w).padStart(2, '0')}`;
      const { rows } = await c.query<{ tenant_id: string; staff_id: string; portal_id: string; customer_id: string; email: string; display_name: string }>(
        `SELECT t.id AS tenant_id, s.id AS staff_id, p.id AS portal_id, p.customer_id, p.email, p.display_name
         FROM tenants t JOIN users s ON s.tenant_id = t.id AND s.email = $2 JOIN customer_portal_users p ON p.tenant_id = t.id AND p.email = $3
         WHERE t.slug = $1`,
        [slug, `staff${BENCH_STAFF}.w${w}@bench.test`, `customer${BENCH_PORTAL_USER}.w${w}@bench.test`],
      );
      const r = rows[0];
      if (!r) throw new Error(`workspace ${slug} or its bench users are missing from the data set`);
      const sample = async (where: string, params: unknown[]) => {
        const { rows: all } = await c.query<{ id: string }>(`SELECT id FROM incidents i WHERE ${where} ORDER BY created_at DESC, id DESC`, params);
        const step = Math.max(1, Math.floor(all.length / perWorkspace));
        return all.filter((_, i) => i % step === 0).slice(0, perWorkspace).map((x) => x.id);
      };
      const incidentIds = await sample('i.tenant_id = $1', [r.tenant_id]);
      const ticketIds = await sample(
        `i.tenant_id = $1 AND (i.reporter_customer_id = $2 OR i.customer_id = (SELECT u.customer_id FROM customer_portal_users u JOIN customers c ON c.id = u.customer_id
           WHERE u.id = $2 AND u.tenant_id = $1 AND c.sharing_mode = 'ORGANIZATION'))`,
        [r.tenant_id, r.portal_id],
      );
      if (!incidentIds.length || !ticketIds.length) throw new Error(`workspace ${slug} has no incidents or no tickets for its portal user`);
      const before = await c.query<{ id: string }>('SELECT id FROM incidents WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1', [
        r.tenant_id,
        Math.max(0, (deepPage(sizes) - 1) * PAGE_SIZE - 1),
      ]);
      const sid = `00000000-0000-4000-8000-${String(w).padStart(12, '0')}`;
      return {
        w,
        tenantId: r.tenant_id,
        portalUserId: r.portal_id,
        staffToken: tokens.signStaff({ sub: r.staff_id, sid, tid: r.tenant_id, role: 'ENGINEER' }),
        portalToken: tokens.signPortal({ sub: r.portal_id, sid, tenantId: r.tenant_id, customerId: r.customer_id, email: r.email, displayName: r.display_name, portal: true }),
        incidentIds,
        ticketIds,
        deepAfter: before.rows[0]?.id ?? incidentIds[0],
      };
    };
    const small: Workspace[] = [];
    for (let w = 1; w <= sizes.workspaces; w++) small.push(await one(w));
    return { small, big: await one(bigWorkspace(sizes)) };
  } finally {
    await c.end();
  }
}

/** Every workspace's i-th key, then every workspace's (i+1)-th, ...: consecutive requests hit different workspaces. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

export const PAGE_SIZE = 20;

/** The deepest page measured in the big workspace: page 250, or its last page when it has fewer. */
export const deepPage = (sizes: DatasetSizes) => Math.min(250, Math.floor(sizes.big / PAGE_SIZE));

export function buildScenarios(small: Workspace[], big: Workspace, sizes: DatasetSizes): Scenario[] {
  const L = PAGE_SIZE;
  const incidentKeys = interleave(small.map((ws) => ws.incidentIds.map((id) => ({ ws, id }))));
  const ticketKeys = interleave(small.map((ws) => ws.ticketIds.map((id) => ({ ws, id }))));
  const deep = deepPage(sizes);
  const pageVars = (page: number) => ({ page, limit: L });
  return [
    {
      id: 'incident',
      title: 'staff incident(id)',
      kind: 'object',
      rootField: 'incident',
      graphql: incidentKeys.map(({ ws, id }) => gql(ws.staffToken, QUERIES.incident, { id })),
      rest: incidentKeys.map(({ ws, id }) => get(`/api/v1/incidents/${id}`, ws.staffToken)),
      baseline: incidentKeys.map(({ ws, id }) => get(`/incident?t=${ws.tenantId}&id=${id}`)),
    },
    {
      id: 'ticket',
      title: 'portal ticket(id)',
      kind: 'object',
      rootField: 'ticket',
      graphql: ticketKeys.map(({ ws, id }) => gql(ws.portalToken, QUERIES.ticket, { id })),
      rest: ticketKeys.map(({ ws, id }) => get(`/api/v1/portal/tickets/${id}`, ws.portalToken)),
      // The OpsWeave route adds the documents' `comments`, the updates of kind COMMENT (routes/portal.ts).
      restData: (t) => ({ ...t, comments: commentsOf(t.updates as { kind: unknown }[]) }),
      baseline: ticketKeys.map(({ ws, id }) => get(`/ticket?t=${ws.tenantId}&u=${ws.portalUserId}&id=${id}`)),
    },
    {
      id: 'staff-page-updates',
      title: `staff page of ${L}, updates(last: 5)`,
      kind: 'page',
      rootField: 'incidents',
      graphql: small.map((ws) => gql(ws.staffToken, QUERIES.staffPageUpdates, pageVars(1))),
      baseline: small.map((ws) => get(`/incidents?t=${ws.tenantId}&page=1&limit=${L}&updates=5`)),
    },
    {
      id: 'portal-page-updates',
      title: `portal page of ${L}, 5 PUBLIC updates`,
      kind: 'page',
      rootField: 'tickets',
      graphql: small.map((ws) => gql(ws.portalToken, QUERIES.portalPageUpdates, pageVars(1))),
      baseline: small.map((ws) => get(`/tickets?t=${ws.tenantId}&u=${ws.portalUserId}&page=1&limit=${L}&updates=5`)),
    },
    {
      id: 'staff-page',
      title: `staff page 1 of ${L} (${sizes.perWorkspace} incidents)`,
      kind: 'page',
      rootField: 'incidents',
      graphql: small.map((ws) => gql(ws.staffToken, QUERIES.staffPage, pageVars(1))),
      rest: small.map((ws) => get(`/api/v1/incidents?limit=${L}`, ws.staffToken)),
      baseline: small.map((ws) => get(`/incidents?t=${ws.tenantId}&page=1&limit=${L}&info=1`)),
    },
    {
      id: 'portal-page',
      title: `portal page 1 of ${L}`,
      kind: 'page',
      rootField: 'tickets',
      graphql: small.map((ws) => gql(ws.portalToken, QUERIES.portalPage, pageVars(1))),
      rest: small.map((ws) => get(`/api/v1/portal/tickets?limit=${L}`, ws.portalToken)),
      baseline: small.map((ws) => get(`/tickets?t=${ws.tenantId}&u=${ws.portalUserId}&page=1&limit=${L}&info=1`)),
    },
    {
      id: 'big-page-1',
      title: `page 1 of ${L} (${sizes.big} incidents)`,
      kind: 'page',
      rootField: 'incidents',
      graphql: [gql(big.staffToken, QUERIES.staffPage, pageVars(1))],
      rest: [get(`/api/v1/incidents?limit=${L}`, big.staffToken)],
      baseline: [get(`/incidents?t=${big.tenantId}&page=1&limit=${L}&info=1`)],
    },
    {
      id: 'big-page-deep',
      // Page `deep` by its keyset cursor (`after` the last incident of the page before), as a client pages deep.
      title: `page ${deep} of ${L} by cursor (${sizes.big} incidents)`,
      kind: 'page',
      rootField: 'incidents',
      graphql: [gql(big.staffToken, QUERIES.staffPage, { limit: L, after: incidentCursor(big.deepAfter) })],
      rest: [get(`/api/v1/incidents?limit=${L}&after=${incidentCursor(big.deepAfter)}`, big.staffToken)],
      baseline: [get(`/incidents?t=${big.tenantId}&page=1&limit=${L}&info=1&after=${big.deepAfter}`)],
    },
  ];
}

export const SCENARIO_IDS: ScenarioId[] = ['incident', 'ticket', 'staff-page-updates', 'portal-page-updates', 'staff-page', 'portal-page', 'big-page-1', 'big-page-deep'];
