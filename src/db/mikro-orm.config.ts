import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { projectRoot, type Config } from '../config/config';
import { entities } from './entities';
import { migrationsList } from '../../migrations';
import { QUEUE_SCHEMA } from '../modules/notifications/queue';

/**
 * MikroORM settings shared by the server, the tests and the scripts. Migrations are listed explicitly
 * (migrations/index.ts, kept by `npm run migration:create`) so that they load the same way under jest,
 * ts-node and compiled JS, with no glob or dynamic import.
 */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: 10 },
    // Reads go through SQL read models; entities are for writes, so never flush implicitly on reads.
    forceUtcTimezone: true,
    // The job queue's tables (graphile-worker, src/modules/notifications/queue.ts) are not the entities' business.
    schemaGenerator: { ignoreSchema: [QUEUE_SCHEMA] },
    allowGlobalContext: false,
    // Nothing reads a replica unless it asks for one by name (db/read-routing.ts): MikroORM would otherwise send
    // every read outside a transaction there (logins, the worker, the revocation poll), which may lag.
    preferReadReplicas: false,
    debug: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(projectRoot, 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
      migrationsList,
    },
    ...overrides,
  });
}

/**
 * How long a request waits to connect to the replica before reading the primary instead: a replica that drops
 * packets (rather than refusing) would otherwise hold each query, and its request-transaction slot, for knex's
 * 60 s while mutations queue behind them.
 */
const REPLICA_CONNECT_TIMEOUT_MS = 2000;

/** The ORM's replica (`em.getConnection('read')`) when DATABASE_READ_URL is set; only request transactions use it. */
export function replicaOptions(config: Pick<Config, 'readReplica'>): Partial<Options> {
  if (!config.readReplica.url) return {};
  return {
    replicas: [
      {
        name: 'read',
        clientUrl: config.readReplica.url,
        driverOptions: { connection: { connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS }, acquireConnectionTimeout: REPLICA_CONNECT_TIMEOUT_MS },
      },
    ],
  };
}
