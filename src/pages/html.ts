/**
 * The HTML of the e-mail link pages: a layout, a form and a result, every value escaped. No script, no
 * external asset: the one stylesheet is inline, allowed by the response's CSP nonce (http/security.ts).
 */
import { escapeHtml } from '../shared/html';

const STYLE = [
  'body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;background:#f6f7f9;margin:0}',
  'main{max-width:26rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d8dde3;border-radius:8px}',
  'h1{font-size:1.35rem;margin:0 0 1rem}',
  'label{display:block;margin:1rem 0 .25rem;font-weight:600}',
  'input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #9aa4af;border-radius:4px}',
  'button{margin-top:1.25rem;padding:.55rem 1.2rem;font:inherit;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}',
  '.error{color:#a1151b;background:#fdecec;padding:.6rem .8rem;border-radius:4px}',
  '.done{color:#14532d;background:#e8f6ec;padding:.6rem .8rem;border-radius:4px}',
  '.field-error{color:#a1151b;margin:.25rem 0 0;font-size:.9rem}',
  '.hint{color:#57606a;font-size:.9rem}',
].join('');

/** A whole page: `body` is HTML already escaped by its maker. */
export function layout(nonce: string, title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${escapeHtml(nonce)}">${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * One input of a page's form. `token` and `hidden` come from the link: hidden when it brought them (`token`
 * becomes a text box otherwise, to paste the one from the e-mail; `hidden` is then left out). Secrets
 * (`new-password`, `code`) are never written into a page.
 */
export interface PageField {
  name: string;
  label: string;
  kind: 'token' | 'hidden' | 'email' | 'text' | 'new-password' | 'code' | 'score';
  optional?: boolean;
  hint?: string;
}

/** Whether a field's value may be written back into the form (a re-shown form keeps what is not secret). */
export const isEchoed = (field: PageField): boolean => field.kind !== 'new-password' && field.kind !== 'code';

const AUTOCOMPLETE: Record<PageField['kind'], string> = {
  token: 'off',
  hidden: 'off',
  email: 'email',
  text: 'on',
  'new-password': 'new-password',
  code: 'one-time-code',
  score: 'off',
};

function input(field: PageField, value: string | undefined, error: string | undefined): string {
  if (field.kind === 'hidden' || (field.kind === 'token' && value)) {
    return value ? `<input type="hidden" name="${escapeHtml(field.name)}" value="${escapeHtml(value)}">` : '';
  }
  const id = `f-${field.name}`;
  const attributes = [
    `id="${escapeHtml(id)}"`,
    `name="${escapeHtml(field.name)}"`,
    `type="${field.kind === 'new-password' ? 'password' : field.kind === 'email' ? 'email' : field.kind === 'score' ? 'number' : 'text'}"`,
    `autocomplete="${AUTOCOMPLETE[field.kind]}"`,
    ...(field.kind === 'code' ? ['inputmode="numeric"', 'pattern="[0-9]{6}"', 'maxlength="6"'] : []),
    ...(field.kind === 'score' ? ['inputmode="numeric"', 'min="1"', 'max="5"', 'step="1"'] : []),
    ...(value && isEchoed(field) ? [`value="${escapeHtml(value)}"`] : []),
    ...(field.optional ? [] : ['required']),
  ];
  return [
    `<label for="${escapeHtml(id)}">${escapeHtml(field.label)}${field.optional ? ' <span class="hint">(optional)</span>' : ''}</label>`,
    `<input ${attributes.join(' ')}>`,
    ...(error ? [`<p class="field-error">${escapeHtml(error)}</p>`] : []),
    ...(field.hint ? [`<p class="hint">${escapeHtml(field.hint)}</p>`] : []),
  ].join('\n');
}

/** A form posting to `action` (a relative path of this server: the CSP allows no other target). */
export function form(
  action: string,
  fields: readonly PageField[],
  values: Record<string, string | undefined>,
  fieldErrors: Record<string, string>,
  submit: string,
): string {
  return [
    `<form method="post" action="${escapeHtml(action)}">`,
    ...fields.map((f) => input(f, values[f.name], fieldErrors[f.name])).filter(Boolean),
    `<button type="submit">${escapeHtml(submit)}</button>`,
    '</form>',
  ].join('\n');
}

export const paragraph = (text: string, className?: string): string =>
  `<p${className ? ` class="${escapeHtml(className)}"` : ''}${className === 'error' ? ' role="alert"' : ''}>${escapeHtml(text)}</p>`;

export const list = (items: readonly string[]): string => (items.length ? `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>` : '');
