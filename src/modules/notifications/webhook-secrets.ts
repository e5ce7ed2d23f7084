import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import { StartupError } from '../../shared/startup-error';
import { WebhookSecretUnreadableError, type WebhookSecretUnreadableReason } from './notification.errors';

/** The row a sealed secret belongs to: both go into the AAD, so a value copied to another row does not open. */
export interface SecretBinding {
  endpointId: string;
  tenantId: string;
}

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** `v1.<key id>.<nonce>.<ciphertext + tag>`, base64url parts (which never contain a dot). */
const SEALED = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

const aadOf = (b: SecretBinding): Buffer => Buffer.from(`incident-desk:webhook_endpoints:${b.tenantId}:${b.endpointId}`);

/** True when a stored value has the sealed format (whatever key sealed it); legacy rows hold the plain secret. */
export const isSealed = (stored: string): boolean => stored.startsWith(`${VERSION}.`);

/**
 * Webhook signing secrets encrypted at rest (AES-256-GCM). They must be kept (deliveries are signed with
 * them), so a hash will not do; encrypted, a copy of the database alone no longer lets anyone sign as us.
 *
 * Keys rotate like the token keys: one key seals, previous keys only open. Each value names its key by id
 * (a hash of the key, as the JWT `kid`), so a process opens it with the right key or says it has none.
 * The AES key is derived from the setting with HKDF, so a setting of any 32+ characters gives a full key.
 */
export class WebhookSecretBox {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(current: string, previous: readonly string[] = []) {
    for (const secret of [current, ...previous]) this.keys.set(WebhookSecretBox.keyId(secret), WebhookSecretBox.derive(secret));
    this.currentKeyId = WebhookSecretBox.keyId(current);
  }

  /** A key's public id: short, and revealing nothing about the key. */
  static keyId(secret: string): string {
    return createHash('sha256').update('incident-desk:webhook-secrets:key-id:').update(secret).digest('base64url').slice(0, 16);
  }

  private static derive(secret: string): Buffer {
    return Buffer.from(hkdfSync('sha256', secret, 'incident-desk', 'webhook-secrets:aes-256-gcm', 32));
  }

  /** The value to store: a fresh random nonce each time, so equal secrets are stored differently. */
  seal(plain: string, binding: SecretBinding): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadOf(binding));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.currentKeyId, nonce.toString('base64url'), sealed.toString('base64url')].join('.');
  }

  /** The secret a stored value holds for this row; a WebhookSecretUnreadableError saying why not otherwise. */
  open(stored: string, binding: SecretBinding): string {
    if (!isSealed(stored)) throw new WebhookSecretUnreadableError('NOT_ENCRYPTED');
    const m = SEALED.exec(stored);
    if (!m) throw new WebhookSecretUnreadableError('MALFORMED');
    const key = this.keys.get(m[1]);
    if (!key) throw new WebhookSecretUnreadableError('UNKNOWN_KEY', m[1]);
    const sealed = Buffer.from(m[3], 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2], 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(aadOf(binding));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new WebhookSecretUnreadableError('NOT_THIS_ROW');
    }
  }

  /** The key id a sealed value names (null for a legacy plain value). */
  static keyIdOf(stored: string): string | null {
    return SEALED.exec(stored)?.[1] ?? null;
  }
}

/**
 * The box this process uses. Outside production an unset WEBHOOK_SECRETS_KEY is a development key kept in a
 * file beside the embedded database (as its password is), created once: stored secrets depend on it, so
 * it must outlive a restart, and `npm run worker` on the same machine reads the same file.
 */
export function webhookSecretBox(config: Config, log?: Logger): WebhookSecretBox {
  const { current, previous, developmentKeyFile } = config.webhooks.secretKeys;
  if (current) return new WebhookSecretBox(current, previous);
  const file = developmentKeyFile!;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside, then linked into place (atomic, and refused if the file exists): of two processes
  // starting at once, one creates the key and the other reads that one, never a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(draft, file);
    log?.warn(`WEBHOOK_SECRETS_KEY not set: created a development key in ${file} to encrypt webhook secrets (set the variable in production)`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    log?.info(`WEBHOOK_SECRETS_KEY not set: webhook secrets are encrypted with the development key in ${file}`);
  } finally {
    rmSync(draft, { force: true });
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32) {
    throw new StartupError(`The development webhook key in ${file} is shorter than 32 characters; delete it (webhook secrets encrypted with it will need rotating) or set WEBHOOK_SECRETS_KEY.`);
  }
  return new WebhookSecretBox(key, previous);
}

export interface SealResult {
  /** Plain-text secrets of rows written before encryption, now sealed. */
  encrypted: number;
  /** Rows sealed under a previous key, now sealed under the current one (so the old key can be dropped). */
  resealed: number;
  /** Rows it cannot decrypt (mostly: under a key it does not have), by reason: left as they are; their deliveries fail. */
  unreadable: Partial<Record<WebhookSecretUnreadableReason, number>>;
}

/**
 * Run at start, before serving or working, and by every housekeeping run: seals every legacy plain-text
 * secret (a migration cannot, it has no key) and re-seals those under a previous key, in one transaction. Rows are locked, so two processes
 * starting together do it once; a row that cannot be read is counted and left alone, never a crash.
 */
export async function sealStoredWebhookSecrets(em: EntityManager, box: WebhookSecretBox, log: Logger): Promise<SealResult> {
  const result: SealResult = { encrypted: 0, resealed: 0, unreadable: {} };
  // On a database whose migrations are pending (readiness says 503) there is nothing of ours to seal yet.
  const [ready] = await em.execute<{ ok: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'webhook_endpoints' AND column_name = 'encrypted_secret') AS ok`,
  );
  if (!ready?.ok) return result;
  await em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string; tenantId: string; stored: string }[]>(
      `SELECT id, tenant_id AS "tenantId", encrypted_secret AS stored FROM webhook_endpoints
       WHERE NOT starts_with(encrypted_secret, ?) ORDER BY id FOR UPDATE`,
      [`${VERSION}.${box.currentKeyId}.`],
    );
    for (const row of rows) {
      const binding = { endpointId: row.id, tenantId: row.tenantId };
      let plain: string;
      if (!isSealed(row.stored)) {
        plain = row.stored;
        result.encrypted += 1;
      } else {
        try {
          plain = box.open(row.stored, binding);
        } catch (e) {
          if (!(e instanceof WebhookSecretUnreadableError)) throw e;
          result.unreadable[e.reason] = (result.unreadable[e.reason] ?? 0) + 1;
          continue;
        }
        result.resealed += 1;
      }
      await tx.execute('UPDATE webhook_endpoints SET encrypted_secret = ? WHERE id = ?', [box.seal(plain, binding), row.id]);
    }
  });
  if (result.encrypted) log.info({ endpoints: result.encrypted }, 'encrypted the plain-text secrets of webhook endpoints written before encryption at rest');
  if (result.resealed) log.info({ endpoints: result.resealed }, 're-encrypted webhook secrets sealed with a previous WEBHOOK_SECRETS_KEY under the current one');
  const unreadable = Object.values(result.unreadable).reduce((a, b) => a + b, 0);
  if (unreadable) {
    log.warn(
      { endpoints: unreadable, reasons: result.unreadable },
      'webhook secrets this process cannot decrypt (UNKNOWN_KEY: sealed with a key in neither WEBHOOK_SECRETS_KEY nor WEBHOOK_SECRETS_PREVIOUS_KEYS): their deliveries fail until the key is listed or the secret rotated',
    );
  }
  return result;
}
