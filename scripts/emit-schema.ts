/** `npm run schema:emit`: writes schema.graphql from the code. `-- --check` fails when the file is stale. */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config/config';
import { printAppSchema } from '../src/graphql/schema';

const file = path.join(projectRoot, 'schema.graphql');
const sdl = printAppSchema();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (committed !== sdl) {
    console.error('schema.graphql is stale: run `npm run schema:emit` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  writeFileSync(file, sdl);
  console.log('wrote schema.graphql');
}
