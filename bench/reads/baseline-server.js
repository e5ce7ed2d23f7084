'use strict';
/**
 * The read benchmark's baseline (bench/reads): what the database alone can serve. A bare `node:http` server
 * over `pg`, one SQL statement per request (a named, prepared one), the whole JSON answer built by
 * PostgreSQL (LATERAL joins, json_agg, json_build_object) and sent as it comes. It answers the same JSON as
 * the real server's GraphQL operations the bench compares it with (`{"data":{...}}`, same fields, same
 * order of items), over the same tables, but knows nothing of tokens, sessions, roles or row-level security:
 * the caller names the workspace (and the portal user) in the query string.
 *
 * GET /incident?t=<tenant>&id=<incident>                         staff incident(id) with every update
 * GET /ticket?t=<tenant>&u=<portal user>&id=<incident>            portal ticket(id): PUBLIC updates
 * GET /incidents?t=<tenant>&page=&limit=[&updates=N][&info=1][&after=<incident>]   staff page (each incident's N newest updates)
 * GET /tickets?t=<tenant>&u=<portal user>&page=&limit=[&updates=N][&info=1]         portal page (N newest PUBLIC updates)
 *
 * Pages answer as the server does: the total counted up to 10,000 (then 10,000), `pageInfo` (hasNextPage, the
 * endCursor of the last item) when `info=1`, and with `after` the page that follows that incident (keyset).
 *
 * Environment: PORT (0: any; the chosen one is printed as `listening <port>`), DATABASE_URL, POOL_MAX (10).
 */
const http = require('node:http');
const { Buffer } = require('node:buffer');
const { URL } = require('node:url');
const { Pool } = require('pg');

const iso = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SLA = (i) => `json_build_object('responseDueAt', ${iso(`${i}.response_due_at`)}, 'resolutionDueAt', ${iso(`${i}.resolution_due_at`)})`;

const STAFF_INCIDENT = (i, a) => `'id', ${i}.id, 'number', ${i}.number, 'type', ${i}.type, 'title', ${i}.title, 'description', ${i}.description,
  'techDescription', ${i}.tech_description, 'status', ${i}.status, 'priority', ${i}.priority, 'source', ${i}.source,
  'createdAt', ${iso(`${i}.created_at`)}, 'updatedAt', ${iso(`${i}.updated_at`)}, 'acknowledgedAt', ${iso(`${i}.acknowledged_at`)},
  'resolvedAt', ${iso(`${i}.resolved_at`)}, 'closedAt', ${iso(`${i}.closed_at`)}, 'resolutionSummary', ${i}.resolution_summary,
  'impactSummary', ${i}.impact_summary, 'blastRadius', ${i}.blast_radius, 'serviceArea', ${i}.service_area, 'environment', ${i}.environment,
  'region', ${i}.region, 'customerId', ${i}.customer_id, 'parentId', ${i}.parent_id, 'version', ${i}.version,
  'sla', ${SLA(i)},
  'internalSla', json_build_object(
    'state', CASE
      WHEN COALESCE(${i}.acknowledged_at, now()) > ${i}.response_due_at OR COALESCE(${i}.resolved_at, now()) > ${i}.resolution_due_at THEN 'BREACHED'
      WHEN ${i}.resolved_at IS NULL AND now() > ${i}.resolution_due_at - (${i}.resolution_due_at - ${i}.created_at) / 4 THEN 'AT_RISK'
      ELSE 'OK' END,
    'responseBreached', COALESCE(${i}.acknowledged_at, now()) > ${i}.response_due_at,
    'resolutionBreached', COALESCE(${i}.resolved_at, now()) > ${i}.resolution_due_at,
    'responseBreachedAt', ${iso(`${i}.response_breached_at`)}, 'resolutionBreachedAt', ${iso(`${i}.resolution_breached_at`)}),
  'assignee', CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id,
    'displayName', COALESCE(NULLIF(trim(concat_ws(' ', ${a}.first_name, ${a}.last_name)), ''), ${a}.email), 'email', ${a}.email) END`;

const CUSTOMER_INCIDENT = (i) => `'id', ${i}.id, 'number', ${i}.number, 'type', ${i}.type, 'summary', ${i}.title, 'title', ${i}.title,
  'description', ${i}.description, 'status', ${i}.status, 'priority', ${i}.priority, 'source', ${i}.source,
  'createdAt', ${iso(`${i}.created_at`)}, 'updatedAt', ${iso(`${i}.updated_at`)}, 'resolvedAt', ${iso(`${i}.resolved_at`)}, 'sla', ${SLA(i)}`;

