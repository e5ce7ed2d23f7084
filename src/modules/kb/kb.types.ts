import { Field, ID, ObjectType } from 'type-graphql';
import { Pagination } from '../customer/customer.types';

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
}
