import { AppError } from '../../src/shared/errors';
import { connectionArgs, decodeCursor, encodeCursor, keysetWindow, toConnection, type KeysetOrder } from '../../src/shared/connection';
import { COUNT_CAP } from '../../src/shared/listing';

const ORDER: KeysetOrder = {
  tag: 'thing:createdAt',
  keys: [
    { sql: 't.created_at', type: 'timestamp' },
    { sql: 't.rank', type: 'int' },
    { sql: 't.seq', type: 'bigint' },
    { sql: 'lower(t.name)', type: 'text' },
    { sql: 't.id', type: 'uuid' },
  ],
  direction: 'DESC',
};
const VALUES = ['2026-12-07T17:00:00.123456Z', 3, '9007199254740993', "o'brien", '0b3c3f6e-4b1a-4c55-9f4e-2f7c1d9a0e11'];

/** The field a refusal names, or what was thrown instead. */
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.fieldErrors[0]?.field };
    throw e;
  }
  return 'accepted';
};

describe('cursor connections: arguments', () => {
  it('defaults to the first 20; first/after forwards, last/before backwards', () => {
    expect(connectionArgs({})).toEqual({ size: 20, backward: false, cursor: null });
    expect(connectionArgs({}, 50)).toEqual({ size: 50, backward: false, cursor: null });
    expect(connectionArgs({ first: 5, after: 'abc' })).toEqual({ size: 5, backward: false, cursor: 'abc' });
    expect(connectionArgs({ last: 7 })).toEqual({ size: 7, backward: true, cursor: null });
    expect(connectionArgs({ before: 'abc' })).toEqual({ size: 20, backward: true, cursor: 'abc' });
    expect(connectionArgs({ first: 100 }).size).toBe(100);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 1.5 }, 'first'],
    [{ last: 0 }, 'last'],
    [{ last: 101 }, 'last'],
    [{ first: 1, last: 1 }, 'last'],
    [{ last: 1, after: 'x' }, 'after'],
    [{ before: 'x', after: 'y' }, 'after'],
    [{ first: 1, before: 'x' }, 'first'],
    [{ after: 'x'.repeat(1025) }, 'after'],
    [{ before: 'x'.repeat(1025) }, 'before'],
  ])('refuses %j naming %s', (args, field) => {
    expect(refusal(() => connectionArgs(args))).toEqual({ code: 'VALIDATION_FAILED', field });
  });
});

describe('cursor connections: cursors', () => {
  it('round-trip the sort key values, as opaque base64url', () => {
    const cursor = encodeCursor(ORDER, VALUES);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(ORDER, cursor, 'after')).toEqual(VALUES);
  });

  it('takes the edge values PostgreSQL takes: a leap day, the ends of a 32-bit int, a real key', () => {
    const REAL: KeysetOrder = { tag: 'kb:rank', keys: [{ sql: 'rank', type: 'real' }, { sql: 't.id', type: 'uuid' }], direction: 'DESC' };
    for (const values of [
      ['2024-02-29T23:59:59.999999Z', -(2 ** 31), ...VALUES.slice(2)],
      [VALUES[0], 2 ** 31 - 1, ...VALUES.slice(2)],
    ]) expect(decodeCursor(ORDER, encodeCursor(ORDER, values), 'after')).toEqual(values);
    expect(decodeCursor(REAL, encodeCursor(REAL, [0.0607927, VALUES[4]]), 'after')).toEqual([0.0607927, VALUES[4]]);
    expect(refusal(() => decodeCursor(REAL, encodeCursor(REAL, [1e300, VALUES[4]]), 'after'))).toEqual({ code: 'VALIDATION_FAILED', field: 'after' });
  });

  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('incident:0b3c3f6e').toString('base64url')],
    ['another list', forge(['other:createdAt', ...VALUES])],
    ['too few values', forge([ORDER.tag, ...VALUES.slice(1)])],
    ['too many values', forge([ORDER.tag, ...VALUES, 1])],
    ['a timestamp that is not one', forge([ORDER.tag, '2026-12-07; DROP TABLE x', ...VALUES.slice(1)])],
    ['a millisecond timestamp', forge([ORDER.tag, '2026-12-07T17:00:00.123Z', ...VALUES.slice(1)])],
    ['an int as text', forge([ORDER.tag, VALUES[0], '3', ...VALUES.slice(2)])],
    ['a fractional int', forge([ORDER.tag, VALUES[0], 3.5, ...VALUES.slice(2)])],
    ['a bigint that is not digits', forge([ORDER.tag, VALUES[0], 3, '1 OR 1=1', ...VALUES.slice(3)])],
    ['a text key that is not text', forge([ORDER.tag, ...VALUES.slice(0, 3), { sql: 'x' }, VALUES[4]])],
    ['a text key too long', forge([ORDER.tag, ...VALUES.slice(0, 3), 'x'.repeat(301), VALUES[4]])],
    ['an id that is not a uuid', forge([ORDER.tag, ...VALUES.slice(0, 4), "x') OR true --"])],
    ['an object', forge({ tag: ORDER.tag })],
    // Well-typed values PostgreSQL would refuse as parameters (a 500 before): refused here as bad cursors.
    ['a day that does not exist', forge([ORDER.tag, '2026-02-30T00:00:00.000000Z', ...VALUES.slice(1)])],
    ['a month that does not exist', forge([ORDER.tag, '2026-13-01T00:00:00.000000Z', ...VALUES.slice(1)])],
    ['year 0', forge([ORDER.tag, '0000-01-01T00:00:00.000000Z', ...VALUES.slice(1)])],
    ['an int past 32 bits', forge([ORDER.tag, VALUES[0], 2 ** 31, ...VALUES.slice(2)])],
    ['an int below 32 bits', forge([ORDER.tag, VALUES[0], -(2 ** 31) - 1, ...VALUES.slice(2)])],
    ['a NUL in a text key', forge([ORDER.tag, ...VALUES.slice(0, 3), 'a\u0000b', VALUES[4]])],
  ])('refuses %s as a field error of the argument it came in', (_what, cursor) => {
    expect(refusal(() => decodeCursor(ORDER, cursor, 'before'))).toEqual({ code: 'VALIDATION_FAILED', field: 'before' });
    expect(refusal(() => keysetWindow(ORDER, { size: 10, backward: false, cursor }))).toEqual({ code: 'VALIDATION_FAILED', field: 'after' });
  });
});

