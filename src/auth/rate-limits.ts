import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Knex } from '@mikro-orm/postgresql';
import type { Config } from '../config/config';
import { RateLimitedError } from '../shared/errors';
import type { RateLimitMeter, RateLimitState } from '../shared/rate-limit-meter';
import type { Viewer } from './viewer';

type Limiter = RateLimiterPostgres;

type Query = { name?: string; text: string; values?: unknown[] };

/**
 * rate-limiter-flexible names its statements, so each connection prepares them once. Behind a PgBouncer older
 * than 1.21 in transaction mode (DB_PREPARED_STATEMENTS=false) a name prepared on one server connection is
 * unknown, or already taken, on the next ("prepared statement ... already exists"): there they go unnamed,
 * parsed each time, like the server's own reads.
 */
class UnnamedStatementsLimiter extends RateLimiterPostgres {
  _query(q: Query): Promise<unknown> {
    const named = RateLimiterPostgres.prototype as unknown as { _query(this: RateLimiterPostgres, q: Query): Promise<unknown> };
    return named._query.call(this, { text: q.text, values: q.values });
  }
}

function limiterOf(knex: Knex, named: boolean, keyPrefix: string, points: number, durationSeconds: number): Limiter {
  return new (named ? RateLimiterPostgres : UnnamedStatementsLimiter)({
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

/** The limiters themselves: built once per process, shared by every request's `RateLimits`. */
interface Limiters {
  loginAccount: Limiter;
  loginIp: Limiter;
  otpSend: Limiter;
  resetSend: Limiter;
  signInLinkSend: Limiter;
  registrations: Limiter;
  mailRequestsIp: Limiter;
  mutations: Limiter;
  ezraRuns: Limiter;
}

/** A limiter's answer as the numbers clients see; no row yet means the whole window is left. */
function stateOf(l: Limiter, res: RateLimiterRes | null): RateLimitState {
  if (!res) return { limit: l.points, remaining: l.points, resetSeconds: l.duration, windowSeconds: l.duration };
  return {
    limit: l.points,
    remaining: Math.max(0, l.points - res.consumedPoints),
    resetSeconds: Math.max(0, Math.ceil(res.msBeforeNext / 1000)),
    windowSeconds: l.duration,
  };
}

const retryAfterOf = (state: RateLimitState) => Math.max(1, state.resetSeconds);

/** Per-viewer key: the tenant too, so a SUPER_ADMIN acting in several tenants has a budget in each. */
function viewerKey(viewer: Viewer): string | undefined {
  if (viewer.kind === 'staff') return `staff:${viewer.tenantId}:${viewer.userId}`;
  if (viewer.kind === 'customer') return `customer:${viewer.tenantId}:${viewer.customerUserId}`;
  return undefined;
}

/**
 * rate_limits.key is varchar(255) and holds `<prefix>:<key>`: a key built from the longest valid e-mail
 * (254 characters) does not fit, and PostgreSQL refused it (a 500, and failed logins of such an account
 * went uncounted). Long keys are stored as their SHA-256 instead; short ones stay readable.
 */
const MAX_KEY = 180;
const storedKey = (key: string) => (key.length <= MAX_KEY ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`);

/**
 * Rate limits kept in PostgreSQL, so they hold across every server process on one database.
 * Keys are normalised e-mails, client IPs and viewer ids; nothing else about the caller is stored.
 *
 * The process-wide instance (`Runtime.rateLimits`) reports to nobody; each request gets its own through
 * `reportingTo(meter)`, which shares the limiters and records every state it sees in the request's meter,
 * from which the REST adapter and /graphql write the RateLimit-* headers.
 */
export class RateLimits {
  private constructor(
    private readonly l: Limiters,
    private readonly meter?: RateLimitMeter,
  ) {}

  static create(
    knex: Knex,
    config: Pick<Config, 'loginLimits' | 'otp' | 'registrationsPerIpPerHour' | 'mailRequestsPerIpPerHour' | 'mutationsPerViewerPerMinute' | 'ezra' | 'dbPreparedStatements'>,
  ): RateLimits {
    const limiter = (keyPrefix: string, points: number, durationSeconds: number) => limiterOf(knex, config.dbPreparedStatements, keyPrefix, points, durationSeconds);
    return new RateLimits({
      registrations: limiter('register_ip', config.registrationsPerIpPerHour, 3600),
      mailRequestsIp: limiter('mail_request_ip', config.mailRequestsPerIpPerHour, 3600),
      loginAccount: limiter('login_fail_account', config.loginLimits.failuresPerAccountPerHour, 3600),
      loginIp: limiter('login_fail_ip', config.loginLimits.failuresPerIpPerHour, 3600),
      otpSend: limiter('otp_send', config.otp.resendPerMinute, 60),
      resetSend: limiter('reset_send', config.otp.resendPerMinute, 60),
      signInLinkSend: limiter('sign_in_link_send', config.otp.resendPerMinute, 60),
      mutations: limiter('mutation_viewer', config.mutationsPerViewerPerMinute, 60),
      ezraRuns: limiter('ezra_run_tenant', config.ezra.runsPerTenantPerHour, 3600),
    });
  }

  /** The same limiters, reporting what they see to one request's meter. */
  reportingTo(meter: RateLimitMeter): RateLimits {
    return new RateLimits(this.l, meter);
  }

  /** Before checking a password: refuses when the account or the IP has used up its failures. */
  async assertLoginAllowed(accountKey: string, ip: string): Promise<void> {
    const [account, byIp] = await Promise.all([this.l.loginAccount.get(storedKey(accountKey)), this.l.loginIp.get(storedKey(ip))]);
    const states = [this.note(this.l.loginAccount, accountKey, account), this.note(this.l.loginIp, ip, byIp)];
    const blocked = states.filter((s) => s.remaining === 0);
    if (blocked.length) {
      // Both used up: the caller waits for the later one, which is also what the headers show.
      const worst = blocked.reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
      throw new RateLimitedError('Too many failed sign-in attempts. Try again later.', retryAfterOf(worst), worst);
    }
  }

  /** Counts a failed login against the account and the IP. Returns true when this failure locked either. */
  async recordLoginFailure(accountKey: string, ip: string): Promise<boolean> {
    const [account, byIp] = await Promise.allSettled([this.l.loginAccount.consume(storedKey(accountKey)), this.l.loginIp.consume(storedKey(ip))]);
    const noted = [
      this.noteSettled(this.l.loginAccount, accountKey, account),
      this.noteSettled(this.l.loginIp, ip, byIp),
    ];
    return noted.some((s) => !s || s.remaining === 0);
  }

  /** E-mailing a code (verification) to one address: at most N a minute. */
  consumeOtpSend(emailKey: string): Promise<void> {
    return this.consume(this.l.otpSend, emailKey, 'Too many codes requested for this address. Wait a minute and try again.');
  }

  /**
   * For mail nobody asked for (a sign-up with a taken address): true while that address's budget for such
   * notices lasts (as many a minute as codes). A budget of its own: spent only for addresses that have an
   * account, it must never show in the codes' budget, which resend-OTP reports in its RateLimit-* headers.
   */
  allowsSignUpNotice(emailKey: string): Promise<boolean> {
    return this.consumeOtpSend(`sign-up-notice:${emailKey}`).then(
      () => true,
      () => false,
    );
  }

  /** E-mailing a reset link to one address: at most N a minute. */
  consumeResetSend(emailKey: string): Promise<void> {
    return this.consume(this.l.resetSend, emailKey, 'Too many reset requests for this address. Wait a minute and try again.');
  }

  /** E-mailing a sign-in link to one address: at most N a minute, like codes (a budget of its own, so signing in never spends a reset's). */
  consumeSignInLinkSend(emailKey: string): Promise<void> {
    return this.consume(this.l.signInLinkSend, emailKey, 'Too many sign-in links requested for this address. Wait a minute and try again.');
  }

  /** Self-registrations from one IP per hour. */
  consumeRegistration(ip: string): Promise<void> {
    return this.consume(this.l.registrations, ip, 'Too many sign-ups from this address. Try again later.');
  }

  /**
   * A code or reset e-mail asked for from one client IP, whatever the address: the per-address limits stop
   * one inbox being flooded, this one stops a client cycling through addresses. Answers alike for existing
   * and unknown accounts (it never looks at them).
   */
  consumeMailRequest(ip: string): Promise<void> {
    return this.consume(this.l.mailRequestsIp, ip, 'Too many codes or reset e-mails requested from this network. Try again later.');
  }

  /**
   * One mutation field executed by a signed-in viewer (staff user or portal customer), per tenant. Anonymous
   * callers have no viewer to count: the anonymous mutations that can be abused (sign-in, sign-up, codes,
   * reset e-mails) have their own per-account and per-IP limits above, and the rest need a secret (a code
   * burnt after 5 wrong tries, a 256-bit reset, invitation or refresh token).
   */
  async consumeMutation(viewer: Viewer): Promise<void> {
    const key = viewerKey(viewer);
    if (key) await this.consume(this.l.mutations, key, 'Too many changes in a short time. Wait a moment and try again.');
  }

  /**
   * A staff-requested Ezra run, per workspace: each may queue a provider call (paid, slow) and searches the
   * tenant's incidents. Called once the request is known to be good (an incident the viewer may see), so a
   * refused request costs nothing; per tenant, so one busy workspace never spends another's budget.
   */
  consumeEzraRun(tenantId: string): Promise<void> {
    return this.consume(this.l.ezraRuns, `tenant:${tenantId}`, 'Too many Ezra runs in this workspace in the last hour. Try again later.');
  }

  private async consume(l: Limiter, key: string, message: string): Promise<void> {
    try {
      this.note(l, key, await l.consume(storedKey(key)));
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const state = this.note(l, key, e);
      throw new RateLimitedError(message, retryAfterOf(state), state);
    }
  }

  private note(l: Limiter, key: string, res: RateLimiterRes | null): RateLimitState {
    const state = stateOf(l, res);
    this.meter?.record(`${l.keyPrefix}:${key}`, state);
    return state;
  }

  /** A settled consume: refused (RateLimiterRes) counts as a state too; a store error leaves none. */
  private noteSettled(l: Limiter, key: string, r: PromiseSettledResult<RateLimiterRes>): RateLimitState | undefined {
    if (r.status === 'fulfilled') return this.note(l, key, r.value);
    return r.reason instanceof RateLimiterRes ? this.note(l, key, r.reason) : undefined;
  }
}
