import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153127 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "notification_kind" as enum ('NEW_CUSTOMER_TICKET', 'CUSTOMER_COMMENT', 'SLA_BREACH', 'INCIDENT_ASSIGNED', 'TICKET_STATUS_CHANGE', 'TICKET_PUBLIC_UPDATE', 'ORGANIZATION_TICKETS');`);
    this.addSql(`create type "notification_owner_kind" as enum ('STAFF', 'CUSTOMER');`);
    this.addSql(`create type "delivery_channel" as enum ('EMAIL', 'WEBHOOK');`);
    this.addSql(`create type "delivery_status" as enum ('PENDING', 'SENT', 'FAILED');`);
    this.addSql(`create table "notification_oncall_recipients" ("tenant_id" uuid not null, "email" text not null, "created_at" timestamptz not null default now(), constraint "notification_oncall_recipients_pkey" primary key ("tenant_id", "email"));`);

    this.addSql(`create table "notification_preferences" ("owner_id" uuid not null, "kind" "notification_kind" not null, "owner_kind" "notification_owner_kind" not null, "tenant_id" uuid not null, "enabled" boolean not null, "updated_at" timestamptz not null default now(), constraint "notification_preferences_pkey" primary key ("owner_id", "kind"));`);
    this.addSql(`create index "notification_preferences_tenant_id_index" on "notification_preferences" ("tenant_id");`);

    this.addSql(`create table "webhook_endpoints" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "url" text not null, "event_types" text[] not null, "secret" text not null, "description" text null, "is_active" boolean not null default true, "created_by_id" uuid null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "webhook_endpoints_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoints_tenant_id_is_active_index" on "webhook_endpoints" ("tenant_id", "is_active");`);

    this.addSql(`create table "notification_deliveries" ("id" uuid not null default gen_random_uuid(), "tenant_id" uuid not null, "event_id" uuid not null, "event_type" text not null, "channel" "delivery_channel" not null, "target" text not null, "endpoint_id" uuid null, "message" jsonb not null, "status" "delivery_status" not null default 'PENDING', "attempts" int not null default 0, "max_attempts" int not null, "last_error" text null, "response_status" int null, "response_excerpt" text null, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "notification_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_deliveries_tenant_id_status_created_at_index" on "notification_deliveries" ("tenant_id", "status", "created_at");`);
    this.addSql(`alter table "notification_deliveries" add constraint "notification_deliveries_event_id_channel_target_unique" unique ("event_id", "channel", "target");`);

    this.addSql(`alter table "notification_oncall_recipients" add constraint "notification_oncall_recipients_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notification_deliveries" add constraint "notification_deliveries_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification_deliveries" add constraint "notification_deliveries_event_id_foreign" foreign key ("event_id") references "outbox_events" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification_deliveries" add constraint "notification_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete set null;`);

    // Every outbox event gets a dispatch job in the transaction that writes it, whoever inserts it (emitEvent
    // through the ORM, the SLA check with plain SQL). graphile_worker.add_job is the queue's public SQL API;
    // its schema is installed right after these migrations (src/db/database.ts), before anything is written.
    this.addSql(`create function "outbox_events_enqueue"() returns trigger language plpgsql as $$
      begin
        perform graphile_worker.add_job('outbox.dispatch', json_build_object('eventId', new.id), job_key := 'outbox:' || new.id::text);
        return null;
      end
    $$;`);
    this.addSql(`create trigger "outbox_events_enqueue" after insert on "outbox_events" for each row execute function "outbox_events_enqueue"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_events_enqueue" on "outbox_events";`);
    this.addSql(`drop function if exists "outbox_events_enqueue"();`);

    this.addSql(`alter table "notification_deliveries" drop constraint "notification_deliveries_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "notification_oncall_recipients" cascade;`);

    this.addSql(`drop table if exists "notification_preferences" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop table if exists "notification_deliveries" cascade;`);

    this.addSql(`drop type "notification_kind";`);
    this.addSql(`drop type "notification_owner_kind";`);
    this.addSql(`drop type "delivery_channel";`);
    this.addSql(`drop type "delivery_status";`);
  }

}
