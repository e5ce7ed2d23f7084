import { entityDiffSql } from '../../src/db/citus-layout';
import { connectOrm } from '../../src/db/database';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import type { MikroORM } from '@mikro-orm/postgresql';

/** CI fails when an entity changed without a migration (`npm run migration:create`). */
describe('migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await connectOrm(db.url);
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('leave nothing pending and match the entities exactly', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    // Allowing for the Citus layout's tenant_id in keys, and nothing else (src/db/citus-layout.ts).
    expect((await entityDiffSql(orm)).trim()).toBe('');
  });

  it('can be rolled back to nothing and applied again', async () => {
    await orm.getMigrator().down({ to: 0 });
    const tables = await orm.em.getConnection().execute<{ n: string }[]>(
      "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'mikro_orm_migrations'",
    );
    expect(tables[0].n).toBe('0');
    await orm.getMigrator().up();
    expect((await entityDiffSql(orm)).trim()).toBe('');
  });
});
