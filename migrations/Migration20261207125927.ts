import { Migration } from '@mikro-orm/migrations';

/** The tenant role's policy, as Migration20261202110824 gives every table with a tenant_id. */
const TENANT = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

export class Migration20261207125927 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "incident_participants" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "incident_id" uuid not null, "customer_user_id" uuid not null, "added_by_kind" "author_kind" not null, "added_by_id" uuid not null, "created_at" timestamptz not null default now(), constraint "incident_participants_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_participants_tenant_id_customer_user_id_i_0ef5c_index" on "incident_participants" ("tenant_id", "customer_user_id", "incident_id");`);
    this.addSql(`alter table "incident_participants" add constraint "incident_participants_tenant_id_incident_id_custo_9b415_unique" unique ("tenant_id", "incident_id", "customer_user_id");`);

    this.addSql(`alter table "incident_participants" add constraint "incident_participants_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_participants" add constraint "incident_participants_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_participants" add constraint "incident_participants_customer_user_id_foreign" foreign key ("customer_user_id") references "customer_portal_users" ("id") on update cascade on delete cascade;`);

    // Ticket participants (modules/participants) are tenant rows: row-level security like every tenant table.
    this.addSql(`alter table "incident_participants" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "incident_participants" as permissive for all to incident_desk_tenant using (tenant_id = ${TENANT}) with check (tenant_id = ${TENANT});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incident_participants" cascade;`);
  }

}
