import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152202 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "customer_portal_users_customer_id_index";`);

    this.addSql(`create index "customer_portal_users_tenant_id_customer_id_index" on "customer_portal_users" ("tenant_id", "customer_id");`);

    this.addSql(`alter table "incidents" add column "parent_id" uuid null, add column "response_breached_at" timestamptz null, add column "resolution_breached_at" timestamptz null;`);
    this.addSql(`alter table "incidents" add constraint "incidents_parent_id_foreign" foreign key ("parent_id") references "incidents" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "incidents_tenant_id_parent_id_index" on "incidents" ("tenant_id", "parent_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "incidents" drop constraint "incidents_parent_id_foreign";`);

    this.addSql(`drop index "customer_portal_users_tenant_id_customer_id_index";`);

    this.addSql(`create index "customer_portal_users_customer_id_index" on "customer_portal_users" ("customer_id");`);

    this.addSql(`drop index "incidents_tenant_id_parent_id_index";`);
    this.addSql(`alter table "incidents" drop column "parent_id", drop column "response_breached_at", drop column "resolution_breached_at";`);
  }

}
