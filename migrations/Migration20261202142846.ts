import { Migration } from '@mikro-orm/migrations';

export class Migration20261202142846 extends Migration {

  override async up(): Promise<void> {
    // Webhook secrets are encrypted at rest from now on. A migration has no key, so the rows keep their
    // plain-text secrets here; the server and `npm run worker` encrypt them at start, before serving
    // (sealStoredWebhookSecrets in src/modules/notifications/webhook-secrets.ts).
    this.addSql(`alter table "webhook_endpoints" rename column "secret" to "encrypted_secret";`);
  }

  override async down(): Promise<void> {
    // The values stay encrypted: code from before this migration would sign with the ciphertext. Rotate
    // every endpoint's secret after going back.
    this.addSql(`alter table "webhook_endpoints" rename column "encrypted_secret" to "secret";`);
  }

}
