import { LockMode, UniqueConstraintViolationException, type EntityManager, type RequiredEntityData } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import { can } from '../../authz/policies';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import type { Visibility } from '../incident/incident.entity';
import { emitEvent } from '../outbox/outbox.service';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { KbArticle, KbArticleRevision, type ArticleStatus } from './kb.entity';
import { ArticleNotFoundError, InvalidArticleTransitionError, RevisionNotFoundError, SlugTakenError, StaleRevisionError } from './kb.errors';
import { BODY_MAX, CATEGORY_MAX, SLUG_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from './kb.inputs';
import { articlesQuery, findArticle, findStaffArticle, listRevisions, REVISION_ORDER, revisionsQuery, searchArticles, toCard, type ArticleRow, type KbQuery } from './kb.read';
import { connectionArgs, emptyConnection, keysetConnection, mapConnection, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import { renderMarkdown } from './kb.render';
import type { KbArticleCard, KbStaffArticleCard, KbArticlePage, KbArticleRevisionView, KbArticleView, KbStaffArticle, KbStaffArticlePage } from './kb.types';
import { pageArgs, pageInfo } from '../../shared/listing';
import { characterCount, checkLength, requiredText } from '../../shared/text';

export { ArticleNotFoundError } from './kb.errors';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A title to a URL slug: ASCII letters and digits joined by dashes, at most 80 characters. */
export function articleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

function slugOf(value: string): string {
  const slug = value.trim();
  if (characterCount(slug) > SLUG_MAX || !SLUG.test(slug) || UUID_LIKE.test(slug)) {
    throw ValidationError.field('slug', `must be lower-case letters, digits and single dashes, at most ${SLUG_MAX} characters, and not look like an id`);
  }
  return slug;
}

function tagsOf(tags: readonly string[]): string[] {
  if (tags.length > TAGS_MAX) throw ValidationError.field('tags', `must list at most ${TAGS_MAX} tags`);
  return [...new Set(tags.map((t) => requiredText('tags', t, TAG_MAX).toLowerCase()))];
}

const categoryOf = (value: string | null | undefined) => (value == null || !value.trim() ? null : requiredText('category', value, CATEGORY_MAX));

export interface ArticleInput {
  title: string;
  slug?: string | null;
  markdown: string;
  category?: string | null;
  tags?: string[] | null;
  visibility: Visibility;
}

export interface ArticleChanges {
  title?: string | null;
  slug?: string | null;
  markdown?: string | null;
  category?: string | null;
  tags?: string[] | null;
  visibility?: Visibility | null;
  /** The revision the editor started from. */
  revision?: number | null;
}

/** The content a revision keeps and a restore brings back. */
const CONTENT = ['slug', 'title', 'bodyMarkdown', 'category', 'tags', 'visibility'] as const;

/** The first free slug from `base`: base, base-2, base-3, ... */
async function freeSlug(em: EntityManager, tenantId: string, base: string): Promise<string> {
  const rows = await em.execute<{ slug: string }[]>(
      `SELECT slug FROM kb_articles WHERE tenant_id = ? AND (slug = ? OR slug LIKE ?)`,
      [tenantId, base, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`],
      'all',
      em.getTransactionContext(),
    );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Inserts an article under the first free slug derived from its title, inside a savepoint so that losing a
 * race for the slug (the unique index) only retries with the next one and never aborts the caller's
 * transaction.
 */
export async function insertArticle(
  tx: EntityManager,
  tenantId: string,
  data: Omit<RequiredEntityData<KbArticle>, 'slug' | 'tenant'>,
  explicitSlug?: string | null,
): Promise<KbArticle> {
  for (let attempt = 0; ; attempt++) {
    const slug = explicitSlug ?? (await freeSlug(tx, tenantId, articleSlug(data.title)));
    try {
      return await tx.transactional(async (inner) => {
        const article = inner.create(KbArticle, { ...data, slug, tenant: inner.getReference(Tenant, tenantId) });
        await inner.flush();
        return article;
      });
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
      if (explicitSlug || attempt >= 4) throw new SlugTakenError(slug);
    }
  }
}

/**
 * The knowledge base: customers read published PUBLIC articles; staff read every article of their workspace
 * and (ENGINEER and above) write them. Each save keeps the previous content as a revision, renders the
 * markdown once to sanitized HTML, and is audited.
 */
export class KbService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
  ) {}

  private static checkQuery(query: KbQuery) {
    // The portal's arguments have no input class to carry these; the staff filter declares the same ones.
    const limits: [keyof KbQuery, number][] = [['q', 200], ['category', CATEGORY_MAX], ['tag', TAG_MAX]];
    for (const [field, max] of limits) {
      const value = query[field];
      if (value) checkLength(field, value, { max });
    }
  }

  /** The query a viewer may ask, checked: customers' filters are the search text, category and tag only. */
  private static scopedQuery(viewer: StaffViewer | CustomerViewer, query: KbQuery): KbQuery {
    KbService.checkQuery(query);
    return viewer.kind === 'staff' ? query : { q: query.q, category: query.category, tag: query.tag };
  }

  /** A source incident id that is not even well-formed matches nothing, like one of another workspace. */
  private static matchesNothing(query: KbQuery): boolean {
    return Boolean(query.sourceIncidentId && !isUuid(query.sourceIncidentId));
  }

  async search(viewer: StaffViewer | CustomerViewer, query: KbQuery, page?: number | null, limit?: number | null): Promise<KbArticlePage> {
    const at = pageArgs(page, limit);
    const { items, total, fuzzy } = await searchArticles(this.em, viewer, KbService.scopedQuery(viewer, query), at.page, at.limit);
    return { items, fuzzy, pagination: pageInfo(at, total) };
  }

  /**
   * The same search as a cursor connection (kbArticlesConnection, staffKbArticlesConnection): the same filters
   * and query, ranked when searching, newest first otherwise. No typo fallback: a search that matches nothing is empty.
   */
  async searchConnection(viewer: StaffViewer | CustomerViewer, query: KbQuery, args: ConnectionArgsInput): Promise<ConnectionView<KbArticleCard | KbStaffArticleCard>> {
    const req = connectionArgs(args);
    const scoped = KbService.scopedQuery(viewer, query);
    if (KbService.matchesNothing(scoped)) return emptyConnection();
    const { q, order } = articlesQuery(viewer, scoped);
    return mapConnection(await keysetConnection<ArticleRow>(this.em, q, order, req), (row) => toCard(viewer, row));
  }

  async get(viewer: StaffViewer | CustomerViewer, slug: string): Promise<KbArticleView> {
    const article = await findArticle(this.em, viewer, slug);
    if (!article) throw new ArticleNotFoundError();
    return article;
  }

  /** Staff: every article of the workspace, any status or visibility, with search and filters. */
  async searchStaff(viewer: StaffViewer, query: KbQuery, page?: number | null, limit?: number | null): Promise<KbStaffArticlePage> {
    if (KbService.matchesNothing(query)) return { items: [], fuzzy: false, pagination: pageInfo(pageArgs(page, limit), 0) };
    return (await this.search(viewer, query, page, limit)) as KbStaffArticlePage;
  }

  /** Staff: one article by id or slug; another workspace's answers like a missing one. */
  async getStaff(viewer: StaffViewer, idOrSlug: string): Promise<KbStaffArticle> {
    const article = await findStaffArticle(this.em, viewer, idOrSlug.trim());
    if (!article) throw new ArticleNotFoundError();
    return article;
  }

  async revisions(viewer: StaffViewer, idOrSlug: string): Promise<KbArticleRevisionView[]> {
    const article = await this.getStaff(viewer, idOrSlug);
    return listRevisions(this.em, viewer, article.id);
  }

  /** The same revisions as a cursor connection (kbArticleRevisionsConnection): the same article lookup and query. */
  async revisionsConnection(viewer: StaffViewer, idOrSlug: string, args: ConnectionArgsInput): Promise<ConnectionView<KbArticleRevisionView>> {
    const req = connectionArgs(args);
    const article = await this.getStaff(viewer, idOrSlug);
    return keysetConnection(this.em, revisionsQuery(viewer, article.id), REVISION_ORDER, req);
  }

  private requireWriter(viewer: StaffViewer) {
    // Shield already requires kb.write; the service holds the line for callers from other modules.
    if (!can(viewer, 'kb.write')) throw new ForbiddenError('Writing knowledge-base articles needs the ENGINEER role.');
  }

  private audit(tx: EntityManager, viewer: StaffViewer, client: ClientInfo | null, action: string, article: KbArticle, metadata: Record<string, unknown>) {
    this.rt.audit.record(tx, {
      action,
      tenantId: viewer.tenantId,
      actorKind: 'staff',
      actorId: viewer.userId,
      targetType: 'kb_article',
      targetId: article.id,
      ip: client?.ip ?? null,
      metadata: { slug: article.slug, revision: article.revision, status: article.status, ...metadata },
    });
  }

  /** Loads an article of the viewer's tenant for writing, locking its row so concurrent saves queue. */
  private async load(tx: EntityManager, viewer: StaffViewer, idOrSlug: string): Promise<KbArticle> {
    const key = idOrSlug.trim();
    const where = isUuid(key) ? { id: key.toLowerCase() } : { slug: key };
    const article = await tx.findOne(KbArticle, { ...where, tenant: viewer.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!article) throw new ArticleNotFoundError();
    return article;
  }

  async create(viewer: StaffViewer, input: ArticleInput, client: ClientInfo): Promise<KbStaffArticle> {
    this.requireWriter(viewer);
    const title = requiredText('title', input.title, TITLE_MAX);
    const markdown = requiredText('markdown', input.markdown, BODY_MAX);
    const slug = input.slug == null || !input.slug.trim() ? null : slugOf(input.slug);
    const id = await this.em.transactional(async (tx) => {
      const article = await insertArticle(
        tx,
        viewer.tenantId,
        {
          title,
          bodyMarkdown: markdown,
          bodyHtml: renderMarkdown(markdown),
          category: categoryOf(input.category),
          tags: tagsOf(input.tags ?? []),
          visibility: input.visibility,
          status: 'DRAFT',
          author: tx.getReference(User, viewer.userId),
          updatedBy: tx.getReference(User, viewer.userId),
        },
        slug,
      );
      this.audit(tx, viewer, client, 'kb.article_created', article, {});
      return article.id;
    });
    return this.getStaff(viewer, id);
  }

  /**
   * Saves changes as a new revision: the previous content is kept in kb_article_revisions, `revision` goes
   * up by one, the markdown is rendered again. Nothing changed, nothing saved.
   */
  async update(viewer: StaffViewer, idOrSlug: string, changes: ArticleChanges, client: ClientInfo): Promise<KbStaffArticle> {
    this.requireWriter(viewer);
    const id = await this.em.transactional(async (tx) => {
      const article = await this.load(tx, viewer, idOrSlug);
      if (changes.revision != null && changes.revision !== article.revision) throw new StaleRevisionError(article.revision);
      const next: Partial<Pick<KbArticle, (typeof CONTENT)[number]>> = {};
      if (changes.title != null) next.title = requiredText('title', changes.title, TITLE_MAX);
      if (changes.markdown != null) next.bodyMarkdown = requiredText('markdown', changes.markdown, BODY_MAX);
      if (changes.slug != null) next.slug = slugOf(changes.slug);
      if (changes.category !== undefined) next.category = categoryOf(changes.category);
      if (changes.tags !== undefined) next.tags = tagsOf(changes.tags ?? []);
      if (changes.visibility != null) next.visibility = changes.visibility;
      await this.save(tx, viewer, client, article, next, 'kb.article_updated');
      return article.id;
    });
    return this.getStaff(viewer, id);
  }

  /** Brings back the content of an earlier revision as a new save (the slug stays: links keep working). */
  async restore(viewer: StaffViewer, idOrSlug: string, revision: number, client: ClientInfo): Promise<KbStaffArticle> {
    this.requireWriter(viewer);
    const id = await this.em.transactional(async (tx) => {
      const article = await this.load(tx, viewer, idOrSlug);
      if (revision === article.revision) return article.id; // already the current content
      const kept = await tx.findOne(KbArticleRevision, { article: article.id, tenant: viewer.tenantId, revision });
      if (!kept) throw new RevisionNotFoundError(revision);
      const { title, bodyMarkdown, category, tags, visibility } = kept;
      await this.save(tx, viewer, client, article, { title, bodyMarkdown, category, tags, visibility }, 'kb.article_restored', { restoredRevision: revision });
      return article.id;
    });
    return this.getStaff(viewer, id);
  }

  private async save(
    tx: EntityManager,
    viewer: StaffViewer,
    client: ClientInfo,
    article: KbArticle,
    next: Partial<Pick<KbArticle, (typeof CONTENT)[number]>>,
    action: string,
    metadata: Record<string, unknown> = {},
  ): Promise<void> {
    const changed = CONTENT.filter((k) => next[k] !== undefined && JSON.stringify(next[k]) !== JSON.stringify(article[k] ?? null));
    if (!changed.length) return;
    if (next.slug && next.slug !== article.slug) {
      const clash = await tx.count(KbArticle, { tenant: viewer.tenantId, slug: next.slug, id: { $ne: article.id } });
      if (clash) throw new SlugTakenError(next.slug);
    }
    tx.create(KbArticleRevision, {
      tenant: tx.getReference(Tenant, viewer.tenantId),
      article,
      revision: article.revision,
      slug: article.slug,
      title: article.title,
      bodyMarkdown: article.bodyMarkdown,
      bodyHtml: article.bodyHtml,
      category: article.category ?? null,
      tags: article.tags,
      visibility: article.visibility,
      status: article.status,
      savedBy: article.updatedBy ?? article.author ?? null,
      savedAt: article.updatedAt,
    });
    const fromRevision = article.revision;
    for (const k of changed) (article as unknown as Record<string, unknown>)[k] = next[k];
    if (changed.includes('bodyMarkdown')) article.bodyHtml = renderMarkdown(article.bodyMarkdown);
    article.revision += 1;
    article.updatedBy = tx.getReference(User, viewer.userId) as never;
    article.updatedAt = new Date();
    try {
      await tx.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException && next.slug) throw new SlugTakenError(next.slug);
      throw e;
    }
    this.audit(tx, viewer, client, action, article, { fromRevision, changed: changed.map((k) => (k === 'bodyMarkdown' ? 'markdown' : k)), ...metadata });
  }

  /** DRAFT or ARCHIVED → PUBLISHED. PUBLIC articles become visible to customers at once. */
  publish(viewer: StaffViewer, idOrSlug: string, client: ClientInfo): Promise<KbStaffArticle> {
    return this.transition(viewer, idOrSlug, 'PUBLISHED', client);
  }

  /** DRAFT or PUBLISHED → ARCHIVED: kept for staff, gone from the portal. */
  archive(viewer: StaffViewer, idOrSlug: string, client: ClientInfo): Promise<KbStaffArticle> {
    return this.transition(viewer, idOrSlug, 'ARCHIVED', client);
  }

  private async transition(viewer: StaffViewer, idOrSlug: string, to: ArticleStatus, client: ClientInfo): Promise<KbStaffArticle> {
    this.requireWriter(viewer);
    const id = await this.em.transactional(async (tx) => {
      const article = await this.load(tx, viewer, idOrSlug);
      const from = article.status;
      if (from === to) throw new InvalidArticleTransitionError(from, to);
      const now = new Date();
      article.status = to;
      if (to === 'PUBLISHED') {
        article.publishedAt = now;
        article.archivedAt = null;
      } else {
        article.archivedAt = now;
      }
      await tx.flush();
      this.audit(tx, viewer, client, to === 'PUBLISHED' ? 'kb.article_published' : 'kb.article_archived', article, { from });
      if (to === 'PUBLISHED' || from === 'PUBLISHED') {
        emitEvent(tx, viewer.tenantId, to === 'PUBLISHED' ? 'kb.article_published' : 'kb.article_unpublished', {
          articleId: article.id,
          slug: article.slug,
          visibility: article.visibility,
        });
      }
      return article.id;
    });
    return this.getStaff(viewer, id);
  }
}
