// `npm run build` (and before `npm start` and `npm run worker`): compiles src/ and migrations/ to dist/ with
// swc, file by file, and only the files whose source (or this build's settings) changed since their last
// build, so a restart costs a few stat calls. Type checking is `npm run typecheck` (and CI), not this.
// Nothing a running server uses is deleted or half-written: each output is written aside and renamed into
// place, and only outputs whose source is gone are removed.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist');
const swcrcFile = path.join(root, '.swcrc');
const swcrc = JSON.parse(fs.readFileSync(swcrcFile, 'utf8'));
// A change of the settings or of this script rebuilds everything.
const settingsChanged = Math.max(fs.statSync(swcrcFile).mtimeMs, fs.statSync(path.join(__dirname, 'build.js')).mtimeMs);

function* sources(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

const started = Date.now();
let built = 0;
const outputs = new Set();
for (const dir of ['src', 'migrations']) {
  for (const source of sources(path.join(root, dir))) {
    const target = path.join(out, path.relative(root, source).replace(/\.ts$/, '.js'));
    outputs.add(target);
    const built_at = mtime(target);
    if (built_at !== undefined && built_at >= mtime(source) && built_at >= settingsChanged) continue;
    // swc's native module is loaded only when something needs compiling: a restart skips it.
    const { code } = require('@swc/core').transformSync(fs.readFileSync(source, 'utf8'), { ...swcrc, swcrc: false, filename: source });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const aside = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(aside, code);
    fs.renameSync(aside, target);
    built++;
  }
}

// Outputs of sources that no longer exist (a file renamed or deleted): nothing loads them any more.
let removed = 0;
for (const dir of ['src', 'migrations']) {
  const base = path.join(out, dir);
  if (!fs.existsSync(base)) continue;
  for (const file of fs.readdirSync(base, { recursive: true })) {
    const full = path.join(base, String(file));
    if (full.endsWith('.js') && !outputs.has(full) && fs.statSync(full).isFile()) {
      fs.rmSync(full);
      removed++;
    }
  }
}
console.log(`build: ${built} compiled, ${outputs.size - built} up to date${removed ? `, ${removed} removed` : ''} (${Date.now() - started} ms)`);
