import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The README and docs/: every relative link points at a file that exists, and every table renders. */
const root = path.join(__dirname, '../..');
const files = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The file's lines outside fenced code blocks (a `|` or a `](` in code is not Markdown). */
function prose(file: string): { line: string; n: number }[] {
  let fenced = false;
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && !line.startsWith('```');
    });
}

describe('the README and docs/', () => {
  it.each(files)('%s links only to files that exist', (file) => {
    const broken = prose(file).flatMap(({ line, n }) =>
      [...line.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1].split('#')[0])
        .filter((target) => target !== '' && !/^[a-z]+:/i.test(target))
        .filter((target) => !existsSync(path.join(root, path.dirname(file), target)))
        .map((target) => `${file}:${n} ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it.each(files)("%s: every table's rows follow its header and separator, with no blank line inside", (file) => {
    const lines = prose(file);
    const wrong: string[] = [];
    lines.forEach(({ line, n }, i) => {
      if (!line.startsWith('|')) return;
      const before = lines[i - 1]?.line ?? '';
      const after = lines[i + 1]?.line ?? '';
      const separator = /^\|( *:?-+:? *\|)+$/;
      const isHeader = !before.startsWith('|') && separator.test(after);
      const isSeparator = separator.test(line) && before.startsWith('|') && !(lines[i - 2]?.line ?? '').startsWith('|');
      const isRow = before.startsWith('|') && !isSeparator;
      if (!isHeader && !isSeparator && !isRow) wrong.push(`${file}:${n} ${line.slice(0, 60)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('keeps the two commands first in the README', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
    expect(readme[0]).toBe('# incident-desk');
    expect(readme[2]).toBe('```sh');
    expect(readme[3]).toMatch(/^npm ci && npm start /);
    expect(readme[4]).toMatch(/^npm test /);
  });
});
