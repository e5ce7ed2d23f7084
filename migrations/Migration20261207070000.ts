import { Migration } from '@mikro-orm/migrations';

/** The function of Migration20261123161950, which announced ids and the type only. */
const IDS_ONLY = `create or replace function "outbox_events_announce"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('incident_events', json_build_object(
          'eventId', new.id, 'tenantId', new.tenant_id, 'incidentId', new.payload->>'incidentId', 'type', new.type)::text);
        return null;
      end
    $$;`;

export class Migration20261207070000 extends Migration {

  override async up(): Promise<void> {
    // Live updates also carry the visibility of the update an event is about (a status change may be
    // INTERNAL): a portal subscriber is told only of what its own timeline shows (modules/live).
    this.addSql(`create or replace function "outbox_events_announce"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('incident_events', json_build_object(
          'eventId', new.id, 'tenantId', new.tenant_id, 'incidentId', new.payload->>'incidentId', 'type', new.type,
          'visibility', new.payload->>'visibility')::text);
        return null;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(IDS_ONLY);
  }

}
