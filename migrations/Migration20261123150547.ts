import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150547 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "oauth_states" ("id" uuid not null default gen_random_uuid(), "state_hash" text not null, "provider" text not null, "code_verifier" text not null, "nonce" text not null, "redirect_uri" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), constraint "oauth_states_pkey" primary key ("id"));`);
    this.addSql(`alter table "oauth_states" add constraint "oauth_states_state_hash_unique" unique ("state_hash");`);
    this.addSql(`create index "oauth_states_expires_at_index" on "oauth_states" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oauth_states" cascade;`);
  }

}
