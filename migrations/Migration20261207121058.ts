import { Migration } from '@mikro-orm/migrations';

/** The tenant role's policy, as Migration20261202110824 gives every table with a tenant_id. */
const TENANT = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

export class Migration20261207121058 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "rating_source" as enum ('PORTAL', 'EMAIL_LINK');`);
    this.addSql(`create table "incident_ratings" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "incident_id" uuid not null, "rater_id" uuid not null, "assignee_id" uuid null, "score" smallint not null, "comment" text null, "source" "rating_source" not null, "created_at" timestamptz not null default now(), constraint "incident_ratings_pkey" primary key ("id"), constraint incident_ratings_score_check check ((score >= 1) AND (score <= 5)));`);
    this.addSql(`create index "incident_ratings_tenant_id_assignee_id_created_at_index" on "incident_ratings" ("tenant_id", "assignee_id", "created_at");`);
    this.addSql(`create index "incident_ratings_tenant_id_created_at_index" on "incident_ratings" ("tenant_id", "created_at");`);
    this.addSql(`alter table "incident_ratings" add constraint "incident_ratings_tenant_id_incident_id_rater_id_unique" unique ("tenant_id", "incident_id", "rater_id");`);

    this.addSql(`alter table "incident_ratings" add constraint "incident_ratings_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_ratings" add constraint "incident_ratings_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_ratings" add constraint "incident_ratings_rater_id_foreign" foreign key ("rater_id") references "customer_portal_users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_ratings" add constraint "incident_ratings_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`);

    // Satisfaction ratings (modules/satisfaction) are tenant rows: row-level security like every tenant table.
    this.addSql(`alter table "incident_ratings" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "incident_ratings" as permissive for all to incident_desk_tenant using (tenant_id = ${TENANT}) with check (tenant_id = ${TENANT});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incident_ratings" cascade;`);

    this.addSql(`drop type "rating_source";`);
  }

}
