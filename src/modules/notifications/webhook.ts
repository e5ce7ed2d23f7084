import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { BlockList } from 'node:net';
import { lengthProblem } from '../../shared/text';

/**
 * Outgoing webhooks: which addresses they may reach (no loopback, private, link-local, metadata or other
 * special-purpose addresses unless explicitly allowed), how they are signed, and the time-bounded POST.
 */

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (also some clouds' metadata, e.g. 100.100.100.200)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (some metadata services)
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: wraps an IPv4 address
  ['fc00::', 7], // unique local (private), including fd00:ec2::254 (AWS metadata)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const m = /^(?:::ffff:|64:ff9b::)(.+)$/.exec(lower);
  if (!m) return null;
  if (net.isIPv4(m[1])) return m[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(m[1]);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True for addresses a webhook must not reach: loopback, private, link-local, metadata, multicast, reserved. */
export function isBlockedAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(plain);
  if (family === 4) return blocked.check(plain, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(plain);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(plain, 'ipv6');
  }
  return true; // not an address at all: refuse
}

export class BlockedTargetError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a loopback, private, link-local or otherwise internal address`);
    this.name = 'BlockedTargetError';
  }
}

const lookupAll = (hostname: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => dns.lookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * Checks a webhook URL as given by a user: http(s), no credentials, and (unless allowed) a host that
 * resolves only to public addresses. Returns the problem, or null when the URL is acceptable.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not contain a user name or password';
  const tooLong = lengthProblem(raw, { max: 2000 });
  if (tooLong) return tooLong;
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return isBlockedAddress(host) ? 'must not point to a loopback, private, link-local or metadata address' : null;
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(host);
  } catch {
    return 'has a host name that does not resolve';
  }
  if (!addresses.length || addresses.some((a) => isBlockedAddress(a.address))) {
    return 'must not point to a loopback, private, link-local or metadata address';
  }
  return null;
}

/**
 * A DNS lookup for http.request that refuses internal addresses at connection time, so a host name that
 * resolved to a public address when registered cannot be pointed at an internal one later (DNS rebinding).
 */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      const list = addresses as unknown as LookupAddress[];
      if (err) return callback(err, '', 4);
      const bad = allowPrivate ? undefined : list.find((a) => isBlockedAddress(a.address));
      if (bad || !list.length) return callback(new BlockedTargetError(hostname, bad?.address ?? 'nothing'), '', 4);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

export const SIGNATURE_HEADER = 'x-webhook-signature';

/** A new signing secret: shown once to the ADMIN who creates or rotates the endpoint. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed, so an old request cannot be replayed as new. */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does (see docs/api.md, "Notifications and webhooks in short"): checks the signature and that the timestamp is recent. */
export function verifySignature(secret: string, body: string, header: string | undefined, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface WebhookResult {
  ok: boolean;
  status?: number;
  /** The first characters of the answer's body: all that is kept of it. */
  excerpt?: string;
  error?: string;
  /** No point trying again (the address is refused). */
  permanent?: boolean;
}

const EXCERPT_CHARS = 200;
const READ_LIMIT = 2048;

/** Printable, single-line, short. */
export const excerptOf = (text: string): string =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, EXCERPT_CHARS);

/**
 * POSTs a signed JSON body; 2xx is success, anything else (redirects included: they are not followed) a
 * failure. The whole request, connection included, is bounded by `timeoutMs`.
 */
export function postWebhook(
  target: { url: string; secret: string },
  body: string,
  meta: { eventId: string; eventType: string; deliveryId: string },
  options: { timeoutMs: number; allowPrivate: boolean; now?: () => number; signal?: AbortSignal },
): Promise<WebhookResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: WebhookResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      return finish({ ok: false, error: 'The endpoint URL is malformed.', permanent: true });
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && net.isIP(host) && isBlockedAddress(host)) {
      return finish({ ok: false, error: `Refused: ${host} is a loopback, private, link-local or otherwise internal address.`, permanent: true });
    }
    const timestamp = Math.floor((options.now ?? Date.now)() / 1000);
    const client = url.protocol === 'https:' ? https : http;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(options.allowPrivate),
        signal,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'incident-desk-webhooks/1',
          'x-webhook-id': meta.eventId,
          'x-webhook-event': meta.eventType,
          'x-webhook-delivery': meta.deliveryId,
          'x-webhook-timestamp': String(timestamp),
          [SIGNATURE_HEADER]: signatureHeader(target.secret, body, timestamp),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const status = response.statusCode ?? 0;
          const excerpt = excerptOf(Buffer.concat(chunks).toString('utf8'));
          const ok = status >= 200 && status < 300;
          finish({ ok, status, excerpt, error: ok ? undefined : `The endpoint answered ${status}.` });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (size < READ_LIMIT) chunks.push(chunk.subarray(0, READ_LIMIT - size));
          size += chunk.length;
          if (size >= READ_LIMIT) done(); // enough: the rest is not read
        });
        response.on('end', done);
        response.on('error', () => done());
      },
    );
    request.on('error', (err: Error & { code?: string }) => {
      if (err instanceof BlockedTargetError) return finish({ ok: false, error: `Refused: ${err.message}.`, permanent: true });
      if (options.signal?.aborted) return finish({ ok: false, error: 'Interrupted: the worker was stopping.' });
      if (signal.aborted || err.name === 'AbortError') return finish({ ok: false, error: `No answer within ${options.timeoutMs} ms.` });
      finish({ ok: false, error: `Could not reach the endpoint: ${err.code ?? err.message}.` });
    });
    request.end(body);
  });
}
