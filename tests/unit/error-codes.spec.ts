import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { QUERY_LIMIT_CODES } from '../../src/graphql/limits';
import {
  AppError,
  BadRequestError,
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  NotFoundError,
  statusForCode,
  UnauthenticatedError,
  ValidationError,
  type ErrorCode,
} from '../../src/shared/errors';

const root = path.join(__dirname, '../..');
const src = path.join(root, 'src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
const files = sourceFiles(src).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

// Compile-time: the operation limits' codes are catalogued (a new limit code without an entry fails `tsc`).
const limitCodes: readonly ErrorCode[] = QUERY_LIMIT_CODES;
// Raised by Apollo for a persistedQuery extension while its own persisted queries are off (graphql/server.ts);
// the pipeline takes the extension off every request first (graphql/documents.ts).
const APOLLO_UNREACHABLE = ['PERSISTED_QUERY_NOT_SUPPORTED'];
const apolloCodes = Object.values(ApolloServerErrorCode).filter((code) => !APOLLO_UNREACHABLE.includes(code));

/**
 * Every code written in the source: an error class's `code = '...'` (AppError subclasses), and `code: '...'` in
 * an object (field errors, the HTTP layer's and the REST adapter's own envelopes, extensions).
 */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { file, text } of files) {
    for (const m of text.matchAll(/\bcode(?:: ErrorCode)? = '([A-Z][A-Z0-9_]*)'|\bcode: '([A-Z][A-Z0-9_]*)'/g)) {
      const code = m[1] ?? m[2];
      found.set(code, [...(found.get(code) ?? []), path.relative(root, file)]);
    }
  }
  return found;
}

describe('the error-code catalogue (src/shared/error-codes.ts)', () => {
  it('has every code the source raises', () => {
    const found = codesInSource();
    expect(found.size).toBeGreaterThan(40); // the scan works
    const missing = [...found].filter(([code]) => !(code in ERROR_CODES)).map(([code, where]) => `${code} (${where.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has the codes GraphQL raises itself: Apollo and graphql-js, and the operation limits', () => {
    expect(apolloCodes.filter((code) => !(code in ERROR_CODES))).toEqual([]);
    expect(limitCodes.filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });

  it('lists nothing nobody raises', () => {
    const raised = new Set([...codesInSource().keys(), ...apolloCodes, ...limitCodes]);
    expect(Object.keys(ERROR_CODES).filter((code) => !raised.has(code))).toEqual([]);
  });

  it('gives each error class the status of its kind, so a 404 error is a NotFoundError and the reverse', () => {
    const kinds: [abstract new (...args: never[]) => AppError, number][] = [
      [ValidationError, 400],
      [BadRequestError, 400],
      [UnauthenticatedError, 401],
      [ForbiddenError, 403],
      [NotFoundError, 404],
      [ConflictError, 409],
    ];
    // Every module that declares error classes (found by their `code = '...'`), loaded for its exports.
    const declaring = files.filter(({ text }) => /\bcode(?:: ErrorCode)? = '/.test(text));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- modules found by scanning, loaded by path
    const modules = declaring.map(({ file }) => require(file) as Record<string, unknown>);
    const classes = new Set(
      modules.flatMap((m) => Object.values(m)).filter((v): v is new (...args: unknown[]) => AppError => typeof v === 'function' && v.prototype instanceof AppError),
    );
    expect(classes.size).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const ErrorClass of classes) {
      const error = new ErrorClass('x', 'y', ['z']);
      expect(error.httpStatus).toBe(ERROR_CODES[error.code].status);
      const kind = kinds.find(([Kind]) => error instanceof Kind);
      if (kind && error.httpStatus !== kind[1]) wrong.push(`${ErrorClass.name} (${error.code}) is a ${kind[0].name} but ${error.httpStatus}`);
      const kindsOfStatus = kinds.filter(([, status]) => status === error.httpStatus);
      if (!kind && kindsOfStatus.length) wrong.push(`${ErrorClass.name} (${error.code}) is ${error.httpStatus} but no ${kindsOfStatus.map(([K]) => K.name).join(' or ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers the status of a code, 500 for anything it does not list', () => {
    expect(statusForCode('NOT_FOUND')).toBe(404);
    expect(statusForCode('INCIDENT_NOT_FOUND')).toBe(404);
    expect(statusForCode('QUERY_TOO_DEEP')).toBe(400);
    expect(statusForCode('OAUTH_NOT_CONFIGURED')).toBe(503);
    for (const other of [undefined, '', 'SOMETHING_ELSE', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(statusForCode(other)).toBe(500);
    }
  });

  it("agrees with every status the README's and docs/' prose gives a code (\"409 `EMAIL_TAKEN`\")", () => {
    const docs = readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => path.join('docs', name));
    const prose = ['README.md', ...docs].map((file) => readFileSync(path.join(root, file), 'utf8')).join('\n');
    const said = [...prose.matchAll(/\b([1-5]\d\d)\s+`?([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)].map((m) => ({ status: Number(m[1]), code: m[2] }));
    expect(said.length).toBeGreaterThan(10);
    const wrong = said.filter(({ status, code }) => ERROR_CODES[code as ErrorCode]?.status !== status).map(({ status, code }) => `${status} ${code}`);
    expect(wrong).toEqual([]);
  });
});
