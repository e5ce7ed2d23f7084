/**
 * Issue 15's old and new mutation names run through the same assertions: an operation's text and where, in its
 * answer's data, the value the assertions look at is (the old names answer bare types, the new ones payloads).
 */
export type Data = Record<string, unknown>;

export interface Op {
  query: string;
  /** The object (or value) the assertions look at, from the answer's data. */
  pick(data: Data): unknown;
}

export const op = (query: string, pick: (data: Data) => unknown): Op => ({ query, pick });

/** The value at a path of the answer's data (`at('deliveryRetry', 'delivery')`). */
export const at =
  (...path: string[]) =>
  (data: Data) =>
    path.reduce<unknown>((value, key) => (value as Data | null | undefined)?.[key], data);
