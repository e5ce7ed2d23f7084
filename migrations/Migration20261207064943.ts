import { Migration } from '@mikro-orm/migrations';

export class Migration20261207064943 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "incidents_tenant_id_created_at_index";`);
    this.addSql(`drop index "incidents_tenant_id_customer_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_reporter_customer_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_status_index";`);

    this.addSql(`create index "incidents_tenant_id_customer_id_created_at_id_index" on "incidents" ("tenant_id", "customer_id", "created_at", "id");`);
    this.addSql(`create index "incidents_tenant_id_reporter_customer_id_created_at_id_index" on "incidents" ("tenant_id", "reporter_customer_id", "created_at", "id");`);
    this.addSql(`create index "incidents_tenant_id_assignee_id_created_at_id_index" on "incidents" ("tenant_id", "assignee_id", "created_at", "id");`);
    this.addSql(`create index "incidents_tenant_id_status_created_at_id_index" on "incidents" ("tenant_id", "status", "created_at", "id");`);
    this.addSql(`create index "incidents_tenant_id_priority_id_index" on "incidents" ("tenant_id", "priority", "id");`);
    this.addSql(`create index "incidents_tenant_id_updated_at_id_index" on "incidents" ("tenant_id", "updated_at", "id");`);
    this.addSql(`create index "incidents_tenant_id_created_at_id_index" on "incidents" ("tenant_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "incidents_tenant_id_customer_id_created_at_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_reporter_customer_id_created_at_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_assignee_id_created_at_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_status_created_at_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_priority_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_updated_at_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_created_at_id_index";`);

    this.addSql(`create index "incidents_tenant_id_created_at_index" on "incidents" ("tenant_id", "created_at");`);
    this.addSql(`create index "incidents_tenant_id_customer_id_index" on "incidents" ("tenant_id", "customer_id");`);
    this.addSql(`create index "incidents_tenant_id_reporter_customer_id_index" on "incidents" ("tenant_id", "reporter_customer_id");`);
    this.addSql(`create index "incidents_tenant_id_status_index" on "incidents" ("tenant_id", "status");`);
  }

}
