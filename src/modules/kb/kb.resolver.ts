import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { customerViewer, staffViewer } from '../../graphql/viewer';
import { CreateKbArticleInput, KbArticleArchiveInput, KbArticleCreateInput, KbArticleFilterInput, KbArticlePublishInput, KbArticleRevisionRestoreInput, KbArticleUpdateInput, UpdateKbArticleInput } from './kb.inputs';
import { KbArticleArchivePayload, KbArticleConnection, KbArticleCreatePayload, KbArticlePage, KbArticlePublishPayload, KbArticleRevisionConnection, KbArticleRevisionRestorePayload, KbArticleRevisionView, KbArticleUpdatePayload, KbArticleView, KbStaffArticle, KbStaffArticleConnection, KbStaffArticlePage } from './kb.types';
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

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: writes a new article, saved as a DRAFT.', deprecationReason: replacedBy('kbArticleCreate') })
  createKbArticle(@Arg('input', { description: 'The new article.' }) input: CreateKbArticleInput, @Ctx() ctx: Context) {
    return ctx.services.kb.create(staffViewer(ctx), input, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: saves changes as a new revision, keeping the previous one.', deprecationReason: replacedBy('kbArticleUpdate') })
  updateKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdateKbArticleInput, @Ctx() ctx: Context) {
    return ctx.services.kb.update(staffViewer(ctx), id, input, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: publishes a DRAFT or ARCHIVED article (PUBLIC ones reach the portal at once).', deprecationReason: replacedBy('kbArticlePublish') })
  publishKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.kb.publish(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: archives an article (gone from the portal, kept for staff).', deprecationReason: replacedBy('kbArticleArchive') })
  archiveKbArticle(@Arg('id', () => ID, { description: 'The id or the slug.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.kb.archive(staffViewer(ctx), id, ctx.client);
  }

  @Mutation(() => KbStaffArticle, { description: 'ENGINEER: saves the content of an earlier revision as a new revision.', deprecationReason: replacedBy('kbArticleRevisionRestore') })
  restoreKbArticleRevision(
    @Arg('id', () => ID, { description: 'The id or the slug.' }) id: string,
    @Arg('revision', () => Int, { description: 'The revision number to bring back.' }) revision: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.kb.restore(staffViewer(ctx), id, revision, ctx.client);
  }

  // ---- Issue 15: the object-first mutations, the same service calls as the ones above ----

  @Mutation(() => KbArticleCreatePayload, { description: 'ENGINEER: writes a new article, saved as a DRAFT.' })
  async kbArticleCreate(@Arg('input', { description: 'The new article.' }) input: KbArticleCreateInput, @Ctx() ctx: Context): Promise<KbArticleCreatePayload> {
    return { article: await ctx.services.kb.create(staffViewer(ctx), input, ctx.client) };
  }

  @Mutation(() => KbArticleUpdatePayload, { description: 'ENGINEER: saves changes as a new revision, keeping the previous one.' })
  async kbArticleUpdate(@Arg('input', { description: 'The article and what to change.' }) input: KbArticleUpdateInput, @Ctx() ctx: Context): Promise<KbArticleUpdatePayload> {
    const { id, ...changes } = input;
    return { article: await ctx.services.kb.update(staffViewer(ctx), id, changes, ctx.client) };
  }

  @Mutation(() => KbArticlePublishPayload, { description: 'ENGINEER: publishes a DRAFT or ARCHIVED article (PUBLIC ones reach the portal at once).' })
  async kbArticlePublish(@Arg('input', { description: 'The article.' }) input: KbArticlePublishInput, @Ctx() ctx: Context): Promise<KbArticlePublishPayload> {
    return { article: await ctx.services.kb.publish(staffViewer(ctx), input.id, ctx.client) };
  }

  @Mutation(() => KbArticleArchivePayload, { description: 'ENGINEER: archives an article (gone from the portal, kept for staff).' })
  async kbArticleArchive(@Arg('input', { description: 'The article.' }) input: KbArticleArchiveInput, @Ctx() ctx: Context): Promise<KbArticleArchivePayload> {
    return { article: await ctx.services.kb.archive(staffViewer(ctx), input.id, ctx.client) };
  }

  @Mutation(() => KbArticleRevisionRestorePayload, { description: 'ENGINEER: saves the content of an earlier revision as a new revision.' })
  async kbArticleRevisionRestore(
    @Arg('input', { description: 'The article and the revision to bring back.' }) input: KbArticleRevisionRestoreInput,
    @Ctx() ctx: Context,
  ): Promise<KbArticleRevisionRestorePayload> {
    return { article: await ctx.services.kb.restore(staffViewer(ctx), input.id, input.revision, ctx.client) };
  }
}