describe('cursor connections: the window and the page', () => {
  it('binds the cursor values as parameters in one row comparison, in the order\'s direction, reversed for last/before', () => {
    const cursor = encodeCursor(ORDER, VALUES);
    const forwards = keysetWindow(ORDER, { size: 10, backward: false, cursor });
    expect(forwards.condition).toEqual({
      sql: '(t.created_at, t.rank, t.seq, lower(t.name), t.id) < (?::timestamptz, ?::int, ?::bigint, ?::text, ?::uuid)',
      params: VALUES,
    });
    expect(forwards.orderBy).toBe('t.created_at DESC, t.rank DESC, t.seq DESC, lower(t.name) DESC, t.id DESC');
    expect(forwards.limit).toBe(11);
    const backwards = keysetWindow(ORDER, { size: 10, backward: true, cursor });
    expect(backwards.condition!.sql).toContain(') > (');
    expect(backwards.orderBy).toBe('t.created_at ASC, t.rank ASC, t.seq ASC, lower(t.name) ASC, t.id ASC');
    expect(keysetWindow(ORDER, { size: 10, backward: false, cursor: null }).condition).toBeNull();
  });

  const rows = (ids: number[]) => ids.map((n) => ({ id: `row${n}`, _k0: `2026-12-07T17:00:${String(n).padStart(2, '0')}.000000Z`, _k1: 1, _k2: '1', _k3: 'a', _k4: `0b3c3f6e-4b1a-4c55-9f4e-2f7c1d9a0e${String(n).padStart(2, '0')}` }));

  it('forwards: the extra row means a next page; a cursor means a previous one; key columns leave the nodes', async () => {
    let counted = 0;
    const page = toConnection<{ id: string }>(ORDER, { size: 2, backward: false, cursor: 'c' }, rows([1, 2, 3]), async () => ++counted && 42);
    expect(page.nodes).toEqual([{ id: 'row1' }, { id: 'row2' }]);
    expect(page.edges.map((e) => e.node)).toEqual(page.nodes);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: page.edges[0].cursor, endCursor: page.edges[1].cursor });
    expect(decodeCursor(ORDER, page.pageInfo.endCursor!, 'after')[4]).toBe('0b3c3f6e-4b1a-4c55-9f4e-2f7c1d9a0e02');
    expect(counted).toBe(0);
    expect(await page.totalCount).toBe(42);
    expect(await page.totalCount).toBe(42);
    expect(counted).toBe(1);
    const first = toConnection(ORDER, { size: 2, backward: false, cursor: null }, rows([1, 2]), async () => 2);
    expect([first.pageInfo.hasPreviousPage, first.pageInfo.hasNextPage]).toEqual([false, false]);
  });

  it('backwards: rows come newest-last from SQL and are turned back; the extra row means a previous page', async () => {
    const page = toConnection<{ id: string }>(ORDER, { size: 2, backward: true, cursor: null }, rows([5, 4, 3]), async () => COUNT_CAP + 5);
    expect(page.nodes.map((n) => n.id)).toEqual(['row4', 'row5']);
    expect([page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(await page.totalCount).toBe(COUNT_CAP);
    const empty = toConnection(ORDER, { size: 2, backward: true, cursor: 'c' }, [], async () => 0);
    expect(empty.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
