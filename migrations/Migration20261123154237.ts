import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154237 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "analysis_audience" as enum ('ENGINEER', 'LEADERSHIP', 'CUSTOMER');`);
    this.addSql(`create type "analysis_trigger" as enum ('AUTO', 'MANUAL');`);
    this.addSql(`create type "analysis_provider_status" as enum ('NOT_CONFIGURED', 'PENDING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(`create table "incident_analyses" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "incident_id" uuid not null, "version" int not null, "audience" "analysis_audience" not null, "trigger" "analysis_trigger" not null, "requested_by_id" uuid null, "analyzer" text not null, "result" jsonb not null, "report" text not null, "provider_status" "analysis_provider_status" not null, "provider_model" text null, "provider_report" text null, "provider_error" text null, "provider_finished_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "incident_analyses_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_analyses_tenant_id_incident_id_created_at_index" on "incident_analyses" ("tenant_id", "incident_id", "created_at");`);
    this.addSql(`alter table "incident_analyses" add constraint "incident_analyses_incident_id_version_unique" unique ("incident_id", "version");`);

    this.addSql(`alter table "incident_analyses" add constraint "incident_analyses_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_analyses" add constraint "incident_analyses_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_analyses" add constraint "incident_analyses_requested_by_id_foreign" foreign key ("requested_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incidents" add column "search" tsvector generated always as ((setweight(to_tsvector('english'::regconfig, title), 'A'::"char") || setweight(to_tsvector('english'::regconfig, description), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, COALESCE(resolution_summary, ''::text)), 'C'::"char")) stored null;`);
    this.addSql(`create index "incidents_title_trgm_index" on "incidents" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "incidents_search_index" on "incidents" using gin ("search");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incident_analyses" cascade;`);

    this.addSql(`drop index "incidents_title_trgm_index";`);
    this.addSql(`drop index "incidents_search_index";`);
    this.addSql(`alter table "incidents" drop column "search";`);

    this.addSql(`drop type "analysis_audience";`);
    this.addSql(`drop type "analysis_trigger";`);
    this.addSql(`drop type "analysis_provider_status";`);
  }

}
