import { BadRequestError, ConflictError, NotFoundError } from '../../shared/errors';

export class ArticleNotFoundError extends NotFoundError {
  override readonly code = 'ARTICLE_NOT_FOUND';
  constructor() {
    super('Article not found.');
  }
}

export class RevisionNotFoundError extends NotFoundError {
  override readonly code = 'REVISION_NOT_FOUND';
  constructor(revision: number) {
    super(`The article has no revision ${revision}.`);
  }
}

export class SlugTakenError extends ConflictError {
  override readonly code = 'SLUG_TAKEN';
  constructor(slug: string) {
    super(`Another article of this workspace already uses the slug "${slug}".`, { fieldErrors: [{ code: 'SLUG_TAKEN', field: 'slug', message: 'is already used by another article' }] });
  }
}

export class StaleRevisionError extends ConflictError {
  override readonly code = 'STALE_REVISION';
  constructor(current: number) {
    super(`The article changed since you loaded it (now revision ${current}). Reload it and apply your change again.`, { details: { currentRevision: current } });
  }
}

export class InvalidArticleTransitionError extends BadRequestError {
  override readonly code = 'INVALID_TRANSITION';
  constructor(from: string, to: string) {
    super(`An article cannot go from ${from} to ${to}.`, { details: { from, to } });
  }
}
