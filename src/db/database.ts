import type { MikroORM, Options } from '@mikro-orm/postgresql';
import type { Config } from '../config/config';
import { StartupError } from '../shared/startup-error';
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded';

/**
 * MikroORM with the entities and migrations, and graphile-worker: about half a second of loading, required on
 * first use rather than imported, so that a start loads them while the embedded PostgreSQL boots in its own
 * process (openDatabase's `whileStarting`), not before spawning it.
 */
let modules:
  | {
      MikroORM: typeof MikroORM;
      ormConfig: typeof import('./mikro-orm.config').ormConfig;
      replicaOptions: typeof import('./mikro-orm.config').replicaOptions;
      installQueueSchema: typeof import('../modules/notifications/queue').installQueueSchema;
    }
  | undefined;
const databaseModules = () =>
  (modules ??= {
    /* eslint-disable @typescript-eslint/no-require-imports */
    MikroORM: (require('@mikro-orm/postgresql') as typeof import('@mikro-orm/postgresql')).MikroORM,
    ormConfig: (require('./mikro-orm.config') as typeof import('./mikro-orm.config')).ormConfig,
    replicaOptions: (require('./mikro-orm.config') as typeof import('./mikro-orm.config')).replicaOptions,
    installQueueSchema: (require('../modules/notifications/queue') as typeof import('../modules/notifications/queue')).installQueueSchema,
    /* eslint-enable @typescript-eslint/no-require-imports */
  });

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  /** Database reachable and every migration applied: what /readyz reports. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** Where a URL points, without its password: safe for error messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(malformed URL)';
  }
}

/** Connects with MikroORM and checks the connection, turning failures into one clear line. */
export async function connectOrm(url: string, options: Partial<Options> = {}): Promise<MikroORM> {
  let orm: MikroORM;
  try {
    const load = databaseModules();
    orm = await load.MikroORM.init(load.ormConfig(url, options));
  } catch (e) {
    throw new StartupError(`Cannot connect to the database at ${describeUrl(url)}: ${(e as Error).message}`);
  }
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true);
    throw new StartupError(`Cannot connect to the database at ${describeUrl(url)}: ${check.reason}`);
  }
  return orm;
}

/**
 * Applies pending migrations, all or nothing, then installs or upgrades the job queue's own schema
 * (graphile-worker keeps it in `graphile_worker`, with its own migrations table).
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  let applied: string[];
  try {
    applied = (await orm.getMigrator().up()).map((m) => m.name);
  } catch (e) {
    throw new StartupError(`A database migration failed and nothing was applied: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    await databaseModules().installQueueSchema(orm.config.get('clientUrl')!);
  } catch (e) {
    throw new StartupError(`Installing the job queue's schema failed: ${(e as Error).message.split('\n')[0]}`);
  }
  return applied;
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}

/**
 * Opens the database the config names: DATABASE_URL, or when unset the embedded PostgreSQL under `.data/`.
 * `embedded`: `start` it (the server, which owns it); `join` the one a server of this checkout is running
 * (the worker, which never starts one); `join-or-start` (commands: `--check`, `db:*`). Applies migrations
 * unless told not to.
 */
export async function openDatabase(
  config: Config,
  log: (message: string) => void,
  options: { migrate?: boolean; embedded?: 'start' | 'join' | 'join-or-start'; whileStarting?: () => void } = {},
): Promise<Database> {
  const mode = options.embedded ?? 'start';
  let embedded: EmbeddedPostgresHandle | undefined;
  let url = config.databaseUrl ?? (mode === 'start' ? undefined : runningEmbeddedUrl(config.embedded.dataDir));
  if (!url && mode === 'join') {
    throw new StartupError(`No database: set DATABASE_URL, or start the server first (\`npm start\`): its embedded PostgreSQL (${config.embedded.dataDir}) is not running.`);
  }
  if (!url) {
    const whileStarting = options.whileStarting;
    embedded = await startEmbeddedPostgres({
      ...config.embedded,
      log,
      whileStarting: () => {
        databaseModules();
        whileStarting?.();
      },
    });
    url = embedded.url;
    log(`embedded PostgreSQL running on 127.0.0.1:${embedded.port} (data in ${config.embedded.dataDir})`);
  }
  try {
    const orm = await connectOrm(url, { pool: { min: 0, max: config.dbPoolMax }, ...databaseModules().replicaOptions(config) });
    if (options.migrate !== false) {
      const applied = await migrate(orm);
      if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    }
    return {
      orm,
      url,
      embedded: Boolean(embedded),
      isReady: async () => {
        try {
          return (await pendingMigrations(orm)).length === 0;
        } catch {
          return false;
        }
      },
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
