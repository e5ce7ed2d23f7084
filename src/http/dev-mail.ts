import type { FastifyInstance } from 'fastify';
import { failure } from '../rest/envelope';
import { textToHtml, type DevMailbox, type KeptMail } from '../shared/mailer';
import { escapeHtml } from '../shared/html';

/** Escaped text with its links made clickable (a reset link, an invitation). */
const linked = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function mailboxPage(mails: readonly KeptMail[], capacity: number): string {
  const items = mails.map(
    (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<p>To ${escapeHtml(m.to)}, ${m.sentAt.toISOString()} · <a href="/dev/mail/${m.id}/html">HTML version</a></p>
<pre>${linked(m.text)}</pre>
</article>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Development mailbox</title></head><body>
<h1>Development mailbox</h1>
<p>The e-mails this server would have sent (no <code>SMTP_URL</code> is set), newest first; the last ${capacity} are kept while it runs.</p>
${items.join('\n<hr>\n') || '<p>None yet.</p>'}
</body></html>`;
}

/**
 * `GET /dev/mail`: the development mailbox (shared/mailer.ts DevMailbox), as a page for browsers and as JSON
 * for scripts (`Accept: application/json`). Registered only in development without SMTP_URL. A message's own
 * HTML is served apart, sandboxed: it is never rendered inside the page.
 */
export function registerDevMail(http: FastifyInstance, mailbox: DevMailbox): void {
  http.get('/dev/mail', async (request, reply) => {
    const mails = mailbox.list();
    if (request.headers.accept?.includes('text/html')) return reply.type('text/html; charset=utf-8').send(mailboxPage(mails, mailbox.capacity));
    return { messages: mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, sentAt: m.sentAt, text: m.text, html: m.html ?? textToHtml(m.text) })) };
  });
  http.get<{ Params: { id: string } }>('/dev/mail/:id/html', async (request, reply) => {
    const mail = mailbox.list().find((m) => String(m.id) === request.params.id);
    if (!mail) return reply.status(404).send(failure('No such e-mail; only the newest are kept.', [{ code: 'NOT_FOUND', message: 'No such e-mail.' }]));
    return reply
      .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .type('text/html; charset=utf-8')
      .send(mail.html ?? textToHtml(mail.text));
  });
}
