import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidationError } from '../shared/errors';
import { Semaphore } from '../shared/semaphore';
import { characterCount, checkLength } from '../shared/text';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;
/** The common-password list (zxcvbn-ts's, ~18k entries long enough to pass the length rule), loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].filter((p) => characterCount(p) >= PASSWORD_MIN));
  return common;
}

/** The password rules for staff and customers alike; throws VALIDATION_FAILED naming the field. */
export function checkPasswordRules(password: string, field = 'password'): void {
  if (typeof password !== 'string') throw ValidationError.field(field, `must be at least ${PASSWORD_MIN} characters`);
  checkLength(field, password, { min: PASSWORD_MIN });
  checkLength(field, password, { max: PASSWORD_MAX });
  if (commonPasswords().has(password.toLowerCase())) {
    throw ValidationError.field(field, 'is too common; choose one that is harder to guess');
  }
}

export interface Argon2Settings {
  memoryKib: number;
  timeCost: number;
  parallelism: number;
  maxConcurrent: number;
}

/**
 * argon2id hashing on libuv's thread pool (never on the event loop), with at most `maxConcurrent` hashes in
 * flight; the rest queue, so a login storm cannot starve the pool that file and DNS work also use.
 */
export class PasswordHasher {
  private readonly gate: Semaphore;
  private readonly options: argon2.Options & { raw?: false };
  private dummyHash?: Promise<string>;

  constructor(settings: Argon2Settings) {
    this.gate = new Semaphore(settings.maxConcurrent);
    this.options = { type: argon2.argon2id, memoryCost: settings.memoryKib, timeCost: settings.timeCost, parallelism: settings.parallelism };
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password, this.options));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return this.gate.run(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false; // a malformed stored hash never verifies
      }
    });
  }

  /** Spends the same time as a real verification, for callers with no account to check against. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= argon2.hash('not-a-real-password', this.options);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** Whether a hash was made with weaker settings than the current ones (re-hash on next login). */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }
}
