import { Migration } from '@mikro-orm/migrations';

export class Migration20261207120415 extends Migration {

  // Portal sign-in links are action tokens of their own purpose (auth/codes.ts).
  override async up(): Promise<void> {
    this.addSql(`alter type "token_purpose" add value if not exists 'SIGN_IN' after 'INVITATION';`);
  }

  // PostgreSQL cannot drop a value from an enum; an unused one is harmless (as in Migration20261123151541).
  override async down(): Promise<void> {}

}
