import { contentDisposition, FILE_NAME_MAX, sanitizeFileName, sniff } from '../../src/modules/attachment/attachment.sniff';

describe('attachment file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['evil\u202Etxt.exe', 'eviltxt.exe'],
    ['a\u0000b\nc.txt', 'abc.txt'],
    ['  ..hidden.  ', 'hidden'],
    ['what<>:"|?*.txt', 'what_______.txt'],
    ['', 'attachment'],
    [undefined, 'attachment'],
    ['////', 'attachment'],
  ])('%j becomes %j', (given, expected) => expect(sanitizeFileName(given)).toBe(expected));

  it('caps the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'é'.repeat(400)}.pdf`);
    expect([...name].length).toBe(FILE_NAME_MAX);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('gives an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('Bericht März "final".pdf')).toBe(`attachment; filename="Bericht M_rz _final_.pdf"; filename*=UTF-8''Bericht%20M%C3%A4rz%20%22final%22.pdf`);
  });
});

describe('attachment types, from the bytes', () => {
  const text = (s: string) => Buffer.from(s);
  it.each([
    ['ELF', Buffer.from('7f454c46020101000000000000000000', 'hex'), 'report.pdf'],
    ['PE', Buffer.concat([text('MZ'), Buffer.alloc(100)]), 'report.pdf'],
    ['a script', text('#!/usr/bin/env python\nprint(1)\n'), 'notes.txt'],
    ['a .bat name', text('echo hi'), 'run.BAT'],
    ['Mach-O', Buffer.from('cffaedfe07000001030000000200000010000000', 'hex'), 'image.png'],
  ])('refuses %s', async (_kind, bytes, name) => expect((await sniff(bytes, name)).refused).toBe(true));

  it.each([
    [text('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    [Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/png'],
    [text('<!DOCTYPE html><html><script>x</script></html>'), 'text/html'],
    [text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'), 'image/svg+xml'],
    [text('<svg onload="alert(1)"/>'), 'image/svg+xml'],
    [text('plain notes, ünïcode\n'), 'text/plain; charset=utf-8'],
    [Buffer.from([0, 1, 2, 3, 250, 251]), 'application/octet-stream'],
  ])('reads %j as %s', async (bytes, type) => expect(await sniff(bytes, 'file')).toEqual({ refused: false, contentType: type }));
});
