import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import { PRIORITIES, STATUSES, type IncidentSource, type IncidentStatus, type IncidentType, type Priority } from './incident.entity';
import { INCIDENT_INTERNAL_FIELDS, isIncidentInternalField, type IncidentInternalField } from './incident.fields';
import type { Incident, IncidentUpdateView } from './incident.types';
import { COUNT_CAP, lazyPageInfo, likePattern, pageInfo, type CursorPageRequest, type PageInfo, type PageRequest } from '../../shared/listing';
import { ValidationError } from '../../shared/errors';
import { keysetWindow, toConnection, type ConnectionRequest, type ConnectionView, type KeysetOrder, type SortKey } from '../../shared/connection';
import { sqlRows } from '../../db/read';
import { RATING_COLUMN } from '../satisfaction/satisfaction.read';
import { attachmentsColumn } from '../attachment/attachment.columns';
import type { AttachmentTimelineView } from '../attachment/attachment.types';
import { participantsColumn } from '../participants/participant.read';
import type { ParticipantView } from '../participants/participant.types';
import type { IncidentRatingView } from '../satisfaction/satisfaction.types';

/** ISO-8601 UTC text straight from PostgreSQL, passed through by the DateTime scalar. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type ReadViewer = StaffViewer | CustomerViewer;

/** A value in an SQL fragment: bound as a parameter, or a column of the statement around it. */
export type SqlOperand = { param: unknown } | { column: string };
const operand = (o: SqlOperand): { sql: string; params: unknown[] } => ('column' in o ? { sql: o.column, params: [] } : { sql: '?', params: [o.param] });

/**
 * Why a portal user `user` (of tenant `tenant`) may see the incident aliased `incident`, one branch per reason,
 * as SQL with its parameters: a ticket they reported; one of their organization's while the organization
 * shares; or one they take part in (incident_participants, added by its reporter or staff) while they still
 * belong to its organization. Read from the account, the organization and the participants now, not from a
 * token, so a move between organizations, a sharing change or a removal from a ticket applies at once. The one
 * statement of the rule: lookups and the notification dispatch take the branches together (customerMaySee),
 * lists one index scan per branch (listIncidents); so lists, lookups, comments, ratings, subscriptions and
 * e-mails all follow it. The organization's branch is a scalar subquery, and the participations an array of
 * the user's incident ids (an index scan by id), so with `user` and `tenant` bound each runs once per statement.
 */
function customerBranches(incident: string, user: SqlOperand, tenant: SqlOperand): { sql: string; params: unknown[] }[] {
  const u = operand(user);
  const t = operand(tenant);
  return [
    { sql: `${incident}.reporter_customer_id = ${u.sql}`, params: [...u.params] },
    {
      sql: `${incident}.customer_id = (
            SELECT su.customer_id FROM customer_portal_users su JOIN customers so ON so.id = su.customer_id
            WHERE su.id = ${u.sql} AND su.tenant_id = ${t.sql} AND so.sharing_mode = 'ORGANIZATION')`,
      params: [...u.params, ...t.params],
    },
    {
      sql: `(${incident}.id = ANY (ARRAY(SELECT sp.incident_id FROM incident_participants sp WHERE sp.tenant_id = ${t.sql} AND sp.customer_user_id = ${u.sql}))
            AND ${incident}.customer_id = (SELECT pu.customer_id FROM customer_portal_users pu WHERE pu.id = ${u.sql} AND pu.tenant_id = ${t.sql}))`,
      params: [...t.params, ...u.params, ...u.params, ...t.params],
    },
  ];
}

/**
 * Whether the portal user `user` (of tenant `tenant`) may see the incident aliased `incident`: any branch of
 * customerBranches. The read model scopes every customer lookup with it, and the notification dispatch
 * (notifications/dispatch.ts) tells exactly the customers it lets see the ticket.
 */
export function customerMaySee(incident: string, user: SqlOperand, tenant: SqlOperand): { sql: string; params: unknown[] } {
  const branches = customerBranches(incident, user, tenant);
  return { sql: `(${branches.map((b) => b.sql).join(' OR ')})`, params: branches.flatMap((b) => b.params) };
}

