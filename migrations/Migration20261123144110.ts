import { Migration } from '@mikro-orm/migrations';

export class Migration20261123144110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tenants" ("id" uuid not null default gen_random_uuid(), "slug" text not null, "name" text not null, "allow_customer_signup" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "tenants_pkey" primary key ("id"));`);
    this.addSql(`alter table "tenants" add constraint "tenants_slug_unique" unique ("slug");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tenants" cascade;`);
  }

}
