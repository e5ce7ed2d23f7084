import type { TestApp } from './app';

/**
 * A checksum of every table (row count and an md5 of the rows), to show a refused request wrote nothing:
 * compare one taken before with one taken after (changedTables).
 */
export async function checksum(t: TestApp): Promise<Record<string, string>> {
  const conn = t.em().getConnection();
  const tables = await conn.execute<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  // The per-viewer mutation counters are the one write a refused request makes by design (refused mutations
  // count, so probing is not free): left out, every other rate-limit row still has to stay as it was.
  const only: Record<string, string> = { rate_limits: ` WHERE x.key NOT LIKE 'mutation_viewer:%'` };
  const sql = tables
    .map(({ name }) => `SELECT '${name}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x${only[name] ?? ''}`)
    .join(' UNION ALL ');
  const rows = await conn.execute<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose checksum differs between two. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((k) => before[k] !== after[k]);
