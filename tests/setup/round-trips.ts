import { Client } from 'pg';

/** One round trip to PostgreSQL: the statement's text, its values and name, and how it travelled. */
export interface Sent {
  text: string;
  values?: unknown[];
  name?: string;
  /** `ClaimedRead`: the tenant claim and a prepared statement in one pipeline; `PrepareStatement`: a connection preparing it; `query`: any other. */
  as: string;
}

/**
 * Records what node-pg is handed in this process from now until `restore`: one entry per round trip (a query
 * message, or a pipeline of src/db/request-connection.ts).
 */
export function recordRoundTrips(): { sent: Sent[]; restore: () => void } {
  const sent: Sent[] = [];
  const original = Client.prototype.query;
  Client.prototype.query = function (this: Client, config: unknown, ...rest: unknown[]) {
    const c = (typeof config === 'string' ? { text: config } : config) as { text?: string; values?: unknown[]; name?: string; submit?: unknown } | undefined;
    if (typeof c?.text === 'string') sent.push({ text: c.text, values: c.values, name: c.name, as: typeof c.submit === 'function' ? c.constructor.name : 'query' });
    return (original as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof original;
  return { sent, restore: () => (Client.prototype.query = original) };
}

/** The round trips sent while `work` runs. */
export async function roundTrips(work: () => Promise<unknown>): Promise<Sent[]> {
  const { sent, restore } = recordRoundTrips();
  try {
    await work();
  } finally {
    restore();
  }
  return sent;
}
