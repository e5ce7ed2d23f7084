import { isUtf8 } from 'node:buffer';
import type * as FileType from 'file-type' with { 'resolution-mode': 'import' };

// file-type is ESM-only: loaded with require() on first use like openid-client (auth/oauth.ts explains how);
// under jest, @swc/jest compiles it and its dependencies to CommonJS (jest.config.js).
let loaded: typeof FileType | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fileType = (): typeof FileType => (loaded ??= require('file-type'));

/** How many bytes of a file the sniffing looks at (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

/** Types file-type recognises that are programs: refused whatever the file's name or declared type. */
const EXECUTABLE_TYPES: Record<string, string> = {
  exe: 'a Windows executable (PE)',
  elf: 'an ELF executable',
  macho: 'a Mach-O executable',
  class: 'a Java class file',
  jar: 'a Java archive',
  apk: 'an Android package',
  deb: 'a Debian package',
  rpm: 'an RPM package',
  dmg: 'a macOS disk image',
  wasm: 'a WebAssembly module',
  lnk: 'a Windows shortcut',
  swf: 'a Flash program',
};

/** Names refused by their extension too: Windows runs these by name, and their bytes are often plain text. */
const EXECUTABLE_EXTENSIONS = new Set(['exe', 'dll', 'com', 'scr', 'pif', 'bat', 'cmd', 'msi', 'ps1', 'vbs', 'vbe', 'jse', 'wsf', 'hta', 'cpl', 'reg']);

/** What the bytes are: the served content type, or why the file is refused. */
export type Sniffed = { refused: false; contentType: string } | { refused: true; kind: string };

/** Whether `bytes` is UTF-8 text, allowing a multi-byte character cut at the end of the sample. */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  for (let cut = 0; cut < 4 && cut <= bytes.length; cut++) if (isUtf8(bytes.subarray(0, bytes.length - cut))) return true;
  return false;
}

/**
 * The type of a file from its first bytes (up to SNIFF_BYTES) and its sanitised name, never from what the client
 * declared: executables (by their magic numbers and the extensions Windows runs) and `#!` scripts are refused;
 * HTML and SVG are recognised (and served as downloads only, like everything); other text is text/plain; what
 * file-type does not know is application/octet-stream.
 */
export async function sniff(head: Buffer, fileName: string): Promise<Sniffed> {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && EXECUTABLE_EXTENSIONS.has(ext)) return { refused: true, kind: `a .${ext} file` };
  if (head.subarray(0, 2).toString('latin1') === 'MZ') return { refused: true, kind: EXECUTABLE_TYPES.exe };
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('#!')) return { refused: true, kind: 'a script' };
  const found = await fileType().fileTypeFromBuffer(head);
  if (found && EXECUTABLE_TYPES[found.ext]) return { refused: true, kind: EXECUTABLE_TYPES[found.ext] };
  if (found && found.ext !== 'xml') return { refused: false, contentType: found.mime };
  if (looksLikeText(head)) {
    const lower = text.slice(0, 1024).toLowerCase();
    if (/<svg[\s>]/.test(lower)) return { refused: false, contentType: 'image/svg+xml' };
    if (/^<(!doctype html|html|head|body|script|iframe)[\s>]/.test(lower) || /<(script|iframe|html)[\s>]/.test(lower)) return { refused: false, contentType: 'text/html' };
    if (found?.ext === 'xml' || lower.startsWith('<?xml')) return { refused: false, contentType: 'application/xml' };
    return { refused: false, contentType: 'text/plain; charset=utf-8' };
  }
  return { refused: false, contentType: found?.mime ?? 'application/octet-stream' };
}

/** At most this many characters of a name are kept (the extension stays). */
export const FILE_NAME_MAX = 200;

/**
 * A client's file name made safe to store and to send back in Content-Disposition: its last path segment only
 * (`/` and `\`), Unicode NFC, no control or format characters (bidi overrides included), none of `<>:"|?*`,
 * no leading or trailing dots and spaces, at most FILE_NAME_MAX characters with the extension kept; an empty
 * result is `attachment`.
 */
export function sanitizeFileName(given: string | undefined): string {
  const last = (given ?? '').split(/[/\\]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...name];
  if (chars.length > FILE_NAME_MAX) {
    const ext = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
    name = chars.slice(0, FILE_NAME_MAX - [...ext].length).join('') + ext;
  }
  return name || 'attachment';
}

/** `Content-Disposition` for a download: always `attachment`, with an ASCII fallback and the UTF-8 name (RFC 6266, 8187). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
