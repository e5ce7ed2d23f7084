import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import { connectionType } from '../../shared/connection.types';
import type { Visibility } from '../incident/incident.entity';
import { VisibilityEnum } from '../incident/incident.types';
import { ARTICLE_STATUSES, type ArticleStatus } from './kb.entity';

@ObjectType({ simpleResolvers: true, description: 'An article card in a list or search result.' })
export class KbArticleCard {
  @Field(() => ID, { description: "The article's id." }) id!: string;
  @Field({ description: 'Its slug, as URLs and kbArticle take it.' }) slug!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field({ description: 'The start of the article as plain text.' }) excerpt!: string;
  @Field(() => String, { nullable: true, description: 'HTML-escaped snippet with <mark> around matches (searches only).' }) highlight!: string | null;
  @Field(() => String, { nullable: true, description: 'Its category, if any.' }) category!: string | null;
  @Field(() => [String], { description: 'Its tags, lower-case.' }) tags!: string[];
  @Field(() => Date, { nullable: true, description: 'When it was (last) published; null for drafts.' }) publishedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A published PUBLIC article, as customers read it.' })
export class KbArticleView {
  @Field(() => ID, { description: "The article's id." }) id!: string;
  @Field({ description: 'Its slug.' }) slug!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Its category, if any.' }) category!: string | null;
  @Field(() => [String], { description: 'Its tags, lower-case.' }) tags!: string[];
  @Field({ description: 'The article source.' }) markdown!: string;
  @Field({ description: 'Rendered and sanitized on save: safe to insert into a page.' }) html!: string;
  @Field(() => Date, { nullable: true, description: 'When it was (last) published.' }) publishedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of articles for customers, best match first when searching.' })
export class KbArticlePage {
  @Field(() => [KbArticleCard], { description: 'The articles of this page.' }) items!: KbArticleCard[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
  @Field({ description: 'True when nothing matched every word and these are the closest titles (typo fallback).' }) fuzzy!: boolean;
}

export const ArticleStatusEnum = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, s])) as { [K in ArticleStatus]: K };
registerEnumType(ArticleStatusEnum, {
  name: 'ArticleStatus',
  description: 'DRAFT → PUBLISHED → ARCHIVED (an archived article can be published again).',
  valuesConfig: {
    DRAFT: { description: 'Being written: staff only.' },
    PUBLISHED: { description: 'Live: customers see it if PUBLIC.' },
    ARCHIVED: { description: 'Withdrawn: staff only, may be published again.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A staff member named on an article, by display name.' })
export class KbStaffMember {
  @Field(() => ID, { description: "The staff member's id." }) id!: string;
  @Field({ description: 'Their name.' }) displayName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Staff: an article card in a list or search result, with its workflow state.' })
export class KbStaffArticleCard extends KbArticleCard {
  @Field(() => ArticleStatusEnum, { description: 'DRAFT, PUBLISHED or ARCHIVED.' }) status!: ArticleStatus;
  @Field(() => VisibilityEnum, { description: 'PUBLIC articles are shown to customers once published; INTERNAL ones never are.' }) visibility!: Visibility;
  @Field(() => Int, { description: 'The current revision number (1 on create, +1 on every save).' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'The incident it was drafted from, if any.' }) sourceIncidentId!: string | null;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who created it.' }) author!: KbStaffMember | null;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: string;
  @Field(() => Date, { description: 'When its current revision was saved.' }) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of articles for staff, best match first when searching.' })
export class KbStaffArticlePage {
  @Field(() => [KbStaffArticleCard], { description: 'The articles of this page.' }) items!: KbStaffArticleCard[];
  @Field(() => Pagination, { description: 'Where this page is in the whole list.' }) pagination!: Pagination;
  @Field({ description: 'True when nothing matched every word and these are the closest titles (typo fallback).' }) fuzzy!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Staff: an article of any status or visibility.' })
export class KbStaffArticle {
  @Field(() => ID, { description: "The article's id." }) id!: string;
  @Field({ description: 'Its slug.' }) slug!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Its category, if any.' }) category!: string | null;
  @Field(() => [String], { description: 'Its tags, lower-case.' }) tags!: string[];
  @Field({ description: 'The article source.' }) markdown!: string;
  @Field({ description: 'Rendered and sanitized on save: safe to insert into a page.' }) html!: string;
  @Field(() => ArticleStatusEnum, { description: 'DRAFT, PUBLISHED or ARCHIVED.' }) status!: ArticleStatus;
  @Field(() => VisibilityEnum, { description: 'PUBLIC articles are shown to customers once published; INTERNAL ones never are.' }) visibility!: Visibility;
  @Field(() => Int, { description: 'The current revision number; send it with an update to refuse lost writes.' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'The incident it was drafted from, if any.' }) sourceIncidentId!: string | null;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who created it.' }) author!: KbStaffMember | null;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who saved the current revision.' }) updatedBy!: KbStaffMember | null;
  @Field(() => Date, { nullable: true, description: 'When it was (last) published.' }) publishedAt!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was archived; null unless ARCHIVED.' }) archivedAt!: string | null;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: string;
  @Field(() => Date, { description: 'When its current revision was saved.' }) updatedAt!: string;
}

@ObjectType('KbArticleRevision', { simpleResolvers: true, description: 'A kept earlier version of an article.' })
export class KbArticleRevisionView {
  @Field(() => Int, { description: 'The revision number.' }) revision!: number;
  @Field({ description: 'The slug it had.' }) slug!: string;
  @Field({ description: 'The title it had.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The category it had.' }) category!: string | null;
  @Field(() => [String], { description: 'The tags it had.' }) tags!: string[];
  @Field(() => VisibilityEnum, { description: 'The visibility it had.' }) visibility!: Visibility;
  @Field(() => ArticleStatusEnum, { description: 'The status the article had when this version was replaced.' }) status!: ArticleStatus;
  @Field({ description: 'Its markdown.' }) markdown!: string;
  @Field({ description: 'Its rendered, sanitized HTML.' }) html!: string;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who saved this version.' }) savedBy!: KbStaffMember | null;
  @Field(() => Date, { description: 'When this version was saved.' }) savedAt!: string;
  @Field(() => Date, { description: 'When a later save replaced it.' }) replacedAt!: string;
}

// ---- Issue 15: the payloads of the object-first knowledge-base mutations ----

@ObjectType({ simpleResolvers: true, description: 'What kbArticleCreate answers.' })
export class KbArticleCreatePayload {
  @Field(() => KbStaffArticle, { description: 'The new article, a DRAFT at revision 1.' }) article!: KbStaffArticle;
}

@ObjectType({ simpleResolvers: true, description: 'What kbArticleUpdate answers.' })
export class KbArticleUpdatePayload {
  @Field(() => KbStaffArticle, { description: 'The article at its new revision.' }) article!: KbStaffArticle;
}

@ObjectType({ simpleResolvers: true, description: 'What kbArticlePublish answers.' })
export class KbArticlePublishPayload {
  @Field(() => KbStaffArticle, { description: 'The article, PUBLISHED.' }) article!: KbStaffArticle;
}

@ObjectType({ simpleResolvers: true, description: 'What kbArticleArchive answers.' })
export class KbArticleArchivePayload {
  @Field(() => KbStaffArticle, { description: 'The article, ARCHIVED.' }) article!: KbStaffArticle;
}

@ObjectType({ simpleResolvers: true, description: 'What kbArticleRevisionRestore answers.' })
export class KbArticleRevisionRestorePayload {
  @Field(() => KbStaffArticle, { description: 'The article at the new revision holding the earlier content.' }) article!: KbStaffArticle;
}
/** Article revisions by cursor (kbArticleRevisionsConnection), newest first. */
export const KbArticleRevisionConnection = connectionType(KbArticleRevisionView, 'KbArticleRevision', 'kept article versions');
/** Published PUBLIC articles by cursor for customers (kbArticlesConnection): best match first when searching, else newest. */
export const KbArticleConnection = connectionType(KbArticleCard, 'KbArticle', 'knowledge-base articles');
/** Articles by cursor for staff (staffKbArticlesConnection): best match first when searching, else last changed. */
export const KbStaffArticleConnection = connectionType(KbStaffArticleCard, 'KbStaffArticle', 'knowledge-base articles (staff view)');
