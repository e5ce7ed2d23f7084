import { Migration } from '@mikro-orm/migrations';

export class Migration20261207181041 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customer_portal_users_id_index" on "customer_portal_users" ("id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_portal_users_id_index";`);
  }

}
