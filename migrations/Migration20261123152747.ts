import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "audit_log_tenant_id_target_id_created_at_index" on "audit_log" ("tenant_id", "target_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_log_tenant_id_target_id_created_at_index";`);
  }

}
