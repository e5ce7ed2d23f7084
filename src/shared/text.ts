const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Length in characters (code points), as PostgreSQL's length() and the input validation count it, not in
 * UTF-16 units: an emoji is one character, so a limit of 200 takes 200 of them.
 */
export const characterCount = (s: string): number => s.length - (s.match(SURROGATE_PAIR)?.length ?? 0);
