// `node -r ./tests/setup/swc-register.js src/main.ts`: runs the TypeScript sources in a child process,
// each file compiled by swc (the project's .swcrc, as @swc/jest does) as it is required. ts-node, even with
// its swc mode, loads the TypeScript compiler and spent ten times the CPU before the server's first line.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

// Node 22 and later keep V8's compiled code of the modules on disk between processes: the spawned servers and
// each test worker load the same 1,400 modules. Node 20 has no such cache; nothing changes there.
require('node:module').enableCompileCache?.(path.join(__dirname, '../../node_modules/.cache/node-compile-cache'));

require.extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(fs.readFileSync(filename, 'utf8'), { filename }).code, filename);
};
