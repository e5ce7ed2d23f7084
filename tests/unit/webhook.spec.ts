import { backoffMs } from '../../src/modules/notifications/send';
import { checkWebhookUrl, excerptOf, isBlockedAddress, signatureHeader, verifySignature } from '../../src/modules/notifications/webhook';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.100.100.200',
    '192.0.0.192',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    'fe80::1',
    'fe80::1%eth0',
    'fd00:ec2::254',
    'fc00::1',
    'ff02::1',
    '2002:7f00:1::',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it('checks URLs before any lookup for literal addresses, schemes and credentials', async () => {
    expect(await checkWebhookUrl('http://169.254.169.254/latest', false)).toMatch(/metadata/);
    expect(await checkWebhookUrl('http://[::1]:8080/', false)).toMatch(/loopback/);
    expect(await checkWebhookUrl('gopher://example.com/', false)).toMatch(/http or https/);
    expect(await checkWebhookUrl('https://a:b@example.com/', false)).toMatch(/user name or password/);
    expect(await checkWebhookUrl('http://93.184.216.34/hook', false)).toBeNull();
    expect(await checkWebhookUrl('http://127.0.0.1:9/hook', true)).toBeNull();
  });
});

describe('webhook signatures', () => {
  const body = '{"id":"1","type":"incident.created"}';
  it('signs the timestamp with the body and verifies within the tolerance only', () => {
    const header = signatureHeader('whsec_k', body, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_k', body, header, 1_700_000_100)).toBe(true);
    expect(verifySignature('whsec_k', body, header, 1_700_000_000 + 301)).toBe(false); // a replay, later
    expect(verifySignature('whsec_k', `${body} `, header, 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_other', body, header, 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_k', body, header.replace('t=1700000000', 't=1700000001'), 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_k', body, undefined, 1_700_000_000)).toBe(false);
  });

  it('keeps a short, single-line excerpt of an answer', () => {
    expect(excerptOf(`line one\r\nline two\u0000${'x'.repeat(1000)}`)).toHaveLength(200);
    expect(excerptOf('  ok\n')).toBe('ok');
  });
});

describe('delivery backoff', () => {
  it('doubles from the base, up to the cap, within ±20%', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, 1000, 10_000, mid))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffMs(1, 1000, 10_000, () => 0)).toBe(800);
    expect(backoffMs(1, 1000, 10_000, () => 1)).toBe(1200);
  });
});
