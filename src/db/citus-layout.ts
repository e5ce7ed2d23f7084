import { DatabaseSchema, type MikroORM } from '@mikro-orm/postgresql';

/**
 * The Citus-ready layout (docs/operations.md, "Moving to Citus") and the one difference it makes between the
 * database and the entities.
 *
 * Every table that is distributed by `tenant_id` has `tenant_id` in its primary key, and its foreign keys to
 * the other distributed tables are composite: `(tenant_id, incident_id) -> incidents (tenant_id, id)`. Citus
 * needs that to place a tenant's rows together and check constraints on one node; single-node PostgreSQL gains
 * from it too: a row can never point at another tenant's row, whatever the code does.
 *
 * The entities keep `id` as their key and single-column relations. Declaring the composite keys in MikroORM
 * would turn every relation into a two-column one and every `em.findOne(Incident, id)` or `getReference` into a
 * `{ tenant, id }` pair, for nothing the code needs: `id` values stay globally unique (gen_random_uuid), and
 * every lookup runs under row-level security, whose `tenant_id = ...` meets the `(tenant_id, id)` index.
 *
 * So the schema diff (the migrations check, `npm run migration:create`) compares the entities with the database
 * read through `schemaAsEntitiesDeclareIt`, which allows exactly this and nothing else:
 * - a primary key whose columns are `tenant_id` followed by the entity's key columns counts as the entity's key;
 * - a foreign key of the entity's name whose columns are `tenant_id` followed by the entity's, to `tenant_id`
 *   followed by the entity's referenced columns, counts as the entity's foreign key.
 * Rules (ON DELETE, ON UPDATE), unique constraints and indexes are not touched: the entities declare those as they
 * are (`updateRule: 'no action'`, unique keys with the tenant). tests/integration/citus-layout.int-spec.ts
 * proves the layout from the catalog; tests/integration/migrations.int-spec.ts proves the allowance is no wider.
 */
export const DISTRIBUTION_COLUMN = 'tenant_id';

const startsWithTenant = (actual: string[], declared: string[]) =>
  actual.length === declared.length + 1 && actual[0] === DISTRIBUTION_COLUMN && declared.every((c, i) => actual[i + 1] === c);

/** The database's schema, with the Citus layout's tenant prefixes taken off where the entities leave them out. */
export async function schemaAsEntitiesDeclareIt(orm: MikroORM): Promise<DatabaseSchema> {
  const declared = orm.getSchemaGenerator().getTargetSchema();
  const actual = await DatabaseSchema.create(orm.em.getConnection(), orm.em.getPlatform(), orm.config, undefined, declared.getNamespaces());
  for (const table of actual.getTables()) {
    const entityTable = declared.getTable(table.name);
    if (!entityTable) continue;
    const pk = table.getPrimaryKey();
    const entityPk = entityTable.getPrimaryKey();
    if (pk && entityPk && startsWithTenant(pk.columnNames, entityPk.columnNames)) {
      pk.columnNames = [...entityPk.columnNames];
      pk.composite = entityPk.columnNames.length > 1;
    }
    const entityFks = entityTable.getForeignKeys();
    for (const fk of Object.values(table.getForeignKeys())) {
      const entityFk = entityFks[fk.constraintName];
      if (
        entityFk &&
        startsWithTenant(fk.columnNames, entityFk.columnNames) &&
        startsWithTenant(fk.referencedColumnNames, entityFk.referencedColumnNames)
      ) {
        fk.columnNames = [...entityFk.columnNames];
        fk.referencedColumnNames = [...entityFk.referencedColumnNames];
      }
    }
  }
  return actual;
}

/** The SQL that would bring the database to the entities, the Citus layout allowed for: empty when they agree. */
export async function entityDiffSql(orm: MikroORM): Promise<string> {
  return orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, fromSchema: await schemaAsEntitiesDeclareIt(orm) });
}
