import { Migration } from '@mikro-orm/migrations';

export class Migration20261123151541 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "incidents" add column "impact_summary" text null, add column "blast_radius" text null, add column "service_area" text null, add column "environment" text null, add column "region" text null, add column "resolution_summary" text null;`);

    this.addSql(`alter type "update_kind" add value if not exists 'ASSIGNMENT' after 'STATUS';`);

    this.addSql(`alter type "update_kind" add value if not exists 'FIELD_CHANGE' after 'ASSIGNMENT';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "incidents" drop column "impact_summary", drop column "blast_radius", drop column "service_area", drop column "environment", drop column "region", drop column "resolution_summary";`);
  }

}
