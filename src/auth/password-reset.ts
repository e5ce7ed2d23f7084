import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuditRecord } from '../modules/audit/audit.service';
import { InvalidResetTokenError } from './auth.errors';
import type { SubjectKind } from './auth.entities';
import { checkPasswordRules } from './passwords';
import type { Runtime } from '../runtime';

/** What a reset changes on an account, staff or portal: the two tables share these columns. */
interface ResettableAccount {
  id: string;
  passwordHash?: string | null;
  emailVerifiedAt?: Date | null;
  isActive: boolean;
  tenant: { id: string };
}

/** Whether a reset token of this kind of account is still usable; an unusable one is an error. */
export async function resetTokenStatus(em: EntityManager, rt: Pick<Runtime, 'codes'>, kind: SubjectKind, token: string): Promise<{ valid: true; expiresAt: Date }> {
  const row = await rt.codes.findUsableToken(em, token, 'PASSWORD_RESET', kind);
  if (!row) throw new InvalidResetTokenError();
  return { valid: true, expiresAt: row.expiresAt };
}

/**
 * Redeems a reset token: sets the password, burns the token, marks the address verified (the link proved it)
 * and ends every session of the account, in one transaction with its audit entry. The token's row is locked,
 * so two redemptions of one token cannot both succeed.
 */
export async function redeemResetToken<A extends ResettableAccount>(
  em: EntityManager,
  rt: Pick<Runtime, 'passwords' | 'codes' | 'sessions' | 'audit'>,
  account: { kind: SubjectKind; entity: EntityClass<A>; audit: (account: A) => AuditRecord },
  input: { token: string; password: string },
): Promise<void> {
  checkPasswordRules(input.password);
  const passwordHash = await rt.passwords.hash(input.password);
  await em.transactional(async (tx) => {
    const row = await rt.codes.findUsableToken(tx, input.token, 'PASSWORD_RESET', account.kind, true);
    const user = row ? await tx.findOne(account.entity, { id: row.subjectId, isActive: true } as FilterQuery<A>) : null;
    if (!row || !user) throw new InvalidResetTokenError();
    row.usedAt = new Date();
    user.passwordHash = passwordHash;
    user.emailVerifiedAt ??= new Date();
    await rt.sessions.revokeAllOf(tx, account.kind, user.id, 'password_reset');
    rt.audit.record(tx, account.audit(user));
  });
}
