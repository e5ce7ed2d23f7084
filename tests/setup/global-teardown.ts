import { promises as fs } from 'node:fs';
import { Client } from 'pg';
import type { EmbeddedPostgresHandle } from '../../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__TEST_PGBOUNCER__ as { close(): Promise<void> } | undefined)?.close();
  const state = (globalThis as Record<string, unknown>).__TEST_PG__ as { embedded: EmbeddedPostgresHandle; dir: string } | undefined;
  if (state) {
    await state.embedded.stop();
    await fs.rm(state.dir, { recursive: true, force: true });
    return;
  }
  // An external server (TEST_DATABASE_URL): drop what this run created there.
  const serverUrl = process.env.TEST_PG_SERVER_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!serverUrl || !template) return;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
