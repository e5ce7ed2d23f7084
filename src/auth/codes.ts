import { LockMode } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionToken, OneTimeCode, type CodePurpose, type SubjectKind, type TokenPurpose } from './auth.entities';
import { CodeHasher, randomOtp, randomToken, sha256 } from './secrets';

export const MAX_OTP_ATTEMPTS = 5;

export type OtpCheck = 'valid' | 'invalid' | 'burnt';

/** The prefix of each kind of token, so a pasted token says what it is for. */
const TOKEN_PREFIX: Record<TokenPurpose, string> = { PASSWORD_RESET: 'rst', INVITATION: 'inv', SIGN_IN: 'sgn' };

/** E-mailed secrets: 6-digit codes (verification) and long single-use tokens (reset, invitation, sign-in link). */
export class CodeStore {
  constructor(
    private readonly hasher: CodeHasher,
    private readonly otpTtlMinutes: number,
  ) {}

  /** A new code for the subject; earlier unused codes for the same purpose stop working. */
  async issueOtp(em: EntityManager, kind: SubjectKind, subjectId: string, purpose: CodePurpose): Promise<string> {
    await em.nativeUpdate(OneTimeCode, { subjectKind: kind, subjectId, purpose, consumedAt: null }, { consumedAt: new Date() });
    const code = randomOtp();
    const row = em.create(OneTimeCode, {
      subjectKind: kind,
      subjectId,
      purpose,
      codeHash: '',
      expiresAt: new Date(Date.now() + this.otpTtlMinutes * 60_000),
    });
    row.codeHash = this.hasher.hash(code, `${kind}:${subjectId}:${purpose}`);
    return code;
  }

  /**
   * Checks a code. A match consumes it; a miss counts against it, and the fifth miss burns it. The caller
   * flushes either way, so a failed attempt is recorded even though the request fails.
   */
  async checkOtp(em: EntityManager, kind: SubjectKind, subjectId: string, purpose: CodePurpose, code: string): Promise<OtpCheck> {
    const row = await em.findOne(
      OneTimeCode,
      { subjectKind: kind, subjectId, purpose, consumedAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!row) return 'invalid';
    if (this.hasher.matches(code, `${kind}:${subjectId}:${purpose}`, row.codeHash)) {
      row.consumedAt = new Date();
      return 'valid';
    }
    row.attempts += 1;
    if (row.attempts >= MAX_OTP_ATTEMPTS) {
      row.consumedAt = new Date();
      return 'burnt';
    }
    return 'invalid';
  }

  /** A single-use token with 256 bits of entropy, stored as its hash. */
  issueToken(em: EntityManager, kind: SubjectKind, subjectId: string, purpose: TokenPurpose, ttlMinutes: number): { token: string; row: ActionToken } {
    const token = randomToken(TOKEN_PREFIX[purpose]);
    const row = em.create(ActionToken, {
      subjectKind: kind,
      subjectId,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + ttlMinutes * 60_000),
    });
    return { token, row };
  }

  /**
   * The token's row when it is usable (right purpose, issued to that kind of account, unused, unexpired),
   * else null: a customer's token never opens a staff flow, nor the other way round.
   */
  findUsableToken(em: EntityManager, token: string, purpose: TokenPurpose, kind: SubjectKind, lock = false): Promise<ActionToken | null> {
    if (typeof token !== 'string' || token.length > 200) return Promise.resolve(null);
    return em.findOne(
      ActionToken,
      { tokenHash: sha256(token), purpose, subjectKind: kind, usedAt: null, expiresAt: { $gt: new Date() } },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
  }

  /** Retires other unused tokens of the subject for this purpose (a new reset link replaces the old). */
  async retireTokens(em: EntityManager, kind: SubjectKind, subjectId: string, purpose: TokenPurpose): Promise<void> {
    await em.nativeUpdate(ActionToken, { subjectKind: kind, subjectId, purpose, usedAt: null }, { usedAt: new Date() });
  }
}
