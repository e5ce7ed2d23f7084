import { Migration } from '@mikro-orm/migrations';

export class Migration20261123155900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "queue_worker_heartbeats" ("worker_id" text not null, "seen_at" timestamptz not null, constraint "queue_worker_heartbeats_pkey" primary key ("worker_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "queue_worker_heartbeats" cascade;`);
  }

}
