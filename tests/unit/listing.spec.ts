import { isObjectType } from 'graphql';
import { buildBareSchema } from '../../src/graphql/schema';
import { fieldErrorOf } from '../setup/field-errors';
import { COUNT_CAP, cursorPageArgs, DEFAULT_PAGE_SIZE, lazyPageInfo, MAX_PAGE_SIZE, pageArgs, pageInfo } from '../../src/shared/listing';


describe('page arguments: one rule for every list', () => {
  it('absent or null take the defaults', () => {
    expect(pageArgs(undefined, undefined)).toEqual({ page: 1, limit: DEFAULT_PAGE_SIZE });
    expect(pageArgs(null, null)).toEqual({ page: 1, limit: 20 });
    expect(pageArgs(null, null, 50)).toEqual({ page: 1, limit: 50 });
    expect(pageArgs(3, MAX_PAGE_SIZE)).toEqual({ page: 3, limit: 100 });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses page %p', (page) => {
    expect(fieldErrorOf(() => pageArgs(page, 20))).toEqual({ code: 'VALIDATION_FAILED', field: 'page', message: 'must be a whole number from 1' });
  });

  it.each([0, 101, 2.5, -20])('refuses limit %p', (limit) => {
    expect(fieldErrorOf(() => pageArgs(1, limit))).toEqual({ code: 'VALIDATION_FAILED', field: 'limit', message: 'must be a whole number from 1 to 100' });
  });

  it('describes a page', () => {
    expect(pageInfo({ page: 2, limit: 20 }, 41)).toEqual({ page: 2, limit: 20, total: 41, totalPages: 3, totalIsExact: true });
    expect(pageInfo({ page: 1, limit: 20 }, 0)).toEqual({ page: 1, limit: 20, total: 0, totalPages: 0, totalIsExact: true });
  });

  it('counts a lazy page only when its total is asked for, once, and caps it', async () => {
    let counts = 0;
    const page = (n: number) =>
      lazyPageInfo({ page: 1, limit: 20 }, async () => {
        counts += 1;
        return n;
      });
    const unasked = page(41);
    expect([unasked.page, unasked.limit, counts]).toEqual([1, 20, 0]);
    const asked = page(41);
    expect([await asked.total, await asked.totalPages, await asked.totalIsExact, counts]).toEqual([41, 3, true, 1]);
    const huge = page(COUNT_CAP + 1);
    expect([await huge.total, await huge.totalPages, await huge.totalIsExact]).toEqual([COUNT_CAP, COUNT_CAP / 20, false]);
  });

  it('takes a cursor in place of a page number, never both', () => {
    expect(cursorPageArgs(undefined, 5, 'abc')).toEqual({ page: 1, limit: 5, after: 'abc' });
    expect(cursorPageArgs(3, 5, '')).toEqual({ page: 3, limit: 5, after: null });
    expect(() => cursorPageArgs(2, 5, 'abc')).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'page' })] }));
  });

  it('every paged field of the schema declares page and limit the same way (PageArg, LimitArg)', () => {
    const schema = buildBareSchema();
    const found: Record<string, string> = {};
    for (const root of ['Query', 'Mutation']) {
      const type = schema.getType(root);
      if (!type || !isObjectType(type)) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        const page = field.args.find((a) => a.name === 'page');
        const limit = field.args.find((a) => a.name === 'limit');
        if (!page && !limit) continue;
        found[name] = `page: ${page?.type} = ${page?.defaultValue}; limit: ${limit?.type} = ${limit?.defaultValue} (${limit?.description})`;
      }
    }
    const usual = 'page: Int = 1; limit: Int = 20 (At most 100.)';
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(9);
    expect(Object.entries(found).filter(([, shape]) => shape !== usual)).toEqual([['auditLog', 'page: Int = 1; limit: Int = 50 (At most 100.)']]);
  });
});
