import { Migration } from '@mikro-orm/migrations';

export class Migration20261207075225 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "incidents_tenant_id_priority_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_status_created_at_id_index";`);

    this.addSql(`alter table "incidents" add column "priority_rank" smallint generated always as (
CASE priority
    WHEN 'LOW'::priority THEN 1
    WHEN 'MEDIUM'::priority THEN 2
    WHEN 'HIGH'::priority THEN 3
    WHEN 'CRITICAL'::priority THEN 4
    ELSE NULL::integer
END) stored null, add column "status_rank" smallint generated always as (
CASE status
    WHEN 'OPEN'::incident_status THEN 1
    WHEN 'ACKNOWLEDGED'::incident_status THEN 2
    WHEN 'INVESTIGATION'::incident_status THEN 3
    WHEN 'MITIGATED'::incident_status THEN 4
    WHEN 'RESOLVED'::incident_status THEN 5
    WHEN 'CLOSED'::incident_status THEN 6
    ELSE NULL::integer
END) stored null;`);
    this.addSql(`create index "incidents_tenant_id_status_index" on "incidents" ("tenant_id", "status");`);
    this.addSql(`create index "incidents_tenant_id_status_rank_created_at_id_index" on "incidents" ("tenant_id", "status_rank", "created_at", "id");`);
    this.addSql(`create index "incidents_tenant_id_priority_rank_created_at_id_index" on "incidents" ("tenant_id", "priority_rank", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "incidents_tenant_id_status_index";`);
    this.addSql(`drop index "incidents_tenant_id_status_rank_created_at_id_index";`);
    this.addSql(`drop index "incidents_tenant_id_priority_rank_created_at_id_index";`);
    this.addSql(`alter table "incidents" drop column "priority_rank", drop column "status_rank";`);

    this.addSql(`create index "incidents_tenant_id_priority_id_index" on "incidents" ("tenant_id", "priority", "id");`);
    this.addSql(`create index "incidents_tenant_id_status_created_at_id_index" on "incidents" ("tenant_id", "status", "created_at", "id");`);
  }

}
