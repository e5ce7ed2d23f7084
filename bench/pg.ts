import { Client } from 'pg';

/** Runs `fn` on a connection of its own to `url`, closed afterwards: the bench's setup and checks. */
export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** One statement on a connection of its own: its rows. */
export const queryOnce = <T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> => withClient(url, async (c) => (await c.query(sql, values)).rows as T[]);
