import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('has working defaults for development, generating token keys and saying so', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.seedDemo).toBe(true);
    expect(c.generatedSecrets).toEqual(['JWT_STAFF_SECRET', 'JWT_PORTAL_SECRET']);
    expect(c.secrets.staffJwt).not.toEqual(c.secrets.portalJwt);
    expect(c.secrets.staffJwt.length).toBeGreaterThanOrEqual(32);
  });

  it('names every malformed setting at once', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '-1' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['BODY_LIMIT_BYTES', 'DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(problems.find((p) => p.startsWith('PORT'))).toMatch(/number/);
  });

  it('refuses to run in production without token keys', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_STAFF_SECRET: must be set in production/),
      expect.stringMatching(/^JWT_PORTAL_SECRET: must be set in production/),
      expect.stringMatching(/^WEBHOOK_SECRETS_KEY: must be set in production/),
      expect.stringMatching(/^SMTP_URL: must be set in production/),
    ]);
  });

  it('refuses short keys and the same key for staff and portal tokens', () => {
    expect(problemsOf({ JWT_STAFF_SECRET: 'short' })[0]).toMatch(/^JWT_STAFF_SECRET: must be at least 32 characters/);
    const same = 'x'.repeat(40);
    expect(problemsOf({ JWT_STAFF_SECRET: same, JWT_PORTAL_SECRET: same })[0]).toMatch(/^JWT_PORTAL_SECRET: must differ/);
  });

  it('Ezra: no provider by default; a provider needs a model, and https unless it runs on this machine', () => {
    expect(loadConfig({}).ezra).toEqual({ provider: undefined, autoAnalyze: true, maxConcurrent: 2, runsPerTenantPerHour: 60 });
    const c = loadConfig({ EZRA_PROVIDER_URL: 'https://llm.example.test/v1/', EZRA_MODEL: 'gpt-x', EZRA_API_KEY: 'k' });
    expect(c.ezra.provider).toEqual({ baseUrl: 'https://llm.example.test/v1', model: 'gpt-x', apiKey: 'k', timeoutMs: 30000 });
    expect(loadConfig({ EZRA_PROVIDER_URL: 'http://127.0.0.1:11434/v1', EZRA_MODEL: 'llama' }).ezra.provider?.apiKey).toBeUndefined();
    expect(problemsOf({ EZRA_PROVIDER_URL: 'https://llm.example.test/v1' })).toEqual([expect.stringMatching(/^EZRA_MODEL: must be set together/)]);
    expect(problemsOf({ EZRA_PROVIDER_URL: 'http://llm.example.test/v1', EZRA_MODEL: 'm' })).toEqual([expect.stringMatching(/^EZRA_PROVIDER_URL: must be https/)]);
    expect(problemsOf({ EZRA_API_KEY: 'k' })).toEqual([expect.stringMatching(/^EZRA_API_KEY: has no effect/)]);
    expect(loadConfig({ EZRA_AUTO_ANALYZE: 'false' }).ezra.autoAnalyze).toBe(false);
    expect(loadConfig({ EZRA_RUNS_PER_TENANT_PER_HOUR: '5' }).ezra.runsPerTenantPerHour).toBe(5);
    expect(problemsOf({ EZRA_RUNS_PER_TENANT_PER_HOUR: '0' })).toEqual([expect.stringMatching(/^EZRA_RUNS_PER_TENANT_PER_HOUR: /)]);
  });

  it('accepts a full production configuration, with demo data and playground off', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_STAFF_SECRET: 'a'.repeat(40),
      JWT_PORTAL_SECRET: 'b'.repeat(40),
      WEBHOOK_SECRETS_KEY: 'c'.repeat(40),
      DATABASE_URL: 'postgresql://u:p@db:5432/app',
      SMTP_URL: 'smtp://mail.internal:587',
      PORT: '8080',
    });
    expect(c.port).toBe(8080);
    expect(c.seedDemo).toBe(false);
    expect(c.playground).toBe(false);
    expect(c.metrics).toEqual({ served: false, token: undefined }); // no token, no /metrics in production
    expect(c.generatedSecrets).toEqual([]);
  });

  it('derives the Google callback from PUBLIC_URL unless GOOGLE_REDIRECT_URI is set, and trusts only https issuers by default', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://desk.example.com/' });
    expect(c.google).toEqual({
      issuer: 'https://accounts.google.com',
      clientId: undefined,
      clientSecret: undefined,
      redirectUri: 'https://desk.example.com/api/v1/auth/oauth/callback',
      allowInsecureIssuer: false,
    });
    expect(loadConfig({ GOOGLE_REDIRECT_URI: 'https://app.example.com/oauth/done' }).google.redirectUri).toBe('https://app.example.com/oauth/done');
    expect(problemsOf({ GOOGLE_REDIRECT_URI: 'not a url' })[0]).toMatch(/^GOOGLE_REDIRECT_URI: must be an absolute URL/);
    expect(problemsOf({ GOOGLE_CLIENT_ID: 'id' })[0]).toMatch(/^GOOGLE_CLIENT_SECRET: must be set together/);
  });

  it("points e-mail links at this server's pages under PUBLIC_URL unless a link's setting names another http(s) page", () => {
    const c = loadConfig({ PUBLIC_URL: 'https://desk.example.com/', PORTAL_VERIFY_EMAIL_URL: 'https://help.example.com/verify?lang=en', PORTAL_SIGN_IN_URL: 'https://app.example.com/sign-in' });
    expect(c.links).toEqual({
      staff: {
        resetPassword: 'https://desk.example.com/reset-password',
        invitation: 'https://desk.example.com/accept-invitation',
        verifyEmail: 'https://desk.example.com/verify-email',
      },
      portal: {
        resetPassword: 'https://desk.example.com/portal/reset-password',
        invitation: 'https://desk.example.com/portal/accept-invitation',
        verifyEmail: 'https://help.example.com/verify?lang=en',
        signIn: 'https://app.example.com/sign-in',
        rating: 'https://desk.example.com/portal/rate-ticket',
      },
    });
    expect(problemsOf({ STAFF_RESET_PASSWORD_URL: 'javascript:alert(1)' })[0]).toMatch(/^STAFF_RESET_PASSWORD_URL: must be an absolute http/);
    expect(problemsOf({ PORTAL_INVITATION_URL: '/accept' })[0]).toMatch(/^PORTAL_INVITATION_URL: /);
  });

  it('refuses password hashing below the OWASP minimum in production, and allows cheap hashing elsewhere (tests)', () => {
    const production = { NODE_ENV: 'production', JWT_STAFF_SECRET: 'a'.repeat(40), JWT_PORTAL_SECRET: 'b'.repeat(40), WEBHOOK_SECRETS_KEY: 'c'.repeat(40), SMTP_URL: 'smtp://mail.internal:587' };
    const cheap = { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };
    expect(problemsOf({ ...production, ...cheap })).toEqual([expect.stringMatching(/^ARGON2_MEMORY_KIB: with ARGON2_TIME_COST, below the OWASP minimum/)]);
    expect(problemsOf({ ...production, ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '1' })).toHaveLength(1);
    for (const [memory, passes] of [['47104', '1'], ['19456', '2'], ['12288', '3'], ['7168', '5']]) {
      expect(loadConfig({ ...production, ARGON2_MEMORY_KIB: memory, ARGON2_TIME_COST: passes }).argon2).toMatchObject({ memoryKib: Number(memory), timeCost: Number(passes) });
    }
    expect(loadConfig({ NODE_ENV: 'test', ...cheap }).argon2).toMatchObject({ memoryKib: 1024, timeCost: 1 });
  });

  it('refuses GOOGLE_ALLOW_INSECURE_ISSUER in production', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      JWT_STAFF_SECRET: 'a'.repeat(40),
      JWT_PORTAL_SECRET: 'b'.repeat(40),
      WEBHOOK_SECRETS_KEY: 'c'.repeat(40),
      SMTP_URL: 'smtp://mail.internal:587',
      GOOGLE_ALLOW_INSECURE_ISSUER: 'true',
    });
    expect(problems).toEqual([expect.stringMatching(/^GOOGLE_ALLOW_INSECURE_ISSUER: must not be true in production/)]);
  });

  it('webhook secret keys: required in production, a file beside the embedded database in development, one per run in tests', () => {
    const dev = loadConfig({ EMBEDDED_PG_DIR: '/srv/desk/pg' }).webhooks.secretKeys;
    expect(dev).toEqual({ current: null, previous: [], developmentKeyFile: '/srv/desk/pg.webhook-key' });
    const test = loadConfig({ NODE_ENV: 'test' }).webhooks.secretKeys;
    expect(test.current!.length).toBeGreaterThanOrEqual(32);
    expect(test.developmentKeyFile).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test' }).webhooks.secretKeys.current).not.toBe(test.current);
    const set = loadConfig({ WEBHOOK_SECRETS_KEY: 'n'.repeat(40), WEBHOOK_SECRETS_PREVIOUS_KEYS: ` ${'o'.repeat(40)} , ${'p'.repeat(32)}` }).webhooks.secretKeys;
    expect(set).toEqual({ current: 'n'.repeat(40), previous: ['o'.repeat(40), 'p'.repeat(32)], developmentKeyFile: null });

    expect(problemsOf({ WEBHOOK_SECRETS_KEY: 'short' })[0]).toMatch(/^WEBHOOK_SECRETS_KEY: must be at least 32 characters/);
    expect(problemsOf({ WEBHOOK_SECRETS_PREVIOUS_KEYS: 'short' })[0]).toMatch(/^WEBHOOK_SECRETS_PREVIOUS_KEYS(\.0)?: each key must be at least 32 characters/);
    // One key, one purpose: a token key never encrypts webhook secrets, not even as a previous key.
    const jwt = { JWT_STAFF_SECRET: 'a'.repeat(40), JWT_PORTAL_SECRET: 'b'.repeat(40) };
    expect(problemsOf({ ...jwt, WEBHOOK_SECRETS_KEY: 'a'.repeat(40) })).toEqual([expect.stringMatching(/^WEBHOOK_SECRETS_KEY: must differ from every token key/)]);
    expect(problemsOf({ ...jwt, WEBHOOK_SECRETS_KEY: 'c'.repeat(40), WEBHOOK_SECRETS_PREVIOUS_KEYS: 'b'.repeat(40) })).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRETS_KEY: must differ from every token key/),
    ]);
  });

  it('refresh tokens rotate on GraphQL only by default; the doors are named, or none', () => {
    expect(loadConfig({}).tokens.refreshRotation).toEqual(['graphql']);
    expect(loadConfig({ REFRESH_TOKEN_ROTATION: 'REST, graphql' }).tokens.refreshRotation).toEqual(['rest', 'graphql']);
    expect(loadConfig({ REFRESH_TOKEN_ROTATION: 'none' }).tokens.refreshRotation).toEqual([]);
    expect(problemsOf({ REFRESH_TOKEN_ROTATION: 'websocket' })).toEqual([expect.stringMatching(/^REFRESH_TOKEN_ROTATION\S*: must be graphql, rest/)]);
  });

  it('/metrics: open outside production, behind its token wherever one is set', () => {
    expect(loadConfig({}).metrics).toEqual({ served: true, token: undefined });
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).metrics).toEqual({ served: true, token: 'm'.repeat(32) });
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/^METRICS_TOKEN: must be at least 32 characters/)]);
  });

  it('logs readable lines in development and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(problemsOf({ LOG_FORMAT: 'xml' })).toEqual([expect.stringMatching(/^LOG_FORMAT: must be json or pretty/)]);
  });

  it('phone numbers: no default country unless a known one is set', () => {
    expect(loadConfig({}).phoneDefaultCountry).toBeUndefined();
    expect(loadConfig({ PHONE_DEFAULT_COUNTRY: 'gb' }).phoneDefaultCountry).toBe('GB');
    expect(problemsOf({ PHONE_DEFAULT_COUNTRY: 'XX' })).toEqual([expect.stringMatching(/^PHONE_DEFAULT_COUNTRY: must be a two-letter country code/)]);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(4000);
  });

  it('limits codes and reset e-mails per client IP: 60 an hour by default, at least 1', () => {
    expect(loadConfig({}).mailRequestsPerIpPerHour).toBe(60);
    expect(loadConfig({ MAIL_REQUESTS_PER_IP_PER_HOUR: '7' }).mailRequestsPerIpPerHour).toBe(7);
    expect(problemsOf({ MAIL_REQUESTS_PER_IP_PER_HOUR: '0' })).toEqual([expect.stringMatching(/^MAIL_REQUESTS_PER_IP_PER_HOUR: must be at least 1/)]);
  });

  it('limits mutations per viewer: 120 a minute by default, at least 1', () => {
    expect(loadConfig({}).mutationsPerViewerPerMinute).toBe(120);
    expect(loadConfig({ MUTATIONS_PER_VIEWER_PER_MINUTE: '5' }).mutationsPerViewerPerMinute).toBe(5);
    expect(problemsOf({ MUTATIONS_PER_VIEWER_PER_MINUTE: '0' })).toEqual([expect.stringMatching(/^MUTATIONS_PER_VIEWER_PER_MINUTE: must be at least 1/)]);
  });

  it('housekeeping: hourly, 30 days for finished notifications, 90 for dead letters, a day for auth rows; schedule checked', () => {
    expect(loadConfig({}).retention).toEqual({ schedule: '17 * * * *', days: 30, deadLetterDays: 90, authGraceHours: 24, batchSize: 5000 });
    expect(loadConfig({ RETENTION_SCHEDULE: '0 3 * * *', RETENTION_DAYS: '7', RETENTION_DEAD_LETTER_DAYS: '7' }).retention).toMatchObject({ schedule: '0 3 * * *', days: 7, deadLetterDays: 7 });
    expect(loadConfig({ RETENTION_SCHEDULE: 'off' }).retention.schedule).toBeUndefined();
    expect(problemsOf({ RETENTION_SCHEDULE: 'hourly' })).toEqual([expect.stringMatching(/^RETENTION_SCHEDULE: must be a crontab time/)]);
    expect(problemsOf({ RETENTION_SCHEDULE: '61 * * * *' })).toEqual([expect.stringMatching(/^RETENTION_SCHEDULE: must be a crontab time/)]);
    expect(problemsOf({ RETENTION_DAYS: '0' })).toEqual([expect.stringMatching(/^RETENTION_DAYS: must be at least 1/)]);
    expect(problemsOf({ RETENTION_DAYS: '60', RETENTION_DEAD_LETTER_DAYS: '30' })).toEqual([expect.stringMatching(/^RETENTION_DEAD_LETTER_DAYS: must be at least RETENTION_DAYS/)]);
    expect(problemsOf({ RETENTION_BATCH_SIZE: '10' })).toEqual([expect.stringMatching(/^RETENTION_BATCH_SIZE: must be at least 100/)]);
  });

  it('documents every setting in the configuration table of docs/configuration.md', () => {
    const table = readFileSync(path.join(__dirname, '../../docs/configuration.md'), 'utf8');
    // A row's first cell names one or more variables: | `A`, `B` | default | meaning |
    const documented = new Set(
      table
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])),
    );
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
