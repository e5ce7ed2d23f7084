import { LockMode } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from '../modules/tenant/tenant.entity';
import { RefreshToken, Session, type SubjectKind } from './auth.entities';
import { InvalidRefreshTokenError } from './auth.errors';
import { RevocationCache } from './revocation';
import { randomToken, sha256 } from './secrets';

/** The API door a request came through: REST keeps the documents' refresh semantics (settings: REFRESH_TOKEN_ROTATION). */
export type Door = 'graphql' | 'rest';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
  /** Absent: GraphQL (HTTP or WebSocket). */
  door?: Door;
}

export interface OpenedSession {
  session: Session;
  refreshToken: string;
}

/**
 * Sessions and their refresh tokens (rotating or long-lived, by door), for staff and customers alike. Revocation is written to the
 * session row and announced to every server process (RevocationCache), so access tokens that carry the
 * session id are refused at once.
 */
export class SessionStore {
  constructor(
    private readonly revocations: Pick<RevocationCache, 'add'>,
    private readonly refreshTtlDays: number,
  ) {}

  /** The same store telling revocations to `revocations` instead (a tenant request: after its commit). */
  withRevocations(revocations: Pick<RevocationCache, 'add'>): SessionStore {
    return new SessionStore(revocations, this.refreshTtlDays);
  }

  /** Opens a session in the caller's unit of work; flush to make it real. */
  open(em: EntityManager, subject: { kind: SubjectKind; id: string; tenantId: string }, client: ClientInfo): OpenedSession {
    const session = em.create(Session, {
      tenant: em.getReference(Tenant, subject.tenantId),
      subjectKind: subject.kind,
      subjectId: subject.id,
      expiresAt: new Date(Date.now() + this.refreshTtlDays * 86_400_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300),
    });
    const refreshToken = randomToken('rt');
    em.create(RefreshToken, { session, tokenHash: sha256(refreshToken) });
    return { session, refreshToken };
  }

  /**
   * Exchanges a refresh token for an access token's session. Rotating (`rotate`): the token is spent and a new
   * one returned; a token used a second time means someone else holds a copy, so the whole session is revoked
   * and both holders must sign in again. Not rotating (the REST documents: a "long-lived" refresh token): the
   * same token comes back and stays valid until its session ends (logout, password change, deactivation,
   * expiry); a token already spent by a rotating refresh still counts as reuse.
   */
  async refresh(em: EntityManager, presented: string, kind: SubjectKind, rotate: boolean): Promise<OpenedSession> {
    const outcome = await em.transactional(async (tx) => {
      const token = await tx.findOne(
        RefreshToken,
        { tokenHash: sha256(presented) },
        { populate: ['session'], lockMode: LockMode.PESSIMISTIC_WRITE }, // one exchange per token
      );
      const session = token?.session.getEntity();
      if (!token || !session || session.subjectKind !== kind) return 'invalid' as const;
      if (token.usedAt) {
        if (!session.revokedAt) await this.revokeInTx(tx, [session], 'refresh_token_reuse');
        return 'reused' as const;
      }
      if (session.revokedAt || session.expiresAt < new Date()) return 'invalid' as const;
      session.lastUsedAt = new Date();
      if (!rotate) return { session, refreshToken: presented };
      token.usedAt = new Date();
      const refreshToken = randomToken('rt');
      tx.create(RefreshToken, { session, tokenHash: sha256(refreshToken) });
      return { session, refreshToken };
    });
    if (typeof outcome === 'string') throw new InvalidRefreshTokenError();
    return outcome;
  }

  async revoke(em: EntityManager, sessionIds: string[], reason: string): Promise<void> {
    if (!sessionIds.length) return;
    await em.transactional(async (tx) => {
      const sessions = await tx.find(Session, { id: { $in: sessionIds }, revokedAt: null });
      await this.revokeInTx(tx, sessions, reason);
    });
  }

  /** Revokes every live session of a subject (password change, reset, deactivation), optionally but one. */
  async revokeAllOf(em: EntityManager, kind: SubjectKind, subjectId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const sessions = await em.find(Session, {
      subjectKind: kind,
      subjectId,
      revokedAt: null,
      ...(exceptSessionId ? { id: { $ne: exceptSessionId } } : {}),
    });
    await this.revokeInTx(em, sessions, reason);
    return sessions.length;
  }

  /** Marks sessions revoked and announces it (delivered when the surrounding transaction commits). */
  private async revokeInTx(em: EntityManager, sessions: Session[], reason: string): Promise<void> {
    if (!sessions.length) return;
    const now = new Date();
    for (const s of sessions) {
      s.revokedAt = now;
      s.revokedReason = reason;
    }
    await em.flush();
    const ids = sessions.map((s) => s.id);
    await RevocationCache.announce(em, ids);
    this.revocations.add(ids); // this process refuses them at once (a tenant request: once it commits)
  }
}
