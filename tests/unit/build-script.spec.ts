import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run build` (scripts/build.js, run by every `npm start`): compiles only what changed, and never deletes or
 * rewrites in place what a running server has loaded. Run on a project of three files in a scratch directory.
 */
describe('scripts/build.js', () => {
  const root = path.join(__dirname, '../..');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'incident-desk-build-'));
  const build = () => execFileSync(process.execPath, [path.join(dir, 'scripts/build.js')], { cwd: dir, encoding: 'utf8' }).trim();
  const out = (file: string) => path.join(dir, 'dist', file);

  beforeAll(() => {
    mkdirSync(path.join(dir, 'scripts'));
    mkdirSync(path.join(dir, 'src/sub'), { recursive: true });
    mkdirSync(path.join(dir, 'migrations'));
    copyFileSync(path.join(root, 'scripts/build.js'), path.join(dir, 'scripts/build.js'));
    copyFileSync(path.join(root, '.swcrc'), path.join(dir, '.swcrc'));
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'src/main.ts'), "import { two } from './sub/two';\nexport const one: number = 1 + two;\n");
    writeFileSync(path.join(dir, 'src/sub/two.ts'), 'export const two: number = 2;\n');
    writeFileSync(path.join(dir, 'migrations/m1.ts'), 'export const m = 1;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles everything once, then nothing until a source changes', () => {
    expect(build()).toMatch(/^build: 3 compiled, 0 up to date \(\d+ ms\)$/);
    expect(readFileSync(out('src/main.js'), 'utf8')).toContain('require("./sub/two")'); // CommonJS, types gone
    expect(build()).toMatch(/^build: 0 compiled, 3 up to date/);
  });

  it('replaces a changed file by renaming a new one into place: what a running server opened stays whole', () => {
    const before = statSync(out('src/sub/two.js')).ino;
    const untouched = statSync(out('src/main.js')).ino;
    writeFileSync(path.join(dir, 'src/sub/two.ts'), 'export const two: number = 22;\n');
    const earlier = new Date(Date.now() - 10_000); // its output older than the edit, whatever the clock's resolution
    utimesSync(out('src/sub/two.js'), earlier, earlier);
    expect(build()).toMatch(/^build: 1 compiled, 2 up to date/);
    expect(statSync(out('src/sub/two.js')).ino).not.toBe(before); // a new file, not the old one rewritten
    expect(statSync(out('src/main.js')).ino).toBe(untouched);
    expect(readFileSync(out('src/sub/two.js'), 'utf8')).toContain('22');
  });

  it('removes only the outputs whose source is gone', () => {
    unlinkSync(path.join(dir, 'migrations/m1.ts'));
    expect(build()).toMatch(/^build: 0 compiled, 2 up to date, 1 removed/);
    expect(existsSync(out('migrations/m1.js'))).toBe(false);
    expect(existsSync(out('src/main.js'))).toBe(true);
  });
});
