import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { escapeHtml } from './html';

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


/** A plain-text body as minimal HTML, so every message has both parts. */
export function textToHtml(text: string): string {
  return `<!doctype html><html><body><pre style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</pre></body></html>`;
}

/** A message the development mailbox kept. */
export interface KeptMail extends Mail {
  id: number;
  sentAt: Date;
}

/**
 * Development without SMTP_URL: the last messages, newest first, for `GET /dev/mail` (app.ts). In memory,
 * per process, bounded.
 */
export class DevMailbox {
  private readonly kept: KeptMail[] = [];
  private nextId = 1;
  constructor(readonly capacity = 50) {}

  add(mail: Mail): void {
    this.kept.unshift({ ...mail, id: this.nextId++, sentAt: new Date() });
    this.kept.length = Math.min(this.kept.length, this.capacity);
  }

  list(): readonly KeptMail[] {
    return this.kept;
  }
}

/** The development mailbox where one applies: development, and no SMTP server to send through. */
export const devMailboxFor = (config: { isDevelopment: boolean; smtpUrl?: string }): DevMailbox | undefined =>
  config.isDevelopment && !config.smtpUrl ? new DevMailbox() : undefined;

/**
 * Sends through SMTP (nodemailer) when SMTP_URL is set. Without it (development and tests only; production
 * refuses to start) a message is written to the log instead. In development it is logged whole at `info`
 * (the first sign-up's code must not be lost) and kept in `devMailbox`; in tests only its subject and
 * recipient are, since bodies hold codes and links (the body at debug).
 */
export function createMailer(options: { smtpUrl?: string; from: string; log: Logger; devMailbox?: DevMailbox }): Mailer {
  if (!options.smtpUrl) {
    const { devMailbox } = options;
    return {
      send: async (mail) => {
        if (devMailbox) {
          devMailbox.add(mail);
          options.log.info({ mail: { to: mail.to, subject: mail.subject } }, `e-mail (not sent: no SMTP_URL; also at /dev/mail)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
          return;
        }
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
