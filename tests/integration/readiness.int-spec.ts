import type { MikroORM } from '@mikro-orm/postgresql';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { connectOrm, pendingMigrations } from '../../src/db/database';
import { createLogger } from '../../src/shared/logger';
import { createTestDatabase } from '../setup/db';

/** /readyz must say 503 when the database is not usable, while /healthz (process alive) stays 200. */
describe('readiness', () => {
  async function serve(url: string, orm: MikroORM): Promise<{ app: App; get: (path: string) => Promise<Response> }> {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
    const app = await buildApp({ config, orm, log: createLogger('silent'), isReady: async () => (await pendingMigrations(orm)).length === 0 });
    const address = await app.http.listen({ host: '127.0.0.1', port: 0 });
    return { app, get: (path) => fetch(`${address}${path}`) };
  }

  it('is 503 while migrations are pending, and 200 once applied', async () => {
    const db = await createTestDatabase({ empty: true });
    const orm = await connectOrm(db.url);
    const { app, get } = await serve(db.url, orm);
    try {
      const notReady = await get('/readyz');
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ status: 'unavailable', success: false, errors: [{ code: 'UNAVAILABLE' }] });
      expect(notReady.headers.get('retry-after')).toBe('1');
      expect((await get('/healthz')).status).toBe(200);

      await orm.getMigrator().up();
      expect((await get('/readyz')).status).toBe(200);
    } finally {
      await app.close();
      await orm.close(true);
      await db.drop();
    }
  });

  it('is 503 when the database is unreachable, and REST answers 503 UNAVAILABLE', async () => {
    const db = await createTestDatabase();
    const orm = await connectOrm(db.url);
    const { app, get } = await serve(db.url, orm);
    try {
      expect((await get('/readyz')).status).toBe(200);
      await db.drop(); // terminates the pool's connections and removes the database
      expect((await get('/readyz')).status).toBe(503);
      const res = await get('/api/v1/customer/companies');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await res.json()).toMatchObject({ success: false, errors: [{ code: 'UNAVAILABLE' }] });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      await app.close();
      await orm.close(true);
    }
  });
});
