import { ArrayMaxSize, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Visibility } from '../incident/incident.entity';
import { VisibilityEnum } from '../incident/incident.types';
import type { ArticleStatus } from './kb.entity';
import { ArticleStatusEnum } from './kb.types';
import { TextLength } from '../../shared/text';

export const TITLE_MAX = 200;
export const BODY_MAX = 100_000;
export const CATEGORY_MAX = 100;
export const TAGS_MAX = 20;
export const TAG_MAX = 50;
export const SLUG_MAX = 100;

@InputType({ description: 'A new article: saved as a DRAFT, revision 1.' })
export class CreateKbArticleInput {
  @Field({ description: 'The title, 1 to 200 characters.' }) @TextLength({ min: 1, max: TITLE_MAX }) title!: string;
  @Field(() => String, { nullable: true, description: 'Lower-case letters, digits and dashes; derived from the title when omitted.' })
  @IsOptional()
  @TextLength({ max: SLUG_MAX })
  slug?: string | null;
  @Field({ description: 'Markdown; rendered to sanitized HTML on save.' }) @TextLength({ min: 1, max: BODY_MAX }) markdown!: string;
  @Field(() => String, { nullable: true, description: 'A category to group articles by, at most 100 characters.' }) @IsOptional() @TextLength({ max: CATEGORY_MAX }) category?: string | null;
  @Field(() => [String], { nullable: true, description: `At most ${TAGS_MAX}; stored lower-cased.` })
  @IsOptional()
  @ArrayMaxSize(TAGS_MAX, { message: `must list at most ${TAGS_MAX} tags` })
  @IsString({ each: true })
  tags?: string[] | null;
  @Field(() => VisibilityEnum, { description: 'PUBLIC: customers see it once published. INTERNAL: staff only.' }) visibility!: Visibility;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are, null clears category or tags. Every change is a new revision.' })
export class UpdateKbArticleInput {
  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters.' }) @IsOptional() @TextLength({ min: 1, max: TITLE_MAX }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Changing it breaks links to the old one.' })
  @IsOptional()
  @TextLength({ max: SLUG_MAX })
  slug?: string | null;
  @Field(() => String, { nullable: true, description: 'New markdown; rendered to sanitized HTML on save.' }) @IsOptional() @TextLength({ min: 1, max: BODY_MAX }) markdown?: string | null;
  @Field(() => String, { nullable: true, description: 'A new category; null: none.' }) @IsOptional() @TextLength({ max: CATEGORY_MAX }) category?: string | null;
  @Field(() => [String], { nullable: true, description: 'The new tags (they replace the old ones); null: none.' })
  @IsOptional()
  @ArrayMaxSize(TAGS_MAX, { message: `must list at most ${TAGS_MAX} tags` })
  @IsString({ each: true })
  tags?: string[] | null;
  @Field(() => VisibilityEnum, { nullable: true, description: 'PUBLIC or INTERNAL.' }) visibility?: Visibility | null;
  @Field(() => Int, { nullable: true, description: 'The revision you edited; refused with STALE_REVISION if the article moved past it.' })
  revision?: number | null;
}

@InputType({ description: 'Which articles staff list; all given conditions must hold.' })
export class KbArticleFilterInput {
  @Field(() => String, { nullable: true, description: 'Full-text search (words, "phrases", -excluded), with a typo fallback.' })
  @IsOptional()
  @TextLength({ max: 200 })
  q?: string | null;
  @Field(() => ArticleStatusEnum, { nullable: true, description: 'Articles in this status.' }) status?: ArticleStatus | null;
  @Field(() => VisibilityEnum, { nullable: true, description: 'PUBLIC or INTERNAL articles only.' }) visibility?: Visibility | null;
  @Field(() => String, { nullable: true, description: 'Articles of this category.' }) @IsOptional() @TextLength({ max: CATEGORY_MAX }) category?: string | null;
  @Field(() => String, { nullable: true, description: 'Articles with this tag.' }) @IsOptional() @TextLength({ max: TAG_MAX }) tag?: string | null;
  @Field(() => ID, { nullable: true, description: 'Articles drafted from this incident.' }) sourceIncidentId?: string | null;
}

// ---- Issue 15: the inputs of the object-first knowledge-base mutations (the article's id or slug as a field) ----

@InputType({ description: 'A new article (kbArticleCreate): saved as a DRAFT, revision 1.' })
export class KbArticleCreateInput extends CreateKbArticleInput {}

@InputType({ description: 'The article and the fields to change; omitted fields stay as they are, null clears category or tags. Every change is a new revision.' })
export class KbArticleUpdateInput extends UpdateKbArticleInput {
  @Field(() => ID, { description: 'The id or the slug.' }) id!: string;
}

@InputType({ description: 'The article to publish.' })
export class KbArticlePublishInput {
  @Field(() => ID, { description: 'The id or the slug.' }) id!: string;
}

@InputType({ description: 'The article to archive.' })
export class KbArticleArchiveInput {
  @Field(() => ID, { description: 'The id or the slug.' }) id!: string;
}

@InputType({ description: 'The article and the earlier revision to bring back.' })
export class KbArticleRevisionRestoreInput {
  @Field(() => ID, { description: 'The id or the slug.' }) id!: string;
  @Field(() => Int, { description: 'The revision number to bring back.' }) revision!: number;
}