/** Which incidents a viewer may see, as SQL over alias `i`. Staff: their tenant. A customer: customerMaySee. */
function scope(viewer: ReadViewer): { sql: string; params: unknown[] } {
  if (viewer.kind === 'staff') return { sql: 'i.tenant_id = ?', params: [viewer.tenantId] };
  const sees = customerMaySee('i', { param: viewer.customerUserId }, { param: viewer.tenantId });
  return { sql: `i.tenant_id = ? AND ${sees.sql}`, params: [viewer.tenantId, ...sees.params] };
}

/**
 * The same as branches over alias `i` (each with the tenant), for lists: a page reads each branch by its own
 * index in the list's order, at most a page deep, instead of every ticket matching any branch (PostgreSQL
 * cannot walk one index in order for an OR of two). Staff: one branch, their tenant.
 */
function scopeBranches(viewer: ReadViewer): { sql: string; params: unknown[] }[] {
  if (viewer.kind === 'staff') return [scope(viewer)];
  return customerBranches('i', { param: viewer.customerUserId }, { param: viewer.tenantId }).map((b) => ({
    sql: `i.tenant_id = ? AND ${b.sql}`,
    params: [viewer.tenantId, ...b.params],
  }));
}

/** SLA state as SQL over alias `i`: BREACHED, AT_RISK (under a quarter of the resolution time left) or OK. */
const SLA_STATE = `CASE
        WHEN COALESCE(i.acknowledged_at, now()) > i.response_due_at OR COALESCE(i.resolved_at, now()) > i.resolution_due_at THEN 'BREACHED'
        WHEN i.resolved_at IS NULL AND now() > i.resolution_due_at - (i.resolution_due_at - i.created_at) / 4 THEN 'AT_RISK'
        ELSE 'OK' END`;

/**
 * Internal columns (incident.fields.ts, the list shield's field rules come from too): the SQL of each, selected
 * for staff only; a customer gets NULL in their place. A field added to the list needs its SQL here (the
 * compiler checks).
 */
const INTERNAL_SQL: Record<IncidentInternalField, string> = {
  techDescription: 'i.tech_description',
  impactSummary: 'i.impact_summary',
  blastRadius: 'i.blast_radius',
  serviceArea: 'i.service_area',
  environment: 'i.environment',
  region: 'i.region',
  customerId: 'i.customer_id',
  parentId: 'i.parent_id',
  version: 'i.version',
  internalSla: `json_build_object(
      'responseBreached', COALESCE(i.acknowledged_at, now()) > i.response_due_at,
      'resolutionBreached', COALESCE(i.resolved_at, now()) > i.resolution_due_at,
      'responseBreachedAt', ${iso('i.response_breached_at')},
      'resolutionBreachedAt', ${iso('i.resolution_breached_at')},
      'state', ${SLA_STATE})`,
  assignee: `CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
      'id', a.id, 'email', a.email,
      'displayName', COALESCE(NULLIF(trim(concat_ws(' ', a.first_name, a.last_name)), ''), a.email)) END`,
};
const STAFF_INTERNAL_COLUMNS = INCIDENT_INTERNAL_FIELDS.map((field) => `${INTERNAL_SQL[field]} AS "${field}"`).join(',\n    ');
const CUSTOMER_INTERNAL_COLUMNS = INCIDENT_INTERNAL_FIELDS.map((field) => `NULL AS "${field}"`).join(', ');

/** Columns for a viewer. Internal ones are not even selected for a customer. */
function columns(viewer: ReadViewer): string {
  const common = `i.id, i.number, i.type, i.title, i.title AS summary, i.description, i.status, i.priority, i.source,
    ${iso('i.created_at')} AS "createdAt", ${iso('i.updated_at')} AS "updatedAt",
    ${iso('i.acknowledged_at')} AS "acknowledgedAt", ${iso('i.resolved_at')} AS "resolvedAt", ${iso('i.closed_at')} AS "closedAt",
    json_build_object('responseDueAt', ${iso('i.response_due_at')}, 'resolutionDueAt', ${iso('i.resolution_due_at')}) AS sla,
    i.resolution_summary AS "resolutionSummary"`;
  return `${common}, ${viewer.kind === 'staff' ? STAFF_INTERNAL_COLUMNS : CUSTOMER_INTERNAL_COLUMNS}`;
}

