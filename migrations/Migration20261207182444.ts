import { Migration } from '@mikro-orm/migrations';

export class Migration20261207182444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "audit_log_tenant_id_created_at_id_index" on "audit_log" ("tenant_id", "created_at", "id");`);

    this.addSql(`create index "tenants_name_id_index" on "tenants" ("name", "id");`);

    this.addSql(`create index "customers_tenant_id_lower_name_id_index" on "customers" ("tenant_id", lower("name"), "id");`);

    this.addSql(`create index "portal_users_tenant_id_lower_display_name_email_id_index" on "customer_portal_users" ("tenant_id", lower("display_name"), "email", "id");`);

    this.addSql(`create index "users_tenant_id_created_at_id_index" on "users" ("tenant_id", "created_at", "id");`);

    this.addSql(`create index "kb_articles_tenant_id_published_id_index" on "kb_articles" ("tenant_id", COALESCE("published_at", "created_at"), "id");`);
    this.addSql(`create index "kb_articles_tenant_id_updated_at_id_index" on "kb_articles" ("tenant_id", "updated_at", "id");`);

    this.addSql(`create index "notification_deliveries_tenant_id_created_at_id_index" on "notification_deliveries" ("tenant_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_log_tenant_id_created_at_id_index";`);

    this.addSql(`drop index "portal_users_tenant_id_lower_display_name_email_id_index";`);

    this.addSql(`drop index "customers_tenant_id_lower_name_id_index";`);

    this.addSql(`drop index "kb_articles_tenant_id_published_id_index";`);
    this.addSql(`drop index "kb_articles_tenant_id_updated_at_id_index";`);

    this.addSql(`drop index "notification_deliveries_tenant_id_created_at_id_index";`);

    this.addSql(`drop index "tenants_name_id_index";`);

    this.addSql(`drop index "users_tenant_id_created_at_id_index";`);
  }

}
