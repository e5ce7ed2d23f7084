import { Migration } from '@mikro-orm/migrations';

export class Migration20261207184213 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "audit_log_tenant_id_created_at_id_index" on "audit_log" ("tenant_id", "created_at", "id");`);

    this.addSql(`create index "tenants_name_id_index" on "tenants" ("name", "id");`);

    this.addSql(`alter table "customers" add column "name_key" text generated always as (lower(name)) stored null;`);
    this.addSql(`create index "customers_tenant_id_name_key_id_index" on "customers" ("tenant_id", "name_key", "id");`);

    this.addSql(`alter table "customer_portal_users" add column "display_name_key" text generated always as (lower(display_name)) stored null;`);
    this.addSql(`create index "portal_users_tenant_id_display_name_key_email_id_index" on "customer_portal_users" ("tenant_id", "display_name_key", "email", "id");`);

    this.addSql(`create index "users_tenant_id_created_at_id_index" on "users" ("tenant_id", "created_at", "id");`);

    this.addSql(`alter table "kb_articles" add column "published_key" timestamptz generated always as (COALESCE(published_at, created_at)) stored null;`);
    this.addSql(`create index "kb_articles_tenant_id_published_key_id_index" on "kb_articles" ("tenant_id", "published_key", "id");`);
    this.addSql(`create index "kb_articles_tenant_id_updated_at_id_index" on "kb_articles" ("tenant_id", "updated_at", "id");`);

    this.addSql(`create index "notification_deliveries_tenant_id_created_at_id_index" on "notification_deliveries" ("tenant_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_log_tenant_id_created_at_id_index";`);

    this.addSql(`drop index "portal_users_tenant_id_display_name_key_email_id_index";`);
    this.addSql(`alter table "customer_portal_users" drop column "display_name_key";`);

    this.addSql(`drop index "customers_tenant_id_name_key_id_index";`);
    this.addSql(`alter table "customers" drop column "name_key";`);

    this.addSql(`drop index "kb_articles_tenant_id_published_key_id_index";`);
    this.addSql(`drop index "kb_articles_tenant_id_updated_at_id_index";`);
    this.addSql(`alter table "kb_articles" drop column "published_key";`);

    this.addSql(`drop index "notification_deliveries_tenant_id_created_at_id_index";`);

    this.addSql(`drop index "tenants_name_id_index";`);

    this.addSql(`drop index "users_tenant_id_created_at_id_index";`);
  }

}
