import type { EntityManager } from '@mikro-orm/postgresql';

interface KnexRaw {
  raw(sql: string, bindings: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A read model's statement, run with its values as parameters on the request's transaction (or the pool
 * outside one). MikroORM's `em.execute` inlines values into the text, so every request would send a text of
 * its own; here the text stays the same from request to request, which lets the request connection
 * (db/request-connection.ts) prepare it once per connection and PostgreSQL skip parsing and planning.
 * `?` marks a value, as in `em.execute`; errors are MikroORM's, as from `em.execute`.
 */
export async function readRows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const knex = (em.getTransactionContext() ?? em.getConnection().getKnex()) as unknown as KnexRaw;
  try {
    const result = await knex.raw(
      sql,
      params.map((value) => value ?? null),
    );
    return result.rows as T[];
  } catch (e) {
    throw em.getDriver().convertException(e as Error);
  }
}
