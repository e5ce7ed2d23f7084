import { Migration } from '@mikro-orm/migrations';

export class Migration20261123145547 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "subject_kind" as enum ('staff', 'customer');`);
    this.addSql(`create type "token_purpose" as enum ('PASSWORD_RESET', 'INVITATION');`);
    this.addSql(`create type "code_purpose" as enum ('EMAIL_VERIFICATION');`);
    this.addSql(`create type "staff_role" as enum ('SUPER_ADMIN', 'ADMIN', 'MANAGER', 'ENGINEER', 'RESPONDER', 'VIEWER');`);
    this.addSql(`create table "action_tokens" ("id" uuid not null default gen_random_uuid(), "subject_kind" "subject_kind" not null, "subject_id" uuid not null, "purpose" "token_purpose" not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "action_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "action_tokens" add constraint "action_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "action_tokens_subject_kind_subject_id_purpose_index" on "action_tokens" ("subject_kind", "subject_id", "purpose");`);

    this.addSql(`create table "audit_log" ("id" bigserial primary key, "tenant_id" uuid null, "actor_kind" text null, "actor_id" uuid null, "action" text not null, "target_type" text null, "target_id" uuid null, "ip" text null, "metadata" jsonb null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "audit_log_actor_id_created_at_index" on "audit_log" ("actor_id", "created_at");`);
    this.addSql(`create index "audit_log_tenant_id_created_at_index" on "audit_log" ("tenant_id", "created_at");`);

    this.addSql(`create table "one_time_codes" ("id" uuid not null default gen_random_uuid(), "subject_kind" "subject_kind" not null, "subject_id" uuid not null, "purpose" "code_purpose" not null, "code_hash" text not null, "attempts" int not null default 0, "expires_at" timestamptz not null, "consumed_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "one_time_codes_pkey" primary key ("id"));`);
    this.addSql(`create index "one_time_codes_subject_kind_subject_id_purpose_index" on "one_time_codes" ("subject_kind", "subject_id", "purpose");`);

    this.addSql(`create table "rate_limits" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limits_pkey" primary key ("key"));`);

    this.addSql(`create table "sessions" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "subject_kind" "subject_kind" not null, "subject_id" uuid not null, "created_at" timestamptz not null default now(), "last_used_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" text null, "ip" text null, "user_agent" text null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_revoked_at_index" on "sessions" ("revoked_at");`);
    this.addSql(`create index "sessions_subject_kind_subject_id_index" on "sessions" ("subject_kind", "subject_id");`);

    this.addSql(`create table "refresh_tokens" ("id" uuid not null default gen_random_uuid(), "session_id" uuid not null, "token_hash" text not null, "created_at" timestamptz not null default now(), "used_at" timestamptz null, constraint "refresh_tokens_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_tokens_session_id_index" on "refresh_tokens" ("session_id");`);
    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "users" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "email" text not null, "password_hash" text null, "first_name" text null, "last_name" text null, "phone" text null, "role" "staff_role" not null, "email_verified_at" timestamptz null, "google_subject" text null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`alter table "users" add constraint "users_google_subject_unique" unique ("google_subject");`);
    this.addSql(`create index "users_tenant_id_role_index" on "users" ("tenant_id", "role");`);

    this.addSql(`alter table "sessions" add constraint "sessions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "users" add constraint "users_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "refresh_tokens" drop constraint "refresh_tokens_session_id_foreign";`);

    this.addSql(`drop table if exists "action_tokens" cascade;`);

    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "one_time_codes" cascade;`);

    this.addSql(`drop table if exists "rate_limits" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "refresh_tokens" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop type "subject_kind";`);
    this.addSql(`drop type "token_purpose";`);
    this.addSql(`drop type "code_purpose";`);
    this.addSql(`drop type "staff_role";`);
  }

}
