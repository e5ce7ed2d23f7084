/**
 * `npm run migration:create [-- --blank]`: diffs the entities against a scratch database migrated to the
 * latest committed migration, writes the difference as a new migration in migrations/, and lists it in
 * migrations/index.ts. Uses DATABASE_URL when set, otherwise the embedded PostgreSQL.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from '../src/config/config';
import type { DatabaseSchema } from '@mikro-orm/postgresql';
import { schemaAsEntitiesDeclareIt } from '../src/db/citus-layout';
import { connectOrm, migrate } from '../src/db/database';
import { withScratchDatabase } from '../src/db/scratch';

const MIGRATIONS = path.join(projectRoot, 'migrations');

async function writeIndex(): Promise<void> {
  const names = (await fs.readdir(MIGRATIONS))
    .filter((f) => /^Migration\d+.*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const body = [
    '// The migrations, in order. `npm run migration:create` appends to this list; do not edit by hand.',
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((n) => `import { ${n} } from './${n}';`),
    '',
    'export const migrationsList: MigrationObject[] = [',
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ].join('\n');
  await fs.writeFile(path.join(MIGRATIONS, 'index.ts'), body);
}

async function main() {
  const blank = process.argv.includes('--blank');
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' });
  await withScratchDatabase(config, `migration_scratch_${randomBytes(4).toString('hex')}`, async (url) => {
    const orm = await connectOrm(url);
    try {
      await migrate(orm);
      const migrator = orm.getMigrator();
      // The diff starts from the database as the entities declare it: the Citus layout's tenant_id in keys is
      // not a change to undo (src/db/citus-layout.ts). MikroORM takes that starting point from its schema
      // snapshot, which this project does not keep (`snapshot: false`), so it is handed over here.
      const fromSchema = await schemaAsEntitiesDeclareIt(orm);
      (migrator as unknown as { getSchemaFromSnapshot(): DatabaseSchema }).getSchemaFromSnapshot = () => fromSchema;
      const result = await migrator.createMigration(MIGRATIONS, blank);
      if (!result.fileName) {
        console.log('No changes: the entities match the migrations.');
        return;
      }
      console.log(`Created migrations/${result.fileName}`);
    } finally {
      await orm.close(true);
    }
  });
  await writeIndex();
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
