import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EmailNotVerifiedError,
  InvalidCredentialsError,
  InvalidOtpError,
} from '../../auth/auth.errors';
import { redeemResetToken, resetTokenStatus } from '../../auth/password-reset';
import { checkPasswordRules } from '../../auth/passwords';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { isUniqueViolation } from '../../db/errors';
import { ValidationError } from '../../shared/errors';
import { toE164 } from '../../shared/phone';
import { emailLink } from '../../shared/email-links';
import { normalizeEmail } from '../../shared/ids';
import type { Tenant } from '../tenant/tenant.entity';
import { pendingSlug, type TenantService } from '../tenant/tenant.service';
import { User } from './user.entity';
import type { AuthPayload, Me, RegistrationPayload, ResetTokenStatus, TokenPair } from './user.types';

const RESET_TTL_MINUTES = 30;

/** The workspace name of a personal account: `ada's workspace` for ada@example.com. */
export const personalWorkspaceName = (email: string): string => `${normalizeEmail(email).split('@')[0] || 'developer'}'s workspace`;

/** What a staff member's tokens say about them, and what login answers. */
export function authUserOf(user: User) {
  return { id: user.id, email: user.email, firstName: user.firstName ?? null, lastName: user.lastName ?? null, role: user.role };
}

/**
 * Staff identity: registration, e-mail verification, login, tokens, password changes and resets.
 * Every method takes the caller explicitly; tenant and user always come from the verified token.
 */
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'background' | 'codes' | 'config' | 'mailer' | 'passwords' | 'rateLimits' | 'sessions' | 'tokens'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { tenants: TenantService },
  ) {}

  // ---- registration and verification -------------------------------------------------------------

  registerBusiness(input: { businessName: string; email: string; password: string }, client: ClientInfo): Promise<RegistrationPayload> {
    return this.register(input.businessName.trim(), input.email, input.password, client, 'business');
  }

  registerDeveloper(input: { email: string; password: string }, client: ClientInfo): Promise<RegistrationPayload> {
    return this.register(personalWorkspaceName(input.email), input.email, input.password, client, 'developer');
  }

  /**
   * Answers once the request is checked and the password hashed, alike for every address: the workspace,
   * its unverified ADMIN and the code are made after the answer has been sent (as codes and resets are), so
   * neither the answer nor its timing tells a stranger whether the address is registered (making them
   * before answering took measurably longer than finding the address taken). The answer's ids are the ones
   * the rows get; its slug is the one the name gets now, which the workspace claims when its owner verifies
   * the address (until then it has a pending one: see `pendingSlug`). An address that already has an
   * account gets nothing made; its owner is told by e-mail.
   */
  private async register(
    workspaceName: string,
    rawEmail: string,
    password: string,
    client: ClientInfo,
    kind: 'business' | 'developer',
  ): Promise<RegistrationPayload> {
    const email = normalizeEmail(rawEmail);
    if (!workspaceName) throw ValidationError.field('businessName', 'must not be blank');
    checkPasswordRules(password);
    // Counted once the request is well-formed (as for customers): a refused one creates nothing, costs no hashing.
    await this.rt.rateLimits.consumeRegistration(client.ip);
    const passwordHash = await this.rt.passwords.hash(password);
    const owner = { tenantId: randomUUID(), userId: randomUUID(), workspaceName, email, passwordHash };
    const slug = await this.services.tenants.nextFreeSlug(this.em, workspaceName);
    const em = this.em.fork();
    this.rt.background.run('auth.registration', () => this.completeRegistration(em, owner, client, kind));
    return { user: { id: owner.userId, email, role: 'ADMIN' }, business: { id: owner.tenantId, name: workspaceName, slug } };
  }

  private async completeRegistration(
    em: EntityManager,
    owner: { tenantId: string; userId: string; workspaceName: string; email: string; passwordHash: string },
    client: ClientInfo,
    kind: 'business' | 'developer',
  ): Promise<void> {
    const { tenantId, userId, ...fields } = owner;
    try {
      const code = await em.transactional(async (tx) => {
        await this.createWorkspaceOwner(tx, { ...fields, id: userId }, client, kind, { id: tenantId, slug: pendingSlug() });
        return this.rt.codes.issueOtp(tx, 'staff', userId, 'EMAIL_VERIFICATION');
      });
      this.sendVerificationCode(owner.email, code);
    } catch (e) {
      if (!isUniqueViolation(e, 'users_email_unique')) throw e;
      await this.tellOwnerOfSignUp(owner.email);
    }
  }

  /** At most as many of these a minute as codes, so nobody can flood an owner's inbox through this door. */
  private async tellOwnerOfSignUp(email: string): Promise<void> {
    if (!(await this.rt.rateLimits.allowsSignUpNotice(`staff:${email}`))) return;
    await this.rt.mailer.send({
      to: email,
      subject: 'Someone tried to register with your address',
      text: 'Someone tried to create an account with this e-mail address, which already has one.\n\nIf it was you, sign in, or reset your password if you forgot it. Otherwise ignore this e-mail: nothing changed.',
    });
  }

  /**
   * A new workspace and its ADMIN owner, in the caller's transaction (registration, first sign-in with
   * Google). The e-mail must be normalised; a taken one fails on the unique index.
   */
  async createWorkspaceOwner(
    tx: EntityManager,
    owner: {
      id?: string;
      workspaceName: string;
      email: string;
      passwordHash?: string | null;
      firstName?: string | null;
      lastName?: string | null;
      emailVerifiedAt?: Date | null;
      googleSubject?: string | null;
    },
    client: ClientInfo,
    kind: 'business' | 'developer' | 'google',
    workspace: { id?: string; slug?: string } = {},
  ): Promise<{ tenant: Tenant; user: User }> {
    const { workspaceName, ...fields } = owner;
    const tenant = await this.services.tenants.createTenant(tx, { name: workspaceName, ...workspace });
    const user = tx.create(User, { ...fields, tenant, role: 'ADMIN' });
    await tx.flush();
    this.rt.audit.record(tx, {
      action: 'auth.registered',
      tenantId: tenant.id,
      actorKind: 'staff',
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      ip: client.ip,
      metadata: { kind },
    });
    return { tenant, user };
  }

  private sendVerificationCode(email: string, code: string): void {
    const minutes = this.rt.config.otp.ttlMinutes;
    const link = emailLink(this.rt.config, 'staff', 'verifyEmail', { email });
    this.rt.background.run('mail.verification', () =>
      this.rt.mailer.send({
        to: email,
        subject: 'Your verification code',
        text: `Your verification code is ${code}.\n\nEnter it at: ${link}\n\nIt expires in ${minutes} minutes. If you did not ask for it, ignore this e-mail.`,
      }),
    );
  }

  async verifyEmail(input: { email: string; otp: string }, client: ClientInfo): Promise<boolean> {
    const email = normalizeEmail(input.email);
    const outcome = await this.em.transactional(async (tx) => {
      const user = await tx.findOne(User, { email });
      if (!user || user.emailVerifiedAt) return 'invalid' as const;
      const check = await this.rt.codes.checkOtp(tx, 'staff', user.id, 'EMAIL_VERIFICATION', input.otp);
      if (check === 'valid') {
        user.emailVerifiedAt = new Date();
        await this.services.tenants.claimSlug(tx, user.tenant.id); // a self-registered workspace becomes findable now
        this.rt.audit.record(tx, { action: 'auth.email.verified', tenantId: user.tenant.id, actorKind: 'staff', actorId: user.id, ip: client.ip });
      }
      return check; // a miss is committed too, so the fifth wrong try burns the code
    });
    if (outcome === 'burnt') throw new InvalidOtpError('Too many wrong codes: this one no longer works. Ask for a new one.');
    if (outcome !== 'valid') throw new InvalidOtpError();
    return true;
  }

  /**
   * Same answer, after the same work, whether or not the address has an account: the account is looked up,
   * and its code made and mailed, once the answer has been sent (as for password resets). Limited per
   * address across all processes.
   */
  async resendOtp(input: { email: string }, client: ClientInfo): Promise<boolean> {
    const email = normalizeEmail(input.email);
    await this.rt.rateLimits.consumeMailRequest(client.ip);
    await this.rt.rateLimits.consumeOtpSend(`staff:${email}`);
    const em = this.em.fork();
    this.rt.background.run('mail.verification', async () => {
      const user = await em.findOne(User, { email, emailVerifiedAt: null, isActive: true });
      if (!user) return;
      const code = await em.transactional((tx) => this.rt.codes.issueOtp(tx, 'staff', user.id, 'EMAIL_VERIFICATION'));
      this.sendVerificationCode(email, code);
    });
    return true;
  }

  // ---- login and tokens ---------------------------------------------------------------------------

  /**
   * Wrong password, unknown e-mail and deactivated account all answer INVALID_CREDENTIALS after the same
   * argon2 work. Failures count against the account and the IP; past the limit, 429 before any check.
   */
  async login(input: { email: string; password: string }, client: ClientInfo): Promise<AuthPayload> {
    const email = normalizeEmail(input.email);
    const accountKey = `staff:${email}`;
    await this.rt.rateLimits.assertLoginAllowed(accountKey, client.ip).catch(async (e) => {
      await this.rt.audit.recordNow(this.em, { action: 'auth.login.throttled', ip: client.ip, metadata: { email } });
      throw e;
    });
    const user = await this.em.findOne(User, { email });
    const ok = user?.passwordHash
      ? await this.rt.passwords.verify(user.passwordHash, input.password)
      : await this.rt.passwords.verifyNothing(input.password);

    if (!user || !ok || !user.isActive) {
      const locked = await this.rt.rateLimits.recordLoginFailure(accountKey, client.ip);
      await this.rt.audit.recordNow(this.em, {
        action: locked ? 'auth.login.locked' : 'auth.login.failed',
        tenantId: user?.tenant.id,
        targetType: user ? 'user' : null,
        targetId: user?.id,
        ip: client.ip,
        metadata: { email, reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive' },
      });
      throw new InvalidCredentialsError();
    }
    if (!user.emailVerifiedAt) throw new EmailNotVerifiedError();

    if (this.rt.passwords.needsRehash(user.passwordHash!)) user.passwordHash = await this.rt.passwords.hash(input.password);
    return this.signIn(user, client, 'auth.login.succeeded');
  }

  /** Opens a session for a verified, active user and returns the token pair (login, OAuth, invitations). */
  async signIn(user: User, client: ClientInfo, action: string): Promise<AuthPayload> {
    const { session, refreshToken } = this.rt.sessions.open(this.em, { kind: 'staff', id: user.id, tenantId: user.tenant.id }, client);
    this.rt.audit.record(this.em, { action, tenantId: user.tenant.id, actorKind: 'staff', actorId: user.id, ip: client.ip });
    await this.em.flush();
    return {
      accessToken: this.rt.tokens.signStaff({ sub: user.id, sid: session.id, tid: user.tenant.id, role: user.role }),
      refreshToken,
      user: authUserOf(user),
    };
  }

  /** Rotates the refresh token on the doors REFRESH_TOKEN_ROTATION names; elsewhere the same token comes back. */
  async refresh(input: { refreshToken: string }, client: ClientInfo): Promise<TokenPair> {
    const rotate = this.rt.config.tokens.refreshRotation.includes(client.door ?? 'graphql');
    const { session, refreshToken } = await this.rt.sessions.refresh(this.em, input.refreshToken, 'staff', rotate);
    const user = await this.em.findOne(User, { id: session.subjectId, isActive: true });
    if (!user) {
      await this.rt.sessions.revoke(this.em, [session.id], 'user_inactive');
      throw new InvalidCredentialsError();
    }
    return {
      accessToken: this.rt.tokens.signStaff({ sub: user.id, sid: session.id, tid: user.tenant.id, role: user.role }),
      refreshToken,
    };
  }

  async logout(viewer: StaffViewer, client: ClientInfo): Promise<boolean> {
    await this.rt.sessions.revoke(this.em, [viewer.sessionId], 'logout');
    await this.rt.audit.recordNow(this.em, { action: 'auth.logout', tenantId: viewer.tenantId, actorKind: 'staff', actorId: viewer.userId, ip: client.ip });
    return true;
  }

  // ---- passwords ----------------------------------------------------------------------------------

  /** Current must verify; new must differ and pass the rules; every other session of the user ends. */
  async changePassword(viewer: StaffViewer, input: { currentPassword: string; newPassword: string }, client: ClientInfo): Promise<boolean> {
    const user = await this.em.findOneOrFail(User, { id: viewer.userId, tenant: viewer.tenantId });
    const ok = user.passwordHash ? await this.rt.passwords.verify(user.passwordHash, input.currentPassword) : false;
    if (!ok) throw ValidationError.field('currentPassword', 'is not your current password');
    if (input.newPassword === input.currentPassword) throw ValidationError.field('newPassword', 'must differ from the current password');
    checkPasswordRules(input.newPassword, 'newPassword');
    const passwordHash = await this.rt.passwords.hash(input.newPassword);
    await this.em.transactional(async (tx) => {
      const u = await tx.findOneOrFail(User, { id: user.id });
      u.passwordHash = passwordHash;
      await this.rt.sessions.revokeAllOf(tx, 'staff', user.id, 'password_changed', viewer.sessionId);
      this.rt.audit.record(tx, { action: 'auth.password.changed', tenantId: viewer.tenantId, actorKind: 'staff', actorId: user.id, ip: client.ip });
    });
    return true;
  }

  /**
   * The same answer, after the same work, whether or not the address has an account: the token is made
   * and mailed in the background for an existing one.
   */
  async forgotPassword(input: { email: string }, client: ClientInfo): Promise<boolean> {
    const email = normalizeEmail(input.email);
    await this.rt.rateLimits.consumeMailRequest(client.ip);
    await this.rt.rateLimits.consumeResetSend(`staff:${email}`);
    // Looked up after the answer: nothing on the way to it depends on whether the account exists.
    const em = this.em.fork();
    this.rt.background.run('mail.password_reset', async () => {
      const user = await em.findOne(User, { email, isActive: true });
      if (!user) return;
      const token = await em.transactional(async (tx) => {
        await this.rt.codes.retireTokens(tx, 'staff', user.id, 'PASSWORD_RESET');
        const issued = this.rt.codes.issueToken(tx, 'staff', user.id, 'PASSWORD_RESET', RESET_TTL_MINUTES);
        this.rt.audit.record(tx, { action: 'auth.password.reset_requested', tenantId: user.tenant.id, targetType: 'user', targetId: user.id, ip: client.ip });
        return issued.token;
      });
      const link = emailLink(this.rt.config, 'staff', 'resetPassword', { token });
      await this.rt.mailer.send({
        to: email,
        subject: 'Reset your password',
        text: `Someone asked to reset the password of your account.\n\nReset token: ${token}\nOr open: ${link}\n\nThe token works once, for ${RESET_TTL_MINUTES} minutes. If it was not you, ignore this e-mail: your password stays as it is.`,
      });
    });
    return true;
  }

  validateResetToken(input: { token: string }): Promise<ResetTokenStatus> {
    return resetTokenStatus(this.em, this.rt, 'staff', input.token);
  }

  /** Sets the password, burns the token and ends every session of the user. */
  async resetPassword(input: { token: string; password: string }, client: ClientInfo): Promise<boolean> {
    await redeemResetToken(
      this.em,
      this.rt,
      { kind: 'staff', entity: User, audit: (user) => ({ action: 'auth.password.reset', tenantId: user.tenant.id, actorKind: 'staff', actorId: user.id, ip: client.ip }) },
      input,
    );
    return true;
  }

  // ---- profile ------------------------------------------------------------------------------------

  async me(viewer: StaffViewer): Promise<Me> {
    const user = await this.em.findOneOrFail(User, { id: viewer.userId, tenant: viewer.tenantId });
    return toMe(user);
  }

  private phoneOf(value: string): string {
    const e164 = toE164(value, this.rt.config.phoneDefaultCountry);
    if (e164) return e164;
    const hint = this.rt.config.phoneDefaultCountry ? '' : ' with its country code';
    throw ValidationError.field('phone', `is not a phone number we can read: write it${hint}, e.g. +44 20 7946 0000`);
  }

  async updateProfile(viewer: StaffViewer, input: { firstName?: string | null; lastName?: string | null; phone?: string | null }): Promise<Me> {
    const user = await this.em.findOneOrFail(User, { id: viewer.userId, tenant: viewer.tenantId });
    if (input.firstName !== undefined) user.firstName = input.firstName?.trim() || null;
    if (input.lastName !== undefined) user.lastName = input.lastName?.trim() || null;
    if (input.phone !== undefined) user.phone = input.phone ? this.phoneOf(input.phone) : null;
    await this.em.flush();
    return toMe(user);
  }
}

export function toMe(user: User): Me {
  return {
    ...authUserOf(user),
    businessId: user.tenant.id,
    phone: user.phone ?? null,
    emailVerified: Boolean(user.emailVerifiedAt),
    createdAt: user.createdAt,
  };
}
