import { lazyMembers, once } from '../../src/shared/lazy';

describe('lazy', () => {
  it('once: makes the value on the first call only', () => {
    const make = jest.fn(() => ({ n: 1 }));
    const get = once(make);
    expect(make).not.toHaveBeenCalled();
    expect(get()).toBe(get());
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('lazyMembers: builds each member on its first access, once per object, reaching the others through self', () => {
    const built: string[] = [];
    const make = lazyMembers<{ id: number }, { a: { id: number }; b: { a: () => { id: number } } }>({
      a: ({ id }) => (built.push(`a${id}`), { id }),
      b: ({ id }, self) => (built.push(`b${id}`), { a: () => self.a }),
    });
    const one = make({ id: 1 });
    const two = make({ id: 2 });
    expect(built).toEqual([]);
    const b = one.b;
    expect(one.b).toBe(b);
    expect(built).toEqual(['b1']); // b holds the set, not a: a is built when b first uses it
    expect(b.a()).toBe(one.a);
    expect(built).toEqual(['b1', 'a1']);
    expect(two.a.id).toBe(2);
    expect(built).toEqual(['b1', 'a1', 'a2']);
  });

  it('lazyMembers: refuses a member that would shadow its own state', () => {
    expect(() => lazyMembers<null, { deps: number }>({ deps: () => 1 })).toThrow(/cannot be a member/);
  });
});
