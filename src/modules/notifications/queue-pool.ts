import { Pool, type PoolClient, type PoolConfig } from 'pg';

type Release = (err?: Error | boolean) => void;
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, release: Release) => void;

/**
 * pg's Pool for graphile-worker, whose clients may be released twice without harm. graphile-worker 0.16's job
 * listener releases its client when the runner stops, and again when the LISTEN it sent then fails (the database
 * going away at that moment: seen in tests/integration/db-outage.int-spec.ts); pg-pool throws on the second
 * release, inside a promise nobody awaits, and an unhandled rejection ends the process. The second release is
 * dropped here instead, so a database outage during a stop cannot take the server down; `onSecondRelease` hears
 * of it (with where it came from), so that a double release elsewhere does not go unnoticed.
 */
export class QueuePool extends Pool {
  constructor(
    config: PoolConfig,
    private readonly onSecondRelease: (stack: string | undefined) => void = () => {},
  ) {
    super(config);
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) return super.connect().then((client) => this.releasedOnce(client));
    super.connect((err, client, release) => {
      if (client) this.releasedOnce(client);
      callback(err, client, client ? client.release : release);
    });
  }

  /** The client with a release that does nothing after the first (pg-pool gives each checkout its own release). */
  private releasedOnce(client: PoolClient): PoolClient {
    const release = client.release.bind(client) as Release;
    let released = false;
    client.release = ((err?: Error | boolean) => {
      if (released) return this.onSecondRelease(new Error('released twice').stack);
      released = true;
      release(err);
    }) as PoolClient['release'];
    return client;
  }
}
