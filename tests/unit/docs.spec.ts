import { readFileSync } from 'node:fs';
import { GENERATED_FILES, GENERATED_PARTS, docPath, renderDoc } from '../../scripts/doc-tables';
import { CONFIG_VARIABLES } from '../../src/config/config';
import { ERROR_CODES } from '../../src/shared/error-codes';

const read = (file: string) => readFileSync(docPath(file), 'utf8');
const fileOf = (name: string) => GENERATED_PARTS.find((part) => part.name === name)?.file ?? `no part named ${name}`;

/** The text between a part's markers, as committed in its file. */
function committed(name: string): string {
  const text = read(fileOf(name));
  const start = text.search(new RegExp(`<!-- BEGIN GENERATED ${name}[: ][^\\n]*-->\\n`));
  const stop = text.indexOf(`<!-- END GENERATED ${name} -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(stop).toBeGreaterThan(start);
  return text.slice(text.indexOf('\n', start) + 1, stop).trimEnd();
}

describe("the documentation's generated tables (npm run docs)", () => {
  it('puts the configuration table in docs/configuration.md and the error codes in docs/errors.md', () => {
    expect(Object.fromEntries(GENERATED_PARTS.map((part) => [part.name, part.file]))).toEqual({ configuration: 'docs/configuration.md', 'error-codes': 'docs/errors.md' });
  });

  it.each(GENERATED_PARTS.map((part) => [part.name, part]))('the %s table is current: run `npm run docs` when this fails', (_name, part) => {
    expect(committed(part.name)).toBe(part.render());
  });

  it.each(GENERATED_FILES)('%s is exactly what `npm run docs` would write', (file) => {
    const text = read(file);
    expect(renderDoc(file, text) === text).toBe(true);
  });

  it('has a row for every setting and every error code', () => {
    const rows = (name: string) => committed(name).split('\n').slice(2).map((line) => /^\| `([A-Z0-9_]+)` \|/.exec(line)?.[1]);
    expect(rows('configuration')).toEqual(CONFIG_VARIABLES);
    expect(rows('error-codes')).toEqual(Object.keys(ERROR_CODES));
  });

  it('refuses a file without the markers rather than losing a table', () => {
    expect(() => renderDoc('docs/configuration.md', '# no markers\n')).toThrow(/docs\/configuration\.md has no markers for the generated configuration part/);
    expect(() => renderDoc('docs/errors.md', '# no markers\n')).toThrow(/docs\/errors\.md has no markers for the generated error-codes part/);
  });

  it('leaves the README without generated parts', () => {
    expect(read('README.md')).not.toMatch(/<!-- (BEGIN|END) GENERATED/);
  });
});
