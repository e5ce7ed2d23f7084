import { Writable } from 'node:stream';
import { ReadRouting } from '../../src/db/read-routing';
import { createLogger } from '../../src/shared/logger';

/** A routing on a clock the test moves, logging into `lines`. */
function routing(options: { hasReplica?: boolean; stickyMs?: number; maxSessions?: number } = {}) {
  const clock = { now: 1_000_000 };
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const reads = new ReadRouting(options.hasReplica ?? true, options.stickyMs ?? 10_000, createLogger('info', sink), () => clock.now, options.maxSessions);
  return { reads, clock, lines };
}

describe('ReadRouting', () => {
  it('never sends a query to a replica there is not', () => {
    const { reads } = routing({ hasReplica: false });
    expect(reads.forCaller('s1', undefined).replica()).toBeUndefined();
  });

  it("keeps a session that wrote on the primary for the window, and no other session", () => {
    const { reads, clock } = routing();
    const a = reads.forCaller('a', undefined);
    expect(a.replica()).toBeDefined();
    a.wrote();
    expect(a.replica()).toBeUndefined();
    expect(reads.forCaller('b', undefined).replica()).toBeDefined();
    clock.now += 9_999;
    expect(reads.forCaller('a', undefined).replica()).toBeUndefined();
    clock.now += 1;
    expect(reads.forCaller('a', undefined).replica()).toBeDefined();
  });

  it('keeps a token issued within the window on the primary (its sign-in or refresh wrote)', () => {
    const { reads, clock } = routing();
    const issuedAt = Math.floor(clock.now / 1000);
    expect(reads.forCaller('a', issuedAt).replica()).toBeUndefined();
    clock.now += 10_001;
    expect(reads.forCaller('a', issuedAt).replica()).toBeDefined();
  });

  it('remembers a bounded number of sessions, dropping the windows that end first', () => {
    const { reads, clock } = routing({ maxSessions: 2 });
    for (const id of ['a', 'b', 'c']) {
      reads.forCaller(id, undefined).wrote();
      clock.now += 1;
    }
    expect(reads.forCaller('a', undefined).replica()).toBeDefined(); // dropped: its window ended early
    expect(reads.forCaller('b', undefined).replica()).toBeUndefined();
    expect(reads.forCaller('c', undefined).replica()).toBeUndefined();
  });

  it('reads the primary for a while after the replica could not be reached, warning once per outage', () => {
    const { reads, clock, lines } = routing();
    const caller = reads.forCaller('a', undefined);
    caller.replica()!.unreachable(new Error('connect ECONNREFUSED'));
    expect(caller.replica()).toBeUndefined();
    clock.now += 5_000;
    const retry = caller.replica()!;
    retry.unreachable(new Error('connect ECONNREFUSED')); // still down: no second warning
    expect(lines.filter((l) => l.includes('read replica unreachable'))).toHaveLength(1);
    clock.now += 5_000;
    caller.replica()!.reached();
    expect(lines.filter((l) => l.includes('read replica reachable again'))).toHaveLength(1);
    expect(caller.replica()).toBeDefined();
  });
});
