import { Pool, type PoolClient } from 'pg';

type Release = (err?: Error | boolean) => void;
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, release: Release) => void;

/**
 * pg's Pool for graphile-worker, whose clients may be released twice without harm. graphile-worker 0.16's job
 * listener releases its client when the runner stops, and again when the LISTEN it sent then fails (the database
 * going away at that moment: seen in tests/integration/db-outage.int-spec.ts); pg-pool throws on the second
 * release, inside a promise nobody awaits, and an unhandled rejection ends the process. The second release is
 * dropped here instead, so a database outage during a stop cannot take the server down.
 */
export class QueuePool extends Pool {
  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) return super.connect().then(releasedOnce);
    super.connect((err, client, release) => {
      if (client) releasedOnce(client);
      callback(err, client, client ? client.release : release);
    });
  }
}

/** The client with a release that does nothing after the first (pg-pool gives each checkout its own release). */
function releasedOnce(client: PoolClient): PoolClient {
  const release = client.release.bind(client) as Release;
  let released = false;
  client.release = ((err?: Error | boolean) => {
    if (released) return;
    released = true;
    release(err);
  }) as PoolClient['release'];
  return client;
}
