import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain-text body as minimal HTML, so every message has both parts. */
export function textToHtml(text: string): string {
  return `<!doctype html><html><body><pre style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</pre></body></html>`;
}

/**
 * Sends through SMTP (nodemailer) when SMTP_URL is set. Without it (development and tests only; production
 * refuses to start) a message is written to the log instead, subject and recipient only unless at debug level,
 * since bodies hold codes and links.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      send: async (mail) => {
        options.log.info({ mail: { to: mail.to, subject: mail.subject } }, 'e-mail not sent (no SMTP_URL): logged instead');
        options.log.debug({ mailBody: mail.text }, 'e-mail body');
      },
      close: () => undefined,
    };
  }
  // Bounded waits: a stalled SMTP server must not hold a sender (the notifications worker's jobs) for minutes.
  const transport: Transporter = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    send: async (mail) => {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? textToHtml(mail.text) });
    },
    close: () => transport.close(),
  };
}
