import * as pg from 'pg';

const { escapeLiteral } = pg;
/** node-pg's own conversion of a parameter before sending it: text, a Buffer (binary) or null (untyped by @types/pg). */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null | undefined } }).utils;

/**
 * The connection a request transaction runs on, framed so that the transaction costs no round trip of its
 * own. Two framings, both transaction-scoped (so they work behind PgBouncer in transaction mode):
 *
 * - A read-only operation (a GraphQL query) sends each plain read as one extended-protocol pipeline: the
 *   tenant claim (role and `app.tenant_id`, local), then the statement, then Sync. PostgreSQL runs the
 *   messages up to a Sync as one implicit transaction, so the claim holds for that statement and ends with
 *   it; no BEGIN or COMMIT is sent at all. The statement is a named prepared statement of the connection
 *   (prepared by a Parse of its own the first time the connection meets it), so PostgreSQL neither parses
 *   nor, once it settles on a generic plan, plans it again. A read of one incident is then 1 round trip.
 *   At READ COMMITTED each statement sees its own snapshot anyway, so reads lose nothing by not sharing a
 *   transaction. The first statement that is not a plain read (a savepoint, a write, a locking read) opens
 *   a real transaction as below, and the rest of the request runs in it.
 * - Otherwise `BEGIN` and the claim are held back and sent with the request's first statement, as one
 *   simple-protocol query (`BEGIN; SELECT set_config(...); <statement>`), and a transaction in which no
 *   statement ran ends without a word to the server: a write is 2 round trips plus its own statements.
 *
 * The simple protocol takes no parameters, so that first statement's values are inlined as literals with
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

/** What a request transaction claims: the role row-level security applies to, and the tenant it admits. */
export interface TenantClaim {
  role: string;
  tenantId: string;
  /** The same as SQL with the values inlined (validated by the caller): sent with BEGIN. */
  sql: string;
}

/** The claim as a statement of the extended protocol: the values travel as parameters. */
const CLAIM_TEXT = `SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`;

/**
 * A read that may travel as a pipeline of its own (see above): one SELECT (or WITH ... SELECT) statement that
 * takes no lock and has no effect that would outlive it (advisory locks, sequences, settings).
 */
const NOT_PLAIN = /;|\bFOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b|\b(pg_advisory|nextval|setval|set_config)|\b(INSERT|UPDATE|DELETE|MERGE)\b/i;
const plainReads = new Map<string, boolean>();
/** Kept per text (bounded): the same few statements come back with every request, and the test was 2% of a read's CPU. */
function isPlainRead(text: string): boolean {
  let plain = plainReads.get(text);
  if (plain === undefined) {
    plain = /^\s*(SELECT|WITH)\b/i.test(text) && !NOT_PLAIN.test(text);
    if (plainReads.size < 1000) plainReads.set(text, plain);
  }
  return plain;
}

/**
 * Names for prepared statements, one per distinct statement text, kept per connection (a prepared statement
 * lives in one server session). Bounded: past the bound a statement goes unnamed (parsed and planned every
 * time, as before), so a stream of ever-new texts cannot fill the session's memory with plans. Per connection
 * rather than per process, so that what one pool has seen (another app in the process, as in the tests)
 * does not decide whether another's statements are prepared.
 */
const MAX_NAMED_STATEMENTS = 200;
const statementNames = new WeakMap<PgConnection, Map<string, string>>();
function statementName(connection: PgConnection, text: string): string {
  let names = statementNames.get(connection);
  if (!names) statementNames.set(connection, (names = new Map()));
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) names.set(text, (name = `incident_desk_${names.size + 1}`));
  return name ?? '';
}

/** node-pg's protocol writer, as its Query uses it (untyped by @types/pg). */
interface PgProtocol {
  parsedStatements: Record<string, string>;
  parse(config: { text: string; name: string; types: unknown[] }): void;
  bind(config: { portal: string; statement: string; values: unknown[]; valueMapper: typeof prepareValue }): void;
  describe(config: { type: 'P'; name: string }): void;
  execute(config: { portal: string }): void;
  sync(): void;
}
const QueryBase = pg.Query as unknown as new (config: { text: string; name?: string; values?: unknown[] }) => {
  name?: string;
  text: string;
  prepare(connection: PgProtocol): void;
};

