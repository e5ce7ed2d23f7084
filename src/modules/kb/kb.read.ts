import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import type { KbArticleCard, KbArticleView } from './kb.types';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
// Control characters as match markers: they cannot occur in article text, so escaping stays simple.
const START = '\u0002';
const STOP = '\u0003';

/** Customers read published PUBLIC articles of their tenant; staff every article of theirs. */
function scope(viewer: StaffViewer | CustomerViewer): string {
  return viewer.kind === 'staff' ? 'a.tenant_id = ?' : "a.tenant_id = ? AND a.status = 'PUBLISHED' AND a.visibility = 'PUBLIC'";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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

export interface KbQuery {
  q?: string | null;
  category?: string | null;
  tag?: string | null;
}

/**
 * Full-text search (websearch syntax, so no user input can cause a query syntax error), ranked, with
 * highlighted snippets; without `q`, newest published first.
 */
export async function searchArticles(
  em: EntityManager,
  viewer: StaffViewer | CustomerViewer,
  query: KbQuery,
  page: number,
  limit: number,
): Promise<{ items: KbArticleCard[]; total: number }> {
  const where = [scope(viewer)];
  const params: unknown[] = [viewer.tenantId];
  const q = query.q?.trim();
  if (query.category) {
    where.push('lower(a.category) = lower(?)');
    params.push(query.category);
  }
  if (query.tag) {
    where.push('? = ANY(a.tags)');
    params.push(query.tag);
  }
  let rank = 'NULL::real';
  let headline = 'NULL::text';
  const head: unknown[] = [];
  if (q) {
    where.push("a.search @@ websearch_to_tsquery('english', ?)");
    params.push(q);
    rank = "ts_rank_cd(a.search, websearch_to_tsquery('english', ?))";
    headline = `ts_headline('english', a.body_markdown, websearch_to_tsquery('english', ?), 'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2')`;
    head.push(q, q);
  }
  const rows = await em.getConnection().execute<(KbArticleCard & { markdown: string; total: string })[]>(
    `SELECT a.id, a.slug, a.title, a.category, a.tags, ${iso('a.published_at')} AS "publishedAt", a.body_markdown AS markdown,
       ${headline} AS highlight, ${rank} AS rank, count(*) OVER () AS total
     FROM kb_articles a WHERE ${where.join(' AND ')}
     ORDER BY ${q ? 'rank DESC,' : ''} a.published_at DESC NULLS LAST, a.id
     LIMIT ? OFFSET ?`,
    [...head, ...params, limit, (page - 1) * limit],
  );
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      category: r.category,
      tags: r.tags,
      publishedAt: r.publishedAt,
      excerpt: excerptOf(r.markdown),
      highlight: highlight(r.highlight),
    })),
  };
}

export async function findArticle(em: EntityManager, viewer: StaffViewer | CustomerViewer, slug: string): Promise<KbArticleView | null> {
  const rows = await em.getConnection().execute<KbArticleView[]>(
    `SELECT a.id, a.slug, a.title, a.category, a.tags, a.body_markdown AS markdown, a.body_html AS html, ${iso('a.published_at')} AS "publishedAt"
     FROM kb_articles a WHERE ${scope(viewer)} AND a.slug = ? LIMIT 1`,
    [viewer.tenantId, slug],
  );
  return rows[0] ?? null;
}
