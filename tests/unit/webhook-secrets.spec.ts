import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { WebhookSecretUnreadableError } from '../../src/modules/notifications/notification.errors';
import { isSealed, WebhookSecretBox, webhookSecretBox } from '../../src/modules/notifications/webhook-secrets';

const OLD = 'webhook-key-old-'.padEnd(40, 'o');
const NEW = 'webhook-key-new-'.padEnd(40, 'n');
const SECRET = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const ROW = { endpointId: '0b8e7c5e-2f59-4a0c-9d55-9f7d1a3c2b10', tenantId: '5d2f8a71-3c4e-4b6a-8e1f-0a9b8c7d6e5f' };

/** The reason a stored value does not open, or 'opened'. */
function reasonOf(box: WebhookSecretBox, stored: string, row = ROW): string {
  try {
    box.open(stored, row);
    return 'opened';
  } catch (e) {
    if (!(e instanceof WebhookSecretUnreadableError)) throw e;
    expect(e.code).toBe('WEBHOOK_SECRET_UNREADABLE');
    expect(e.message).not.toContain(SECRET);
    return e.reason;
  }
}

describe('webhook secrets at rest', () => {
  const box = new WebhookSecretBox(NEW);

  it('stores v1.<key id>.<nonce>.<ciphertext>, never the secret, differently every time for the same secret', () => {
    const a = box.seal(SECRET, ROW);
    const b = box.seal(SECRET, ROW);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a.split('.')[1]).toBe(WebhookSecretBox.keyId(NEW));
    expect(a).not.toContain(SECRET);
    expect(a).not.toContain(SECRET.slice(6, 20));
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]); // a fresh 96-bit nonce each time
    expect(box.open(a, ROW)).toBe(SECRET);
    expect(box.open(b, ROW)).toBe(SECRET);
    expect([isSealed(a), isSealed(SECRET)]).toEqual([true, false]);
  });

  it('a value copied to another row does not open there: another endpoint, another tenant', () => {
    const stored = box.seal(SECRET, ROW);
    expect(reasonOf(box, stored, { ...ROW, endpointId: '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' })).toBe('NOT_THIS_ROW');
    expect(reasonOf(box, stored, { ...ROW, tenantId: '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' })).toBe('NOT_THIS_ROW');
    // Swapping the ids between the two fields is another row too.
    expect(reasonOf(box, stored, { endpointId: ROW.tenantId, tenantId: ROW.endpointId })).toBe('NOT_THIS_ROW');
    expect(reasonOf(box, stored)).toBe('opened');
  });

  it('refuses altered, malformed, plain-text and unknown-key values with a coded error, never a crash', () => {
    const stored = box.seal(SECRET, ROW);
    const [v, kid, nonce, sealed] = stored.split('.');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    expect(reasonOf(box, [v, kid, nonce, flip(sealed, 3)].join('.'))).toBe('NOT_THIS_ROW');
    expect(reasonOf(box, [v, kid, nonce, flip(sealed, sealed.length - 3)].join('.'))).toBe('NOT_THIS_ROW'); // the tag
    expect(reasonOf(box, [v, kid, flip(nonce, 2), sealed].join('.'))).toBe('NOT_THIS_ROW');
    expect(reasonOf(box, [v, kid, nonce].join('.'))).toBe('MALFORMED');
    expect(reasonOf(box, [v, kid, nonce, 'c2hvcnQ'].join('.'))).toBe('MALFORMED'); // shorter than a tag
    expect(reasonOf(box, 'v1.')).toBe('MALFORMED');
    expect(reasonOf(box, SECRET)).toBe('NOT_ENCRYPTED');
    expect(reasonOf(box, [v, flip(kid, 0), nonce, sealed].join('.'))).toBe('UNKNOWN_KEY');
  });

  it('rotation: the new key seals, the previous one still opens; without it, the error names the missing key', () => {
    const before = new WebhookSecretBox(OLD).seal(SECRET, ROW);
    const rotated = new WebhookSecretBox(NEW, [OLD]);
    expect(rotated.currentKeyId).toBe(WebhookSecretBox.keyId(NEW));
    expect(rotated.open(before, ROW)).toBe(SECRET);
    expect(WebhookSecretBox.keyIdOf(rotated.seal(SECRET, ROW))).toBe(WebhookSecretBox.keyId(NEW));
    expect(WebhookSecretBox.keyIdOf(SECRET)).toBeNull();

    const dropped = new WebhookSecretBox(NEW);
    expect(reasonOf(dropped, before)).toBe('UNKNOWN_KEY');
    expect(() => dropped.open(before, ROW)).toThrow(`key id ${WebhookSecretBox.keyId(OLD)}`);
    expect(() => dropped.open(before, ROW)).toThrow('WEBHOOK_SECRETS_PREVIOUS_KEYS');
    expect(WebhookSecretBox.keyId(OLD)).not.toContain(OLD.slice(0, 8));
  });

  describe('the development key', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'webhook-key-'));
    });
    afterEach(() => fs.rm(dir, { recursive: true, force: true }));

    it('unset in development, is made once in a file beside the embedded database and survives a restart', async () => {
      const config = loadConfig({ NODE_ENV: 'development', EMBEDDED_PG_DIR: path.join(dir, 'data', 'pg') });
      const first = webhookSecretBox(config); // the first start
      const file = path.join(dir, 'data', 'pg.webhook-key');
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      const stored = first.seal(SECRET, ROW);
      const afterRestart = webhookSecretBox(loadConfig({ NODE_ENV: 'development', EMBEDDED_PG_DIR: path.join(dir, 'data', 'pg') }));
      expect(afterRestart.open(stored, ROW)).toBe(SECRET);
      expect(afterRestart.currentKeyId).toBe(first.currentKeyId);
      expect(await fs.readdir(path.join(dir, 'data'))).toEqual(['pg.webhook-key']); // no draft left behind
    });

    it('a set key is used as it is, with no file', async () => {
      const config = loadConfig({ NODE_ENV: 'development', EMBEDDED_PG_DIR: path.join(dir, 'pg'), WEBHOOK_SECRETS_KEY: NEW, WEBHOOK_SECRETS_PREVIOUS_KEYS: OLD });
      const b = webhookSecretBox(config);
      expect(b.currentKeyId).toBe(WebhookSecretBox.keyId(NEW));
      expect(b.open(new WebhookSecretBox(OLD).seal(SECRET, ROW), ROW)).toBe(SECRET);
      expect(await fs.readdir(dir)).toEqual([]);
    });

    it('a damaged key file stops the start with a message naming it, rather than sealing with a weak key', async () => {
      const config = loadConfig({ NODE_ENV: 'development', EMBEDDED_PG_DIR: path.join(dir, 'pg') });
      await fs.writeFile(path.join(dir, 'pg.webhook-key'), 'short\n');
      expect(() => webhookSecretBox(config)).toThrow(/pg\.webhook-key is shorter than 32 characters/);
    });
  });
});
