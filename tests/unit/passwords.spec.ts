import { checkPasswordRules, PasswordHasher } from '../../src/auth/passwords';
import { ValidationError } from '../../src/shared/errors';
import { Semaphore } from '../../src/shared/semaphore';

describe('password rules', () => {
  it.each(['short', 'password', 'Password123', 'qwertyuiop', 'iloveyou!', 'x'.repeat(129)])('refuses %s', (pw) => {
    expect(() => checkPasswordRules(pw)).toThrow(ValidationError);
  });
  it.each(['Correct-Horse-Battery-9', 'a reasonably long passphrase', 'x'.repeat(128)])('accepts %s', (pw) => {
    expect(() => checkPasswordRules(pw)).not.toThrow();
  });
  it('names the field it was given', () => {
    try {
      checkPasswordRules('short', 'newPassword');
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as ValidationError).fieldErrors[0]).toEqual({ code: 'VALIDATION_FAILED', field: 'newPassword', message: 'must be at least 8 characters' });
    }
  });
});

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ memoryKib: 1024 * 19, timeCost: 2, parallelism: 1, maxConcurrent: 2 });

  it('hashes with argon2id at the configured parameters and verifies', async () => {
    const hash = await hasher.hash('Correct-Horse-Battery-9');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'Correct-Horse-Battery-9')).toBe(true);
    expect(await hasher.verify(hash, 'correct-horse-battery-9')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
    expect(new PasswordHasher({ memoryKib: 65536, timeCost: 3, parallelism: 1, maxConcurrent: 1 }).needsRehash(hash)).toBe(true);
  });

  it('verifyNothing spends a real verification and says no', async () => {
    expect(await hasher.verifyNothing('anything')).toBe(false);
  });
});

describe('Semaphore', () => {
  it('never runs more than its limit at once, in FIFO order', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          order.push(i);
          await new Promise((r) => setImmediate(r)); // holds its permit past this turn of the loop, while the others queue
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('releases its slot when a job fails', async () => {
    const gate = new Semaphore(1);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 42)).toBe(42);
  });
});
