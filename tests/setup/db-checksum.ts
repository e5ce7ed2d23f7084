import type { TestApp } from './app';

/**
 * Every row written in the database's tables (inserted, updated, even to the same values, or deleted) and every
 * truncation appends a line naming its table, through triggers installed on the first fingerprint taken of a
 * database. The line is part of the writing transaction: a write rolled back leaves none, as it leaves no row.
 * SECURITY DEFINER: the requests' roles write the tables, not the log.
 *
 * The per-viewer mutation counters are the one write a refused request makes by design (refused mutations count,
 * so probing is not free): left out, every other rate-limit row still has to stay as it was.
 */
const INSTALL = `
CREATE TABLE IF NOT EXISTS test_row_writes (id bigserial PRIMARY KEY, table_name text NOT NULL);
CREATE OR REPLACE FUNCTION test_row_written() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'rate_limits' AND TG_LEVEL = 'ROW' THEN
    IF (TG_OP = 'DELETE' OR NEW.key LIKE 'mutation_viewer:%') AND (TG_OP = 'INSERT' OR OLD.key LIKE 'mutation_viewer:%') THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO test_row_writes (table_name) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'test_row_writes' LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER test_row_written AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION test_row_written()', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER test_truncated AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION test_row_written()', t);
  END LOOP;
END $$;`;

const installed = new Map<string, Promise<unknown>>();

/**
 * A fingerprint of every table, to show a refused request wrote nothing: compare one taken before with one taken
 * after (changedTables). Per table, how many lines the write log above has and its newest (the count too: a
 * line's id comes from a sequence, so a transaction that took a lower one may commit after a higher one): one
 * small query, where counting every table's rows cost 3 ms around each of the thousands input-fuzz sends.
 */
export async function checksum(t: TestApp): Promise<Record<string, string>> {
  const conn = t.em().getConnection();
  if (!installed.has(t.db.name)) installed.set(t.db.name, conn.execute(INSTALL));
  await installed.get(t.db.name);
  const rows = await conn.execute<{ t: string; h: string }[]>(`SELECT table_name AS t, count(*) || ':' || max(id) AS h FROM test_row_writes GROUP BY table_name ORDER BY 1`);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables written between two fingerprints. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((k) => before[k] !== after[k]);
