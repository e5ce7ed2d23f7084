/* global __filename */
// The first setup file of jest-light-runner's workers (jest.config.js): test files then run as plain Node
// modules, TypeScript compiled by swc as each file is required (swc-register.js), instead of inside jest's
// per-file module sandbox. The runner imports each test file with import(): the hook below hands `.ts` URLs
// to the CommonJS loader, so they, and everything they require, go through the same require hook.
require('./swc-register');
process.setSourceMapsEnabled(true);
const { register } = require('node:module');

register('./ts-as-commonjs.mjs', require('node:url').pathToFileURL(__filename));
