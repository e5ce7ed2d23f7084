import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  EmailTakenError,
  InvalidCredentialsError,
  InvalidOAuthStateError,
  OAuthAccountMismatchError,
  OAuthEmailNotVerifiedError,
  OAuthFailedError,
} from '../../auth/auth.errors';
import type { VerifiedIdentity } from '../../auth/oauth';
import { OAuthState } from '../../auth/oauth-state.entity';
import type { Runtime } from '../../runtime';
import { sha256 } from '../../auth/secrets';
import { ValidationError } from '../../shared/errors';
import type { ClientInfo } from '../../auth/sessions';
import { normalizeEmail } from '../../shared/ids';
import { personalWorkspaceName, type AuthService } from './auth.service';
import { User } from './user.entity';
import type { AuthPayload, OAuthStart } from './user.types';

/** How long a started sign-in may take at the provider before its state stops working. */
export const OAUTH_STATE_TTL_MINUTES = 10;

interface PendingSignIn {
  provider: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
}

/**
 * "Sign in with Google" for staff: starts the OpenID Connect authorization-code flow (PKCE, state, nonce;
 * state kept in PostgreSQL, single use, 10 minutes) and completes it. A verified e-mail signs in its
 * account (linking the Google subject) or creates one with its own workspace; tokens come from
 * AuthService.signIn, as for a password login.
 */
export class OAuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'oauth'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { auth: AuthService },
  ) {}

  async start(providerName: string): Promise<OAuthStart> {
    const provider = this.rt.oauth.get(providerName);
    const request = await provider.authorizationRequest();
    await this.em.nativeDelete(OAuthState, { expiresAt: { $lt: new Date() } }); // keeps the table small
    this.em.create(OAuthState, {
      stateHash: sha256(request.state),
      provider: provider.name,
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      redirectUri: request.redirectUri,
      expiresAt: new Date(Date.now() + OAUTH_STATE_TTL_MINUTES * 60_000),
    });
    await this.em.flush();
    return { authorizationUrl: request.authorizationUrl };
  }

  async complete(input: { code: string; state: string; iss?: string | null }, client: ClientInfo): Promise<AuthPayload> {
    // Longer than any provider sends: malformed input, refused before it uses up a state or is audited.
    const limits: [keyof typeof input, number][] = [['code', 4096], ['state', 200], ['iss', 2000]];
    for (const [field, max] of limits) {
      if ((input[field]?.length ?? 0) > max) throw ValidationError.field(field, `must be at most ${max} characters`);
    }
    const pending = await this.takeState(input.state);
    if (!pending) {
      await this.failed(client, 'invalid_state');
      throw new InvalidOAuthStateError();
    }
    const provider = this.rt.oauth.get(pending.provider);
    if (!input.code) {
      await this.failed(client, 'no_code', { provider: provider.name });
      throw new OAuthFailedError(`The sign-in with ${provider.label} was cancelled or refused. Start again.`);
    }
    const identity = await provider.complete({ code: input.code, state: input.state, iss: input.iss }, { ...pending, state: input.state }).catch(async (e: unknown) => {
      await this.failed(client, 'provider_error', { provider: provider.name });
      throw e;
    });
    if (!identity.email || !identity.emailVerified) {
      await this.failed(client, 'email_not_verified', { provider: provider.name, subject: identity.subject });
      throw new OAuthEmailNotVerifiedError(provider.label);
    }
    return this.signInOrSignUp(identity, identity.email, client);
  }

  /** The started sign-in for this state, deleted as it is read (single use); null when unknown or expired. */
  private async takeState(state: string): Promise<PendingSignIn | null> {
    if (typeof state !== 'string' || !state || state.length > 200) return null;
    const rows = await this.em.execute<{ provider: string; code_verifier: string; nonce: string; redirect_uri: string; expires_at: Date }[]>(
        'DELETE FROM oauth_states WHERE state_hash = ? RETURNING provider, code_verifier, nonce, redirect_uri, expires_at',
        [sha256(state)],
      );
    const row = rows[0];
    if (!row || new Date(row.expires_at).getTime() <= Date.now()) return null;
    return { provider: row.provider, codeVerifier: row.code_verifier, nonce: row.nonce, redirectUri: row.redirect_uri };
  }

  /**
   * The account linked to this Google subject, else the one with this verified e-mail (linked now), else a
   * new account with its own workspace. A deactivated account gets the answer of a wrong password.
   */
  private async signInOrSignUp(identity: VerifiedIdentity, rawEmail: string, client: ClientInfo): Promise<AuthPayload> {
    const email = normalizeEmail(rawEmail);
    const user = (await this.em.findOne(User, { googleSubject: identity.subject })) ?? (await this.em.findOne(User, { email }));

    if (!user) {
      let created: User;
      try {
        created = await this.em.transactional(async (tx) => {
          const owner = {
            workspaceName: personalWorkspaceName(email),
            email,
            firstName: identity.givenName,
            lastName: identity.familyName,
            emailVerifiedAt: new Date(),
            googleSubject: identity.subject,
          };
          return (await this.services.auth.createWorkspaceOwner(tx, owner, client, 'google')).user;
        });
      } catch (e) {
        if (e instanceof UniqueConstraintViolationException) throw new EmailTakenError(); // a concurrent first sign-in won
        throw e;
      }
      return this.services.auth.signIn(created, client, 'auth.oauth.login.succeeded');
    }

    if (!user.isActive) {
      await this.failed(client, 'inactive', { provider: 'google' }, user);
      throw new InvalidCredentialsError();
    }
    if (user.googleSubject && user.googleSubject !== identity.subject) {
      await this.failed(client, 'subject_mismatch', { provider: 'google' }, user);
      throw new OAuthAccountMismatchError('Google');
    }
    if (!user.googleSubject) {
      user.googleSubject = identity.subject;
      // Google has proven the address. A password set on an unverified account was never proven by its
      // owner (someone may have registered the address first), so it stops working; reset sets a new one.
      const unverified = !user.emailVerifiedAt;
      if (unverified) {
        user.emailVerifiedAt = new Date();
        user.passwordHash = null;
      }
      this.rt.audit.record(this.em, {
        action: 'auth.oauth.linked',
        tenantId: user.tenant.id,
        actorKind: 'staff',
        actorId: user.id,
        targetType: 'user',
        targetId: user.id,
        ip: client.ip,
        metadata: { provider: 'google', emailVerifiedNow: unverified },
      });
    }
    return this.services.auth.signIn(user, client, 'auth.oauth.login.succeeded'); // flushes the link with the session
  }

  private failed(client: ClientInfo, reason: string, metadata: Record<string, unknown> = {}, user?: User): Promise<void> {
    return this.rt.audit.recordNow(this.em, {
      action: 'auth.oauth.failed',
      tenantId: user?.tenant.id,
      targetType: user ? 'user' : null,
      targetId: user?.id,
      ip: client.ip,
      metadata: { reason, ...metadata },
    });
  }
}
