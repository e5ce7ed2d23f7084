import type { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, type KeysetOrder, type ListQuery } from '../../shared/connection';
import type { IncidentStatus, IncidentType, Priority } from '../incident/incident.entity';
import type { AnalysisResult, SimilarIncident, SuggestedArticle } from './ezra.analysis';
import type { Audience } from './ezra.entity';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const displayName = (alias: string) => `COALESCE(NULLIF(trim(concat_ws(' ', ${alias}.first_name, ${alias}.last_name)), ''), 'Support team')`;

/**
 * An OR query of the words of a text (stop words dropped, stemmed), for "shares words with": plainto_tsquery
 * quotes every lexeme and joins them with ' & ', so turning those joints into ' | ' is safe for any input.
 */
const ANY_WORD = `NULLIF(replace(plainto_tsquery('english', ?)::text, ''' & ''', ''' | '''), '')::tsquery`;

/** Cap on the text turned into a query: enough words to find neighbours, bounded work. */
const QUERY_TEXT_MAX = 2000;

export const queryText = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n').slice(0, QUERY_TEXT_MAX);

/**
 * Other incidents of the tenant sharing words with this one (customer-visible text only: the `search` column
 * holds title, description and resolution), scored 0..1, best first. The incident's own linked reports are
 * left out: they are the same problem, counted as linked reports.
 */
