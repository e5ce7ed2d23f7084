import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import type { Visibility } from '../incident/incident.entity';

export const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * A knowledge-base article. Markdown is rendered to sanitized HTML once, on save. `search` is a generated,
 * weighted tsvector (title A, category B, body C; tags are matched exactly, array_to_string is not immutable) with a GIN index for full-text search.
 */
@Entity({ tableName: 'kb_articles' })
@Unique({ properties: ['tenant', 'slug'] })
@Index({ properties: ['tenant', 'status', 'visibility'] })
@Index({ name: 'kb_articles_search_index', expression: 'create index "kb_articles_search_index" on "kb_articles" using gin ("search")' })
export class KbArticle {
  [OptionalProps]?: 'id' | 'category' | 'tags' | 'author' | 'publishedAt' | 'createdAt' | 'updatedAt' | 'search';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'cascade' })
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

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

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
