import type { TestApp } from './app';

const tablesOf = new WeakMap<TestApp, Promise<{ name: string }[]>>();

/**
 * A fingerprint of every table, to show a refused request wrote nothing: compare one taken before with one
 * taken after (changedTables). Per table, its row count and the newest transaction that wrote one of its rows
 * (`xmin`): an insert or an update leaves a row version newer than any before it and a delete lowers the
 * count, so any committed write shows, even an update that writes the same values. Much cheaper than hashing
 * the rows, which input-fuzz does around each of hundreds of requests.
 */
export async function checksum(t: TestApp): Promise<Record<string, string>> {
  const conn = t.em().getConnection();
  if (!tablesOf.has(t)) {
    tablesOf.set(t, conn.execute<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`));
  }
  const tables = await tablesOf.get(t)!;
  // The per-viewer mutation counters are the one write a refused request makes by design (refused mutations
  // count, so probing is not free): left out, every other rate-limit row still has to stay as it was.
  const only: Record<string, string> = { rate_limits: ` WHERE x.key NOT LIKE 'mutation_viewer:%'` };
  const sql = tables
    .map(({ name }) => `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS h FROM "${name}" x${only[name] ?? ''}`)
    .join(' UNION ALL ');
  const rows = await conn.execute<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose checksum differs between two. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((k) => before[k] !== after[k]);