export async function similarIncidents(em: EntityManager, tenantId: string, incidentId: string, title: string, text: string, limit = 5): Promise<SimilarIncident[]> {
  const rows = await em.execute<(SimilarIncident & { score: string })[]>(
    `WITH q AS (SELECT ${ANY_WORD} AS query, ?::text AS title)
     SELECT * FROM (
       SELECT i.id, i.number, i.title, i.status, i.priority, i.resolution_summary AS "resolutionSummary", ${iso('i.resolved_at')} AS "resolvedAt",
         i.service_area AS "serviceArea",
         round((0.7 * COALESCE(ts_rank_cd(i.search, q.query, 32), 0) + 0.3 * similarity(i.title, q.title))::numeric, 3) AS score
       FROM incidents i, q
       WHERE i.tenant_id = ? AND i.id <> ? AND i.parent_id IS DISTINCT FROM ?
         AND (i.search @@ q.query OR i.title % q.title)) s
     WHERE s.score >= 0.1
     ORDER BY s.score DESC, s.number DESC LIMIT ?`,
    [queryText(title, text), title, tenantId, incidentId, incidentId, limit],
  );
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/**
 * Published articles sharing words with the incident, best first. `publicOnly` keeps to what a customer may
 * read (PUBLIC), for the customer report.
 */
export async function suggestedArticles(em: EntityManager, tenantId: string, title: string, text: string, publicOnly: boolean, limit = 3): Promise<SuggestedArticle[]> {
  const rows = await em.execute<(SuggestedArticle & { score: string })[]>(
    `WITH q AS (SELECT ${ANY_WORD} AS query, ?::text AS title)
     SELECT * FROM (
       SELECT a.id, a.slug, a.title, a.visibility,
         round((0.7 * COALESCE(ts_rank_cd(a.search, q.query, 32), 0) + 0.3 * similarity(a.title, q.title))::numeric, 3) AS score
       FROM kb_articles a, q
       WHERE a.tenant_id = ? AND a.status = 'PUBLISHED' ${publicOnly ? "AND a.visibility = 'PUBLIC'" : ''}
         AND (a.search @@ q.query OR similarity(a.title, q.title) >= 0.3)) s
     WHERE s.score >= 0.1
     ORDER BY s.score DESC, s.slug LIMIT ?`,
    [queryText(title, text), title, tenantId, limit],
  );
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/** Linked reports and distinct affected customers (organization, or the reporter when without one). */
export async function reach(em: EntityManager, tenantId: string, incidentId: string): Promise<{ linkedReports: number; affectedCustomers: number }> {
  const [row] = await em.execute<{ linked: number; customers: number }[]>(
    `SELECT (count(*) FILTER (WHERE c.id <> ?))::int AS linked,
       (count(DISTINCT COALESCE(c.customer_id, c.reporter_customer_id)))::int AS customers
     FROM incidents c WHERE c.tenant_id = ? AND (c.id = ? OR c.parent_id = ?)`,
    [incidentId, tenantId, incidentId, incidentId],
  );
  return { linkedReports: row?.linked ?? 0, affectedCustomers: row?.customers ?? 0 };
}

/** What a customer may see of an incident: no technical description, triage fields, assignee or internal SLA. */
export interface PublicIncidentFacts {
  number: string;
  type: IncidentType;
  title: string;
  description: string;
  status: IncidentStatus;
  priority: Priority;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  responseDueAt: string;
  resolutionDueAt: string;
  resolutionSummary: string | null;
}

export interface PublicUpdateFacts {
  at: string;
  kind: string;
  status: IncidentStatus | null;
  author: string;
  body: string;
}

/**
 * The customer view of an incident, read with its own statement that selects customer-visible columns and
 * PUBLIC updates only: the customer report and the provider's CUSTOMER input are built from this and nothing
 * else, so internal text cannot reach them by a slip elsewhere.
 */
export async function publicFacts(em: EntityManager, tenantId: string, incidentId: string): Promise<{ incident: PublicIncidentFacts; updates: PublicUpdateFacts[] } | null> {
  const [incident] = await em.execute<PublicIncidentFacts[]>(
    `SELECT i.number, i.type, i.title, i.description, i.status, i.priority, ${iso('i.created_at')} AS "createdAt",
       ${iso('i.acknowledged_at')} AS "acknowledgedAt", ${iso('i.resolved_at')} AS "resolvedAt", ${iso('i.closed_at')} AS "closedAt",
       ${iso('i.response_due_at')} AS "responseDueAt", ${iso('i.resolution_due_at')} AS "resolutionDueAt", i.resolution_summary AS "resolutionSummary"
     FROM incidents i WHERE i.tenant_id = ? AND i.id = ?`,
    [tenantId, incidentId],
  );
  if (!incident) return null;
  const updates = await em.execute<PublicUpdateFacts[]>(
    `SELECT ${iso('u.created_at')} AS at, u.kind, u.status, u.body,
       CASE u.author_kind WHEN 'STAFF' THEN ${displayName('s')} WHEN 'CUSTOMER' THEN COALESCE(c.display_name, 'Customer') ELSE 'System' END AS author
     FROM incident_updates u
     LEFT JOIN users s ON s.id = u.author_staff_id
     LEFT JOIN customer_portal_users c ON c.tenant_id = u.tenant_id AND c.id = u.author_customer_id
     WHERE u.tenant_id = ? AND u.incident_id = ? AND u.visibility = 'PUBLIC'
     ORDER BY u.created_at, u.id`,
    [tenantId, incidentId],
  );
  return { incident, updates };
}

/** The next run number for an incident; call inside the transaction that inserts it, after `lockRuns`. */
export async function nextVersion(em: EntityManager, tenantId: string, incidentId: string): Promise<number> {
  // By the whole unique key (tenant_id, incident_id, version): its index answers max() at once.
  const [{ v }] = await em.execute<{ v: number }[]>('SELECT (COALESCE(max(version), 0) + 1)::int AS v FROM incident_analyses WHERE tenant_id = ? AND incident_id = ?', [tenantId, incidentId], 'all');
  return v;
}

/** Serializes runs on one incident until the transaction ends (numbering, and the once-only automatic run). */
export async function lockRuns(em: EntityManager, incidentId: string): Promise<void> {
  await em.execute(`SELECT pg_advisory_xact_lock(hashtext('ezra:' || ?))`, [incidentId], 'all');
}

export interface AnalysisRow {
  id: string;
  incidentId: string;
  incidentNumber: string;
  version: number;
  audience: Audience;
  trigger: 'AUTO' | 'MANUAL';
  analyzer: string;
  result: AnalysisResult;
  report: string;
  requestedBy: { id: string; displayName: string } | null;
  provider: { status: string; model: string | null; report: string | null; error: string | null; finishedAt: string | null };
  createdAt: string;
}

const ANALYSIS_COLUMNS = `x.id, x.incident_id AS "incidentId", i.number AS "incidentNumber", x.version, x.audience, x.trigger, x.analyzer, x.result, x.report,
  ${iso('x.created_at')} AS "createdAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', COALESCE(NULLIF(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email)) END AS "requestedBy",
  json_build_object('status', x.provider_status, 'model', x.provider_model, 'report', x.provider_report, 'error', x.provider_error,
    'finishedAt', ${iso('x.provider_finished_at')}) AS provider`;
const ANALYSIS_FROM = `FROM incident_analyses x JOIN incidents i ON i.id = x.incident_id LEFT JOIN users u ON u.id = x.requested_by_id`;

/** Runs on an incident, optionally for one audience: the query of both `incidentAnalyses` and `incidentAnalysesConnection`. */
export function analysesQuery(tenantId: string, incidentId: string, audience: Audience | null | undefined): ListQuery {
  const where = ['x.tenant_id = ?', 'x.incident_id = ?'];
  const params: unknown[] = [tenantId, incidentId];
  if (audience) {
    where.push('x.audience = ?');
    params.push(audience);
  }
  return { columns: ANALYSIS_COLUMNS, from: ANALYSIS_FROM.replace(/^FROM /, ''), where, params };
}
/** Newest run first (versions are unique per incident; the id completes the key). */
export const ANALYSIS_ORDER: KeysetOrder = {
  tag: 'analysis:version',
  keys: [
    { sql: 'x.version', type: 'int' },
    { sql: 'x.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

/** Runs on an incident, newest first, optionally for one audience, with the total. */
export async function listAnalyses(
  em: EntityManager,
  tenantId: string,
  incidentId: string,
  audience: Audience | null | undefined,
  page: number,
  limit: number,
): Promise<{ items: AnalysisRow[]; total: number }> {
  return offsetPage<AnalysisRow>(em, analysesQuery(tenantId, incidentId, audience), ANALYSIS_ORDER, page, limit);
}

export async function findAnalysis(em: EntityManager, tenantId: string, analysisId: string): Promise<AnalysisRow | null> {
  const rows = await em.execute<AnalysisRow[]>(`SELECT ${ANALYSIS_COLUMNS} ${ANALYSIS_FROM} WHERE x.tenant_id = ? AND x.id = ?`, [tenantId, analysisId]);
  return rows[0] ?? null;
}
