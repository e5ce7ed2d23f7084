import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { ValidationError } from '../shared/errors';

/**
 * Text PostgreSQL cannot store, refused before anything runs: a NUL character (PostgreSQL's text has no
 * place for it and answers "invalid byte sequence", which would surface as a 500) and lone UTF-16
 * surrogates (not Unicode: the driver would silently store U+FFFD instead of what was sent). Every string
 * of an operation is checked, whether it came in the variables (and so from every REST route: path, query,
 * body and headers become variables) or as a literal in the document.
 */
const NUL = '\u0000';
const MESSAGE = 'must be valid Unicode text without NUL characters';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isBadText = (s: string) => s.includes(NUL) || LONE_SURROGATE.test(s);

/** The field a bad string sits in: the nearest object key (`input.title` → `title`), else the variable. */
function findInValue(value: unknown, field: string, depth = 0): string | undefined {
  if (depth > 64) return undefined; // deeper than any input type here; the executor refuses such a value anyway
  if (typeof value === 'string') return isBadText(value) ? field : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findInValue(item, field, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isBadText(key)) return field;
      const found = findInValue(item, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The argument or input field of the first bad string literal in a document (cached per parsed document). */
const literalFindings = new WeakMap<DocumentNode, string | null>();
function findInDocument(document: DocumentNode): string | undefined {
  let found = literalFindings.get(document);
  if (found === undefined) {
    found = null;
    visit(document, {
      StringValue(node, _key, _parent, _path, ancestors) {
        if (found !== null || !isBadText(node.value)) return;
        const named = [...ancestors].reverse().find((a): a is ASTNode & { name: { value: string } } => {
          const kind = (a as ASTNode).kind;
          return kind === Kind.ARGUMENT || kind === Kind.OBJECT_FIELD;
        });
        found = named?.name.value ?? 'query';
      },
    });
    literalFindings.set(document, found);
  }
  return found ?? undefined;
}

/** The refusal of an operation carrying such text, in its variables or as a literal; undefined when it has none. */
export function inputGuardError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): ValidationError | undefined {
  const field = findInValue(variables ?? {}, 'variables') ?? findInDocument(document);
  return field ? ValidationError.field(field, MESSAGE) : undefined;
}
