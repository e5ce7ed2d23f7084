import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidSignInLinkError } from '../../auth/auth.errors';
import type { ClientInfo } from '../../auth/sessions';
import type { Runtime } from '../../runtime';
import { emailLink } from '../../shared/email-links';
import { normalizeEmail } from '../../shared/ids';
import type { Tenant } from '../tenant/tenant.entity';
import { CustomerUser } from './customer.entity';
import type { PortalAuthPayload } from './customer.types';
import type { PortalAuthService } from './portal-auth.service';
import { isChosen, resolveWorkspaceChoice, type WorkspaceNames } from './workspace-choice';

export const PORTAL_SIGN_IN_TTL_MINUTES = 15;

/**
 * Sign-in links for portal accounts (both doors): a 256-bit token e-mailed instead of a password, stored
 * hashed as an action token of the account (so bound to its workspace and address, which never changes),
 * single use, 15 minutes. Asking for one answers like forgot-password: the same answer after the same work
 * whether the address has an account or not, the accounts looked up after the answer; limited like codes.
 */
export class PortalSignInService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'background' | 'codes' | 'config' | 'mailer' | 'rateLimits'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { portalAuth: PortalAuthService },
  ) {}

  /** For each active account with the address (in the named workspace), a new link (earlier ones stop working), mailed. */
  async requestLink(input: { email: string } & WorkspaceNames, client: ClientInfo): Promise<boolean> {
    const choice = resolveWorkspaceChoice(input);
    const email = normalizeEmail(input.email);
    await this.rt.rateLimits.consumeMailRequest(client.ip);
    await this.rt.rateLimits.consumeSignInLinkSend(`customer:${email}`);
    // Looked up after the answer: nothing on the way to it depends on whether an account exists.
    const em = this.em.fork();
    this.rt.background.run('mail.portal_sign_in_link', async () => {
      const accounts = (await this.services.portalAuth.candidates(em, email, choice)).filter((a) => a.isActive);
      for (const account of accounts) {
        const tenant = account.tenant.getEntity();
        const token = await em.transactional(async (tx) => {
          await this.rt.codes.retireTokens(tx, 'customer', account.id, 'SIGN_IN');
          const issued = this.rt.codes.issueToken(tx, 'customer', account.id, 'SIGN_IN', PORTAL_SIGN_IN_TTL_MINUTES).token;
          this.rt.audit.record(tx, { action: 'portal.sign_in_link.requested', tenantId: tenant.id, targetType: 'portal_user', targetId: account.id, ip: client.ip });
          return issued;
        });
        await this.mailLink(email, tenant, token);
      }
    });
    return true;
  }

  private mailLink(to: string, tenant: Pick<Tenant, 'name' | 'slug'>, token: string): Promise<void> {
    const link = emailLink(this.rt.config, 'portal', 'signIn', { token, tenantSlug: tenant.slug });
    return this.rt.mailer.send({
      to,
      subject: `Sign in to ${tenant.name} support`,
      text: `Someone asked for a link to sign in to your ${tenant.name} support account.\n\nSign in: ${link}\nOr use the token: ${token}\n\nIt works once, for ${PORTAL_SIGN_IN_TTL_MINUTES} minutes. If it was not you, ignore this e-mail: nobody can sign in without it.`,
    });
  }

  /**
   * Burns the link and signs its account in, with the same tokens as a password login. The token's row is
   * locked, so two redemptions cannot both succeed; every unusable link (used, expired, unknown, of another
   * workspace than the one named, of a deactivated account) gets one answer and changes nothing.
   */
  async redeem(input: { token: string } & WorkspaceNames, client: ClientInfo): Promise<PortalAuthPayload> {
    const choice = resolveWorkspaceChoice(input);
    const user = await this.em.transactional(async (tx) => {
      const row = await this.rt.codes.findUsableToken(tx, input.token, 'SIGN_IN', 'customer', true);
      const account = row ? await tx.findOne(CustomerUser, { id: row.subjectId, isActive: true }, { populate: ['tenant'] }) : null;
      if (!row || !account || !isChosen(choice, account.tenant.getEntity())) throw new InvalidSignInLinkError();
      row.usedAt = new Date();
      account.emailVerifiedAt ??= new Date(); // the link proved the inbox, as a reset does
      this.rt.audit.record(tx, {
        action: 'portal.sign_in_link.used',
        tenantId: account.tenant.id,
        actorKind: 'customer',
        actorId: account.id,
        targetType: 'portal_user',
        targetId: account.id,
        ip: client.ip,
      });
      return account;
    });
    return this.services.portalAuth.signIn(user, client);
  }
}