const AUTHOR = `json_build_object('displayName', CASE u.author_kind
    WHEN 'STAFF' THEN COALESCE(NULLIF(trim(concat_ws(' ', s.first_name, s.last_name)), ''), 'Support team')
    WHEN 'CUSTOMER' THEN COALESCE(c.display_name, 'Customer')
    ELSE 'System' END, 'kind', u.author_kind)`;

const STAFF_UPDATE = `json_build_object('id', u.id, 'kind', u.kind, 'body', u.body, 'status', u.status, 'visibility', u.visibility,
  'author', ${AUTHOR}, 'createdAt', ${iso('u.created_at')})`;
const CUSTOMER_UPDATE = `json_build_object('id', u.id, 'kind', u.kind, 'body', u.body, 'status', u.status, 'author', ${AUTHOR}, 'createdAt', ${iso('u.created_at')})`;
const AUTHORS = 'LEFT JOIN users s ON s.id = u.author_staff_id LEFT JOIN customer_portal_users c ON c.id = u.author_customer_id';

/** The incident's attachments (customers: those on the ticket itself or on a PUBLIC update), oldest first. */
const ATTACHMENTS = (i, customer) => `(SELECT COALESCE(json_agg(json_build_object('id', f.id, 'updateId', f.update_id, 'fileName', f.file_name,
    'contentType', f.content_type, 'size', f.size, 'createdAt', ${iso('f.created_at')},
    'downloadUrl', '${customer ? '/api/v1/portal/tickets/' : '/api/v1/incidents/'}' || f.incident_id || '/attachments/' || f.id)
    ORDER BY f.created_at, f.position, f.id), '[]'::json)
  FROM attachments f WHERE f.tenant_id = ${i}.tenant_id AND f.incident_id = ${i}.id AND f.deleted_at IS NULL${customer
    ? ` AND (f.update_id IS NULL OR EXISTS (SELECT 1 FROM incident_updates fu WHERE fu.tenant_id = f.tenant_id AND fu.id = f.update_id AND fu.visibility = 'PUBLIC'))`
    : ''})`;

/** The reporter's satisfaction rating of the incident, or null. */
const RATING = (i) => `(SELECT json_build_object('id', r.id, 'score', r.score, 'comment', r.comment, 'source', r.source,
    'raterName', rc.display_name, 'createdAt', ${iso('r.created_at')})
  FROM incident_ratings r JOIN customer_portal_users rc ON rc.id = r.rater_id AND rc.tenant_id = r.tenant_id
  WHERE r.tenant_id = ${i}.tenant_id AND r.incident_id = ${i}.id ORDER BY r.created_at, r.id LIMIT 1)`;

/** The incident's updates (all, or its `last` newest), oldest first, as `list`; customers: PUBLIC only. */
function updatesLateral(i, customer, last) {
  const visible = customer ? `AND visibility = 'PUBLIC'` : '';
  const source = last
    ? `(SELECT * FROM incident_updates WHERE tenant_id = ${i}.tenant_id AND incident_id = ${i}.id ${visible} ORDER BY created_at DESC, id DESC LIMIT ${last}) u`
    : `incident_updates u`;
  const where = last ? '' : `WHERE u.tenant_id = ${i}.tenant_id AND u.incident_id = ${i}.id ${visible.replace('visibility', 'u.visibility')}`;
  const object = customer ? CUSTOMER_UPDATE : STAFF_UPDATE;
  return `LEFT JOIN LATERAL (SELECT json_agg(${object} ORDER BY u.created_at, u.id) AS list FROM ${source} ${AUTHORS} ${where}) up ON true`;
}

/** The portal user's tickets: reported by them, or their organization's when it shares (as the server's read model). */
const PORTAL_SCOPE = (i) => `${i}.tenant_id = $1 AND (${i}.reporter_customer_id = $2 OR ${i}.customer_id = (
  SELECT pu.customer_id FROM customer_portal_users pu JOIN customers co ON co.id = pu.customer_id
  WHERE pu.id = $2 AND pu.tenant_id = $1 AND co.sharing_mode = 'ORGANIZATION'))`;

const SQL = {
  incident: `SELECT json_build_object('data', json_build_object('incident', (
      SELECT json_build_object(${STAFF_INCIDENT('i', 'a')}, 'updates', COALESCE(up.list, '[]'::json), 'attachments', ${ATTACHMENTS('i', false)}, 'rating', ${RATING('i')})
      FROM incidents i LEFT JOIN users a ON a.id = i.assignee_id AND a.tenant_id = i.tenant_id ${updatesLateral('i', false)}
      WHERE i.tenant_id = $1 AND i.id = $2)))::text AS body`,
  ticket: `SELECT json_build_object('data', json_build_object('ticket', (
      SELECT json_build_object(${CUSTOMER_INCIDENT('i')}, 'updates', COALESCE(up.list, '[]'::json), 'attachments', ${ATTACHMENTS('i', true)})
      FROM incidents i ${updatesLateral('i', true)}
      WHERE ${PORTAL_SCOPE('i')} AND i.id = $3)))::text AS body`,
};

