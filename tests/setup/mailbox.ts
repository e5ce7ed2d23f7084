import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Mailbox {
  /** SMTP_URL for the app under test. */
  url: string;
  messages: ReceivedMail[];
  /** The next message to `to` (case-insensitive) that arrives after the call, or one already waiting. */
  next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process that keeps every delivered message. */
export async function startMailbox(): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
          messages.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '' });
          for (const w of waiters) w();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };

  const next = (to: string, timeoutMs = 5000) =>
    new Promise<ReceivedMail>((resolve, reject) => {
      const want = to.toLowerCase();
      const check = () => {
        const found = messages.find((m) => !taken.has(m) && m.to.includes(want));
        if (found) {
          taken.add(found);
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no e-mail to ${to} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    next,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The 6-digit code in a verification e-mail: the one after "code is", since other six-digit numbers may
 * stand before it (a company named "Tenant 482913").
 */
export const codeIn = (mail: ReceivedMail): string => {
  const m = /\bcode is (\d{6})\b/.exec(mail.text);
  if (!m) throw new Error(`no code in: ${mail.text}`);
  return m[1];
};

/** The reset, invitation or sign-in token in an e-mail. */
export const tokenIn = (mail: ReceivedMail, prefix: 'rst' | 'inv' | 'sgn'): string => {
  const m = new RegExp(`\\b(${prefix}_[A-Za-z0-9_-]{20,})`).exec(mail.text);
  if (!m) throw new Error(`no ${prefix} token in: ${mail.text}`);
  return m[1];
};
