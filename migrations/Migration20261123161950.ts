import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161950 extends Migration {

  override async up(): Promise<void> {
    // Live updates (GraphQL subscriptions): every outbox event is announced on commit to every server process.
    // Ids only: subscribers read what their viewer may see.
    this.addSql(`create function "outbox_events_announce"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('incident_events', json_build_object(
          'eventId', new.id, 'tenantId', new.tenant_id, 'incidentId', new.payload->>'incidentId', 'type', new.type)::text);
        return null;
      end
    $$;`);
    this.addSql(`create trigger "outbox_events_announce" after insert on "outbox_events" for each row execute function "outbox_events_announce"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_events_announce" on "outbox_events";`);
    this.addSql(`drop function if exists "outbox_events_announce"();`);
  }

}
