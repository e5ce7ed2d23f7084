/**
 * Text as HTML, for element content and double-quoted attribute values alike: `& < > " '` as numeric
 * character references. The one escape of every HTML the server writes (e-mails, pages, search highlights).
 */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
