import { Migration } from '@mikro-orm/migrations';

/**
 * The Citus-ready layout (src/db/citus-layout.ts, docs/operations.md "Moving to Citus"): the tables to be
 * distributed by tenant_id get it in their primary key and in every foreign key between them, so that a row can
 * only ever point at a row of its own tenant. Runs in the migration's one transaction on a database with data:
 * keys are rebuilt, no row is touched; a cross-tenant reference, were there one, fails the new foreign key and
 * nothing is applied.
 *
 * Citus refuses two foreign-key actions once the distribution column is part of the key: ON UPDATE CASCADE (ids
 * never change, so nothing is lost) and ON DELETE SET NULL (even PostgreSQL 15's `SET NULL (column)`). The five
 * relations that were SET NULL point at rows the app never deletes on their own (incidents, portal users: only
 * with their tenant) or that it empties first (an organization: CustomerAdminService.delete unlinks its tickets).
 */

/** Primary keys: tenant_id first, then what the key was. */
const KEYS: [table: string, key: string[]][] = [
  ['customers', ['id']],
  ['customer_portal_users', ['id']],
  ['incidents', ['id']],
  ['incident_updates', ['id']],
  ['sla_policies', ['id']],
  ['incident_analyses', ['id']],
  ['incident_ratings', ['id']],
  ['incident_participants', ['id']],
  ['attachments', ['id']],
  ['kb_articles', ['id']],
  ['kb_article_revisions', ['id']],
  ['notification_preferences', ['owner_id', 'kind']],
];

/** Foreign keys between distributed tables: [table, column, referenced table, ON DELETE before, ON DELETE now]. */
const LINKS: [table: string, column: string, target: string, before: string, after: string][] = [
  ['attachment_chunks', 'attachment_id', 'attachments', 'cascade', 'cascade'],
  ['attachments', 'incident_id', 'incidents', 'cascade', 'cascade'],
  ['attachments', 'update_id', 'incident_updates', 'cascade', 'cascade'],
  ['attachments', 'uploader_customer_id', 'customer_portal_users', 'set null', 'no action'],
  ['customer_portal_users', 'customer_id', 'customers', 'set null', 'no action'],
  ['incident_analyses', 'incident_id', 'incidents', 'cascade', 'cascade'],
  ['incident_participants', 'customer_user_id', 'customer_portal_users', 'cascade', 'cascade'],
  ['incident_participants', 'incident_id', 'incidents', 'cascade', 'cascade'],
  ['incident_ratings', 'incident_id', 'incidents', 'cascade', 'cascade'],
  ['incident_ratings', 'rater_id', 'customer_portal_users', 'cascade', 'cascade'],
  ['incident_updates', 'author_customer_id', 'customer_portal_users', 'set null', 'no action'],
  ['incident_updates', 'incident_id', 'incidents', 'cascade', 'cascade'],
  ['incidents', 'customer_id', 'customers', 'set null', 'no action'],
  ['incidents', 'parent_id', 'incidents', 'set null', 'no action'],
  ['incidents', 'reporter_customer_id', 'customer_portal_users', 'set null', 'no action'],
  ['kb_article_revisions', 'article_id', 'kb_articles', 'cascade', 'cascade'],
  ['kb_articles', 'source_incident_id', 'incidents', 'set null', 'no action'],
];

/** The distributed tables' foreign key to tenants (a reference table): ON UPDATE CASCADE goes, ON DELETE CASCADE stays. */
const TENANT_LINKED = [
  'attachment_chunks', 'attachments', 'customers', 'customer_portal_users', 'incident_analyses', 'incident_participants',
  'incident_ratings', 'incident_updates', 'incidents', 'kb_article_revisions', 'kb_articles', 'sla_policies',
  'notification_preferences', 'notification_oncall_recipients',
];

/** Unique keys that lacked the tenant: [table, old name, old columns, new name]. */
const UNIQUES: [table: string, before: string, columns: string[], after: string][] = [
  ['incident_analyses', 'incident_analyses_incident_id_version_unique', ['incident_id', 'version'], 'incident_analyses_tenant_id_incident_id_version_unique'],
  ['kb_article_revisions', 'kb_article_revisions_article_id_revision_unique', ['article_id', 'revision'], 'kb_article_revisions_tenant_id_article_id_revision_unique'],
];

const cols = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export class Migration20261207175000 extends Migration {

  override async up(): Promise<void> {
    for (const [table, column] of LINKS) this.addSql(`alter table "${table}" drop constraint "${table}_${column}_foreign";`);
    for (const [table, key] of KEYS) {
      this.addSql(`alter table "${table}" drop constraint "${table}_pkey";`);
      this.addSql(`alter table "${table}" add constraint "${table}_pkey" primary key (${cols(['tenant_id', ...key])});`);
    }
    for (const [table, before, columns, after] of UNIQUES) {
      this.addSql(`alter table "${table}" drop constraint "${before}";`);
      this.addSql(`alter table "${table}" add constraint "${after}" unique (${cols(['tenant_id', ...columns])});`);
    }
    for (const [table, column, target, , after] of LINKS) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("tenant_id", "${column}") references "${target}" ("tenant_id", "id") on update no action on delete ${after};`,
      );
    }
    for (const table of TENANT_LINKED) {
      this.addSql(`alter table "${table}" drop constraint "${table}_tenant_id_foreign";`);
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update no action on delete cascade;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TENANT_LINKED) {
      this.addSql(`alter table "${table}" drop constraint "${table}_tenant_id_foreign";`);
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    }
    for (const [table, column] of LINKS) this.addSql(`alter table "${table}" drop constraint "${table}_${column}_foreign";`);
    for (const [table, before, columns, after] of UNIQUES) {
      this.addSql(`alter table "${table}" drop constraint "${after}";`);
      this.addSql(`alter table "${table}" add constraint "${before}" unique (${cols(columns)});`);
    }
    for (const [table, key] of KEYS) {
      this.addSql(`alter table "${table}" drop constraint "${table}_pkey";`);
      this.addSql(`alter table "${table}" add constraint "${table}_pkey" primary key (${cols(key)});`);
    }
    for (const [table, column, target, before] of LINKS) {
      this.addSql(`alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on update cascade on delete ${before};`);
    }
  }

}
