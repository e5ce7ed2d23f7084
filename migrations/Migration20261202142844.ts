import { Migration } from '@mikro-orm/migrations';

export class Migration20261202142844 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(`create index "notification_deliveries_status_updated_at_index" on "notification_deliveries" ("status", "updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notification_deliveries_status_updated_at_index";`);

    this.addSql(`drop index "sessions_expires_at_index";`);
  }

}
