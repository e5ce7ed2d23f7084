/** A function that calls `make` the first time it is called and answers that value from then on. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * A maker of objects whose members are each built on first access and then kept: for per-request sets of which
 * a request uses one or two. `build[key](deps, self)` builds a member from the object's `deps` and may hand it
 * `self`, so one member reaches the others through it, each built in turn on its own first use. The getters are
 * defined once, on a prototype every object made here shares: making one costs one small object, however many
 * members it has.
 */
export function lazyMembers<D, T extends object>(build: { [K in keyof T]: (deps: D, self: T) => T[K] }): (deps: D) => T {
  class Lazy {
    readonly built: Partial<T> = {};
    constructor(readonly deps: D) {}
  }
  for (const key of Object.keys(build) as (keyof T & string)[]) {
    if (key in Lazy.prototype || key === 'built' || key === 'deps') throw new Error(`lazyMembers: "${key}" cannot be a member`);
    Object.defineProperty(Lazy.prototype, key, {
      enumerable: true,
      get(this: Lazy): T[typeof key] {
        return (this.built[key] ??= build[key](this.deps, this as unknown as T)) as T[typeof key];
      },
    });
  }
  return (deps) => new Lazy(deps) as unknown as T;
}
