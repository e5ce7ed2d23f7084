import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmailNotVerifiedError, InvalidCredentialsError, InvalidOtpError } from '../../auth/auth.errors';
import { checkPasswordRules } from '../../auth/passwords';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import { isUniqueViolation } from '../../db/errors';
import type { CustomerViewer } from '../../auth/viewer';
import { emailLink } from '../../shared/email-links';
import { normalizeEmail } from '../../shared/ids';
import { Tenant } from '../tenant/tenant.entity';
import type { TokenPair } from '../user/user.types';
import { CustomerUser } from './customer.entity';
import { CompanyNotAvailableError, CompanyRequiredError } from './customer.errors';
import type { CustomerRegistration, PortalAccount, PortalAuthPayload, PortalMe } from './customer.types';
import { requireWorkspace, resolveWorkspaceChoice, type WorkspaceChoice, type WorkspaceNames } from './workspace-choice';

function accountOf(u: CustomerUser): PortalAccount {
  const customerId = u.customer?.id ?? null;
  return { id: u.id, email: u.email, displayName: u.displayName, name: u.displayName, tenantId: u.tenant.id, companyId: u.tenant.id, customerId };
}

/**
 * Customer portal accounts (table customer_portal_users): registration, verification, login, tokens.
 * Sessions, refresh rotation and revocation are the staff machinery with subject kind "customer"; tokens
 * are signed with the portal key and audience.
 */
