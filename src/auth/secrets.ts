import { createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex: for high-entropy tokens (refresh, reset, invitation), where a plain hash is enough. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A URL-safe random token with `bytes` of entropy (32 bytes = 256 bits). */
export const randomToken = (prefix: string, bytes = 32): string => `${prefix}_${randomBytes(bytes).toString('base64url')}`;

/** A 6-digit code from the CSPRNG. */
export const randomOtp = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Keyed hashing for low-entropy codes (6 digits): a plain hash of one of a million codes is reversed at
 * once, an HMAC under a server key is not. The key derives from the staff token key; during a key
 * rotation, codes hashed under a previous key still match.
 */
export class CodeHasher {
  private readonly keys: Buffer[];
  constructor(masterSecret: string, previousSecrets: readonly string[] = []) {
    this.keys = [masterSecret, ...previousSecrets].map((s) => Buffer.from(hkdfSync('sha256', s, 'incident-desk', 'one-time-codes', 32)));
  }
  hash(code: string, salt: string, key: Buffer = this.keys[0]): string {
    return createHmac('sha256', key).update(`${salt}:${code}`).digest('hex');
  }
  matches(code: string, salt: string, expectedHex: string): boolean {
    const b = Buffer.from(expectedHex, 'hex');
    let found = false;
    for (const key of this.keys) {
      const a = Buffer.from(this.hash(code, salt, key), 'hex');
      found = (a.length === b.length && timingSafeEqual(a, b)) || found;
    }
    return found;
  }
}
