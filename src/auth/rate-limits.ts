import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Knex } from '@mikro-orm/postgresql';
import type { Config } from '../config/config';
import { RateLimitedError } from '../shared/errors';

type Limiter = RateLimiterPostgres;

function limiter(knex: Knex, keyPrefix: string, points: number, durationSeconds: number): Limiter {
  return new RateLimiterPostgres({
    storeClient: knex,
    storeType: 'knex',
    tableName: 'rate_limits', // created by the migrations
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    points,
    duration: durationSeconds,
  });
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * rate_limits.key is varchar(255) and holds `<prefix>:<key>`: a key built from the longest valid e-mail
 * (254 characters) does not fit, and PostgreSQL refused it (a 500, and failed logins of such an account
 * went uncounted). Long keys are stored as their SHA-256 instead; short ones stay readable.
 */
const MAX_KEY = 180;
const storedKey = (key: string) => (key.length <= MAX_KEY ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`);

/**
 * Rate limits kept in PostgreSQL, so they hold across every server process on one database.
 * Keys are normalised e-mails and client IPs; nothing else about the caller is stored.
 */
export class RateLimits {
  private readonly loginAccount: Limiter;
  private readonly loginIp: Limiter;
  private readonly otpSend: Limiter;
  private readonly resetSend: Limiter;
  private readonly registrations: Limiter;

  constructor(knex: Knex, config: Pick<Config, 'loginLimits' | 'otp' | 'registrationsPerIpPerHour'>) {
    this.registrations = limiter(knex, 'register_ip', config.registrationsPerIpPerHour, 3600);
    this.loginAccount = limiter(knex, 'login_fail_account', config.loginLimits.failuresPerAccountPerHour, 3600);
    this.loginIp = limiter(knex, 'login_fail_ip', config.loginLimits.failuresPerIpPerHour, 3600);
    this.otpSend = limiter(knex, 'otp_send', config.otp.resendPerMinute, 60);
    this.resetSend = limiter(knex, 'reset_send', config.otp.resendPerMinute, 60);
  }

  /** Before checking a password: refuses when the account or the IP has used up its failures. */
  async assertLoginAllowed(accountKey: string, ip: string): Promise<void> {
    const [account, byIp] = await Promise.all([this.loginAccount.get(storedKey(accountKey)), this.loginIp.get(storedKey(ip))]);
    const blocked = [account, byIp].filter(
      (r, i): r is RateLimiterRes => !!r && r.consumedPoints >= [this.loginAccount, this.loginIp][i].points,
    );
    if (blocked.length) {
      throw new RateLimitedError('Too many failed sign-in attempts. Try again later.', Math.max(...blocked.map(retryAfter)));
    }
  }

  /** Counts a failed login against the account and the IP. Returns true when this failure locked either. */
  async recordLoginFailure(accountKey: string, ip: string): Promise<boolean> {
    const results = await Promise.allSettled([this.loginAccount.consume(storedKey(accountKey)), this.loginIp.consume(storedKey(ip))]);
    return results.some((r) => r.status === 'rejected' || (r.value.remainingPoints === 0));
  }

  /** E-mailing a code (verification) to one address: at most N a minute. */
  consumeOtpSend(emailKey: string): Promise<void> {
    return this.consume(this.otpSend, emailKey, 'Too many codes requested for this address. Wait a minute and try again.');
  }

  /** E-mailing a reset link to one address: at most N a minute. */
  consumeResetSend(emailKey: string): Promise<void> {
    return this.consume(this.resetSend, emailKey, 'Too many reset requests for this address. Wait a minute and try again.');
  }

  /** Self-registrations from one IP per hour. */
  consumeRegistration(ip: string): Promise<void> {
    return this.consume(this.registrations, ip, 'Too many sign-ups from this address. Try again later.');
  }

  private async consume(l: Limiter, key: string, message: string): Promise<void> {
    try {
      await l.consume(storedKey(key));
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimitedError(message, retryAfter(e));
      throw e;
    }
  }
}