const FROM = 'FROM incidents i LEFT JOIN users a ON a.id = i.assignee_id AND a.tenant_id = i.tenant_id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One incident by id or number, if the viewer may see it; otherwise nothing (missing and hidden alike). */
export async function findIncident(em: EntityManager, viewer: ReadViewer, idOrNumber: string, include: IncidentInclude = {}): Promise<IncidentRow | null> {
  const s = scope(viewer);
  const byId = UUID.test(idOrNumber);
  const extra = includeColumns(viewer, include);
  const rows = await sqlRows<IncidentRow>(em, `SELECT ${columns(viewer)}${extra.sql} ${FROM} WHERE ${s.sql} AND ${byId ? 'i.id = ?' : 'i.number = ?'} LIMIT 1`, [
    ...extra.params,
    ...s.params,
    byId ? idOrNumber.toLowerCase() : idOrNumber.toUpperCase(),
  ]);
  return rows[0] ?? null;
}

export interface IncidentFilter {
  status?: IncidentStatus | null;
  priority?: Priority | null;
  type?: IncidentType | null;
  /** Staff only (the service never passes these for customers). */
  assigneeId?: string | null;
  customerId?: string | null;
  source?: IncidentSource | null;
  parentId?: string | null;
  slaState?: 'OK' | 'AT_RISK' | 'BREACHED' | null;
  q?: string | null;
}

export type IncidentSortField = 'CREATED_AT' | 'UPDATED_AT' | 'PRIORITY' | 'NUMBER';
/**
 * Each sort's key, then the id: the order of a page and of its keyset cursor. Priority sorts by its rank (an
 * integer: see Incident.priorityRank), newest first within a priority.
 */
const SORT_SQL: Record<IncidentSortField, string> = {
  CREATED_AT: 'i.created_at',
  UPDATED_AT: 'i.updated_at',
  PRIORITY: 'i.priority_rank, i.created_at',
  NUMBER: 'i.number',
};
/** An enum filter as its rank (Incident.priorityRank, statusRank: integer comparisons can use an index under row-level security). */
const rankOf = (values: readonly string[], value: string | null | undefined) => (value ? values.indexOf(value) + 1 : undefined);
export interface IncidentSort {
  field: IncidentSortField;
  direction: 'ASC' | 'DESC';
}

/** An opaque cursor: the position after one incident of a list (its id; the list's sort finds its place). */
const CURSOR_PREFIX = 'incident:';
export const incidentCursor = (id: string): string => Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
function cursorId(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const id = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  if (!UUID.test(id)) throw ValidationError.field('after', 'is not a cursor of this list');
  return id.toLowerCase();
}

