import { Pool, type PoolClient } from 'pg';
import { QueuePool } from '../../src/modules/notifications/queue-pool';
import { createTestDatabase, type TestDatabase } from '../setup/db';

/** The job queue's pool: a client released twice (graphile-worker's listener, on a stop during an outage) is no crash. */
describe('QueuePool', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  it("pg's own Pool throws on a second release: what QueuePool is for", async () => {
    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      const client = await pool.connect();
      client.release();
      expect(() => client.release()).toThrow('Release called on client which has already been released to the pool.');
    } finally {
      await pool.end();
    }
  });

  it('drops a second release, promise and callback forms alike, and the client goes back to the pool once', async () => {
    const dropped: (string | undefined)[] = [];
    const pool = new QueuePool({ connectionString: db.url, max: 1 }, (stack) => dropped.push(stack));
    try {
      const client = await pool.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      client.release();
      expect(() => client.release()).not.toThrow();
      expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: 1, idle: 1 });

      const { again, release } = await new Promise<{ again: PoolClient; release: (err?: Error | boolean) => void }>((resolve, reject) =>
        pool.connect((err, c, done) => (err || !c ? reject(err) : resolve({ again: c, release: done }))),
      );
      expect(again).toBe(client); // the one connection, checked out again
      release();
      expect(() => again.release()).not.toThrow();
      expect(() => release()).not.toThrow();
      expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: 1, idle: 1 });

      // A release with an error still ends that connection, as pg-pool's own does.
      const third = await pool.connect();
      third.release(new Error('broken'));
      third.release(new Error('broken again'));
      expect(pool.totalCount).toBe(0);
      // Each dropped release was told of, with where it came from.
      expect(dropped).toHaveLength(4);
      expect(dropped.every((stack) => stack?.includes('queue-pool.int-spec'))).toBe(true);
    } finally {
      await pool.end();
    }
  });
});
