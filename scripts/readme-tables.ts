/**
 * The README's generated tables, made from the declarations they document: the configuration table from
 * src/config/settings.ts, the error-code table from src/shared/error-codes.ts. Each sits between a pair of
 * marker comments; `npm run docs` (scripts/docs.ts) rewrites what is between them, and tests check it is
 * current. Everything else in the README is written by hand.
 */
import path from 'node:path';
import { projectRoot } from '../src/config/config';
import { SETTINGS, type Setting } from '../src/config/settings';
import { ERROR_CODES } from '../src/shared/error-codes';

export const README = path.join(projectRoot, 'README.md');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** The default cell: the declaration's own words, else the schema's default value, else "unset". */
function defaultOf(setting: Setting): string {
  if (setting.defaultDoc) return setting.defaultDoc;
  const parsed = setting.schema.safeParse(undefined);
  const value: unknown = parsed.success ? parsed.data : undefined;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return 'unset';
  return `\`${Array.isArray(value) ? value.join(',') : String(value)}\``;
}

export function configurationTable(): string {
  return [
    row(['variable', 'default', 'meaning']),
    '| --- | --- | --- |',
    ...Object.entries(SETTINGS).map(([name, setting]: [string, Setting]) => row([`\`${name}\``, defaultOf(setting), setting.doc])),
  ].join('\n');
}

export function errorCodeTable(): string {
  return [
    row(['code', 'HTTP status', 'meaning']),
    '| --- | --- | --- |',
    ...Object.entries(ERROR_CODES).map(([code, { status, meaning }]) => row([`\`${code}\``, String(status), meaning])),
  ].join('\n');
}

/** Each generated part of the README: its name in the markers, where it comes from, and its text. */
export const GENERATED_PARTS = [
  { name: 'configuration', source: 'src/config/settings.ts', render: configurationTable },
  { name: 'error-codes', source: 'src/shared/error-codes.ts', render: errorCodeTable },
] as const;

const begin = (name: string, source: string) => `<!-- BEGIN GENERATED ${name}: \`npm run docs\` writes this from ${source}; edit it there -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** The README with every generated part rewritten; throws when a part's markers are missing. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const part of GENERATED_PARTS) {
    const open = new RegExp(`<!-- BEGIN GENERATED ${part.name}[: ][^\\n]*-->`);
    const start = out.search(open);
    const close = end(part.name);
    const stop = out.indexOf(close, start);
    if (start < 0 || stop < 0) throw new Error(`README.md has no markers for the generated ${part.name} part: add "${begin(part.name, part.source)}" and "${close}" where it goes.`);
    out = `${out.slice(0, start)}${begin(part.name, part.source)}\n${part.render()}\n${out.slice(stop)}`;
  }
  return out;
}
