import { ValidationError } from './errors';

/** The largest page any list answers. */
export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

/** Refuses a page or limit outside 1.. and 1..MAX_PAGE_SIZE with a field error. */
export function checkPage(page: number, limit: number, max = MAX_PAGE_SIZE): void {
  if (!Number.isInteger(page) || page < 1) throw ValidationError.field('page', 'must be a whole number from 1');
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw ValidationError.field('limit', `must be a whole number from 1 to ${max}`);
}

export const pageInfo = (page: number, limit: number, total: number): PageInfo => ({ page, limit, total, totalPages: Math.ceil(total / limit) });

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
