import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import type { Visibility } from '../incident/incident.entity';
import type { ArticleStatus } from './kb.entity';
import type { KbArticleCard, KbArticleRevisionView, KbArticleView, KbStaffArticle, KbStaffArticleCard } from './kb.types';
import { escapeHtml } from '../../shared/html';
import { sqlRows } from '../../db/read';
import { offsetRows, orderByOf, type KeysetOrder, type ListQuery, type SortKey } from '../../shared/connection';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
// Control characters as match markers: they cannot occur in article text, so escaping stays simple.
const START = '\u0002';
const STOP = '\u0003';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Customers read published PUBLIC articles of their tenant; staff every article of theirs. */
function scope(viewer: StaffViewer | CustomerViewer): string {
  return viewer.kind === 'staff' ? 'a.tenant_id = ?' : "a.tenant_id = ? AND a.status = 'PUBLISHED' AND a.visibility = 'PUBLIC'";
}


/** ts_headline output, HTML-escaped, with <mark> around the matches. */
function highlight(raw: string | null): string | null {
  if (!raw) return null;
  return escapeHtml(raw).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

/** Markdown source to a short plain-text excerpt. */
export function excerptOf(markdown: string, length = 200): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/**
 * The words of a query for the typo fallback: lower-cased letters and digits, at least 3 characters, at
 * most 8 of them (stop words are dropped in SQL).
 */
export function fallbackWords(q: string): string[] {
  const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  return [...new Set(words)].slice(0, 8);
}

export interface KbQuery {
  q?: string | null;
  category?: string | null;
  tag?: string | null;
  /** Staff only (the service never passes these for customers). */
  status?: ArticleStatus | null;
  visibility?: Visibility | null;
  sourceIncidentId?: string | null;
}

/** The smallest blended trigram score (0..1) a typo-fallback hit needs. */
export const FALLBACK_THRESHOLD = 0.5;

const STAFF_COLUMNS = `a.status, a.visibility, a.revision, a.source_incident_id AS "sourceIncidentId",
  ${iso('a.created_at')} AS "createdAt", ${iso('a.updated_at')} AS "updatedAt",
  CASE WHEN au.id IS NULL THEN NULL ELSE json_build_object('id', au.id,
    'displayName', COALESCE(NULLIF(trim(concat_ws(' ', au.first_name, au.last_name)), ''), au.email)) END AS author`;
const STAFF_JOIN = 'LEFT JOIN users au ON au.id = a.author_id';

/** An article as the search reads it, before toCard. */
export type ArticleRow = KbStaffArticleCard & { markdown: string };
type CardRow = ArticleRow & { total: string };

/** A row of the search as the API's card: an excerpt and the highlighted snippet; workflow fields for staff. */
export function toCard(viewer: StaffViewer | CustomerViewer, r: ArticleRow): KbArticleCard | KbStaffArticleCard {
  const card: KbArticleCard = {
    id: r.id,
    slug: r.slug,
    title: r.title,
    category: r.category,
    tags: r.tags,
    publishedAt: r.publishedAt,
    excerpt: excerptOf(r.markdown),
    highlight: highlight(r.highlight),
  };
  if (viewer.kind !== 'staff') return card;
  return {
    ...card,
    status: r.status,
    visibility: r.visibility,
    revision: r.revision,
    sourceIncidentId: r.sourceIncidentId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    author: r.author,
  };
}

const TSQ = "websearch_to_tsquery('english', ?)";

/**
 * The articles a viewer may see matching the filters, and their order: the query of both the page/limit search
 * (kbArticles, staffKbArticles) and the connections. With a search text, the full-text matches ranked (rank,
 * a lateral column, so the order is plain columns), with highlighted snippets; without, newest first. Every key
 * is descending and the id ends it. (The typo fallback of searchArticles is the page form's alone.)
 */
export function articlesQuery(viewer: StaffViewer | CustomerViewer, query: KbQuery) {
  const staff = viewer.kind === 'staff';
  const where = [scope(viewer)];
  const params: unknown[] = [viewer.tenantId];
  const text = query.q?.trim() || null;
  const conditions: [string, unknown][] = [
    ['lower(a.category) = lower(?)', query.category],
    ['? = ANY(a.tags)', query.tag],
  ];
  if (staff) {
    conditions.push(['a.status = ?', query.status], ['a.visibility = ?', query.visibility], ['a.source_incident_id = ?', query.sourceIncidentId]);
  }
  for (const [sql, value] of conditions) {
    if (value) {
      where.push(sql);
      params.push(value);
    }
  }
  const columns = `a.id, a.slug, a.title, a.category, a.tags, ${iso('a.published_at')} AS "publishedAt", a.body_markdown AS markdown
    ${staff ? `, ${STAFF_COLUMNS}` : ''}`;
  const from = `FROM kb_articles a ${staff ? STAFF_JOIN : ''}`;
  // Customers see published articles only, which always have published_at (set on publishing); published_key
  // (COALESCE(published_at, created_at), generated) keeps the key NOT NULL for the keyset comparison whatever a row holds.
  const newest: SortKey = staff ? { sql: 'a.updated_at', type: 'timestamp' } : { sql: 'a.published_key', type: 'timestamp' };
  const id: SortKey = { sql: 'a.id', type: 'uuid' };
  const filters = { columns, from, where, params };
  const base = from.replace(/^FROM /, '');
  if (!text) {
    return {
      q: { columns: `${columns}, NULL::text AS highlight`, from: base, where, params } as ListQuery,
      order: { tag: `kb:${viewer.kind}:newest`, keys: [newest, id], direction: 'DESC' } as KeysetOrder,
      text,
      filters,
    };
  }
  return {
    q: {
      columns: `${columns}, ts_headline('english', a.body_markdown, ${TSQ}, 'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2') AS highlight, r.rank`,
      columnParams: [text],
      from: `${base} CROSS JOIN LATERAL (SELECT ts_rank_cd(a.search, ${TSQ}) AS rank) r`,
      where: [...where, `a.search @@ ${TSQ}`],
      params: [text, ...params, text],
    } as ListQuery,
    order: { tag: `kb:${viewer.kind}:rank`, keys: [{ sql: 'r.rank', type: 'real' }, newest, id], direction: 'DESC' } as KeysetOrder,
    text,
    filters,
  };
}

/**
 * Full-text search (websearch syntax, so no user input can cause a query syntax error), ranked, with
 * highlighted snippets; without `q`, newest first. When the full-text search matches nothing at all, a typo
 * fallback ranks titles (with category and tags) by trigram similarity to the query's words, so that
 * "pasword reset" still finds "Reset your password"; such a page says `fuzzy: true`.
 */
export async function searchArticles(
  em: EntityManager,
  viewer: StaffViewer | CustomerViewer,
  query: KbQuery,
  page: number,
  limit: number,
): Promise<{ items: (KbArticleCard | KbStaffArticleCard)[]; total: number; fuzzy: boolean }> {
  const { q: list, order, text: q, filters } = articlesQuery(viewer, query);
  const { columns, from, where, params } = filters;
  const run = (sql: string, values: unknown[]) => em.execute<CardRow[]>(sql, values);
  const result = (rows: CardRow[], total: number, fuzzy: boolean) => ({ items: rows.map((r) => toCard(viewer, r)), total, fuzzy });

  const rows = await offsetRows<CardRow>(em, list, orderByOf(order), page, limit, ', count(*) OVER () AS total');
  if (!q) return result(rows, rows.length ? Number(rows[0].total) : await countWhere(em, where, params), false);
  if (rows.length) return result(rows, Number(rows[0].total), false);
  const matches = await countWhere(em, [...where, `a.search @@ ${TSQ}`], [...params, q]);
  if (matches) return result([], matches, false); // a page past the end of real matches

  // Typo fallback: nothing matched every word. Score = the better of the title's trigram similarity to the
  // whole query and the mean, over the query's words (stop words dropped), of each word's best match in the
  // title, category and tags.
  const words = fallbackWords(q);
  if (!words.length) return result([], 0, false);
  const fuzzy = await run(
    `WITH w AS (SELECT word FROM unnest(?::text[]) AS word WHERE ts_lexize('english_stem', word) <> '{}')
     SELECT * FROM (
       SELECT ${columns}, NULL::text AS highlight,
         GREATEST(similarity(a.title, ?), COALESCE((SELECT avg(word_similarity(w.word,
           concat_ws(' ', a.title, a.category, array_to_string(a.tags, ' ')))) FROM w), 0)) AS score
       ${from} WHERE ${where.join(' AND ')}) a
     WHERE a.score >= ${FALLBACK_THRESHOLD}
     ORDER BY a.score DESC, a.id LIMIT ? OFFSET ?`,
    [`{${words.map((w) => `"${w}"`).join(',')}}`, q, ...params, limit, (page - 1) * limit],
  );
  if (!fuzzy.length && page === 1) return result([], 0, true);
  const [{ n }] = await em.execute<{ n: string }[]>(
    `WITH w AS (SELECT word FROM unnest(?::text[]) AS word WHERE ts_lexize('english_stem', word) <> '{}')
     SELECT count(*) AS n FROM kb_articles a WHERE ${where.join(' AND ')} AND GREATEST(similarity(a.title, ?), COALESCE((SELECT avg(word_similarity(w.word,
       concat_ws(' ', a.title, a.category, array_to_string(a.tags, ' ')))) FROM w), 0)) >= ${FALLBACK_THRESHOLD}`,
    [`{${words.map((w) => `"${w}"`).join(',')}}`, ...params, q],
  );
  return result(fuzzy, Number(n), true);
}

async function countWhere(em: EntityManager, where: string[], params: unknown[]): Promise<number> {
  const [{ n }] = await em.execute<{ n: string }[]>(`SELECT count(*) AS n FROM kb_articles a WHERE ${where.join(' AND ')}`, params);
  return Number(n);
}

export async function findArticle(em: EntityManager, viewer: StaffViewer | CustomerViewer, slug: string): Promise<KbArticleView | null> {
  const rows = await em.execute<KbArticleView[]>(
    `SELECT a.id, a.slug, a.title, a.category, a.tags, a.body_markdown AS markdown, a.body_html AS html, ${iso('a.published_at')} AS "publishedAt"
     FROM kb_articles a WHERE ${scope(viewer)} AND a.slug = ? LIMIT 1`,
    [viewer.tenantId, slug],
  );
  return rows[0] ?? null;
}

/** Staff: one article of the tenant by id or slug, whatever its status or visibility. */
export async function findStaffArticle(em: EntityManager, viewer: StaffViewer, idOrSlug: string): Promise<KbStaffArticle | null> {
  const byId = UUID.test(idOrSlug);
  const rows = await em.execute<KbStaffArticle[]>(
    `SELECT a.id, a.slug, a.title, a.category, a.tags, a.body_markdown AS markdown, a.body_html AS html,
       ${iso('a.published_at')} AS "publishedAt", ${iso('a.archived_at')} AS "archivedAt", ${STAFF_COLUMNS},
       CASE WHEN ub.id IS NULL THEN NULL ELSE json_build_object('id', ub.id,
         'displayName', COALESCE(NULLIF(trim(concat_ws(' ', ub.first_name, ub.last_name)), ''), ub.email)) END AS "updatedBy"
     FROM kb_articles a ${STAFF_JOIN} LEFT JOIN users ub ON ub.id = a.updated_by_id
     WHERE a.tenant_id = ? AND ${byId ? 'a.id = ?' : 'a.slug = ?'} LIMIT 1`,
    [viewer.tenantId, byId ? idOrSlug.toLowerCase() : idOrSlug],
  );
  return rows[0] ?? null;
}

/** The kept versions of an article: the query of both `kbArticleRevisions` and `kbArticleRevisionsConnection`. */
export function revisionsQuery(viewer: StaffViewer, articleId: string): ListQuery {
  return {
    columns: `r.revision, r.slug, r.title, r.category, r.tags, r.visibility, r.status, r.body_markdown AS markdown, r.body_html AS html,
       ${iso('r.saved_at')} AS "savedAt", ${iso('r.created_at')} AS "replacedAt",
       CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id,
         'displayName', COALESCE(NULLIF(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email)) END AS "savedBy"`,
    from: 'kb_article_revisions r LEFT JOIN users u ON u.id = r.saved_by_id',
    where: ['r.tenant_id = ?', 'r.article_id = ?'],
    params: [viewer.tenantId, articleId],
  };
}
/** Newest first (revisions are unique per article, index kb_article_revisions_article_id_revision_unique; the id completes the key). */
export const REVISION_ORDER: KeysetOrder = {
  tag: 'revision:number',
  keys: [
    { sql: 'r.revision', type: 'int' },
    { sql: 'r.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

/** The kept versions of an article, newest first (the current content is the article itself). */
export async function listRevisions(em: EntityManager, viewer: StaffViewer, articleId: string): Promise<KbArticleRevisionView[]> {
  const q = revisionsQuery(viewer, articleId);
  return sqlRows<KbArticleRevisionView>(em, `SELECT ${q.columns} FROM ${q.from} WHERE ${q.where.join(' AND ')} ORDER BY ${orderByOf(REVISION_ORDER)}`, q.params);
}
