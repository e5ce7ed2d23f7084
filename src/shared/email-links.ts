import type { Config } from '../config/config';

export type LinkAudience = keyof Config['links'];
/** The kinds of link of one audience (the portal has sign-in and rating links besides the staff's kinds). */
export type LinkKind<A extends LinkAudience = LinkAudience> = keyof Config['links'][A];

/**
 * The one place links in e-mails are made: the configured page (a frontend's, or this server's own, see
 * src/pages/) with the parameters added through the URL API, so a configured URL may carry its own query
 * and every value is encoded. Verification links carry the address, never the code: the code stays the
 * proof of the inbox, and a URL ends up in histories, proxies and mail scanners.
 */
export function emailLink<A extends LinkAudience>(config: Pick<Config, 'links'>, audience: A, kind: LinkKind<A>, params: Record<string, string>): string {
  const url = new URL((config.links[audience] as Record<LinkKind<A>, string>)[kind]);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