export class PortalAuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'background' | 'codes' | 'config' | 'mailer' | 'passwords' | 'rateLimits' | 'sessions' | 'tokens'>,
  ) {}

  /** The tenant a self-registration goes to: only those open to sign-up, the rest (and unknown ones) answer alike. */
  private async openTenant(choice: WorkspaceChoice): Promise<Tenant> {
    const tenant = choice.where ? await this.em.findOne(Tenant, { ...choice.where, allowCustomerSignup: true }) : null;
    if (!tenant) throw new CompanyNotAvailableError();
    return tenant;
  }

  /**
   * Answers once the request is checked and the password hashed, alike for every address: the account and
   * its code are made after the answer has been sent, so neither the answer nor its timing tells a stranger
   * whether the address is registered with that company (the answer's id is the one the account gets). For
   * an address that already has an account, nothing is made and the owner gets an e-mail saying so.
   */
  async register(input: { email: string; password: string; name: string } & WorkspaceNames, client: ClientInfo): Promise<CustomerRegistration> {
    const tenant = await this.openTenant(requireWorkspace(input));
    const email = normalizeEmail(input.email);
    const name = input.name.trim();
    checkPasswordRules(input.password);
    // Counted once the request is well-formed: a refused one creates nothing and costs no hashing.
    await this.rt.rateLimits.consumeRegistration(client.ip);
    const passwordHash = await this.rt.passwords.hash(input.password);
    const id = randomUUID();
    const em = this.em.fork();
    this.rt.background.run('portal.registration', async () => {
      let code: string;
      try {
        code = await em.transactional(async (tx) => {
          tx.create(CustomerUser, { id, tenant: tx.getReference(Tenant, tenant.id), email, displayName: name, passwordHash });
          await tx.flush();
          this.rt.audit.record(tx, { action: 'portal.registered', tenantId: tenant.id, actorKind: 'customer', actorId: id, ip: client.ip });
          return this.rt.codes.issueOtp(tx, 'customer', id, 'EMAIL_VERIFICATION');
        });
      } catch (e) {
        if (isUniqueViolation(e, 'customer_portal_users_tenant_id_email_unique')) return this.tellOwnerOfSignUp(email, tenant.name);
        throw e;
      }
      this.sendCode(email, tenant, code);
    });
    return { id, email, name, companyId: tenant.id };
  }

  /** Limited like codes, so nobody can flood the owner's inbox through sign-ups. */
  private async tellOwnerOfSignUp(email: string, tenantName: string): Promise<void> {
    if (!(await this.rt.rateLimits.allowsSignUpNotice(`customer:${email}`))) return;
    await this.rt.mailer.send({
      to: email,
      subject: `Your ${tenantName} support account`,
      text: `Someone tried to sign up to ${tenantName} support with this address, which already has an account.\n\nIf it was you, sign in, or reset your password. Otherwise ignore this e-mail.`,
    });
  }

  private mail(to: string, subject: string, text: string): void {
    this.rt.background.run('mail.portal', () => this.rt.mailer.send({ to, subject, text }));
  }

  /** The link names the company, so the page verifies the account there even when the address has others. */
  private sendCode(email: string, tenant: Pick<Tenant, 'id' | 'name'>, code: string): void {
    const link = emailLink(this.rt.config, 'portal', 'verifyEmail', { email, companyId: tenant.id });
    this.mail(
      email,
      'Your verification code',
      `Your ${tenant.name} support verification code is ${code}.\n\nEnter it at: ${link}\n\nIt expires in ${this.rt.config.otp.ttlMinutes} minutes. If you did not ask for it, ignore this e-mail.`,
    );
  }

  /** Accounts with this e-mail, in the chosen workspace when the caller named one; names that fit none find none. */
  candidates(em: EntityManager, email: string, choice: WorkspaceChoice): Promise<CustomerUser[]> {
    if (!choice.where) return Promise.resolve([]);
    return em.find(CustomerUser, { email, ...(choice.named ? { tenant: choice.where } : {}) }, { populate: ['tenant'] });
  }

  async verifyEmail(input: { email: string; otp: string } & WorkspaceNames, client: ClientInfo): Promise<boolean> {
    const choice = resolveWorkspaceChoice(input);
    const email = normalizeEmail(input.email);
    const pending = (await this.candidates(this.em, email, choice)).filter((u) => !u.emailVerifiedAt && u.isActive);
    let burnt = false;
    for (const user of pending) {
      const outcome = await this.em.transactional(async (tx) => {
        const check = await this.rt.codes.checkOtp(tx, 'customer', user.id, 'EMAIL_VERIFICATION', input.otp);
        if (check === 'valid') {
          await tx.nativeUpdate(CustomerUser, { id: user.id }, { emailVerifiedAt: new Date() });
          this.rt.audit.record(tx, { action: 'portal.email.verified', tenantId: user.tenant.id, actorKind: 'customer', actorId: user.id, ip: client.ip });
        }
        return check;
      });
      if (outcome === 'valid') return true;
      burnt ||= outcome === 'burnt';
    }
    throw burnt ? new InvalidOtpError('Too many wrong codes: this one no longer works. Ask for a new one.') : new InvalidOtpError();
  }

  /**
   * Same answer, after the same work, for any address: the accounts are looked up, and their codes made and
   * mailed, once the answer has been sent, so nothing on the way to the answer depends on them.
   */
  async resendOtp(input: { email: string } & WorkspaceNames, client: ClientInfo): Promise<boolean> {
    const choice = resolveWorkspaceChoice(input);
    const email = normalizeEmail(input.email);
    await this.rt.rateLimits.consumeMailRequest(client.ip);
    await this.rt.rateLimits.consumeOtpSend(`customer:${email}`);
    const em = this.em.fork();
    this.rt.background.run('mail.portal_verification', async () => {
      const pending = (await this.candidates(em, email, choice)).filter((u) => !u.emailVerifiedAt && u.isActive);
      for (const user of pending) {
        const code = await em.transactional((tx) => this.rt.codes.issueOtp(tx, 'customer', user.id, 'EMAIL_VERIFICATION'));
        this.sendCode(email, user.tenant.getEntity(), code);
      }
    });
    return true;
  }

  /**
   * Signs in the one account whose e-mail and password both match. Only a caller who proved the password
   * for accounts in several companies is asked to choose one; everyone else gets INVALID_CREDENTIALS. An unknown
   * workspace finds no account, so it answers like an unknown address. `workspaceRequired`: the OpsWeave door's
   * login, which must name one.
   */
  async login(input: { email: string; password: string } & WorkspaceNames, client: ClientInfo, options: { workspaceRequired?: boolean } = {}): Promise<PortalAuthPayload> {
    const choice = options.workspaceRequired ? requireWorkspace(input) : resolveWorkspaceChoice(input);
    const email = normalizeEmail(input.email);
    const accountKey = `customer:${email}`;
    await this.rt.rateLimits.assertLoginAllowed(accountKey, client.ip);
    const accounts = await this.candidates(this.em, email, choice);
    // One verification per account with the address, side by side on argon2's pool: an address registered with
    // several companies then takes about as long as one with a single account (while threads are free).
    const verified = await Promise.all(accounts.map((a) => (a.passwordHash ? this.rt.passwords.verify(a.passwordHash, input.password) : false)));
    const matching = accounts.filter((_, i) => verified[i]);
    if (!accounts.length) await this.rt.passwords.verifyNothing(input.password);
    const active = matching.filter((a) => a.isActive);
    if (!active.length) {
      const locked = await this.rt.rateLimits.recordLoginFailure(accountKey, client.ip);
      await this.rt.audit.recordNow(this.em, {
        action: locked ? 'portal.login.locked' : 'portal.login.failed',
        tenantId: accounts.length === 1 ? accounts[0].tenant.id : null,
        ip: client.ip,
        metadata: { email },
      });
      throw new InvalidCredentialsError();
    }
    if (active.length > 1) throw new CompanyRequiredError();
    const user = active[0];
    if (!user.emailVerifiedAt) throw new EmailNotVerifiedError();
    return this.signIn(user, client);
  }

  /** Opens a session for a verified, active account and returns portal tokens (login, accepted invitations). */
  async signIn(user: CustomerUser, client: ClientInfo): Promise<PortalAuthPayload> {
    const { session, refreshToken } = this.rt.sessions.open(this.em, { kind: 'customer', id: user.id, tenantId: user.tenant.id }, client);
    this.rt.audit.record(this.em, { action: 'portal.login.succeeded', tenantId: user.tenant.id, actorKind: 'customer', actorId: user.id, ip: client.ip });
    await this.em.flush();
    return { accessToken: this.accessToken(user, session.id), refreshToken, account: accountOf(user) };
  }

  private accessToken(user: CustomerUser, sessionId: string): string {
    return this.rt.tokens.signPortal({
      sub: user.id,
      sid: sessionId,
      tenantId: user.tenant.id,
      customerId: user.customer?.id ?? null,
      email: user.email,
      displayName: user.displayName,
      portal: true,
    });
  }

  /** Rotates the refresh token on the doors REFRESH_TOKEN_ROTATION names; elsewhere the same token comes back. */
  async refresh(input: { refreshToken: string }, client: ClientInfo): Promise<TokenPair> {
    const rotate = this.rt.config.tokens.refreshRotation.includes(client.door ?? 'graphql');
    const { session, refreshToken } = await this.rt.sessions.refresh(this.em, input.refreshToken, 'customer', rotate);
    const user = await this.em.findOne(CustomerUser, { tenant: session.tenant.id, id: session.subjectId, isActive: true });
    if (!user) {
      await this.rt.sessions.revoke(this.em, [session.id], 'user_inactive');
      throw new InvalidCredentialsError();
    }
    return { accessToken: this.accessToken(user, session.id), refreshToken };
  }

  async logout(viewer: CustomerViewer, client: ClientInfo): Promise<boolean> {
    await this.rt.sessions.revoke(this.em, [viewer.sessionId], 'logout');
    await this.rt.audit.recordNow(this.em, { action: 'portal.logout', tenantId: viewer.tenantId, actorKind: 'customer', actorId: viewer.customerUserId, ip: client.ip });
    return true;
  }

  async me(viewer: CustomerViewer): Promise<PortalMe> {
    const user = await this.em.findOneOrFail(
      CustomerUser,
      { id: viewer.customerUserId, tenant: viewer.tenantId },
      { populate: ['tenant', 'customer'] },
    );
    const tenant = user.tenant.getEntity();
    const customer = user.customer?.getEntity();
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug },
      customer: customer ? { id: customer.id, name: customer.name } : null,
    };
  }
}
