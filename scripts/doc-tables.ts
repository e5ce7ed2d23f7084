/**
 * The documentation's generated tables, made from the declarations they document: the configuration table
 * (docs/configuration.md) from src/config/settings.ts, the error-code table (docs/errors.md) from
 * src/shared/error-codes.ts. Each sits between a pair of marker comments in the file its entry of
 * GENERATED_PARTS names; `npm run docs` (scripts/docs.ts) rewrites what is between them, and tests check it
 * is current. Everything else in the README and docs/ is written by hand.
 */
import path from 'node:path';
import { projectRoot } from '../src/config/config';
import { SETTINGS, type Setting } from '../src/config/settings';
import { ERROR_CODES } from '../src/shared/error-codes';


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

/**
 * Each generated part of the documentation: its name in the markers, the file it lives in (relative to the
 * project root), where it comes from, and its text.
 */
export const GENERATED_PARTS = [
  { name: 'configuration', file: 'docs/configuration.md', source: 'src/config/settings.ts', render: configurationTable },
  { name: 'error-codes', file: 'docs/errors.md', source: 'src/shared/error-codes.ts', render: errorCodeTable },
] as const;

/** The files holding generated parts, each once, in the order of GENERATED_PARTS. */
export const GENERATED_FILES: string[] = [...new Set(GENERATED_PARTS.map((part) => part.file))];

/** A documentation file's absolute path, from its path relative to the project root. */
export const docPath = (file: string) => path.join(projectRoot, file);

const begin = (name: string, source: string) => `<!-- BEGIN GENERATED ${name}: \`npm run docs\` writes this from ${source}; edit it there -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** `text`, the content of `file`, with every generated part of that file rewritten; throws when a part's markers are missing. */
export function renderDoc(file: string, text: string): string {
  let out = text;
  for (const part of GENERATED_PARTS.filter((p) => p.file === file)) {
    const open = new RegExp(`<!-- BEGIN GENERATED ${part.name}[: ][^\\n]*-->`);
    const start = out.search(open);
    const close = end(part.name);
    const stop = out.indexOf(close, start);
    if (start < 0 || stop < 0) throw new Error(`${file} has no markers for the generated ${part.name} part: add "${begin(part.name, part.source)}" and "${close}" where it goes.`);
    out = `${out.slice(0, start)}${begin(part.name, part.source)}\n${part.render()}\n${out.slice(stop)}`;
  }
  return out;
}
