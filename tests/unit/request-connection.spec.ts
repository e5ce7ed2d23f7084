import { inlineParameters } from '../../src/db/request-connection';

describe('inlineParameters: the first statement of a request transaction, sent with BEGIN as one simple query', () => {
  it('replaces each $n with its value as a quoted literal, as node-pg would send it', () => {
    expect(inlineParameters('SELECT * FROM t WHERE a = $1 AND b = $2 LIMIT $3', ['x', 7, 20])).toBe("SELECT * FROM t WHERE a = 'x' AND b = '7' LIMIT '20'");
    expect(inlineParameters('SELECT $1, $2', [null, true])).toBe("SELECT NULL, 'true'");
    expect(inlineParameters('SELECT $1::uuid[]', [['a', 'b']])).toBe(`SELECT '{"a","b"}'::uuid[]`);
    expect(inlineParameters('SELECT $10, $1', ['one', 2, 3, 4, 5, 6, 7, 8, 9, 'ten'])).toBe("SELECT 'ten', 'one'");
  });

  it('quotes what could break out of a literal', () => {
    expect(inlineParameters('SELECT $1', ["it's'; DROP TABLE t; --"])).toBe("SELECT 'it''s''; DROP TABLE t; --'");
    // A backslash makes node-pg use the E'' form (with a space before it), so it stays a backslash.
    expect(inlineParameters('SELECT $1', ['a\\b'])).toBe("SELECT  E'a\\\\b'");
  });

  it('leaves $n inside strings, quoted identifiers, dollar quotes and comments alone', () => {
    const sql = `SELECT '$1', "$1", $$ $1 $$, $body$ $1 $body$, $1 -- $1\n/* $1 */ FROM t`;
    expect(inlineParameters(sql, ['v'])).toBe(`SELECT '$1', "$1", $$ $1 $$, $body$ $1 $body$, 'v' -- $1\n/* $1 */ FROM t`);
    expect(inlineParameters("SELECT 'it''s $1', $1", ['v'])).toBe("SELECT 'it''s $1', 'v'");
  });

  it('refuses what it cannot inline safely: binary values, a placeholder without a value, an unterminated quote', () => {
    expect(inlineParameters('SELECT $1', [Buffer.from('x')])).toBeUndefined();
    expect(inlineParameters('SELECT $2', ['only one'])).toBeUndefined();
    expect(inlineParameters("SELECT 'open", [])).toBeUndefined();
    expect(inlineParameters('SELECT 1 /* open', [])).toBeUndefined();
  });
});
