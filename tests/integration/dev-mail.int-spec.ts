import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox } from '../setup/mailbox';
import { until } from '../setup/wait';

const WEBHOOK_SECRETS_KEY = 'dev-mail-test-key-0123456789abcdef0123';
type Listed = { messages: { id: number; to: string; subject: string; text: string; html: string; sentAt: string }[] };

describe('development mail: readable in the log and at /dev/mail when no SMTP server is set', () => {
  let dev: TestApp;
  beforeAll(async () => {
    dev = await startTestApp({ NODE_ENV: 'development', WEBHOOK_SECRETS_KEY });
  });
  afterAll(() => dev.close());

  const register = (app: TestApp, email: string) =>
    app.rest('POST', '/api/v1/auth/business/register', { businessName: `Biz <${email}>`, email, password: 'First-Sign-Up-2026' });
  // The code is sent after the answer, by design: the mail is waited for as /dev/mail lists it.
  const waitForMail = async (to: string, subject = 'Your verification code'): Promise<Listed['messages'][number]> => {
    let found: Listed['messages'][number] | undefined;
    await until(async () => !!(found = (await dev.rest<Listed>('GET', '/dev/mail')).body.messages.find((m) => m.to === to && m.subject === subject)), `a mail to ${to}`, 5000);
    return found!;
  };

  it("the first sign-up's code is in the log at info and in the mailbox, newest first", async () => {
    expect((await register(dev, 'first@dev-mail.test')).status).toBe(201);
    const first = await waitForMail('first@dev-mail.test');
    const code = /\bcode is (\d{6})\b/.exec(first.text)![1];
    const logged = dev.logs.map((l) => JSON.parse(l)).find((l) => l.mail?.to === 'first@dev-mail.test');
    expect(logged).toMatchObject({ level: 30, mail: { subject: first.subject } });
    expect(logged.msg).toContain(`To: first@dev-mail.test\nSubject: ${first.subject}`);
    expect(logged.msg).toContain(code);
    // The code works: the mailbox is the real message.
    expect((await dev.rest('POST', '/api/v1/auth/verify_email', { email: 'first@dev-mail.test', otp: code })).status).toBe(200);

    await register(dev, 'second@dev-mail.test');
    await waitForMail('second@dev-mail.test');
    const listed = (await dev.rest<Listed>('GET', '/dev/mail')).body.messages;
    expect(listed.map((m) => m.to)).toEqual(['second@dev-mail.test', 'first@dev-mail.test']);
    expect(listed[0].html).toMatch(/^<!doctype html>/);
  });

  it('serves a page for browsers, links clickable, and each HTML part sandboxed apart', async () => {
    await dev.rest('POST', '/api/v1/auth/forgot-password', { email: 'first@dev-mail.test' });
    const reset = await waitForMail('first@dev-mail.test', 'Reset your password');
    const res = await fetch(`${dev.url}/dev/mail`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    const link = /https?:\/\/\S+/.exec(reset.text)![0];
    expect(html).toContain(`<a href="${link.replace(/&/g, '&#38;')}">`);
    expect(html).toContain('<h2>Reset your password</h2>');
    const part = await fetch(`${dev.url}/dev/mail/${reset.id}/html`);
    expect(part.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect((await fetch(`${dev.url}/dev/mail/999999/html`)).status).toBe(404);
  });

  it('exists only in development without SMTP_URL', async () => {
    const mail = await startMailbox();
    const withSmtp = await startTestApp({ NODE_ENV: 'development', WEBHOOK_SECRETS_KEY, SMTP_URL: mail.url }, { sameDatabaseAs: dev });
    const test = await startTestApp({}, { sameDatabaseAs: dev });
    try {
      expect((await withSmtp.rest('GET', '/dev/mail')).status).toBe(404);
      expect((await test.rest('GET', '/dev/mail')).status).toBe(404);
      // In tests without SMTP, bodies (codes, links) stay out of the info log.
      await register(test, 'quiet@dev-mail.test');
      await until(() => test.logs.some((l) => l.includes('quiet@dev-mail.test')), 'the logged mail', 5000);
      const line = test.logs.find((l) => l.includes('quiet@dev-mail.test'))!;
      expect(JSON.parse(line).msg).toBe('e-mail not sent (no SMTP_URL): logged instead');
    } finally {
      await Promise.all([withSmtp.close(), test.close(), mail.close()]);
    }
  });
});
