import type { Config } from '../config/config';

export type LinkAudience = keyof Config['links'];
export type LinkKind = keyof Config['links']['staff'];

/**
 * The one place links in e-mails are made: the configured page (a frontend's, or this server's own, see
 * src/pages/) with the parameters added through the URL API, so a configured URL may carry its own query
 * and every value is encoded. Verification links carry the address, never the code: the code stays the
 * proof of the inbox, and a URL ends up in histories, proxies and mail scanners.
 */
export function emailLink(config: Pick<Config, 'links'>, audience: LinkAudience, kind: LinkKind, params: Record<string, string>): string {
  const url = new URL(config.links[audience][kind]);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
