import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150504 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "priority" as enum ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');`);
    this.addSql(`create type "sharing_mode" as enum ('OWN', 'ORGANIZATION');`);
    this.addSql(`create type "visibility" as enum ('PUBLIC', 'INTERNAL');`);
    this.addSql(`create type "article_status" as enum ('DRAFT', 'PUBLISHED', 'ARCHIVED');`);
    this.addSql(`create type "incident_type" as enum ('INCIDENT', 'CHANGE');`);
    this.addSql(`create type "incident_status" as enum ('OPEN', 'ACKNOWLEDGED', 'INVESTIGATION', 'MITIGATED', 'RESOLVED', 'CLOSED');`);
    this.addSql(`create type "incident_source" as enum ('PORTAL', 'STAFF', 'API');`);
    this.addSql(`create type "update_kind" as enum ('COMMENT', 'STATUS');`);
    this.addSql(`create type "author_kind" as enum ('CUSTOMER', 'STAFF', 'SYSTEM');`);
    this.addSql(`create table "incident_counters" ("tenant_id" uuid not null, "prefix" text not null, "day" date not null, "last" int not null, constraint "incident_counters_pkey" primary key ("tenant_id", "prefix", "day"));`);

    this.addSql(`create table "outbox_events" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "type" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "processed_at" timestamptz null, constraint "outbox_events_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_events_processed_at_created_at_index" on "outbox_events" ("processed_at", "created_at");`);

    this.addSql(`create table "sla_policies" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "priority" "priority" not null, "response_minutes" int not null, "resolution_minutes" int not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "sla_policies_pkey" primary key ("id"));`);
    this.addSql(`alter table "sla_policies" add constraint "sla_policies_tenant_id_priority_unique" unique ("tenant_id", "priority");`);

    this.addSql(`create table "customers" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "name" text not null, "sharing_mode" "sharing_mode" not null default 'OWN', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "customers_pkey" primary key ("id"));`);
    this.addSql(`create index "customers_tenant_id_name_index" on "customers" ("tenant_id", "name");`);

    this.addSql(`create table "customer_portal_users" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "customer_id" uuid null, "email" text not null, "display_name" text not null, "password_hash" text null, "is_active" boolean not null default true, "email_verified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "customer_portal_users_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_portal_users_customer_id_index" on "customer_portal_users" ("customer_id");`);
    this.addSql(`create index "customer_portal_users_email_index" on "customer_portal_users" ("email");`);
    this.addSql(`alter table "customer_portal_users" add constraint "customer_portal_users_tenant_id_email_unique" unique ("tenant_id", "email");`);

    this.addSql(`create table "kb_articles" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "slug" text not null, "title" text not null, "body_markdown" text not null, "body_html" text not null, "category" text null, "tags" text[] not null default '{}', "visibility" "visibility" not null, "status" "article_status" not null, "author_id" uuid null, "published_at" timestamptz null, "search" tsvector generated always as ((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(category, ''::text)), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, body_markdown), 'C'::"char")) stored null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "kb_articles_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_articles_search_index" on "kb_articles" using gin ("search");`);
    this.addSql(`create index "kb_articles_tenant_id_status_visibility_index" on "kb_articles" ("tenant_id", "status", "visibility");`);
    this.addSql(`alter table "kb_articles" add constraint "kb_articles_tenant_id_slug_unique" unique ("tenant_id", "slug");`);

    this.addSql(`create table "incidents" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "number" text not null, "type" "incident_type" not null, "title" text not null, "description" text not null, "tech_description" text null, "priority" "priority" not null, "status" "incident_status" not null, "source" "incident_source" not null, "reporter_customer_id" uuid null, "reporter_staff_id" uuid null, "customer_id" uuid null, "assignee_id" uuid null, "response_due_at" timestamptz not null, "resolution_due_at" timestamptz not null, "acknowledged_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "idempotency_key" text null, "idempotency_hash" text null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "incidents_pkey" primary key ("id"));`);
    this.addSql(`create index "incidents_tenant_id_customer_id_index" on "incidents" ("tenant_id", "customer_id");`);
    this.addSql(`create index "incidents_tenant_id_reporter_customer_id_index" on "incidents" ("tenant_id", "reporter_customer_id");`);
    this.addSql(`create index "incidents_tenant_id_status_index" on "incidents" ("tenant_id", "status");`);
    this.addSql(`create index "incidents_tenant_id_created_at_index" on "incidents" ("tenant_id", "created_at");`);
    this.addSql(`alter table "incidents" add constraint "incidents_tenant_id_reporter_customer_id_idempotency_key_unique" unique ("tenant_id", "reporter_customer_id", "idempotency_key");`);
    this.addSql(`alter table "incidents" add constraint "incidents_tenant_id_number_unique" unique ("tenant_id", "number");`);

    this.addSql(`create table "incident_updates" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "incident_id" uuid not null, "kind" "update_kind" not null, "visibility" "visibility" not null, "body" text not null, "status" "incident_status" null, "author_kind" "author_kind" not null, "author_staff_id" uuid null, "author_customer_id" uuid null, "created_at" timestamptz not null default now(), constraint "incident_updates_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_updates_tenant_id_incident_id_created_at_index" on "incident_updates" ("tenant_id", "incident_id", "created_at");`);

    this.addSql(`alter table "sla_policies" add constraint "sla_policies_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customers" add constraint "customers_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_portal_users" add constraint "customer_portal_users_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_portal_users" add constraint "customer_portal_users_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "kb_articles" add constraint "kb_articles_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kb_articles" add constraint "kb_articles_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incidents" add constraint "incidents_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incidents" add constraint "incidents_reporter_customer_id_foreign" foreign key ("reporter_customer_id") references "customer_portal_users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incidents" add constraint "incidents_reporter_staff_id_foreign" foreign key ("reporter_staff_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incidents" add constraint "incidents_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incidents" add constraint "incidents_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incident_updates" add constraint "incident_updates_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_updates" add constraint "incident_updates_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_updates" add constraint "incident_updates_author_staff_id_foreign" foreign key ("author_staff_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incident_updates" add constraint "incident_updates_author_customer_id_foreign" foreign key ("author_customer_id") references "customer_portal_users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_portal_users" drop constraint "customer_portal_users_customer_id_foreign";`);

    this.addSql(`alter table "incidents" drop constraint "incidents_customer_id_foreign";`);

    this.addSql(`alter table "incidents" drop constraint "incidents_reporter_customer_id_foreign";`);

    this.addSql(`alter table "incident_updates" drop constraint "incident_updates_author_customer_id_foreign";`);

    this.addSql(`alter table "incident_updates" drop constraint "incident_updates_incident_id_foreign";`);

    this.addSql(`drop table if exists "incident_counters" cascade;`);

    this.addSql(`drop table if exists "outbox_events" cascade;`);

    this.addSql(`drop table if exists "sla_policies" cascade;`);

    this.addSql(`drop table if exists "customers" cascade;`);

    this.addSql(`drop table if exists "customer_portal_users" cascade;`);

    this.addSql(`drop table if exists "kb_articles" cascade;`);

    this.addSql(`drop table if exists "incidents" cascade;`);

    this.addSql(`drop table if exists "incident_updates" cascade;`);

    this.addSql(`drop type "priority";`);
    this.addSql(`drop type "sharing_mode";`);
    this.addSql(`drop type "visibility";`);
    this.addSql(`drop type "article_status";`);
    this.addSql(`drop type "incident_type";`);
    this.addSql(`drop type "incident_status";`);
    this.addSql(`drop type "incident_source";`);
    this.addSql(`drop type "update_kind";`);
    this.addSql(`drop type "author_kind";`);
  }

}
