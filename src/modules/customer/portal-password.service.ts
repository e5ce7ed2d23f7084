import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInvitationError } from '../../auth/auth.errors';
import { redeemResetToken, resetTokenStatus } from '../../auth/password-reset';
import { checkPasswordRules } from '../../auth/passwords';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import { emailLink } from '../../shared/email-links';
import { normalizeEmail } from '../../shared/ids';
import type { ResetTokenStatus } from '../user/user.types';
import { CustomerUser } from './customer.entity';
import type { PortalAuthPayload } from './customer.types';
import type { PortalAuthService } from './portal-auth.service';
import { resolveWorkspaceChoice, type WorkspaceNames } from './workspace-choice';

export const PORTAL_INVITATION_TTL_MINUTES = 7 * 24 * 60;
export const PORTAL_RESET_TTL_MINUTES = 30;

/**
 * Portal passwords set from an e-mailed token: accepting an invitation (accounts created by staff) and
 * resetting a forgotten password. The customer side of what AuthService and StaffService do for staff,
 * with the same rules: tokens of 256 bits, stored hashed, single use, bound to the customer kind (a staff
 * token never works here, nor the other way round), and answers that never tell whether an address has
 * an account.
 */
export class PortalPasswordService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'background' | 'codes' | 'config' | 'mailer' | 'passwords' | 'rateLimits' | 'sessions'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { portalAuth: PortalAuthService },
  ) {}

  /** An invitation token for a new account, in the caller's transaction; mail it after commit. */
  issueInvitation(tx: EntityManager, userId: string): { token: string; expiresAt: Date } {
    const { token, row } = this.rt.codes.issueToken(tx, 'customer', userId, 'INVITATION', PORTAL_INVITATION_TTL_MINUTES);
    return { token, expiresAt: row.expiresAt };
  }

  mailInvitation(to: string, tenantName: string, token: string): void {
    const link = emailLink(this.rt.config, 'portal', 'invitation', { token });
    this.rt.background.run('mail.portal_invitation', () =>
      this.rt.mailer.send({
        to,
        subject: `Your ${tenantName} support account`,
        text: `${tenantName} created a support portal account for you.\n\nInvitation token: ${token}\nOr open: ${link}\n\nSet a password to start using it. The invitation expires in 7 days.`,
      }),
    );
  }

  /** A reset token for an account (earlier ones stop working), in the caller's transaction; mail it after commit. */
  async issueReset(tx: EntityManager, userId: string): Promise<string> {
    await this.rt.codes.retireTokens(tx, 'customer', userId, 'PASSWORD_RESET');
    return this.rt.codes.issueToken(tx, 'customer', userId, 'PASSWORD_RESET', PORTAL_RESET_TTL_MINUTES).token;
  }

  /** Sends a reset e-mail; callers have consumed the per-address limit. */
  mailReset(to: string, tenantName: string, token: string): Promise<void> {
    const link = emailLink(this.rt.config, 'portal', 'resetPassword', { token });
    return this.rt.mailer.send({
      to,
      subject: `Reset your ${tenantName} support password`,
      text: `Someone asked to reset the password of your ${tenantName} support account.\n\nReset token: ${token}\nOr open: ${link}\n\nThe token works once, for ${PORTAL_RESET_TTL_MINUTES} minutes. If it was not you, ignore this e-mail: your password stays as it is.`,
    });
  }

  /** Sets the invited account's password, marks the address verified (the e-mail proved it) and signs in. */
  async acceptInvitation(input: { token: string; password: string }, client: ClientInfo): Promise<PortalAuthPayload> {
    checkPasswordRules(input.password);
    const passwordHash = await this.rt.passwords.hash(input.password);
    const user = await this.em.transactional(async (tx) => {
      const row = await this.rt.codes.findUsableToken(tx, input.token, 'INVITATION', 'customer', true);
      const invited = row ? await tx.findOne(CustomerUser, { id: row.subjectId, isActive: true, passwordHash: null }) : null;
      if (!row || !invited) throw new InvalidInvitationError();
      row.usedAt = new Date();
      invited.passwordHash = passwordHash;
      invited.emailVerifiedAt ??= new Date();
      this.rt.audit.record(tx, {
        action: 'portal.invitation.accepted',
        tenantId: invited.tenant.id,
        actorKind: 'customer',
        actorId: invited.id,
        targetType: 'portal_user',
        targetId: invited.id,
        ip: client.ip,
      });
      return invited;
    });
    return this.services.portalAuth.signIn(user, client);
  }

  /**
   * The same answer, after the same work, whether or not the address has an account: for each active
   * account with the address (in the workspace named, if one is) a token is made and mailed in the
   * background, naming the company.
   */
  async forgotPassword(input: { email: string } & WorkspaceNames, client: ClientInfo): Promise<boolean> {
    const choice = resolveWorkspaceChoice(input);
    const email = normalizeEmail(input.email);
    await this.rt.rateLimits.consumeMailRequest(client.ip);
    await this.rt.rateLimits.consumeResetSend(`customer:${email}`);
    // Looked up after the answer: nothing on the way to it depends on whether an account exists.
    const em = this.em.fork();
    this.rt.background.run('mail.portal_password_reset', async () => {
      const accounts = (await this.services.portalAuth.candidates(em, email, choice)).filter((a) => a.isActive);
      for (const account of accounts) {
        const tenant = account.tenant.getEntity();
        const token = await em.transactional(async (tx) => {
          const issued = await this.issueReset(tx, account.id);
          this.rt.audit.record(tx, { action: 'portal.password.reset_requested', tenantId: tenant.id, targetType: 'portal_user', targetId: account.id, ip: client.ip });
          return issued;
        });
        await this.mailReset(email, tenant.name, token);
      }
    });
    return true;
  }

  validateResetToken(input: { token: string }): Promise<ResetTokenStatus> {
    return resetTokenStatus(this.em, this.rt, 'customer', input.token);
  }

  /** Sets the password, burns the token, marks the address verified and ends every session of the account. */
  async resetPassword(input: { token: string; password: string }, client: ClientInfo): Promise<boolean> {
    await redeemResetToken(
      this.em,
      this.rt,
      {
        kind: 'customer',
        entity: CustomerUser,
        audit: (user) => ({ action: 'portal.password.reset', tenantId: user.tenant.id, actorKind: 'customer', actorId: user.id, targetType: 'portal_user', targetId: user.id, ip: client.ip }),
      },
      input,
    );
    return true;
  }
}
