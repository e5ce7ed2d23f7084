import { Client } from 'pg';
import type { Config } from '../config/config';
import { startEmbeddedPostgres } from './embedded';

/** The same server URL with another database name. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Runs `fn` against a fresh, empty database on the configured server (DATABASE_URL, or the embedded one),
 * then drops it. Used by scripts that must not touch the real data.
 */
export async function withScratchDatabase<T>(config: Config, name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.embedded);
  const serverUrl = config.databaseUrl ?? embedded!.url;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      return await fn(withDatabaseName(serverUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
    await embedded?.stop();
  }
}
