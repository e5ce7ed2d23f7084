import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer } from '../../auth/viewer';
import { sqlRows } from '../../db/read';
import type { IncidentRatingView, RatingSummary } from './satisfaction.types';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const DISPLAY_NAME = `COALESCE(NULLIF(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email)`;

/** The columns of a rating as the API shows it, over alias `r` (and `c`, the rater). */
const RATING_COLUMNS = `r.id, r.score, r.comment, r.source, c.display_name AS "raterName", ${iso('r.created_at')} AS "createdAt"`;
const RATING_FROM = 'FROM incident_ratings r JOIN customer_portal_users c ON c.id = r.rater_id AND c.tenant_id = r.tenant_id';

/**
 * SQL for a column of a staff read of incidents (alias `i`): the incident's rating as JSON, or NULL, so a page
 * that selects ratings reads them in its own statement (incident.read.ts `include.rating`).
 */
export const RATING_COLUMN = `(SELECT row_to_json(x) FROM (SELECT ${RATING_COLUMNS} ${RATING_FROM}
    WHERE r.tenant_id = i.tenant_id AND r.incident_id = i.id
    ORDER BY r.rater_id IS NOT DISTINCT FROM i.reporter_customer_id DESC, r.created_at, r.id LIMIT 1) x)`;

/**
 * The rating of each of some incidents of the staff viewer's tenant: the reporter's, or else the first
 * (participants rate too with CSAT_PARTICIPANTS_MAY_RATE; the summaries count every rating): one statement per page.
 */
export async function ratingsFor(em: EntityManager, viewer: StaffViewer, incidentIds: readonly string[]): Promise<Map<string, IncidentRatingView>> {
  const rows = await sqlRows<IncidentRatingView & { incidentId: string }>(
    em,
    `SELECT r.incident_id AS "incidentId", ${RATING_COLUMNS} ${RATING_FROM}
     JOIN incidents ri ON ri.id = r.incident_id AND ri.tenant_id = r.tenant_id
     WHERE r.tenant_id = ? AND r.incident_id = ANY(?::uuid[])
     ORDER BY r.rater_id IS NOT DISTINCT FROM ri.reporter_customer_id DESC, r.created_at, r.id`,
    [viewer.tenantId, `{${incidentIds.join(',')}}`], // an array literal: one parameter, whatever the count
  );
  const map = new Map<string, IncidentRatingView>();
  for (const { incidentId, ...rating } of rows) if (!map.has(incidentId)) map.set(incidentId, rating);
  return map;
}

export interface RatingSummaryFilter {
  from?: Date | null;
  to?: Date | null;
  /** Only ratings of incidents assigned to this staff member when rated (a uuid; checked by the service). */
  assigneeId?: string | null;
  /** Match nothing (a filter naming no possible row). */
  none?: boolean;
}

const round = (n: number | string | null) => (n === null ? null : Math.round(Number(n) * 100) / 100);

/**
 * Counts and averages of the tenant's ratings given in the period, overall, per score and per assignee, in one
 * statement. The assignee is the one copied on the rating; their name is read from the tenant's staff, so
 * another tenant's id matches nothing, like a missing one.
 */
export async function ratingSummary(em: EntityManager, viewer: StaffViewer, filter: RatingSummaryFilter): Promise<RatingSummary> {
  const conditions: [string, unknown][] = [['r.tenant_id = ?', viewer.tenantId]];
  if (filter.from) conditions.push(['r.created_at >= ?', filter.from]);
  if (filter.to) conditions.push(['r.created_at < ?', filter.to]);
  if (filter.assigneeId) conditions.push(['r.assignee_id = ?', filter.assigneeId]);
  if (filter.none) conditions.push(['?', false]);
  const where = conditions.map(([sql]) => sql);
  const params = conditions.map(([, value]) => value);
  const [row] = await sqlRows<{ count: number; average: string | null; distribution: { score: number; count: number }[]; byAssignee: { id: string | null; displayName: string | null; email: string | null; count: number; average: string }[] }>(
    em,
    `WITH rated AS (SELECT r.score, r.assignee_id FROM incident_ratings r WHERE ${where.join(' AND ')})
     SELECT (SELECT count(*)::int FROM rated) AS count,
            (SELECT avg(score) FROM rated) AS average,
            (SELECT json_agg(json_build_object('score', s, 'count', (SELECT count(*) FROM rated WHERE score = s)) ORDER BY s) FROM generate_series(1, 5) s) AS distribution,
            (SELECT COALESCE(json_agg(a ORDER BY a.count DESC, a."displayName" NULLS LAST), '[]') FROM (
               SELECT u.id, ${DISPLAY_NAME} AS "displayName", u.email, count(*)::int AS count, avg(rated.score) AS average
               FROM rated LEFT JOIN users u ON u.id = rated.assignee_id AND u.tenant_id = ?
               GROUP BY u.id, u.first_name, u.last_name, u.email) a) AS "byAssignee"`,
    [...params, viewer.tenantId],
  );
  return {
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    count: row.count,
    average: round(row.average),
    distribution: row.distribution,
    byAssignee: row.byAssignee.map((a) => ({
      assignee: a.id ? { id: a.id, displayName: a.displayName ?? '', email: a.email ?? '' } : null,
      count: a.count,
      average: round(a.average),
    })),
  };
}
