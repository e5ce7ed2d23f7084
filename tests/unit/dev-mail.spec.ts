import { mailboxPage } from '../../src/http/dev-mail';
import { DevMailbox } from '../../src/shared/mailer';

describe('the development mailbox', () => {
  it('keeps the newest messages only, newest first', () => {
    const box = new DevMailbox(2);
    for (const n of [1, 2, 3]) box.add({ to: `u${n}@x.test`, subject: `s${n}`, text: 't' });
    expect(box.list().map((m) => m.to)).toEqual(['u3@x.test', 'u2@x.test']);
  });

  it('renders what a message says as text, never as markup, and makes its links clickable', () => {
    const box = new DevMailbox();
    box.add({ to: 'a@x.test', subject: '<script>alert(1)</script>', text: 'Hi <b>there</b>, open https://app.test/reset?token=a&b=c now' });
    const html = mailboxPage(box.list(), box.capacity);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<a href="https://app.test/reset?token=a&#38;b=c">');
  });
});
