import type { EntityManager } from '@mikro-orm/postgresql';
import { requestConnectionOf } from './tenant-transaction';

interface KnexRaw {
  raw(sql: string, bindings: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

/** A statement's `?` placeholders as PostgreSQL's `$1`, `$2`, ... (each text converted once; read models have few). */
const positional = new Map<string, string>();
function numbered(sql: string): string {
  let text = positional.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (positional.size < 1000) positional.set(sql, text);
  }
  return text;
}

/**
 * A statement run with its values as parameters on the request's transaction (or the pool outside one): the
 * read models' reads, and writes whose values should not be inlined (an attachment's binary chunks). MikroORM's `em.execute` inlines values into the text, so every request would send a text of
 * its own; here the text stays the same from request to request, which lets the request connection
 * (db/request-connection.ts) prepare it once per connection and PostgreSQL skip parsing and planning. On a
 * request transaction the statement goes to its connection directly; inside a savepoint or outside a request,
 * through knex. `?` marks a value, as in `em.execute`; errors are MikroORM's, as from `em.execute`.
 */
export async function sqlRows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const values = params.map((value) => value ?? null);
  const context = em.getTransactionContext();
  const connection = requestConnectionOf(context);
  try {
    if (connection) {
      return await new Promise<T[]>((resolve, reject) => {
        connection.query({ text: numbered(sql), values }, (err, result) => (err ? reject(err) : resolve((result as { rows: T[] }).rows)));
      });
    }
    const knex = (context ?? em.getConnection().getKnex()) as unknown as KnexRaw;
    return (await knex.raw(sql, values)).rows as T[];
  } catch (e) {
    throw em.getDriver().convertException(e as Error);
  }
}
