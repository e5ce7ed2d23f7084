import { readFileSync } from 'node:fs';
import { GENERATED_PARTS, README, renderReadme } from '../../scripts/readme-tables';
import { CONFIG_VARIABLES } from '../../src/config/config';
import { ERROR_CODES } from '../../src/shared/error-codes';

const readme = readFileSync(README, 'utf8');

/** The text between a part's markers, as committed. */
function committed(name: string): string {
  const start = readme.search(new RegExp(`<!-- BEGIN GENERATED ${name}[: ][^\\n]*-->\\n`));
  const stop = readme.indexOf(`<!-- END GENERATED ${name} -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(stop).toBeGreaterThan(start);
  return readme.slice(readme.indexOf('\n', start) + 1, stop).trimEnd();
}

describe("README's generated tables (npm run docs)", () => {
  it.each(GENERATED_PARTS.map((part) => [part.name, part]))('the %s table is current: run `npm run docs` when this fails', (_name, part) => {
    expect(committed(part.name)).toBe(part.render());
  });

  it('is exactly what `npm run docs` would write', () => {
    expect(renderReadme(readme) === readme).toBe(true);
  });

  it('has a row for every setting and every error code', () => {
    const rows = (name: string) => committed(name).split('\n').slice(2).map((line) => /^\| `([A-Z0-9_]+)` \|/.exec(line)?.[1]);
    expect(rows('configuration')).toEqual(CONFIG_VARIABLES);
    expect(rows('error-codes')).toEqual(Object.keys(ERROR_CODES));
  });

  it('refuses a README without the markers rather than losing a table', () => {
    expect(() => renderReadme('# no markers\n')).toThrow(/no markers for the generated configuration part/);
  });
});
