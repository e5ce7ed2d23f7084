import { ConfigError, loadConfig, type Config, type Env } from '../../src/config/config';
import { SETTINGS, type SettingName } from '../../src/config/settings';

// Compile-time: the types come from the declarations (`tsc` fails here when one drifts).
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const typeChecks: true[] = [
  true as Equals<Env['PORT'], number>,
  true as Equals<Env['DATABASE_URL'], string | undefined>,
  true as Equals<Env['TRUST_PROXY'], boolean>,
  true as Equals<Env['CORS_ORIGINS'], string[]>,
  true as Equals<Config['graphql']['maxDepth'], number>,
  true as Equals<Config['security']['hsts'], 'auto' | 'always' | 'off'>,
  true as Equals<Config['logLevel'], 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'>,
  true as Equals<Config['retention']['schedule'], string | undefined>,
  true as Equals<Config['webhooks']['secretKeys']['current'], string | null>,
];

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('settings (src/config/settings.ts)', () => {
  it('declares each setting with its documentation', () => {
    expect(typeChecks.every(Boolean)).toBe(true);
    for (const [name, setting] of Object.entries(SETTINGS)) {
      expect([name, setting.doc.trim().length > 10]).toEqual([name, true]);
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it("accepts every setting's own default", () => {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const parsed = setting.schema.safeParse(undefined);
      expect([name, parsed.success]).toEqual([name, true]);
    }
  });

  // Values that are wrong for most settings; each refusal must name the variable it came from.
  const BAD = ['not a value', '-1', '0', '1.5', '99999999999', 'x', 'http://', 'maybe', '*'];
  it.each(Object.keys(SETTINGS) as SettingName[])('names %s in the message when its value is refused', (name) => {
    const schema = SETTINGS[name].schema;
    const refused = BAD.filter((value) => !schema.safeParse(value).success);
    for (const value of refused) {
      expect([value, problemsOf({ [name]: value }).some((p) => p.startsWith(`${name}:`) || p.startsWith(`${name}.`))]).toEqual([value, true]);
    }
  });
});
