import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer } from '../../graphql/viewer';
import { KbArticlePage, KbArticleView } from './kb.types';

@Resolver()
export class KbResolver {
  @Query(() => KbArticlePage, { description: 'Customer: the published PUBLIC knowledge-base articles of my company.' })
  kbArticles(
    @Ctx() ctx: Context,
    @Arg('q', () => String, { nullable: true, description: 'Full-text search (words, "phrases", -excluded).' }) q?: string | null,
    @Arg('category', () => String, { nullable: true }) category?: string | null,
    @Arg('tag', () => String, { nullable: true }) tag?: string | null,
    @Arg('page', () => Int, { nullable: true, defaultValue: 1 }) page?: number | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 20, description: 'At most 100.' }) limit?: number | null,
  ) {
    return ctx.services.kb.search(customerViewer(ctx), { q, category, tag }, page ?? 1, limit ?? 20);
  }

  @Query(() => KbArticleView, { description: 'Customer: one published PUBLIC article by slug.' })
  kbArticle(@Arg('slug') slug: string, @Ctx() ctx: Context) {
    return ctx.services.kb.get(customerViewer(ctx), slug);
  }
}
