/**
 * `npm run docs`: rewrites the documentation's generated tables (docs/configuration.md, docs/errors.md) from
 * the declarations in the code (scripts/doc-tables.ts says which part lives in which file). `-- --check`
 * changes nothing and fails when any of those files is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_FILES, docPath, renderDoc } from './doc-tables';

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const file of GENERATED_FILES) {
  const current = readFileSync(docPath(file), 'utf8');
  const fresh = renderDoc(file, current);
  if (fresh === current) continue;
  stale.push(file);
  if (!check) {
    writeFileSync(docPath(file), fresh);
    console.log(`wrote ${file}`);
  }
}
if (check && stale.length > 0) {
  console.error(`${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} stale: run \`npm run docs\` and commit the result.`);
  process.exit(1);
}
if (stale.length === 0) console.log(`${GENERATED_FILES.join(', ')}: up to date.`);
