/**
 * `npm run docs`: rewrites the README's generated tables (configuration, error codes) from the declarations
 * in the code (scripts/readme-tables.ts). `-- --check` changes nothing and fails when README.md is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { README, renderReadme } from './readme-tables';

const current = readFileSync(README, 'utf8');
const fresh = renderReadme(current);
if (process.argv.includes('--check')) {
  if (fresh !== current) {
    console.error('README.md is stale: run `npm run docs` and commit the result.');
    process.exit(1);
  }
  console.log('README.md is up to date.');
} else if (fresh === current) {
  console.log('README.md is up to date.');
} else {
  writeFileSync(README, fresh);
  console.log('wrote README.md');
}
