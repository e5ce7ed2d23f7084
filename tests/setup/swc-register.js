// `node -r ./tests/setup/swc-register.js src/main.ts`: runs the TypeScript sources in a child process,
// each file compiled by swc (the project's .swcrc, as @swc/jest does) as it is required. ts-node, even with
// its swc mode, loads the TypeScript compiler and spent ten times the CPU before the server's first line.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(fs.readFileSync(filename, 'utf8'), { filename }).code, filename);
};
