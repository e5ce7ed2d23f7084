import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config';

/**
 * Where the connections that hold session state go: the LISTEN connections (revocations, live events), the
 * job queue's workers (graphile-worker listens for new jobs). Behind PgBouncer in
 * transaction mode DATABASE_URL names the pooler, which hands each transaction to any server connection, so
 * these need the database itself: DATABASE_DIRECT_URL. Without it, the ORM's own URL.
 */
export function sessionUrl(config: Pick<Config, 'databaseDirectUrl'>, orm: MikroORM): string {
  return config.databaseDirectUrl ?? orm.config.get('clientUrl')!;
}
