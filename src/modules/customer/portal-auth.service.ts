import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { EmailNotVerifiedError, InvalidCredentialsError, InvalidOtpError } from '../../auth/auth.errors';
import { checkPasswordRules } from '../../auth/passwords';
import type { Runtime } from '../../auth/runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { CustomerViewer } from '../../auth/viewer';
import { isUuid, normalizeEmail } from '../../shared/ids';
import { Tenant } from '../tenant/tenant.entity';
import type { TokenPair } from '../user/user.types';
import { CustomerUser } from './customer.entity';
import { CompanyNotAvailableError, CompanyRequiredError } from './customer.errors';
import type { CustomerRegistration, PortalAccount, PortalAuthPayload, PortalMe } from './customer.types';

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
    private readonly rt: Runtime,
  ) {}

  /** The tenant a self-registration goes to: only those open to sign-up, the rest answer alike. */
  private async openTenant(companyId: string): Promise<Tenant> {
    const tenant = isUuid(companyId) ? await this.em.findOne(Tenant, { id: companyId, allowCustomerSignup: true }) : null;
    if (!tenant) throw new CompanyNotAvailableError();
    return tenant;
  }

  /**
   * Creates an unverified account and e-mails a code. For an address that already has an account in that
   * company the answer is the same, and the owner gets an e-mail saying so: the answer never tells a
   * stranger whether an address is registered.
   */
  async register(input: { email: string; password: string; name: string; companyId: string }, client: ClientInfo): Promise<CustomerRegistration> {
    const tenant = await this.openTenant(input.companyId);
    const email = normalizeEmail(input.email);
    const name = input.name.trim();
    checkPasswordRules(input.password);
    // Counted once the request is well-formed: a refused one creates nothing and costs no hashing.
    await this.rt.rateLimits.consumeRegistration(client.ip);
    const passwordHash = await this.rt.passwords.hash(input.password);

    const existing = await this.em.findOne(CustomerUser, { tenant, email });
    if (existing) {
      // Rate-limited like codes (in the background: the answer must not take longer), so nobody can flood the owner.
      this.rt.background.run('mail.portal_registration_existing', async () => {
        if (!(await this.rt.rateLimits.consumeOtpSend(`customer:${email}`).then(() => true, () => false))) return;
        await this.rt.mailer.send({
          to: email,
          subject: `Your ${tenant.name} support account`,
          text: `Someone tried to sign up to ${tenant.name} support with this address, which already has an account.\n\nIf it was you, sign in, or reset your password. Otherwise ignore this e-mail.`,
        });
      });
      return { id: randomUUID(), email, name, companyId: tenant.id };
    }
    let code = '';
    let user: CustomerUser;
    try {
      user = await this.em.transactional(async (tx) => {
        const created = tx.create(CustomerUser, { tenant: tx.getReference(Tenant, tenant.id), email, displayName: name, passwordHash });
        await tx.flush();
        code = await this.rt.codes.issueOtp(tx, 'customer', created.id, 'EMAIL_VERIFICATION');
        this.rt.audit.record(tx, { action: 'portal.registered', tenantId: tenant.id, actorKind: 'customer', actorId: created.id, ip: client.ip });
        return created;
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) return { id: randomUUID(), email, name, companyId: tenant.id };
      throw e;
    }
    this.sendCode(email, tenant.name, code);
    return { id: user.id, email, name, companyId: tenant.id };
  }

  private mail(to: string, subject: string, text: string): void {
    this.rt.background.run('mail.portal', () => this.rt.mailer.send({ to, subject, text }));
  }

  private sendCode(email: string, tenantName: string, code: string): void {
    this.mail(
      email,
      'Your verification code',
      `Your ${tenantName} support verification code is ${code}.\n\nIt expires in ${this.rt.config.otp.ttlMinutes} minutes. If you did not ask for it, ignore this e-mail.`,
    );
  }

  /** Accounts with this e-mail, in one company when the caller names it. */
  private candidates(email: string, scope: { companyId?: string | null; tenantSlug?: string | null }) {
    if (scope.companyId && !isUuid(scope.companyId)) return Promise.resolve([]);
    return this.em.find(
      CustomerUser,
      {
        email,
        ...(scope.companyId ? { tenant: scope.companyId } : {}),
        ...(scope.tenantSlug ? { tenant: { slug: scope.tenantSlug } } : {}),
      },
      { populate: ['tenant'] },
    );
  }

  async verifyEmail(input: { email: string; otp: string; companyId?: string | null }, client: ClientInfo): Promise<boolean> {
    const email = normalizeEmail(input.email);
    const pending = (await this.candidates(email, input)).filter((u) => !u.emailVerifiedAt && u.isActive);
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

  /** Same answer, after the same work, for any address: codes are made and mailed in the background. */
  async resendOtp(input: { email: string; companyId?: string | null }, client: ClientInfo): Promise<boolean> {
    const email = normalizeEmail(input.email);
    await this.rt.rateLimits.consumeMailRequest(client.ip);
    await this.rt.rateLimits.consumeOtpSend(`customer:${email}`);
    const pending = (await this.candidates(email, input)).filter((u) => !u.emailVerifiedAt && u.isActive);
    for (const user of pending) {
      const em = this.em.fork();
      this.rt.background.run('mail.portal_verification', async () => {
        const code = await em.transactional((tx) => this.rt.codes.issueOtp(tx, 'customer', user.id, 'EMAIL_VERIFICATION'));
        this.sendCode(email, user.tenant.getEntity().name, code);
      });
    }
    return true;
  }

  /**
   * Signs in the one account whose e-mail and password both match. Only a caller who proved the password
   * for accounts in several companies is asked to choose one; everyone else gets INVALID_CREDENTIALS.
   */
  async login(input: { email: string; password: string; companyId?: string | null; tenantSlug?: string | null }, client: ClientInfo): Promise<PortalAuthPayload> {
    const email = normalizeEmail(input.email);
    const accountKey = `customer:${email}`;
    await this.rt.rateLimits.assertLoginAllowed(accountKey, client.ip);
    const accounts = await this.candidates(email, input);
    const matching: CustomerUser[] = [];
    for (const account of accounts) {
      if (account.passwordHash && (await this.rt.passwords.verify(account.passwordHash, input.password))) matching.push(account);
    }
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

  async refresh(input: { refreshToken: string }): Promise<TokenPair> {
    const { session, refreshToken } = await this.rt.sessions.rotate(this.em, input.refreshToken, 'customer');
    const user = await this.em.findOne(CustomerUser, { id: session.subjectId, isActive: true });
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