/** What a server's cursor says: base64url of `incident:<id>`, as the server hands them out. */
const CURSOR = (id) => `rtrim(translate(encode(convert_to('incident:' || ${id}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/**
 * A page (newest first) with the total (counted up to 10,001), in one statement; $limit/$offset/$page (and
 * $after) by position after the scope's. One row more than the page is read, for hasNextPage.
 */
function pageSql(customer, last, info, after) {
  const scope = customer ? PORTAL_SCOPE('x') : 'x.tenant_id = $1';
  const n = customer ? 3 : 2; // first parameter after the scope's: limit, offset, page, after
  const fields = customer ? CUSTOMER_INCIDENT('i') : STAFF_INCIDENT('i', 'a');
  const updates = last ? `, 'updates', COALESCE(up.list, '[]'::json)` : '';
  const keyset = after ? ` AND (x.created_at, x.id) < (SELECT c.created_at, c.id FROM incidents c WHERE c.id = $${n + 3} AND c.tenant_id = $1)` : '';
  const pageInfo = info
    ? `, 'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM fetched) > $${n}::int,
        'endCursor', (SELECT ${CURSOR('p.id')} FROM page p ORDER BY p.created_at, p.id LIMIT 1))`
    : '';
  return `WITH fetched AS (SELECT x.id, x.created_at FROM incidents x WHERE ${scope}${keyset} ORDER BY x.created_at DESC, x.id DESC LIMIT $${n}::int + 1 OFFSET $${n + 1}),
      page AS (SELECT * FROM fetched ORDER BY created_at DESC, id DESC LIMIT $${n})
    SELECT json_build_object('data', json_build_object('${customer ? 'tickets' : 'incidents'}', json_build_object(
      'items', COALESCE((SELECT json_agg(json_build_object(${fields}${updates}) ORDER BY p.created_at DESC, p.id DESC)
        FROM page p JOIN incidents i ON i.id = p.id ${customer ? '' : 'LEFT JOIN users a ON a.id = i.assignee_id AND a.tenant_id = i.tenant_id'}
        ${last ? updatesLateral('i', customer, last) : ''}), '[]'::json),
      'pagination', json_build_object('page', $${n + 2}::int, 'limit', $${n}::int, 'total', least(t.total, 10000),
        'totalPages', ceil(least(t.total, 10000)::numeric / $${n}::int)::int)${pageInfo})))::text AS body
    FROM (SELECT count(*)::int AS total FROM (SELECT 1 FROM incidents x WHERE ${scope} LIMIT 10001) counted) t`;
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX || 10) });
pool.on('error', (e) => process.stderr.write(`baseline pool: ${e.message}\n`));

const int = (v, fallback, max) => {
  const n = v === null ? fallback : Number(v);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : NaN;
};

/** The statement (name, text, values) for a request, or a 400 message. */
function statementFor(pathname, q) {
  const t = q.get('t');
  if (!t) return 'missing t';
  switch (pathname) {
    case '/incident':
      return { name: 'incident', text: SQL.incident, values: [t, q.get('id')] };
    case '/ticket':
      return { name: 'ticket', text: SQL.ticket, values: [t, q.get('u'), q.get('id')] };
    case '/incidents':
    case '/tickets': {
      const customer = pathname === '/tickets';
      const page = int(q.get('page'), 1, 1e6);
      const limit = int(q.get('limit'), 20, 100);
      const last = q.get('updates') ? int(q.get('updates'), 0, 100) : 0;
      if (Number.isNaN(page) || Number.isNaN(limit) || Number.isNaN(last)) return 'bad page, limit or updates';
      const info = q.get('info') === '1';
      const after = customer ? null : q.get('after');
      const values = customer ? [t, q.get('u')] : [t];
      return {
        name: `${pathname.slice(1)}-${last}-${info ? 'i' : ''}${after ? 'a' : ''}`,
        text: pageSql(customer, last, info, Boolean(after)),
        values: [...values, limit, (page - 1) * limit, page, ...(after ? [after] : [])],
      };
    }
    default:
      return undefined;
  }
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://baseline');
  const statement = statementFor(url.pathname, url.searchParams);
  if (statement === undefined || typeof statement === 'string') {
    res.writeHead(statement === undefined ? 404 : 400, { 'content-type': 'text/plain' });
    res.end(statement ?? 'not found');
    return;
  }
  pool.query(statement).then(
    (r) => {
      const body = Buffer.from(r.rows[0].body);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    },
    (e) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e.message));
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));

const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
