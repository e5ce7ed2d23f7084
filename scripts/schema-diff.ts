/**
 * `npm run schema:diff`: what changed from the last released schema (schema/release.graphql) to schema.graphql,
 * by graphql-inspector. Fails on a breaking change (a removed or renamed field, type or enum value, a field
 * made nullable, a new required argument...) unless schema/accepted-breaking-changes.json lists it with the
 * reason it is accepted, so a change that breaks clients is decided in review, not found by them.
 * `-- --release` (on a release): makes schema.graphql the released schema and empties the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A breaking change let through: graphql-inspector's change type and path, and why. */
export interface AcceptedChange {
  type: string;
  path: string;
  reason: string;
}

export interface SchemaChanges {
  /** Breaking and not accepted: these fail the check. */
  breaking: Change[];
  accepted: { change: Change; reason: string }[];
  dangerous: Change[];
  safe: Change[];
  /** Accepted entries no change matches any more (fixed, or already released): to delete. */
  stale: AcceptedChange[];
}

const matches = (entry: AcceptedChange, change: Change) => entry.type === change.type && entry.path === change.path;

/** The changes from the released SDL to the current one, sorted by what they mean for clients. */
export async function schemaChanges(released: string, current: string, acceptedList: AcceptedChange[] = []): Promise<SchemaChanges> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  const result: SchemaChanges = { breaking: [], accepted: [], dangerous: [], safe: [], stale: [] };
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Breaking) {
      const entry = acceptedList.find((a) => matches(a, change));
      if (entry) result.accepted.push({ change, reason: entry.reason });
      else result.breaking.push(change);
    } else if (change.criticality.level === CriticalityLevel.Dangerous) {
      result.dangerous.push(change);
    } else {
      result.safe.push(change);
    }
  }
  result.stale = acceptedList.filter((a) => !changes.some((c) => matches(a, c)));
  return result;
}

/** The accepted list, checked: every entry names a change and says why. */
export function parseAccepted(text: string, file: string): AcceptedChange[] {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error(`${file} must hold a JSON array of { "type", "path", "reason" }`);
  return list.map((entry, i) => {
    const e = entry as Partial<AcceptedChange>;
    if (typeof e?.type !== 'string' || typeof e.path !== 'string' || typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new Error(`${file}[${i}] must be { "type", "path", "reason" } with a reason`);
    }
    return { type: e.type, path: e.path, reason: e.reason };
  });
}

const line = (c: Change) => `  ${c.type} ${c.path ?? ''}: ${c.message}`;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const files = {
    current: path.join(root, 'schema.graphql'),
    released: path.join(root, 'schema', 'release.graphql'),
    accepted: path.join(root, 'schema', 'accepted-breaking-changes.json'),
  };
  const rel = (file: string) => path.relative(root, file);

  if (process.argv.includes('--release')) {
    writeFileSync(files.released, readFileSync(files.current, 'utf8'));
    writeFileSync(files.accepted, '[]\n');
    console.log(`${rel(files.released)} is now schema.graphql; ${rel(files.accepted)} is empty.`);
    return;
  }

  const accepted = parseAccepted(readFileSync(files.accepted, 'utf8'), rel(files.accepted));
  const changes = await schemaChanges(readFileSync(files.released, 'utf8'), readFileSync(files.current, 'utf8'), accepted);
  const total = changes.breaking.length + changes.accepted.length + changes.dangerous.length + changes.safe.length;
  console.log(`schema.graphql against ${rel(files.released)} (the last release): ${total} change(s), ${changes.safe.length} safe.`);
  if (changes.dangerous.length) console.log(`Dangerous (clients may behave differently):\n${changes.dangerous.map(line).join('\n')}`);
  if (changes.accepted.length) {
    console.log(`Breaking, accepted:\n${changes.accepted.map(({ change, reason }) => `${line(change)}\n    accepted: ${reason}`).join('\n')}`);
  }
  if (changes.stale.length) {
    console.log(`Accepted but no longer found (delete them from ${rel(files.accepted)}):\n${changes.stale.map((a) => `  ${a.type} ${a.path}`).join('\n')}`);
  }
  if (changes.breaking.length) {
    console.error(`Breaking changes not accepted:\n${changes.breaking.map(line).join('\n')}`);
    console.error(
      `Keep the old field beside the new one (deprecated, with its replacement) for a release, or, when breaking is the decision, add { "type", "path", "reason" } to ${rel(files.accepted)}.`,
    );
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
