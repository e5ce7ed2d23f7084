import { AppError, BadRequestError, ConflictError, ForbiddenError, UnauthenticatedError } from '../shared/errors';

export class InvalidCredentialsError extends UnauthenticatedError {
  override readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('Invalid e-mail or password.');
  }
}

export class EmailNotVerifiedError extends ForbiddenError {
  override readonly code = 'EMAIL_NOT_VERIFIED';
  constructor() {
    super('Verify your e-mail address first: enter the code we sent you, or ask for a new one.');
  }
}

/**
 * A presented access token that is not accepted: forged, malformed, revoked, or of the other kind (a portal
 * token on a staff operation). One message for all of them, so the answer tells a caller nothing about
 * which check failed; only an expired token (genuine, so its holder learns nothing new) says so, because
 * clients refresh on it.
 */
export class InvalidTokenError extends UnauthenticatedError {
  static readonly INVALID = 'The access token is invalid or revoked.';
  static readonly EXPIRED = 'The access token has expired: refresh it or sign in again.';
  override readonly code = 'UNAUTHENTICATED';
  constructor(message = InvalidTokenError.INVALID) {
    super(message);
  }
}

export class InvalidRefreshTokenError extends UnauthenticatedError {
  override readonly code = 'INVALID_REFRESH_TOKEN';
  constructor() {
    super('The refresh token is invalid, expired or already used. Sign in again.');
  }
}

export class InvalidOtpError extends BadRequestError {
  override readonly code = 'INVALID_OTP';
  constructor(message = 'The code is invalid or has expired. Ask for a new one.') {
    super(message);
  }
}

export class InvalidResetTokenError extends BadRequestError {
  override readonly code = 'INVALID_RESET_TOKEN';
  constructor() {
    super('This reset link is invalid, expired or already used. Ask for a new one.');
  }
}

export class InvalidInvitationError extends BadRequestError {
  override readonly code = 'INVALID_INVITATION';
  constructor() {
    super('This invitation is invalid, expired or already accepted.');
  }
}

export class EmailTakenError extends ConflictError {
  override readonly code = 'EMAIL_TAKEN';
  constructor() {
    super('An account with this e-mail address already exists.');
  }
}

export class LastAdminError extends ConflictError {
  override readonly code = 'LAST_ADMIN';
  constructor() {
    super('A workspace must keep at least one active ADMIN.');
  }
}

export class UnknownProviderError extends BadRequestError {
  override readonly code = 'UNKNOWN_PROVIDER';
}

/** The provider is known but this server has no credentials for it (e.g. GOOGLE_CLIENT_ID unset). */
export class OAuthNotConfiguredError extends AppError {
  readonly code = 'OAUTH_NOT_CONFIGURED';
  constructor(provider: string) {
    super(`Sign-in with ${provider} is not enabled on this server.`);
  }
}

/** The provider could not be reached or answered with a server error; trying again later may work. */
export class OAuthProviderUnavailableError extends AppError {
  readonly code = 'OAUTH_PROVIDER_UNAVAILABLE';
  constructor(provider: string) {
    super(`Sign-in with ${provider} is not available right now. Try again in a moment.`);
  }
}

export class InvalidOAuthStateError extends BadRequestError {
  override readonly code = 'INVALID_OAUTH_STATE';
  constructor() {
    super('This sign-in attempt is invalid, expired or already used. Start again.');
  }
}

/** The provider refused the sign-in, or its answer did not validate (code, ID token, issuer, nonce). */
export class OAuthFailedError extends BadRequestError {
  override readonly code = 'OAUTH_FAILED';
}

export class OAuthEmailNotVerifiedError extends ForbiddenError {
  override readonly code = 'OAUTH_EMAIL_NOT_VERIFIED';
  constructor(provider: string) {
    super(`Your ${provider} account has no verified e-mail address. Verify it with ${provider}, then try again.`);
  }
}

export class OAuthAccountMismatchError extends ConflictError {
  override readonly code = 'OAUTH_ACCOUNT_MISMATCH';
  constructor(provider: string) {
    super(`The account with this e-mail address is linked to a different ${provider} account.`);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** One answer for every unusable sign-in link: used, expired, unknown, another workspace's, a deactivated account's. */
export class InvalidSignInLinkError extends BadRequestError {
  override readonly code = 'INVALID_SIGN_IN_LINK';
  constructor() {
    super('This sign-in link is invalid, expired or already used. Ask for a new one.');
  }
}
