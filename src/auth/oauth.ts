import type * as Oidc from 'openid-client' with { 'resolution-mode': 'import' };
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { AppError } from '../shared/errors';
import { lengthProblem } from '../shared/text';
import { OAuthFailedError, OAuthNotConfiguredError, OAuthProviderUnavailableError, UnknownProviderError } from './auth.errors';

// openid-client (and its oauth4webapi and jose) is ESM-only. This CommonJS project loads it with a static
// require() (on first use), which Node runs for ES modules without top-level await from 20.19 on (package.json engines);
// under jest, @swc/jest compiles those packages to CommonJS instead (jest.config.js). The types come from
// the ESM declaration, which tsc's node16 mode would refuse to `import` from a CommonJS file.
// Loaded on first use: a server without Google sign-in never pays for it at start.
let loaded: typeof Oidc | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openid = (): typeof Oidc => (loaded ??= require('openid-client'));

export const OAUTH_PROVIDERS = ['google'] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDERS)[number];

const LABELS: Record<OAuthProviderName, string> = { google: 'Google' };
const SCOPE = 'openid email profile';
const HTTP_TIMEOUT_SECONDS = 10;

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Plain-http issuer allowed (a local test provider); never in production. */
  allowInsecureIssuer: boolean;
}

/** A started authorization-code flow: the URL for the browser and the secrets the callback needs. */
export interface AuthorizationRequest {
  authorizationUrl: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** The caller's identity, from an ID token whose signature, issuer, audience, nonce and times were checked. */
export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
}

/** A profile name as the users table takes it (at most 100 characters), or null. */
const profileName = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : null);

/**
 * One OpenID Connect provider: discovery (once, retried after a failure), the authorization URL with PKCE
 * (S256), state and nonce, and the code exchange with ID-token validation. Knows nothing of users.
 */
export class OidcClient {
  readonly label: string;
  private configuration?: Promise<Oidc.Configuration>;

  constructor(
    readonly name: OAuthProviderName,
    private readonly settings: OidcClientSettings,
    private readonly log: Logger,
  ) {
    this.label = LABELS[name];
  }

  /** The provider's metadata and keys, discovered on first use so the server starts while it is down. */
  private metadata(): Promise<Oidc.Configuration> {
    this.configuration ??= openid()
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        execute: this.settings.allowInsecureIssuer ? [openid().allowInsecureRequests] : [],
        timeout: HTTP_TIMEOUT_SECONDS,
      })
      .then((configuration) => {
        configuration.timeout = HTTP_TIMEOUT_SECONDS;
        // Check the ID token's signature against the provider's keys too, not only its claims.
        openid().enableNonRepudiationChecks(configuration);
        return configuration;
      })
      .catch((err: unknown) => {
        this.configuration = undefined; // the next request tries again
        this.log.warn({ err, provider: this.name, issuer: this.settings.issuer }, 'OpenID discovery failed');
        throw new OAuthProviderUnavailableError(this.label);
      });
    return this.configuration;
  }

  async authorizationRequest(): Promise<AuthorizationRequest> {
    const configuration = await this.metadata();
    const codeVerifier = openid().randomPKCECodeVerifier();
    const state = openid().randomState();
    const nonce = openid().randomNonce();
    const url = openid().buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: SCOPE,
      code_challenge: await openid().calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl: url.href, state, nonce, codeVerifier, redirectUri: this.settings.redirectUri };
  }

  /**
   * Exchanges the code (with the PKCE verifier) and validates the ID token: signature, issuer, audience,
   * expiry, nonce; and the response's state and, when the provider sends it, `iss`.
   */
  async complete(
    callback: { code: string; state: string; iss?: string | null },
    expected: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
  ): Promise<VerifiedIdentity> {
    const configuration = await this.metadata();
    const currentUrl = new URL(expected.redirectUri);
    currentUrl.searchParams.set('code', callback.code);
    currentUrl.searchParams.set('state', callback.state);
    if (callback.iss) currentUrl.searchParams.set('iss', callback.iss);
    try {
      const tokens = await openid().authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new OAuthFailedError(`${this.label} returned no ID token.`);
      return {
        subject: claims.sub,
        email: typeof claims.email === 'string' && lengthProblem(claims.email, { max: 254 }) === null ? claims.email : null,
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        givenName: profileName(claims.given_name),
        familyName: profileName(claims.family_name),
      };
    } catch (err) {
      throw this.translate(err);
    }
  }

  /** Provider trouble (network, timeouts, 5xx) is 503; a refused or invalid answer is OAUTH_FAILED. */
  private translate(err: unknown): AppError {
    if (err instanceof AppError) return err;
    const unavailable =
      err instanceof TypeError ||
      (err instanceof openid().ResponseBodyError && err.status >= 500) ||
      (err instanceof openid().ClientError && ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(err.code ?? ''));
    if (unavailable) {
      this.log.warn({ err, provider: this.name }, 'OpenID provider unavailable');
      return new OAuthProviderUnavailableError(this.label);
    }
    const known =
      err instanceof openid().ResponseBodyError ||
      err instanceof openid().AuthorizationResponseError ||
      err instanceof openid().WWWAuthenticateChallengeError ||
      err instanceof openid().ClientError;
    if (!known) throw err;
    const e = err as Error & { code?: string; error?: string; error_description?: string };
    this.log.warn({ provider: this.name, code: e.code, error: e.error, description: e.error_description ?? e.message }, 'OpenID sign-in refused');
    return new OAuthFailedError(
      e.error === 'access_denied'
        ? `The sign-in with ${this.label} was cancelled or refused. Start again.`
        : `The sign-in with ${this.label} could not be completed. Start again.`,
    );
  }
}

/** The OpenID providers this server supports, with a client for each one that is configured. */
export class OAuthProviders {
  private readonly clients = new Map<OAuthProviderName, OidcClient>();

  constructor(config: Pick<Config, 'google'>, log: Logger) {
    const g = config.google;
    if (g.clientId && g.clientSecret) {
      this.clients.set(
        'google',
        new OidcClient('google', { issuer: g.issuer, clientId: g.clientId, clientSecret: g.clientSecret, redirectUri: g.redirectUri, allowInsecureIssuer: g.allowInsecureIssuer }, log),
      );
    }
  }

  /** The provider's client: UNKNOWN_PROVIDER for a name not supported, OAUTH_NOT_CONFIGURED without credentials. */
  get(name: string): OidcClient {
    const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
    if (!(OAUTH_PROVIDERS as readonly string[]).includes(key)) {
      throw new UnknownProviderError(
        key ? `Unknown sign-in provider "${key.slice(0, 40)}". Supported: ${OAUTH_PROVIDERS.join(', ')}.` : `Name the sign-in provider: ${OAUTH_PROVIDERS.join(', ')}.`,
      );
    }
    const client = this.clients.get(key as OAuthProviderName);
    if (!client) throw new OAuthNotConfiguredError(LABELS[key as OAuthProviderName]);
    return client;
  }
}
