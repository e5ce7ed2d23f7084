/**
 * What one limiter said about the caller after this request touched it: the numbers behind the
 * RateLimit-* headers and the `rateLimit` extension of a RATE_LIMITED error.
 */
export interface RateLimitState {
  /** Points of the window (requests, failures, ...). */
  limit: number;
  remaining: number;
  /** Seconds until the window resets and `remaining` is back to `limit`. */
  resetSeconds: number;
  /** The window's length in seconds (for RateLimit-Policy). */
  windowSeconds: number;
}

/**
 * Collects, for one request, the latest state of every limiter it touched, keyed by limiter and key (a
 * limiter read and then consumed reports what it said last). One request can meet several limiters (a
 * login: the account and the IP; a mutation sending an e-mail: the viewer and the address); clients are
 * told about the most restrictive one.
 */
export class RateLimitMeter {
  private readonly states = new Map<string, RateLimitState>();

  record(limiter: string, state: RateLimitState): void {
    this.states.set(limiter, state);
  }

  /** The fewest remaining points; on a tie the one that resets last (that is how long the caller waits). */
  mostRestrictive(): RateLimitState | undefined {
    let worst: RateLimitState | undefined;
    for (const s of this.states.values()) {
      if (!worst || s.remaining < worst.remaining || (s.remaining === worst.remaining && s.resetSeconds > worst.resetSeconds)) worst = s;
    }
    return worst;
  }
}

/**
 * The headers of the IETF draft "RateLimit header fields for HTTP" as most servers send them today:
 * separate Limit, Remaining and Reset (delta seconds) fields, and the policy as `limit;w=window`.
 */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSeconds),
    'ratelimit-policy': `${state.limit};w=${state.windowSeconds}`,
  };
}
