import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Tenant } from '../modules/tenant/tenant.entity';

/** Who a session, code or token belongs to: a staff user or a portal customer (separate tables). */
export const SUBJECT_KINDS = ['staff', 'customer'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * One login. Access tokens carry its id (`sid`), so revoking it refuses them at once; it owns a family of
 * rotating refresh tokens, and a reused refresh token revokes the whole session.
 */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['subjectKind', 'subjectId'] })
@Index({ properties: ['revokedAt'] })
@Index({ properties: ['expiresAt'] }) // housekeeping: sessions past their end, across tenants
export class Session {
  [OptionalProps]?: 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'revokedReason' | 'ip' | 'userAgent';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'cascade' })
  tenant!: Ref<Tenant>;

  @Enum({ items: () => SUBJECT_KINDS, nativeEnumName: 'subject_kind' })
  subjectKind!: SubjectKind;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastUsedAt: Date = new Date();

  /** When the refresh family ends; access tokens end sooner. */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  revokedReason?: string | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;
}

/** A refresh token of a session, stored as its SHA-256. Used once: using it again means it was stolen. */
@Entity({ tableName: 'refresh_tokens' })
export class RefreshToken {
  [OptionalProps]?: 'id' | 'createdAt' | 'usedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @ManyToOne(() => Session, { ref: true, deleteRule: 'cascade', index: true })
  session!: Ref<Session>;

  @Property({ type: 'text' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}

export const CODE_PURPOSES = ['EMAIL_VERIFICATION'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/** A 6-digit code sent by e-mail, stored as an HMAC; single use, short-lived, burnt after 5 wrong tries. */
@Entity({ tableName: 'one_time_codes' })
@Index({ properties: ['subjectKind', 'subjectId', 'purpose'] })
export class OneTimeCode {
  [OptionalProps]?: 'id' | 'createdAt' | 'attempts' | 'consumedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Enum({ items: () => SUBJECT_KINDS, nativeEnumName: 'subject_kind' })
  subjectKind!: SubjectKind;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Enum({ items: () => CODE_PURPOSES, nativeEnumName: 'code_purpose' })
  purpose!: CodePurpose;

  @Property({ type: 'text' })
  codeHash!: string;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  consumedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

export const TOKEN_PURPOSES = ['PASSWORD_RESET', 'INVITATION', 'SIGN_IN'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A long random token sent by e-mail (password reset, invitation, portal sign-in link), stored as its SHA-256. */
@Entity({ tableName: 'action_tokens' })
@Index({ properties: ['subjectKind', 'subjectId', 'purpose'] })
export class ActionToken {
  [OptionalProps]?: 'id' | 'createdAt' | 'usedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Enum({ items: () => SUBJECT_KINDS, nativeEnumName: 'subject_kind' })
  subjectKind!: SubjectKind;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Enum({ items: () => TOKEN_PURPOSES, nativeEnumName: 'token_purpose' })
  purpose!: TokenPurpose;

  @Property({ type: 'text' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** rate-limiter-flexible's PostgreSQL table, declared here so the migrations own it. */
@Entity({ tableName: 'rate_limits' })
export class RateLimitEntry {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire?: string | null;
}
