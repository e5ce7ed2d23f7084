import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153223 extends Migration {

  override async up(): Promise<void> {
    // Trigram similarity (similarity, word_similarity) for the knowledge base's typo fallback and Ezra. pg_trgm
    // is a trusted extension: a database owner may create it without superuser rights (PostgreSQL 13+).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "kb_article_revisions" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "article_id" uuid not null, "revision" int not null, "slug" text not null, "title" text not null, "body_markdown" text not null, "body_html" text not null, "category" text null, "tags" text[] not null default '{}', "visibility" "visibility" not null, "status" "article_status" not null, "saved_by_id" uuid null, "saved_at" timestamptz not null, "created_at" timestamptz not null default now(), constraint "kb_article_revisions_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_article_revisions_tenant_id_article_id_index" on "kb_article_revisions" ("tenant_id", "article_id");`);
    this.addSql(`alter table "kb_article_revisions" add constraint "kb_article_revisions_article_id_revision_unique" unique ("article_id", "revision");`);

    this.addSql(`alter table "kb_article_revisions" add constraint "kb_article_revisions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kb_article_revisions" add constraint "kb_article_revisions_article_id_foreign" foreign key ("article_id") references "kb_articles" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kb_article_revisions" add constraint "kb_article_revisions_saved_by_id_foreign" foreign key ("saved_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "kb_articles" add column "updated_by_id" uuid null, add column "revision" int not null default 1, add column "archived_at" timestamptz null, add column "source_incident_id" uuid null;`);
    this.addSql(`alter table "kb_articles" add constraint "kb_articles_updated_by_id_foreign" foreign key ("updated_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "kb_articles" add constraint "kb_articles_source_incident_id_foreign" foreign key ("source_incident_id") references "incidents" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "kb_articles_tenant_id_source_incident_id_index" on "kb_articles" ("tenant_id", "source_incident_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kb_article_revisions" cascade;`);

    this.addSql(`alter table "kb_articles" drop constraint "kb_articles_updated_by_id_foreign";`);
    this.addSql(`alter table "kb_articles" drop constraint "kb_articles_source_incident_id_foreign";`);

    this.addSql(`drop index "kb_articles_tenant_id_source_incident_id_index";`);
    this.addSql(`alter table "kb_articles" drop column "updated_by_id", drop column "revision", drop column "archived_at", drop column "source_incident_id";`);
  }

}
