import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blockedForOthers } from '../../src/db/embedded';

/** Started as root, the embedded PostgreSQL runs as "postgres": the start says which directory stops it. */
describe('blockedForOthers', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'incident-desk-reach-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('names the first directory others cannot enter, as /root (0700) is', () => {
    const privateDir = path.join(base, 'home');
    mkdirSync(path.join(privateDir, 'checkout', '.data'), { recursive: true });
    chmodSync(base, 0o755);
    chmodSync(privateDir, 0o700);
    expect(blockedForOthers(path.join(privateDir, 'checkout', '.data'))).toBe(privateDir);
    chmodSync(privateDir, 0o711); // enter, not list: enough to reach a path inside
    expect(blockedForOthers(path.join(privateDir, 'checkout', '.data'))).toBeUndefined();
  });

  it('stops at directories not made yet: they will be made with the default mode', () => {
    chmodSync(base, 0o755);
    expect(blockedForOthers(path.join(base, 'not', 'yet', 'there'))).toBeUndefined();
    chmodSync(base, 0o700);
    expect(blockedForOthers(path.join(base, 'not', 'yet', 'there'))).toBe(base);
    chmodSync(base, 0o755);
  });
});
