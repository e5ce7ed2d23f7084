import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { Incident, type Visibility } from '../incident/incident.entity';

export const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * A knowledge-base article. Markdown is rendered to sanitized HTML once, on save. `search` is a generated,
 * weighted tsvector (title A, category B, body C; tags are matched exactly, array_to_string is not immutable) with a GIN index for full-text search.
 * Each save keeps the previous content as a KbArticleRevision and bumps `revision`.
 */
@Entity({ tableName: 'kb_articles' })
@Unique({ properties: ['tenant', 'slug'] })
@Index({ properties: ['tenant', 'status', 'visibility'] })
@Index({ properties: ['tenant', 'sourceIncident'] })
// The orders of the article lists and connections without a search (kb.read.ts articlesQuery): staff by last change,
// customers by publication.
@Index({ properties: ['tenant', 'updatedAt', 'id'] })
@Index({ properties: ['tenant', 'publishedKey', 'id'] })
@Index({ name: 'kb_articles_search_index', expression: 'create index "kb_articles_search_index" on "kb_articles" using gin ("search")' })
export class KbArticle {
  [OptionalProps]?:
    | 'id'
    | 'category'
    | 'tags'
    | 'author'
    | 'updatedBy'
    | 'publishedAt'
    | 'archivedAt'
    | 'sourceIncident'
    | 'revision'
    | 'createdAt'
    | 'updatedAt'
    | 'search';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  bodyMarkdown!: string;

  /** Rendered from bodyMarkdown on save and sanitized: no scripts, event handlers or javascript: links. */
  @Property({ type: 'text' })
  bodyHtml!: string;

  @Property({ type: 'text', nullable: true })
  category?: string | null;

  @Property({ type: 'text[]', default: '{}' })
  tags: string[] = [];

  @Enum({ items: () => ['PUBLIC', 'INTERNAL'] as const, nativeEnumName: 'visibility' })
  visibility!: Visibility;

  @Enum({ items: () => ARTICLE_STATUSES, nativeEnumName: 'article_status' })
  status!: ArticleStatus;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<User> | null;

  /** Who saved the current revision. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  updatedBy?: Ref<User> | null;

  /** The current revision number: 1 on create, +1 on every save (the previous content goes to kb_article_revisions). */
  @Property({ type: 'integer', default: 1 })
  revision: number = 1;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  /**
   * When it was published, else created, generated: the customers' list order (kb.read.ts articlesQuery). A
   * column, so a cursor's comparison is an index condition under row-level security (an expression is not).
   */
  @Property({ type: 'timestamptz', nullable: true, lazy: true, generated: '(COALESCE(published_at, created_at)) stored' })
  publishedKey?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  /** The incident this article was drafted from when it was resolved. */
  @ManyToOne(() => Incident, { ref: true, nullable: true, updateRule: 'no action', deleteRule: 'no action' })
  sourceIncident?: Ref<Incident> | null;

  @Property({
    type: 'tsvector',
    nullable: true,
    lazy: true,
    // Written exactly as PostgreSQL prints it back, so the schema diff sees no change.
    generated: `((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(category, ''::text)), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, body_markdown), 'C'::"char")) stored`,
  })
  search?: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A previous version of an article's content, kept when a save replaced it. `revision` is the number that
 * version had; restoring one saves its content again as a new revision.
 */
@Entity({ tableName: 'kb_article_revisions' })
@Unique({ properties: ['tenant', 'article', 'revision'] })
@Index({ properties: ['tenant', 'article'] })
export class KbArticleRevision {
  [OptionalProps]?: 'id' | 'category' | 'tags' | 'savedBy' | 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @ManyToOne(() => KbArticle, { ref: true, updateRule: 'no action', deleteRule: 'cascade' })
  article!: Ref<KbArticle>;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  bodyMarkdown!: string;

  @Property({ type: 'text' })
  bodyHtml!: string;

  @Property({ type: 'text', nullable: true })
  category?: string | null;

  @Property({ type: 'text[]', default: '{}' })
  tags: string[] = [];

  @Enum({ items: () => ['PUBLIC', 'INTERNAL'] as const, nativeEnumName: 'visibility' })
  visibility!: Visibility;

  @Enum({ items: () => ARTICLE_STATUSES, nativeEnumName: 'article_status' })
  status!: ArticleStatus;

  /** Who saved this version, and when. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  savedBy?: Ref<User> | null;

  @Property({ type: 'timestamptz' })
  savedAt!: Date;

  /** When a later save replaced it. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
