import { Arg, Int } from 'type-graphql';
import { ValidationError } from './errors';
import { checkLength } from './text';

/** The largest page any list answers. */
export const MAX_PAGE_SIZE = 100;
/** A list's page size when the caller gives none (a list may choose another, e.g. the audit log's 50). */
export const DEFAULT_PAGE_SIZE = 20;

export interface PageInfo {
  page: number;
  limit: number;
  /** A number, or for a list that counts only when asked (lazyPageInfo) a promise of one. */
  total: number | Promise<number>;
  totalPages: number | Promise<number>;
  /** False when the list has more than COUNT_CAP items: `total` is then COUNT_CAP. */
  totalIsExact: boolean | Promise<boolean>;
}

/** The most items a list counts for its total: counting further would make a page cost more the larger the list. */
export const COUNT_CAP = 10_000;

/** A list's page, after pageArgs: page from 1, limit from 1 to MAX_PAGE_SIZE. */
export interface PageRequest {
  page: number;
  limit: number;
}

/**
 * The one rule for a list's page arguments, in every service (GraphQL and REST alike reach it): absent or null
 * take the defaults (page 1, `defaultLimit`); a page below 1 or a limit outside 1..MAX_PAGE_SIZE, or either not
 * a whole number, is refused with a field error naming the argument.
 */
export function pageArgs(page: number | null | undefined, limit: number | null | undefined, defaultLimit = DEFAULT_PAGE_SIZE): PageRequest {
  const p = page ?? 1;
  const l = limit ?? defaultLimit;
  if (!Number.isInteger(p) || p < 1) throw ValidationError.field('page', 'must be a whole number from 1');
  if (!Number.isInteger(l) || l < 1 || l > MAX_PAGE_SIZE) throw ValidationError.field('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return { page: p, limit: l };
}

export const pageInfo = ({ page, limit }: PageRequest, total: number): PageInfo => ({ page, limit, total, totalPages: Math.ceil(total / limit), totalIsExact: true });

/**
 * A page's numbers whose total is counted only when a caller selects it (`total`, `totalPages` or
 * `totalIsExact`), at most once, and at most COUNT_CAP items far: `count` returns how many of the first
 * COUNT_CAP + 1 items exist. A page that nobody asks the total of costs no count at all.
 */
export function lazyPageInfo({ page, limit }: PageRequest, count: () => Promise<number>): PageInfo {
  let counted: Promise<number> | undefined;
  const total = () => (counted ??= count());
  return {
    page,
    limit,
    get total() {
      return total().then((n) => Math.min(n, COUNT_CAP));
    },
    get totalPages() {
      return total().then((n) => Math.ceil(Math.min(n, COUNT_CAP) / limit));
    },
    get totalIsExact() {
      return total().then((n) => n <= COUNT_CAP);
    },
  };
}

/** The longest cursor a list takes (the ones it hands out are about 60 characters). */
export const CURSOR_MAX = 100;

/** A list's page by cursor: `after` (the endCursor of the page before) in place of a page number. */
export interface CursorPageRequest extends PageRequest {
  after: string | null;
}

/** pageArgs, plus `after`: a keyset cursor, which counts from its own position, so it takes no page number. */
export function cursorPageArgs(page: number | null | undefined, limit: number | null | undefined, after: string | null | undefined): CursorPageRequest {
  const at = pageArgs(page, limit);
  if (after) checkLength('after', after, { max: CURSOR_MAX });
  if (after && at.page !== 1) throw ValidationError.field('page', 'cannot be combined with after; a cursor starts its own page');
  return { ...at, after: after || null };
}

/** The `page` argument of a list field: 1 unless given. */
export const PageArg = () => Arg('page', () => Int, { nullable: true, defaultValue: 1, description: 'The page, from 1.' });
/** The `after` argument of a list field that pages by cursor. */
export const AfterArg = () =>
  Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before: the next page, as fast however deep (keyset). Not with page.' });
/** The `limit` argument of a list field: `defaultLimit` unless given, at most MAX_PAGE_SIZE (pageArgs refuses more). */
export const LimitArg = (defaultLimit = DEFAULT_PAGE_SIZE) =>
  Arg('limit', () => Int, { nullable: true, defaultValue: defaultLimit, description: `At most ${MAX_PAGE_SIZE}.` });

/** ISO-8601 UTC text straight from PostgreSQL, passed through by the DateTime scalar. */
export const isoSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A LIKE pattern matching `text` anywhere (or at the start), with LIKE's wildcards in it taken literally. */
export const likePattern = (text: string, anchored: 'contains' | 'prefix' = 'contains'): string => {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return anchored === 'prefix' ? `${escaped}%` : `%${escaped}%`;
};

/** For optional update fields that cannot be cleared: omitted is fine, an explicit null is refused. */
export function notNull<T>(field: string, value: T | null | undefined): T | undefined {
  if (value === null) throw ValidationError.field(field, 'cannot be null; leave it out to keep the current value');
  return value;
}