/** A page of incidents as the API answers it (IncidentPage): the total is counted only if selected. */
export interface IncidentPageView {
  items: IncidentRow[];
  pagination: PageInfo;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The page of a filter that can match nothing (an id that is not one), without asking the database. */
export const emptyIncidentPage = (at: PageRequest): IncidentPageView => ({ items: [], pagination: pageInfo(at, 0), pageInfo: { hasNextPage: false, endCursor: null } });

/** The filters of a list as conditions over alias `i` (the scope comes separately, per branch). */
function filterWhere(filter: IncidentFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const equals: [string, unknown][] = [
    ['i.status_rank', rankOf(STATUSES, filter.status)],
    ['i.priority_rank', rankOf(PRIORITIES, filter.priority)],
    ['i.type', filter.type],
    ['i.assignee_id', filter.assigneeId],
    ['i.customer_id', filter.customerId],
    ['i.source', filter.source],
    ['i.parent_id', filter.parentId],
  ];
  for (const [column, value] of equals) {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.slaState) {
    where.push(`(${SLA_STATE}) = ?`);
    params.push(filter.slaState);
  }
  if (filter.q) {
    where.push(`(i.number ILIKE ? OR i.title ILIKE ? OR i.description ILIKE ?)`);
    const like = likePattern(filter.q);
    params.push(like, like, like);
  }
  return { where, params };
}

/** Where a read of a list starts and how far it reads: its order, its position (a keyset condition) and its LIMIT/OFFSET. */
interface IncidentWindow {
  orderBy: string;
  position: { sql: string; params: unknown[] } | null;
  limit: number;
  offset: number;
  /** More columns to select (a connection's key values). */
  keyColumns?: string;
}

/**
 * The one statement of an incident list, for its page/limit form and its connection alike: the rows of the
 * window, each scope branch read by its own index in the list's order (at most as deep as the window
 * reaches) when there are several, the page taken from their union. And the count of the list, up to the cap.
 */
function incidentReads(em: EntityManager, viewer: ReadViewer, filter: IncidentFilter, include: IncidentInclude) {
  const f = filterWhere(filter);
  /** A branch of the scope with the filters (and the cursor's position), as one WHERE. */
  const within = (branch: { sql: string; params: unknown[] }, position: IncidentWindow['position'] = null) => ({
    sql: [branch.sql, ...f.where, ...(position ? [position.sql] : [])].join(' AND '),
    params: [...branch.params, ...f.params, ...(position?.params ?? [])],
  });
  const branches = scopeBranches(viewer);
  const extra = includeColumns(viewer, include);
  const rows = async <T>(w: IncidentWindow): Promise<T[]> => {
    const select = `SELECT ${columns(viewer)}${extra.sql}${w.keyColumns ? `, ${w.keyColumns}` : ''} ${FROM}`;
    if (branches.length === 1) {
      const p = within(branches[0], w.position);
      return sqlRows<T>(em, `${select} WHERE ${p.sql} ORDER BY ${w.orderBy} LIMIT ? OFFSET ?`, [...extra.params, ...p.params, w.limit, w.offset]);
    }
    // Each branch's first rows in the list's order (by its own index), as deep as the page reaches; the page
    // is then taken from their union.
    const parts = branches.map((branch) => within(branch, w.position));
    return sqlRows<T>(
      em,
      `${select}
       WHERE i.id IN (${parts.map((p) => `(SELECT i.id FROM incidents i WHERE ${p.sql} ORDER BY ${w.orderBy} LIMIT ?)`).join(' UNION ')})
       ORDER BY ${w.orderBy} LIMIT ? OFFSET ?`,
      [...extra.params, ...parts.flatMap((p) => [...p.params, w.offset + w.limit]), w.limit, w.offset],
    );
  };
  const count = async () => {
    // Up to the cap in each branch; a ticket in two branches counts once.
    const parts = branches.map((branch) => within(branch));
    const [{ n }] = await sqlRows<{ n: number }>(em, `SELECT count(*)::int AS n FROM (${parts.map((p) => `(SELECT i.id FROM incidents i WHERE ${p.sql} LIMIT ?)`).join(' UNION ')}) x`, [
      ...parts.flatMap((p) => [...p.params, COUNT_CAP + 1]),
    ]);
    return n;
  };
  return { rows, count };
}

/**
 * A page of the incidents the viewer may see, in the sort's order (newest first by default): by page number
 * (OFFSET) or, with `after`, the `limit` incidents that follow that cursor's incident (keyset: as fast on the
 * thousandth page as on the first). No count rides along: `count` is asked only when the caller wants the total.
 */
export async function listIncidents(
  em: EntityManager,
  viewer: ReadViewer,
  filter: IncidentFilter,
  at: CursorPageRequest,
  sort: IncidentSort = DEFAULT_SORT,
  include: IncidentInclude = {},
): Promise<IncidentPageView> {
  const s = scope(viewer);
  const key = SORT_SQL[sort.field];
  const direction = sort.direction === 'ASC' ? 'ASC' : 'DESC';
  const order = [...key.split(', '), 'i.id'].map((column) => `${column} ${direction}`).join(', ');
  // The position of the cursor's incident, looked up with the same scope: a cursor of a ticket the viewer
  // may not see places nothing (an empty page).
  const position = at.after
    ? { sql: `(${key}, i.id) ${direction === 'ASC' ? '>' : '<'} (SELECT ${key}, i.id FROM incidents i WHERE i.id = ? AND ${s.sql})`, params: [cursorId(at.after), ...s.params] }
    : null;
  const reads = incidentReads(em, viewer, filter, include);
  const rows = await reads.rows<IncidentRow>({ orderBy: order, position, limit: at.limit + 1, offset: at.after ? 0 : (at.page - 1) * at.limit });
  const items = rows.slice(0, at.limit);
  return {
    items,
    pagination: lazyPageInfo(at, reads.count),
    pageInfo: { hasNextPage: rows.length > at.limit, endCursor: items.length ? incidentCursor(items[items.length - 1].id) : null },
  };
}

const DEFAULT_SORT: IncidentSort = { field: 'CREATED_AT', direction: 'DESC' };
/** Each sort's keys for a connection's cursor (SORT_SQL's columns with their types), the id last. */
const SORT_KEYS: Record<IncidentSortField, SortKey[]> = {
  CREATED_AT: [{ sql: 'i.created_at', type: 'timestamp' }],
  UPDATED_AT: [{ sql: 'i.updated_at', type: 'timestamp' }],
  PRIORITY: [
    { sql: 'i.priority_rank', type: 'int' },
    { sql: 'i.created_at', type: 'timestamp' },
  ],
  NUMBER: [{ sql: 'i.number', type: 'text' }],
};
/** A sort as a connection's order: a cursor carries the sort's key values and fits that sort only. */
export const incidentOrder = (sort: IncidentSort = DEFAULT_SORT): KeysetOrder => ({
  tag: `incident:${sort.field}:${sort.direction}`,
  keys: [...SORT_KEYS[sort.field], { sql: 'i.id', type: 'uuid' }],
  direction: sort.direction === 'ASC' ? 'ASC' : 'DESC',
});

/**
 * A connection of the incidents the viewer may see (incidentsConnection, and the portal's tickets when it
 * gets one): the same statement as listIncidents, its position the cursor's key values (bound in the index
 * scan) instead of a page number or a lookup of the cursor's incident.
 */
export async function incidentConnection(
  em: EntityManager,
  viewer: ReadViewer,
  filter: IncidentFilter,
  req: ConnectionRequest,
  sort: IncidentSort = DEFAULT_SORT,
  include: IncidentInclude = {},
): Promise<ConnectionView<IncidentRow>> {
  const order = incidentOrder(sort);
  const w = keysetWindow(order, req);
  const reads = incidentReads(em, viewer, filter, include);
  const rows = await reads.rows<Record<string, unknown>>({ orderBy: w.orderBy, position: w.condition, limit: w.limit, offset: 0, keyColumns: w.keyColumns });
  return toConnection<IncidentRow>(order, req, rows, reads.count);
}

/** An update as the API shows it, as SQL over alias `u`: staff authors by display name only. */
const UPDATE_COLUMNS = `u.id, u.kind, u.body, u.status, u.visibility, ${iso('u.created_at')} AS "createdAt",
         json_build_object(
           'kind', u.author_kind,
           'displayName', CASE u.author_kind
             WHEN 'STAFF' THEN COALESCE(NULLIF(trim(concat_ws(' ', s.first_name, s.last_name)), ''), 'Support team')
             WHEN 'CUSTOMER' THEN COALESCE(c.display_name, 'Customer')
             ELSE 'System' END) AS author`;
const UPDATE_FROM = `FROM incident_updates u
       LEFT JOIN users s ON s.id = u.author_staff_id
       LEFT JOIN customer_portal_users c ON c.tenant_id = u.tenant_id AND c.id = u.author_customer_id`;
/** Customers see PUBLIC updates only. */
const visibleUpdates = (viewer: ReadViewer) => (viewer.kind === 'staff' ? '' : "AND u.visibility = 'PUBLIC'");

/**
 * The updates of many incidents in one statement (for a page), oldest first; with `last`, only each
 * incident's `last` newest (still oldest first). Customers get PUBLIC ones only, and `last` counts those;
 * staff authors are named by display name only.
 */
export async function updatesFor(em: EntityManager, viewer: ReadViewer, incidentIds: readonly string[], last?: number): Promise<Map<string, IncidentUpdateView[]>> {
  const newest = last === undefined ? '' : ', row_number() OVER (PARTITION BY u.incident_id ORDER BY u.created_at DESC, u.id DESC) AS rn';
  const rows = await sqlRows<IncidentUpdateView & { incidentId: string; at?: Date; rn?: string }>(em, 
    `SELECT * FROM (
       SELECT ${UPDATE_COLUMNS}, u.incident_id AS "incidentId", u.created_at AS at${newest}
       ${UPDATE_FROM}
       WHERE u.tenant_id = ? AND u.incident_id = ANY(?::uuid[]) ${visibleUpdates(viewer)}
     ) x ${last === undefined ? '' : 'WHERE rn <= ?'}
     ORDER BY at, id`,
    [viewer.tenantId, `{${incidentIds.join(',')}}`, ...(last === undefined ? [] : [last])],
  );
  const byIncident = new Map<string, IncidentUpdateView[]>(incidentIds.map((id) => [id, []]));
  for (const { incidentId, at: _at, rn: _rn, ...update } of rows) byIncident.get(incidentId)?.push(update);
  return byIncident;
}

/** A timeline's order as a connection (Incident.updatesConnection): oldest first, like `updates`. */
export const UPDATE_ORDER: KeysetOrder = {
  tag: 'update:createdAt',
  keys: [
    { sql: 'u.created_at', type: 'timestamp' },
    { sql: 'u.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/**
 * The timelines of many incidents as connections, one page each, in one statement (each incident's page is a
 * lateral keyset read of its own index range, whatever the others hold): the same columns, authors and
 * visibility as updatesFor. `totalCount` counts one incident's updates (up to the cap) when selected.
 */
export async function updatesConnectionFor(
  em: EntityManager,
  viewer: ReadViewer,
  incidentIds: readonly string[],
  req: ConnectionRequest,
): Promise<Map<string, ConnectionView<IncidentUpdateView>>> {
  const w = keysetWindow(UPDATE_ORDER, req);
  const rows = await sqlRows<Record<string, unknown> & { incidentId: string }>(
    em,
    `SELECT x.* FROM unnest(?::uuid[]) AS inc(id) CROSS JOIN LATERAL (
       SELECT ${UPDATE_COLUMNS}, u.incident_id AS "incidentId", ${w.keyColumns}
       ${UPDATE_FROM}
       WHERE u.tenant_id = ? AND u.incident_id = inc.id ${visibleUpdates(viewer)} ${w.condition ? `AND ${w.condition.sql}` : ''}
       ORDER BY ${w.orderBy} LIMIT ?) x`,
    [`{${incidentIds.join(',')}}`, viewer.tenantId, ...(w.condition?.params ?? []), w.limit],
  );
  const byIncident = new Map<string, Record<string, unknown>[]>(incidentIds.map((id) => [id, []]));
  for (const { incidentId, ...row } of rows) byIncident.get(incidentId)?.push(row);
  const count = (incidentId: string) => async () => {
    const [{ n }] = await sqlRows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM incident_updates u WHERE u.tenant_id = ? AND u.incident_id = ? ${visibleUpdates(viewer)} LIMIT ?) x`,
      [viewer.tenantId, incidentId, COUNT_CAP + 1],
    );
    return n;
  };
  return new Map([...byIncident].map(([id, page]) => [id, toConnection<IncidentUpdateView>(UPDATE_ORDER, req, page, count(id))]));
}

/**
 * The same updates of the incident aliased `i` (all, or its `last` newest; oldest first) as one JSON column,
 * `preloadedUpdates`: a page or an incident and its timeline in one statement. The resolver hands them to the
 * request's update loader (incident.loaders.ts `prime`), so the `updates` field reads nothing more.
 */
function updatesColumn(viewer: ReadViewer, last: number | undefined): { sql: string; params: unknown[] } {
  return {
    sql: `(SELECT COALESCE(json_agg(json_build_object('id', x.id, 'kind', x.kind, 'body', x.body, 'status', x.status,
              'visibility', x.visibility, 'createdAt', x."createdAt", 'author', x.author) ORDER BY x.at, x.id), '[]'::json)
           FROM (SELECT ${UPDATE_COLUMNS}, u.created_at AS at ${UPDATE_FROM}
                 WHERE u.tenant_id = i.tenant_id AND u.incident_id = i.id ${visibleUpdates(viewer)}
                 ORDER BY u.created_at DESC, u.id DESC ${last === undefined ? '' : 'LIMIT ?'}) x) AS "preloadedUpdates"`,
    params: last === undefined ? [] : [last],
  };
}

/** What a read fetches besides the incident's own columns: its updates (all, or the `last` newest), in the same statement. */
export interface IncidentInclude {
  updates?: { last?: number };
  /** The satisfaction rating (staff only: nothing is read for a customer, whom shield refuses the field). */
  rating?: boolean;
  /** The attachments the viewer may see (attachment.columns.ts). */
  attachments?: boolean;
  /** The participants (as the viewer may see them: participant.read.ts). */
  participants?: boolean;
}
/** A row as a read with `include` returns it: the incident, and what of its timeline was asked for. */
export type IncidentRow = Incident & {
  preloadedUpdates?: IncidentUpdateView[];
  preloadedRating?: IncidentRatingView | null;
  preloadedAttachments?: AttachmentTimelineView[];
  preloadedParticipants?: ParticipantView[];
};

const includeColumns = (viewer: ReadViewer, include: IncidentInclude): { sql: string; params: unknown[] } => {
  const u = include.updates ? updatesColumn(viewer, include.updates.last) : { sql: '', params: [] };
  const rating = include.rating && viewer.kind === 'staff' ? `, ${RATING_COLUMN} AS "preloadedRating"` : '';
  const attachments = include.attachments ? `, ${attachmentsColumn(viewer.kind)} AS "preloadedAttachments"` : '';
  const participants = include.participants ? `, ${participantsColumn(viewer)} AS "preloadedParticipants"` : '';
  return { sql: `${include.updates ? `, ${u.sql}` : ''}${rating}${attachments}${participants}`, params: u.params };
};

/** Incident counts by status for a staff dashboard (every status, zeros included). */
export async function countByStatus(em: EntityManager, viewer: StaffViewer): Promise<{ status: IncidentStatus; count: number }[]> {
  return sqlRows(
    em,
    `SELECT s.status, count(i.id)::int AS count
     FROM unnest(enum_range(NULL::incident_status)) AS s(status)
     LEFT JOIN incidents i ON i.status = s.status AND i.tenant_id = ?
     GROUP BY s.status ORDER BY array_position(enum_range(NULL::incident_status), s.status)`,
    [viewer.tenantId],
  );
}

/** An incident as any customer may see it: never anything internal (for e-mails and webhook payloads). */
export type CustomerIncidentView = Omit<Incident, IncidentInternalField>;

/**
 * The customer view of one incident of a tenant, with its PUBLIC updates, whoever the customer: what
 * notifications and webhooks may say about it. The same columns and update query as a portal viewer's,
 * so nothing internal is even selected; the internal keys are dropped rather than sent as nulls.
 */
export async function customerViewOf(
  em: EntityManager,
  tenantId: string,
  incidentId: string,
): Promise<{ incident: CustomerIncidentView; updates: IncidentUpdateView[] } | null> {
  const audience: CustomerViewer = { kind: 'customer', tenantId, customerUserId: '', customerId: null, sessionId: '' };
  const rows = await sqlRows<Incident>(em, `SELECT ${columns(audience)} ${FROM} WHERE i.tenant_id = ? AND i.id = ? LIMIT 1`, [tenantId, incidentId]);
  if (!rows[0]) return null;
  const incident = Object.fromEntries(Object.entries(rows[0]).filter(([k]) => !isIncidentInternalField(k))) as CustomerIncidentView;
  const updates = (await updatesFor(em, audience, [incidentId])).get(incidentId) ?? [];
  return { incident, updates };
}
