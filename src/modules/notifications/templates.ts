import type { CustomerIncidentView } from '../incident/incident.read';
import type { IncidentUpdateView } from '../incident/incident.types';
import { escapeHtml } from '../../shared/html';

/**
 * Notification e-mails, each in plain text and HTML. They are built from the customer view of an incident
 * only (CustomerIncidentView and PUBLIC updates), for staff too: an on-call address may be a team list
 * outside the tool, and the staff reach internal details in the tool itself.
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replaceAll('_', ' ');
const when = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '-');

interface Block {
  heading: string;
  /** Label and value pairs. */
  facts: [string, string][];
  /** A quoted text (a description, a comment, an update). */
  quote?: { by: string; body: string } | null;
  /** A link the recipient may follow (the rating of a resolved ticket), as a line of text and an HTML link. */
  action?: { text: string; url: string } | null;
  /** Links listed one a line (attached files: linked, never inline). */
  links?: { text: string; url: string }[];
  footer: string;
}

function render(subject: string, greeting: string, block: Block): RenderedMail {
  const text = [
    greeting,
    '',
    block.heading,
    '',
    ...block.facts.map(([k, v]) => `${k}: ${v}`),
    ...(block.quote ? ['', `${block.quote.by} wrote:`, ...block.quote.body.split('\n').map((l) => `> ${l}`)] : []),
    ...(block.action ? ['', `${block.action.text}: ${block.action.url}`] : []),
    ...(block.links?.length ? ['', ...block.links.map((l) => `- ${l.text}: ${l.url}`)] : []),
    '',
    '-- ',
    block.footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p><strong>${escapeHtml(block.heading)}</strong></p>`,
    '<table cellpadding="4" style="border-collapse:collapse">',
    ...block.facts.map(([k, v]) => `<tr><td style="color:#555">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...(block.quote
      ? [
          `<p>${escapeHtml(block.quote.by)} wrote:</p>`,
          `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px;white-space:pre-wrap">${escapeHtml(block.quote.body)}</blockquote>`,
        ]
      : []),
    ...(block.action ? [`<p><a href="${escapeHtml(block.action.url)}">${escapeHtml(block.action.text)}</a></p>`] : []),
    ...(block.links?.length ? ['<ul>', ...block.links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`), '</ul>'] : []),
    `<p style="color:#777;font-size:12px">${escapeHtml(block.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  // One line: a title with line breaks must not spill into the headers (nodemailer encodes them anyway).
  return { subject: subject.replace(/\s+/g, ' ').trim(), text, html };
}

const ticketFacts = (i: CustomerIncidentView): [string, string][] => [
  ['Ticket', i.number],
  ['Title', i.title],
  ['Status', label(i.status)],
  ['Priority', label(i.priority)],
];

const STAFF_FOOTER = 'You receive this as an on-call recipient of your workspace. Turn this kind of e-mail off in your notification preferences.';

export function newCustomerTicket(i: CustomerIncidentView, reporter: string): RenderedMail {
  return render(`[${i.number}] New ticket from ${reporter}: ${i.title}`, 'Hello,', {
    heading: `${reporter} reported a new ticket.`,
    facts: [...ticketFacts(i), ['Response due', when(i.sla.responseDueAt)], ['Resolution due', when(i.sla.resolutionDueAt)]],
    quote: { by: reporter, body: i.description },
    footer: STAFF_FOOTER,
  });
}

export function customerComment(i: CustomerIncidentView, comment: IncidentUpdateView): RenderedMail {
  return render(`[${i.number}] ${comment.author.displayName} commented: ${i.title}`, 'Hello,', {
    heading: `The customer commented on ${i.number}.`,
    facts: ticketFacts(i),
    quote: { by: comment.author.displayName, body: comment.body },
    footer: STAFF_FOOTER,
  });
}

export function slaBreach(i: CustomerIncidentView, target: string): RenderedMail {
  const what = target === 'response' ? 'response' : 'resolution';
  return render(`[${i.number}] SLA breached (${what}): ${i.title}`, 'Hello,', {
    heading: `The ${what} target of ${i.number} has passed.`,
    facts: [...ticketFacts(i), ['Response due', when(i.sla.responseDueAt)], ['Resolution due', when(i.sla.resolutionDueAt)]],
    footer: STAFF_FOOTER,
  });
}

export function assigned(i: CustomerIncidentView, name: string): RenderedMail {
  return render(`[${i.number}] Assigned to you: ${i.title}`, `Hello ${name},`, {
    heading: `${i.number} is now assigned to you.`,
    facts: [...ticketFacts(i), ['Resolution due', when(i.sla.resolutionDueAt)]],
    footer: 'You receive this because an incident was assigned to you. Turn this kind of e-mail off in your notification preferences.',
  });
}

/** Why a customer receives a ticket's e-mail: they reported it (true), take part in it, or follow their organization's tickets (false). */
export type FollowerRole = boolean | 'participant';
const customerFooter = (role: FollowerRole) =>
  role === true
    ? 'You receive this because you reported this ticket. Turn these e-mails off in your notification preferences.'
    : role === 'participant'
      ? 'You receive this because you take part in this ticket. Turn these e-mails off in your notification preferences.'
      : "You receive this because you follow your organization's tickets. Turn these e-mails off in your notification preferences.";

/** `ratingLink`: the resolution e-mail's link to rate the ticket (its reporter's; a participant's with CSAT_PARTICIPANTS_MAY_RATE). */
export function statusChanged(i: CustomerIncidentView, update: IncidentUpdateView | null, name: string, isReporter: FollowerRole, ratingLink?: string | null): RenderedMail {
  return render(`[${i.number}] Status: ${label(i.status)} - ${i.title}`, `Hello ${name},`, {
    heading: `Your ticket ${i.number} is now ${label(update?.status ?? i.status)}.`,
    facts: [...ticketFacts(i), ...(i.resolutionSummary && i.status === 'RESOLVED' ? [['Resolution', i.resolutionSummary] as [string, string]] : [])],
    quote: update ? { by: update.author.displayName, body: update.body } : null,
    action: ratingLink ? { text: 'How did we do? Rate this ticket', url: ratingLink } : null,
    footer: customerFooter(isReporter),
  });
}

export function publicUpdate(i: CustomerIncidentView, update: IncidentUpdateView, name: string, isReporter: FollowerRole): RenderedMail {
  return render(`[${i.number}] New update: ${i.title}`, `Hello ${name},`, {
    heading: `There is an update on your ticket ${i.number}.`,
    facts: ticketFacts(i),
    quote: { by: update.author.displayName, body: update.body },
    footer: customerFooter(isReporter),
  });
}

/** A file attached to a ticket, as an e-mail lists it: a link to the download route (signing in), never the file itself. */
export interface MailedAttachment {
  fileName: string;
  size: number;
  url: string;
}

const fileLinks = (files: MailedAttachment[]) => files.map((f) => ({ text: `${f.fileName} (${f.size} bytes)`, url: f.url }));

/** To the on-call staff: a customer attached files to a ticket. */
export function customerAttachments(i: CustomerIncidentView, uploader: string, files: MailedAttachment[]): RenderedMail {
  return render(`[${i.number}] ${uploader} attached ${files.length === 1 ? 'a file' : `${files.length} files`}: ${i.title}`, 'Hello,', {
    heading: `The customer attached files to ${i.number} (sign in to download them).`,
    facts: ticketFacts(i),
    links: fileLinks(files),
    footer: STAFF_FOOTER,
  });
}

/** To a customer following a ticket: the support team attached files (on the ticket or a PUBLIC update). */
export function teamAttachments(i: CustomerIncidentView, files: MailedAttachment[], name: string, isReporter: boolean): RenderedMail {
  return render(`[${i.number}] New ${files.length === 1 ? 'file' : 'files'}: ${i.title}`, `Hello ${name},`, {
    heading: `The support team attached files to your ticket ${i.number} (sign in to the portal to download them).`,
    facts: ticketFacts(i),
    links: fileLinks(files),
    footer: customerFooter(isReporter),
  });
}
