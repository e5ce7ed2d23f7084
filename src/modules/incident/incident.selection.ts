import type { GraphQLResolveInfo } from 'graphql';
import { selectedArguments } from '../../graphql/selection';
import { ValidationError } from '../../shared/errors';
import type { IncidentInclude } from './incident.read';

/** The most updates `updates(last:)` gives. */
const LAST_MAX = 100;
const isLast = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= LAST_MAX;

/** `last` of a timeline: 1 to 100, or absent for all of it. */
export function checkedLast(last: number | null | undefined): number | undefined {
  if (last === null || last === undefined) return undefined;
  if (!isLast(last)) throw ValidationError.field('last', `must be between 1 and ${LAST_MAX}`);
  return last;
}

/**
 * The timeline an operation reads of the incidents under a root field (`prefix`: `['items']` for a page, `[]`
 * for one incident), to fetch in the same statement: `updates` (all, or one `last`), and `comments` (taken
 * from all of them), the satisfaction `rating`, the `attachments` and the `participants`. Several different selections of updates, or a `last` the
 * field will refuse, fetch no updates ahead: the field's own loader reads them then.
 */
export function timelineToFetch(info: GraphQLResolveInfo, prefix: readonly string[]): IncidentInclude {
  return timelineToFetchUnder(info, [prefix]);
}

/** timelineToFetch for incidents under several paths at once (a connection's `nodes` and `edges.node`). */
export function timelineToFetchUnder(info: GraphQLResolveInfo, prefixes: readonly (readonly string[])[]): IncidentInclude {
  const selected = (field: string) => prefixes.flatMap((prefix) => selectedArguments(info, [...prefix, field]));
  const include: IncidentInclude = selected('rating').length ? { rating: true } : {};
  if (selected('attachments').length) include.attachments = true;
  if (selected('participants').length) include.participants = true;
  const lasts = new Set<number | undefined>();
  for (const args of selected('updates')) lasts.add((args.last ?? undefined) as number | undefined);
  if (selected('comments').length) lasts.add(undefined);
  if (lasts.size !== 1) return include;
  const [last] = lasts;
  if (last !== undefined && !isLast(last)) return include;
  return { ...include, updates: { last } };
}
