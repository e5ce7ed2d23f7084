import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { customerViewer, staffViewer } from '../../graphql/viewer';
import { CreateKbArticleInput, KbArticleFilterInput, UpdateKbArticleInput } from './kb.inputs';
import { KbArticleConnection, KbArticlePage, KbArticleRevisionConnection, KbStaffArticleConnection, KbArticleRevisionView, KbArticleView, KbStaffArticle, KbStaffArticlePage } from './kb.types';
import { ConnectionArgs } from '../../shared/connection.types';
import { LimitArg, PageArg } from '../../shared/listing';

@Resolver()
export class KbResolver {
  @Query(() => KbArticlePage, { description: 'Customer: the published PUBLIC knowledge-base articles of my company.' })
  kbArticles(
    @Ctx() ctx: Context,
    @Arg('q', () => String, { nullable: true, description: 'Full-text search (words, "phrases", -excluded), with a typo fallback.' }) q?: string | null,
    @Arg('category', () => String, { nullable: true, description: 'Articles of this category only.' }) category?: string | null,
    @Arg('tag', () => String, { nullable: true, description: 'Articles with this tag only.' }) tag?: string | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return ctx.services.kb.search(customerViewer(ctx), { q, category, tag }, page, limit);
  }

  @Query(() => KbArticleConnection, {
    description: 'Customer: the published PUBLIC articles of my company as a cursor connection (first/after, last/before): ranked when searching (no typo fallback), else newest first.',
  })
  kbArticlesConnection(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('q', () => String, { nullable: true, description: 'Full-text search (words, "phrases", -excluded); no typo fallback here.' }) q?: string | null,
    @Arg('category', () => String, { nullable: true, description: 'Articles of this category only.' }) category?: string | null,
    @Arg('tag', () => String, { nullable: true, description: 'Articles with this tag only.' }) tag?: string | null,
  ) {
    return ctx.services.kb.searchConnection(customerViewer(ctx), { q, category, tag }, args);
  }

  @Query(() => KbArticleView, { description: 'Customer: one published PUBLIC article by slug.' })
  kbArticle(@Arg('slug', { description: "The article's slug." }) slug: string, @Ctx() ctx: Context) {
    return ctx.services.kb.get(customerViewer(ctx), slug);
  }

  @Query(() => KbStaffArticlePage, { description: 'Staff: every article of the workspace (any status or visibility), searched and filtered.' })
  staffKbArticles(
    @Ctx() ctx: Context,
    @Arg('filter', () => KbArticleFilterInput, { nullable: true, description: 'Which articles; none: all of them.' }) filter?: KbArticleFilterInput | null,
    @PageArg() page?: number | null,
    @LimitArg() limit?: number | null,
  ) {
    return ctx.services.kb.searchStaff(staffViewer(ctx), filter ?? {}, page, limit);
  }

  @Query(() => KbStaffArticleConnection, {
    description: 'Staff: every article of the workspace as a cursor connection (first/after, last/before), filtered like `staffKbArticles`: ranked when searching (no typo fallback), else last changed first.',
  })
  staffKbArticlesConnection(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => KbArticleFilterInput, { nullable: true, description: 'Which articles; none: all of them.' }) filter?: KbArticleFilterInput | null,
  ) {
    return ctx.services.kb.searchConnection(staffViewer(ctx), filter ?? {}, args);
  }

  @Query(() => KbStaffArticle, { description: 'Staff: one article by id or slug.' })
  staffKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.kb.getStaff(staffViewer(ctx), id);
  }

  @Query(() => [KbArticleRevisionView], { description: 'Staff: the kept earlier versions of an article, newest first.' })
  kbArticleRevisions(@Arg('id', () => ID, { description: 'The article\'s id or slug.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.kb.revisions(staffViewer(ctx), id);
  }

  @Query(() => KbArticleRevisionConnection, { description: 'Staff: the kept earlier versions of an article as a cursor connection (first/after, last/before), newest first.' })
  kbArticleRevisionsConnection(@Arg('id', () => ID, { description: 'The article\'s id or slug.' }) id: string, @Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return ctx.services.kb.revisionsConnection(staffViewer(ctx), id, args);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: writes a new article, saved as a DRAFT.' })
  createKbArticle(@Arg('input', { description: 'The new article.' }) input: CreateKbArticleInput, @Ctx() ctx: Context) {
    return ctx.services.kb.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: saves changes as a new revision, keeping the previous one.' })
  updateKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdateKbArticleInput, @Ctx() ctx: Context) {
    return ctx.services.kb.update(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: publishes a DRAFT or ARCHIVED article (PUBLIC ones reach the portal at once).' })
  publishKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.kb.publish(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: archives an article (gone from the portal, kept for staff).' })
  archiveKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.kb.archive(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: saves the content of an earlier revision as a new revision.' })
  restoreKbArticleRevision(
    @Arg('id', () => ID, { description: 'The id or the slug.' }) id: string,
    @Arg('revision', () => Int, { description: 'The revision number to bring back.' }) revision: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.kb.restore(staffViewer(ctx), id, revision, ctx.client);
  }
}
