import { RateLimitMeter, rateLimitHeaders } from '../../src/shared/rate-limit-meter';

const state = (limit: number, remaining: number, resetSeconds: number, windowSeconds = 3600) => ({ limit, remaining, resetSeconds, windowSeconds });

describe('RateLimitMeter', () => {
  it('has nothing to report for a request that met no limiter', () => {
    expect(new RateLimitMeter().mostRestrictive()).toBeUndefined();
  });

  it('reports the limiter with the fewest remaining points, whatever its limit', () => {
    const m = new RateLimitMeter();
    m.record('login_fail_account:a', state(100, 40, 3000));
    m.record('login_fail_ip:1.2.3.4', state(500, 3, 1200));
    m.record('otp_send:a', state(3, 2, 50, 60));
    expect(m.mostRestrictive()).toEqual(state(3, 2, 50, 60));
  });

  it('on a tie, reports the one that resets last: that is how long the caller waits', () => {
    const m = new RateLimitMeter();
    m.record('a', state(10, 0, 30));
    m.record('b', state(20, 0, 900));
    m.record('c', state(5, 0, 60));
    expect(m.mostRestrictive()).toEqual(state(20, 0, 900));
  });

  it('keeps the latest state of one limiter and key (read, then consumed)', () => {
    const m = new RateLimitMeter();
    m.record('login_fail_account:a', state(4, 4, 3600));
    m.record('login_fail_ip:1.2.3.4', state(6, 3, 3600));
    m.record('login_fail_account:a', state(4, 2, 3600));
    expect(m.mostRestrictive()).toEqual(state(4, 2, 3600));
  });
});

describe('rateLimitHeaders', () => {
  it('writes the draft fields as most servers send them: delta-seconds reset and limit;w=window policy', () => {
    expect(rateLimitHeaders(state(120, 7, 42, 60))).toEqual({
      'ratelimit-limit': '120',
      'ratelimit-remaining': '7',
      'ratelimit-reset': '42',
      'ratelimit-policy': '120;w=60',
    });
  });
});
