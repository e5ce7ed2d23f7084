import * as Op from '../../generated/operations';
import { bodyAsInput, route, type AnyRestRoute } from '../executor';
import { int, enumValue, bodyWithId } from './values';

/** The knowledge base for staff. */
export const kbRoutes: readonly AnyRestRoute[] = [
  // Knowledge base for staff (the portal routes above stay as they are)
  route({
    method: 'GET',
    path: '/api/v1/kb',
    operation: Op.RestStaffKbArticlesDocument,
    variables: (i) => ({
      filter: {
        q: i.query.q,
        status: enumValue(i.query.status),
        visibility: enumValue(i.query.visibility),
        category: i.query.category,
        tag: i.query.tag,
        sourceIncidentId: i.query.sourceIncidentId,
      },
      page: int(i.query.page),
      limit: int(i.query.limit),
    }),
    message: 'Articles retrieved.',
    data: (r) => r.staffKbArticles,
  }),
  route({
    method: 'POST',
    path: '/api/v1/kb',
    operation: Op.RestCreateKbArticleDocument,
    bodyFields: ['title', 'slug', 'markdown', 'category', 'tags', 'visibility'],
    variables: bodyAsInput,
    status: 201,
    message: 'Article created.',
    data: (r) => r.kbArticleCreate.article,
  }),
  route({ method: 'GET', path: '/api/v1/kb/:id', operation: Op.RestStaffKbArticleDocument, variables: (i) => ({ id: i.params.id }), message: 'Article retrieved.', data: (r) => r.staffKbArticle }),
  route({
    method: 'PATCH',
    path: '/api/v1/kb/:id',
    operation: Op.RestUpdateKbArticleDocument,
    bodyFields: ['title', 'slug', 'markdown', 'category', 'tags', 'visibility', 'revision'],
    variables: bodyWithId(),
    message: 'Article saved.',
    data: (r) => r.kbArticleUpdate.article,
  }),
  route({
    method: 'POST',
    path: '/api/v1/kb/:id/publish',
    operation: Op.RestPublishKbArticleDocument,
    variables: (i) => ({ id: i.params.id }),
    message: 'Article published.',
    data: (r) => r.kbArticlePublish.article,
  }),
  route({
    method: 'POST',
    path: '/api/v1/kb/:id/archive',
    operation: Op.RestArchiveKbArticleDocument,
    variables: (i) => ({ id: i.params.id }),
    message: 'Article archived.',
    data: (r) => r.kbArticleArchive.article,
  }),
  route({
    method: 'GET',
    path: '/api/v1/kb/:id/revisions',
    operation: Op.RestKbArticleRevisionsDocument,
    variables: (i) => ({ id: i.params.id }),
    message: 'Revisions retrieved.',
    data: (r) => r.kbArticleRevisions,
  }),
  route({
    method: 'POST',
    path: '/api/v1/kb/:id/revisions/:revision/restore',
    operation: Op.RestRestoreKbArticleRevisionDocument,
    variables: (i) => ({ id: i.params.id, revision: int(i.params.revision) as never }),
    message: 'Revision restored as a new revision.',
    data: (r) => r.kbArticleRevisionRestore.article,
  }),
];
