import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/** The project's root: where package.json, migrations/ and .data/ live (src/config → ../..; dist/src/config → ../../..). */
export const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const secret = z.string().min(32, 'must be at least 32 characters');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino level (fatal … trace) or silent' }).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  EMBEDDED_PG_DIR: z.string().default(path.join(projectRoot, '.data', 'postgres')),
  EMBEDDED_PG_PORT: port.default(54329),
  DB_POOL_MAX: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(10),
  BODY_LIMIT_BYTES: z.coerce.number({ message: 'must be a number' }).int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  JWT_STAFF_SECRET: secret.optional(),
  JWT_PORTAL_SECRET: secret.optional(),
  SEED_DEMO: bool.optional(),
  GRAPHQL_PLAYGROUND: bool.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10000),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  isDevelopment: boolean;
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  /** Unset: an embedded PostgreSQL is started under `embedded.dataDir`. */
  databaseUrl?: string;
  embedded: { dataDir: string; port: number };
  dbPoolMax: number;
  bodyLimitBytes: number;
  secrets: { staffJwt: string; portalJwt: string };
  /** Secrets the process generated itself (development and test only). */
  generatedSecrets: string[];
  seedDemo: boolean;
  playground: boolean;
  shutdownTimeoutMs: number;
}

/** Thrown with every problem found, so the user fixes them in one go. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the settings once; throws ConfigError naming each bad or missing setting. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset: `FOO= npm start` should not be a validation error.
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // Report missing production secrets in the same message rather than after the next attempt.
    if (input.NODE_ENV === 'production') {
      for (const name of ['JWT_STAFF_SECRET', 'JWT_PORTAL_SECRET']) {
        if (!input[name]) problems.push(`${name}: must be set in production (at least 32 random characters)`);
      }
    }
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';

  const problems: string[] = [];
  const generatedSecrets: string[] = [];
  const secretOf = (name: 'JWT_STAFF_SECRET' | 'JWT_PORTAL_SECRET'): string => {
    const value = env[name];
    if (value) return value;
    if (isProduction) {
      problems.push(`${name}: must be set in production (at least 32 random characters)`);
      return '';
    }
    generatedSecrets.push(name);
    return randomBytes(32).toString('base64url');
  };
  const secrets = { staffJwt: secretOf('JWT_STAFF_SECRET'), portalJwt: secretOf('JWT_PORTAL_SECRET') };
  if (secrets.staffJwt && secrets.staffJwt === secrets.portalJwt) {
    problems.push('JWT_PORTAL_SECRET: must differ from JWT_STAFF_SECRET (staff and portal tokens are signed with separate keys)');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    isProduction,
    isDevelopment: env.NODE_ENV === 'development',
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    embedded: { dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT },
    dbPoolMax: env.DB_POOL_MAX,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    secrets,
    generatedSecrets,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV === 'development',
    playground: env.GRAPHQL_PLAYGROUND ?? !isProduction,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}
