import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/postgresql';

/**
 * An OpenID Connect sign-in that has been started and not yet completed: what the callback needs to finish
 * it (PKCE verifier, nonce, redirect URI). Found by the SHA-256 of its `state`, deleted when the callback
 * uses it (single use), useless after `expiresAt`. Not tenant-owned: nobody is signed in yet.
 */
@Entity({ tableName: 'oauth_states' })
@Index({ properties: ['expiresAt'] })
export class OAuthState {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text' })
  @Unique()
  stateHash!: string;

  @Property({ type: 'text' })
  provider!: string;

  @Property({ type: 'text' })
  codeVerifier!: string;

  @Property({ type: 'text' })
  nonce!: string;

  @Property({ type: 'text' })
  redirectUri!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
