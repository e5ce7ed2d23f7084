import { Writable } from 'node:stream';
import { createLogger, loggableUrl } from '../../src/shared/logger';

describe('log redaction', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { log: createLogger('trace', sink), text: () => lines.join('') };
  };

  it('censors secret fields at any depth of a logged object', () => {
    const { log, text } = capture();
    log.info({
      input: { email: 'a@b.test', password: 'pw-SECRET-1', currentPassword: 'pw-SECRET-2', newPassword: 'pw-SECRET-3', otp: '482913' },
      tokens: { accessToken: 'at-SECRET', refreshToken: 'rt-SECRET', token: 'rst_SECRET', idToken: 'id-SECRET' },
      headers: { authorization: 'Bearer hdr-SECRET', cookie: 'sid=ck-SECRET' },
      req: { headers: { authorization: 'Bearer req-SECRET' } },
    });
    expect(text()).not.toMatch(/SECRET|482913/);
    expect(text()).toContain('a@b.test');
    expect(text()).toContain('[redacted]');
  });

  it("logs a URL's query values only for list filters", () => {
    expect(loggableUrl('/api/v1/portal/tickets?page=2&limit=50&status=OPEN')).toBe('/api/v1/portal/tickets?page=2&limit=50&status=OPEN');
    expect(loggableUrl('/api/v1/auth/oauth/callback?code=abc&state=def&iss=https%3A%2F%2Fx')).toBe('/api/v1/auth/oauth/callback?code=[redacted]&state=[redacted]&iss=[redacted]');
    expect(loggableUrl('/graphql?query=%7Bme%7D&variables=%7B%22t%22%3A1%7D')).toBe('/graphql?query=[redacted]&variables=[redacted]');
    expect(loggableUrl('/healthz')).toBe('/healthz');
  });
});
