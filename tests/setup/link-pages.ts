import type { TestApp } from './app';
import type { ReceivedMail } from './mailbox';

/** Following the links of e-mails to the server's link pages (src/pages/) as a browser does, and reading the pages. */

/** The link to `path` in an e-mail. */
export function linkIn(mail: ReceivedMail, path: string): URL {
  const found = (mail.text.match(/https?:\/\/\S+/g) ?? []).map((u) => new URL(u)).find((u) => u.pathname === path);
  if (!found) throw new Error(`no link to ${path} in: ${mail.text}`);
  return found;
}

/**
 * Where a link of the test app leads: PUBLIC_URL is http://HOST:PORT as configured (port 0), while the
 * app listens on an ephemeral port, so the link's path and query are followed there.
 */
export function follow(t: TestApp, link: URL): URL {
  expect(link.origin).toBe(new URL(t.config.publicUrl).origin);
  return new URL(`${link.pathname}${link.search}`, t.url);
}

export const unescape = (v: string) => v.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
export const attributesOf = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], unescape(m[2] ?? '')]));

/** A page's form as a browser reads it: where it posts and its inputs. */
export function formIn(html: string) {
  const tag = /<form [^>]*>/.exec(html);
  if (!tag) throw new Error(`no form in: ${html}`);
  const inputs = [...html.matchAll(/<input [^>]*>/g)].map((m) => attributesOf(m[0]));
  const { method, action } = attributesOf(tag[0]);
  return { method, action, inputs };
}

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  url: URL;
}

/** A plain GET of a link, as a browser (or a mail client) makes it. */
export async function open(url: URL | string): Promise<Page> {
  const res = await fetch(url, { headers: { accept: 'text/html' }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text(), url: new URL(url) };
}

/** Posts form fields as a browser does: form-urlencoded. */
export async function post(target: URL, fields: URLSearchParams): Promise<Page> {
  const res = await fetch(target, { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text(), url: target };
}

/** Submits a page's form as a browser does: every input with its value (empty when none), the boxes filled in. */
export async function submit(page: Page, filled: Record<string, string>): Promise<Page> {
  const form = formIn(page.html);
  expect(form.method).toBe('post');
  const fields = new URLSearchParams();
  for (const input of form.inputs) fields.set(input.name, input.value ?? '');
  for (const [name, value] of Object.entries(filled)) fields.set(name, value);
  return post(new URL(form.action, page.url), fields);
}

/** What every link page must be: HTML with no script, nothing loaded from elsewhere, never cached or referred. */
export function expectSafePage(page: Page, secret?: string) {
  expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).toMatch(/style-src 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toMatch(/form-action 'self'/);
  expect(csp).not.toMatch(/script-src|unsafe/);
  expect(page.headers.get('cache-control')).toBe('no-store');
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  expect(page.html).not.toMatch(/<script|javascript:|\bon[a-z]+=/i);
  // Every URL the page names is a relative path of this server, without a query, so none carries the token.
  const urls = [...page.html.matchAll(/\b(?:href|src|action|formaction)="([^"]*)"/g)].map((m) => m[1]);
  for (const url of urls) expect(url).toMatch(/^[a-z-]+$/);
  expect(page.html).not.toMatch(/https?:\/\//);
  if (secret) for (const url of urls) expect(url).not.toContain(secret);
}

export const hiddenValue = (page: Page, name: string) => formIn(page.html).inputs.find((i) => i.name === name && i.type === 'hidden')?.value;
export const textOf = (html: string) => unescape(html.replace(/<style[^>]*>[^<]*<\/style>/, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
