import { Migration } from '@mikro-orm/migrations';

export class Migration20261207120415 extends Migration {

  // Portal sign-in links are action tokens of their own purpose (auth/codes.ts).
  override async up(): Promise<void> {
    this.addSql(`alter type "token_purpose" add value if not exists 'SIGN_IN' after 'INVITATION';`);
  }

}
