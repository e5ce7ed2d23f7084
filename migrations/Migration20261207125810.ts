import { Migration } from '@mikro-orm/migrations';

/** The tenant role's policy, as Migration20261202110824 gives every table with a tenant_id. */
const TENANT = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

export class Migration20261207125810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "attachments" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "incident_id" uuid not null, "update_id" uuid null, "uploader_kind" "author_kind" not null, "uploader_staff_id" uuid null, "uploader_customer_id" uuid null, "file_name" text not null, "content_type" text not null, "size" int not null default 0, "sha256" text null, "chunk_count" int not null default 0, "position" smallint not null default 0, "idempotency_key" text null, "idempotency_hash" text null, "created_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "attachments_pkey" primary key ("id"));`);
    this.addSql(`create index "attachments_tenant_id_update_id_index" on "attachments" ("tenant_id", "update_id");`);
    this.addSql(`create index "attachments_tenant_id_incident_id_created_at_index" on "attachments" ("tenant_id", "incident_id", "created_at");`);
    this.addSql(`alter table "attachments" add constraint "attachments_tenant_id_incident_id_idempotency_key_d1304_unique" unique ("tenant_id", "incident_id", "idempotency_key", "position");`);

    this.addSql(`create table "attachment_chunks" ("tenant_id" uuid not null, "attachment_id" uuid not null, "seq" int not null, "data" bytea not null, constraint "attachment_chunks_pkey" primary key ("tenant_id", "attachment_id", "seq"));`);

    this.addSql(`alter table "attachments" add constraint "attachments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_update_id_foreign" foreign key ("update_id") references "incident_updates" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_uploader_staff_id_foreign" foreign key ("uploader_staff_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "attachments" add constraint "attachments_uploader_customer_id_foreign" foreign key ("uploader_customer_id") references "customer_portal_users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "attachment_chunks" add constraint "attachment_chunks_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachment_chunks" add constraint "attachment_chunks_attachment_id_foreign" foreign key ("attachment_id") references "attachments" ("id") on update cascade on delete cascade;`);

    // Pieces are stored as sent: most attachments (images, archives, PDFs) do not compress, so TOAST is not asked to try.
    this.addSql(`alter table "attachment_chunks" alter column "data" set storage external;`);

    // Attachments (modules/attachment) are tenant rows: row-level security like every tenant table.
    for (const table of ['attachments', 'attachment_chunks']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "${table}" as permissive for all to incident_desk_tenant using (tenant_id = ${TENANT}) with check (tenant_id = ${TENANT});`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "attachment_chunks" drop constraint "attachment_chunks_attachment_id_foreign";`);

    this.addSql(`drop table if exists "attachments" cascade;`);

    this.addSql(`drop table if exists "attachment_chunks" cascade;`);
  }

}