/** Prepares a named statement on a connection (Parse, Sync): one round trip, the first time the connection meets it. */
class PrepareStatement extends QueryBase {
  requiresPreparation(): boolean {
    return true;
  }
  override prepare(connection: PgProtocol): void {
    connection.parse({ text: this.text, name: this.name!, types: [] });
    connection.sync();
  }
}

/**
 * The claim, then the statement (its node-pg Query flow: Bind, Describe, Execute, Sync; Parse too when
 * unnamed), written at once: one round trip, one implicit transaction. The answer is the two results; the
 * statement's is the last.
 */
class ClaimedRead extends QueryBase {
  constructor(
    private readonly claim: TenantClaim,
    config: { text: string; name: string; values?: unknown[] },
  ) {
    super(config);
  }
  requiresPreparation(): boolean {
    return true;
  }
  override prepare(connection: PgProtocol): void {
    connection.parse({ text: CLAIM_TEXT, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [this.claim.role, this.claim.tenantId], valueMapper: prepareValue });
    connection.describe({ type: 'P', name: '' });
    connection.execute({ portal: '' });
    super.prepare(connection);
  }
}

/** The protocol writer of a node-pg client. */
const protocolOf = (connection: PgConnection) => (connection as unknown as { connection: PgProtocol }).connection;

const DONE = { command: null, rowCount: 0, rows: [], fields: [] };
const lastOf = (result: unknown) => (Array.isArray(result) ? result[result.length - 1] : result);

/** A framed connection: the undo, for when the transaction ends, and whether COMMIT reached a live connection. */
export interface RequestFrame {
  undo(): void;
  /** Whether a transaction was opened on the server (false while every statement was a pipelined read). */
  opened(): boolean;
  /**
   * True once COMMIT was handed to a connection that was still usable: if it then fails for want of the
   * database, the transaction may have committed or not. False: the server cannot have committed it.
   */
  commitSent(): boolean;
}

/** node-pg's own flag for a client that lost its connection (an error or the server's end) and takes no more queries. */
const isQueryable = (connection: PgConnection) => (connection as { _queryable?: boolean })._queryable !== false;

export interface FrameOptions {
  /** The operation only reads: plain reads travel as pipelines of their own. */
  readOnly?: boolean;
  /**
   * Whether reads are named prepared statements (`DB_PREPARED_STATEMENTS`, default true). A pooler that does
   * not carry them across its server connections (PgBouncer before 1.21 in transaction mode) needs them off:
   * each read is then an unnamed statement of its own pipeline, parsed and planned every time. An option of
   * each transaction, not of the process: two apps in one process (the tests) may differ.
   */
  preparedStatements?: boolean;
}

/** Frames `connection` for one request transaction (see above), for `claim`. */
export function frameRequestConnection(connection: PgConnection, claim: TenantClaim, options: FrameOptions = {}): RequestFrame {
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
  /** A plain read as a pipeline of its own, its statement prepared first if this connection has not yet. */
  const sendRead = async ({ text, values }: QueryConfig, callback: QueryCallback) => {
    // Only a statement with parameters has a text that repeats: one without (MikroORM's `em.execute` inlines
    // the values) would take a name, and a prepared statement on the server, for every request.
    const name = values?.length && options.preparedStatements !== false ? statementName(connection, text) : '';
    if (name && protocolOf(connection).parsedStatements[name] === undefined) {
      let prepareError: Error | null = null;
      await send(new PrepareStatement({ text, name }), (err) => (prepareError = err));
      if (prepareError) return callback(prepareError, undefined);
    }
    return send(new ClaimedRead(claim, { text, name, values }), callback);
  };

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
        if (options.readOnly && isPlainRead(text)) return sendRead({ text, values }, callback);
        state = 'open';
        const inlined = inlineParameters(text, values);
        if (inlined !== undefined) return send({ text: `BEGIN; ${claim.sql}; ${inlined}` }, callback);
        let frameError: Error | null = null;
        return send({ text: `BEGIN; ${claim.sql}` }, (err) => (frameError = err)).then(() => (frameError ? callback(frameError, undefined) : send(config, callback)));
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
    opened: () => state === 'open',
  };
}
