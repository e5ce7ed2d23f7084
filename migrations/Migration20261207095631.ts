import { Migration } from '@mikro-orm/migrations';

export class Migration20261207095631 extends Migration {

  override async up(): Promise<void> {
    // The writing transaction of each event: live-update listeners re-read what committed while they were down.
    this.addSql(`alter table "outbox_events" add column "tx_id" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "outbox_events_tx_id_index" on "outbox_events" ("tx_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "outbox_events_tx_id_index";`);
    this.addSql(`alter table "outbox_events" drop column "tx_id";`);
  }

}
