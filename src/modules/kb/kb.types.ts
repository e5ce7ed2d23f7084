import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';
import type { Visibility } from '../incident/incident.entity';
import { VisibilityEnum } from '../incident/incident.types';
import { ARTICLE_STATUSES, type ArticleStatus } from './kb.entity';

@ObjectType({ simpleResolvers: true, description: 'An article card in a list or search result.' })
export class KbArticleCard {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() title!: string;
  @Field({ description: 'The start of the article as plain text.' }) excerpt!: string;
  @Field(() => String, { nullable: true, description: 'HTML-escaped snippet with <mark> around matches (searches only).' }) highlight!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => Date, { nullable: true }) publishedAt!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class KbArticleView {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field({ description: 'The article source.' }) markdown!: string;
  @Field({ description: 'Rendered and sanitized on save: safe to insert into a page.' }) html!: string;
  @Field(() => Date, { nullable: true }) publishedAt!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class KbArticlePage {
  @Field(() => [KbArticleCard]) items!: KbArticleCard[];
  @Field(() => Pagination) pagination!: Pagination;
  @Field({ description: 'True when nothing matched every word and these are the closest titles (typo fallback).' }) fuzzy!: boolean;
}

export const ArticleStatusEnum = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, s])) as { [K in ArticleStatus]: K };
registerEnumType(ArticleStatusEnum, { name: 'ArticleStatus', description: 'DRAFT → PUBLISHED → ARCHIVED (an archived article can be published again).' });

@ObjectType({ simpleResolvers: true, description: 'A staff member named on an article, by display name.' })
export class KbStaffMember {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Staff: an article card in a list or search result, with its workflow state.' })
export class KbStaffArticleCard extends KbArticleCard {
  @Field(() => ArticleStatusEnum) status!: ArticleStatus;
  @Field(() => VisibilityEnum, { description: 'PUBLIC articles are shown to customers once published; INTERNAL ones never are.' }) visibility!: Visibility;
  @Field(() => Int, { description: 'The current revision number (1 on create, +1 on every save).' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'The incident it was drafted from, if any.' }) sourceIncidentId!: string | null;
  @Field(() => KbStaffMember, { nullable: true }) author!: KbStaffMember | null;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class KbStaffArticlePage {
  @Field(() => [KbStaffArticleCard]) items!: KbStaffArticleCard[];
  @Field(() => Pagination) pagination!: Pagination;
  @Field({ description: 'True when nothing matched every word and these are the closest titles (typo fallback).' }) fuzzy!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Staff: an article of any status or visibility.' })
export class KbStaffArticle {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field({ description: 'The article source.' }) markdown!: string;
  @Field({ description: 'Rendered and sanitized on save: safe to insert into a page.' }) html!: string;
  @Field(() => ArticleStatusEnum) status!: ArticleStatus;
  @Field(() => VisibilityEnum) visibility!: Visibility;
  @Field(() => Int, { description: 'The current revision number; send it with an update to refuse lost writes.' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'The incident it was drafted from, if any.' }) sourceIncidentId!: string | null;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who created it.' }) author!: KbStaffMember | null;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who saved the current revision.' }) updatedBy!: KbStaffMember | null;
  @Field(() => Date, { nullable: true }) publishedAt!: string | null;
  @Field(() => Date, { nullable: true }) archivedAt!: string | null;
  @Field(() => Date) createdAt!: string;
  @Field(() => Date) updatedAt!: string;
}

@ObjectType('KbArticleRevision', { simpleResolvers: true, description: 'A kept earlier version of an article.' })
export class KbArticleRevisionView {
  @Field(() => Int) revision!: number;
  @Field() slug!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => VisibilityEnum) visibility!: Visibility;
  @Field(() => ArticleStatusEnum, { description: 'The status the article had when this version was replaced.' }) status!: ArticleStatus;
  @Field() markdown!: string;
  @Field() html!: string;
  @Field(() => KbStaffMember, { nullable: true, description: 'Who saved this version.' }) savedBy!: KbStaffMember | null;
  @Field(() => Date, { description: 'When this version was saved.' }) savedAt!: string;
  @Field(() => Date, { description: 'When a later save replaced it.' }) replacedAt!: string;
}
