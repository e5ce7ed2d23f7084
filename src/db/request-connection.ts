import * as pg from 'pg';

const { escapeLiteral } = pg;
/** node-pg's own conversion of a parameter before sending it: text, a Buffer (binary) or null (untyped by @types/pg). */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null | undefined } }).utils;

/**
 * The connection a request transaction runs on, framed so that the transaction costs no round trip of its
 * own: `BEGIN` and the tenant claim (role and `app.tenant_id`, local to the transaction) are held back and
 * sent with the request's first statement, as one simple-protocol query (`BEGIN; SELECT set_config(...);
 * <statement>`), and a transaction in which no statement ran ends without a word to the server. A read of
 * one row is then 2 round trips (the framed statement, COMMIT) instead of 4. Everything stays
 * transaction-scoped, so it works behind PgBouncer in transaction mode.
 *
 * The simple protocol takes no parameters, so the first statement's values are inlined as literals with
 * the driver's own conversion and quoting (`prepareValue`, `escapeLiteral`); a statement whose values cannot
 * be inlined so (binary data) is sent after the held-back frame, in a round trip of its own.
 *
 * Resolvers of one request run in parallel (root fields, loaders), all on this one connection. node-pg queues
 * overlapping queries itself, but deprecates doing so (removed in pg 9): they are queued here instead, in the
 * order they are issued, until the transaction ends.
 */

type QueryCallback = (err: Error | null, result: unknown) => void;
interface QueryConfig {
  text: string;
  values?: unknown[];
}
export interface PgConnection {
  query(config: unknown, callback?: QueryCallback): unknown;
}

/**
 * `text` with its `$n` placeholders replaced by the values as SQL literals, or undefined when that cannot be
 * done safely (a value that is not text once prepared, a placeholder without a value). Quoted strings,
 * quoted identifiers, dollar-quoted bodies and comments are skipped, so a `$1` inside them is left alone.
 */
const PLACEHOLDER = /\$(\d+)/y;
const DOLLAR_TAG = /\$[A-Za-z_]\w*\$|\$\$/y;

export function inlineParameters(text: string, values: readonly unknown[] = []): string | undefined {
  const literals: string[] = [];
  for (const value of values) {
    const prepared = prepareValue(value);
    if (prepared === null || prepared === undefined) literals.push('NULL');
    else if (typeof prepared === 'string') literals.push(escapeLiteral(prepared));
    else return undefined; // a Buffer: binary, sent as a parameter
  }
  // One pass, jumping from one character that matters to the next (a quote, a dollar, a comment's start).
  const special = /['"$]|--|\/\*/g;
  let out = '';
  let from = 0;
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const i = m.index;
    const token = m[0];
    let end: number; // where the skipped or replaced part ends
    if (token === "'" || token === '"') {
      // Up to the closing quote; a doubled quote is an escaped one.
      let j = i + 1;
      for (;;) {
        const k = text.indexOf(token, j);
        if (k < 0) return undefined;
        if (text[k + 1] === token) j = k + 2;
        else {
          end = k + 1;
          break;
        }
      }
    } else if (token === '--') {
      const k = text.indexOf('\n', i);
      end = k < 0 ? text.length : k;
    } else if (token === '/*') {
      const k = text.indexOf('*/', i + 2);
      if (k < 0) return undefined;
      end = k + 2;
    } else {
      PLACEHOLDER.lastIndex = i;
      const placeholder = PLACEHOLDER.exec(text);
      if (placeholder) {
        const literal = literals[Number(placeholder[1]) - 1];
        if (literal === undefined) return undefined;
        out += text.slice(from, i) + literal;
        from = special.lastIndex = i + placeholder[0].length;
        continue;
      }
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(text);
      if (!tag) continue; // a lone $ (part of an identifier)
      const k = text.indexOf(tag[0], i + tag[0].length);
      if (k < 0) return undefined;
      end = k + tag[0].length;
    }
    special.lastIndex = end;
  }
  out += text.slice(from);
  return out;
}

const DONE = { command: null, rowCount: 0, rows: [], fields: [] };
const lastOf = (result: unknown) => (Array.isArray(result) ? result[result.length - 1] : result);

/** A framed connection: the undo, for when the transaction ends, and whether COMMIT reached a live connection. */
export interface RequestFrame {
  undo(): void;
  /**
   * True once COMMIT was handed to a connection that was still usable: if it then fails for want of the
   * database, the transaction may have committed or not. False: the server cannot have committed it.
   */
  commitSent(): boolean;
}

/** node-pg's own flag for a client that lost its connection (an error or the server's end) and takes no more queries. */
const isQueryable = (connection: PgConnection) => (connection as { _queryable?: boolean })._queryable !== false;

/**
 * Frames `connection` for one request transaction (see above): `claim` is the SQL sent with `BEGIN` (the
 * tenant's role and id, validated and inlined by the caller).
 */
export function frameRequestConnection(connection: PgConnection, claim: string): RequestFrame {
  const original = connection.query;
  const ownBefore = Object.prototype.hasOwnProperty.call(connection, 'query');
  /** held: BEGIN answered but not sent; open: sent with the first statement; ended: the transaction is over. */
  let state: 'new' | 'held' | 'open' | 'ended' = 'new';
  let tail: Promise<void> = Promise.resolve();
  let commitSent = false;
  const send = (config: unknown, callback: QueryCallback) =>
    new Promise<void>((done) => {
      original.call(connection, config, (err: Error | null, result: unknown) => {
        done();
        callback(err, err ? result : lastOf(result));
      });
    });

  const framed = function (config: unknown, callback?: QueryCallback): unknown {
    if (typeof callback !== 'function') return original.call(connection, config, callback); // not knex's form: as it was
    const { text, values } = (typeof config === 'string' ? { text: config } : config) as QueryConfig;
    tail = tail.then(() => {
      if (state === 'new' && /^BEGIN;?$/i.test(text)) {
        state = 'held';
        callback(null, { ...DONE, command: 'BEGIN' });
        return;
      }
      if (state === 'held') {
        if (/^(COMMIT|ROLLBACK);?$/i.test(text)) {
          // Nothing was sent, so there is nothing to end.
          state = 'ended';
          callback(null, { ...DONE, command: text.replace(';', '').toUpperCase() });
          return;
        }
        state = 'open';
        const inlined = inlineParameters(text, values);
        if (inlined !== undefined) return send({ text: `BEGIN; ${claim}; ${inlined}` }, callback);
        let frameError: Error | null = null;
        return send({ text: `BEGIN; ${claim}` }, (err) => (frameError = err)).then(() => (frameError ? callback(frameError, undefined) : send(config, callback)));
      }
      if (/^COMMIT;?$/i.test(text) && isQueryable(connection)) commitSent = true;
      return send(config, callback);
    });
    return undefined;
  };
  connection.query = framed;
  return {
    undo: () => {
      // The connection may be back in the pool already: undo only our own wrapper.
      if (connection.query !== framed) return;
      if (ownBefore) connection.query = original;
      else delete (connection as Partial<PgConnection>).query;
    },
    commitSent: () => commitSent,
  };
}
