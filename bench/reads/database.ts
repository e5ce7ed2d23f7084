/**
 * The PostgreSQL server the read benchmark's data set lives on: DATABASE_URL's server when it is set, or else
 * an embedded PostgreSQL with a data directory that outlives the run (BENCH_READ_PG_DIR, by default
 * .data/bench-reads/pg), so the data set, which takes a while to load, is there next time.
 *
 * Statements per request are counted with pg_stat_statements, which must be loaded when the server starts
 * (shared_preload_libraries): the embedded server is configured for it (ALTER SYSTEM, then a restart, once);
 * on DATABASE_URL's server it is used when the server already loads it.
 */
import path from 'node:path';
import { queryOnce } from '../pg';
import { projectRoot } from '../../src/config/config';
import { describeUrl } from '../../src/db/database';
import { freeLocalPort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/db/embedded';

export interface ReadsServer {
  /** A URL of the server (its maintenance database), for creating the data set's database. */
  url: string;
  description: string;
  /** Whether pg_stat_statements is loaded (statements per request can be counted), or why not. */
  statements: true | string;
  close(): Promise<void>;
}

async function preloaded(url: string): Promise<boolean> {
  const [row] = await queryOnce<{ libs: string }>(url, `SELECT current_setting('shared_preload_libraries') AS libs`);
  return row.libs.split(',').map((s) => s.trim()).includes('pg_stat_statements');
}

async function available(url: string): Promise<boolean> {
  return (await queryOnce(url, `SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'`)).length > 0;
}

export async function openReadsServer(log: (m: string) => void): Promise<ReadsServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const ok = await preloaded(external);
    return {
      url: external,
      description: `${describeUrl(external)} (DATABASE_URL)`,
      statements: ok ? true : `pg_stat_statements is not in shared_preload_libraries of ${describeUrl(external)}`,
      close: async () => undefined,
    };
  }

  const dataDir = path.resolve(process.env.BENCH_READ_PG_DIR ?? path.join(projectRoot, '.data', 'bench-reads', 'pg'));
  const start = async () => startEmbeddedPostgres({ dataDir, port: await freeLocalPort(), log });
  let pg: EmbeddedPostgresHandle = await start();
  try {
    let statements: true | string = true;
    if (!(await preloaded(pg.url))) {
      if (await available(pg.url)) {
        log('configuring the embedded PostgreSQL to load pg_stat_statements (once), restarting it');
        await queryOnce(pg.url, `ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
        await pg.stop();
        pg = await start();
        if (!(await preloaded(pg.url))) statements = 'pg_stat_statements did not load after the restart';
      } else {
        statements = 'the embedded PostgreSQL has no pg_stat_statements';
      }
    }
    const url = pg.url;
    const handle = pg;
    return { url, description: `embedded PostgreSQL in ${dataDir} (${describeUrl(url)})`, statements, close: () => handle.stop() };
  } catch (e) {
    await pg.stop().catch(() => undefined);
    throw e;
  }
}
