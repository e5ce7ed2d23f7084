import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { findArticle, searchArticles, type KbQuery } from './kb.read';
import type { KbArticlePage, KbArticleView } from './kb.types';

export class ArticleNotFoundError extends NotFoundError {
  override readonly code = 'ARTICLE_NOT_FOUND';
  constructor() {
    super('Article not found.');
  }
}

/** The knowledge base as read by customers (published PUBLIC articles) and staff. */
export class KbService {
  constructor(private readonly em: EntityManager) {}

  async search(viewer: StaffViewer | CustomerViewer, query: KbQuery, page = 1, limit = 20): Promise<KbArticlePage> {
    if (!Number.isInteger(page) || page < 1) throw ValidationError.field('page', 'must be a whole number from 1');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw ValidationError.field('limit', 'must be a whole number from 1 to 100');
    if (query.q && query.q.length > 200) throw ValidationError.field('q', 'must be at most 200 characters');
    const { items, total } = await searchArticles(this.em, viewer, query, page, limit);
    return { items, pagination: { page, limit, total, totalPages: Math.ceil(total / limit) } };
  }

  async get(viewer: StaffViewer | CustomerViewer, slug: string): Promise<KbArticleView> {
    const article = await findArticle(this.em, viewer, slug);
    if (!article) throw new ArticleNotFoundError();
    return article;
  }
}
