import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { EmailTakenError, InvalidInvitationError, LastAdminError } from '../../auth/auth.errors';
import { checkPasswordRules } from '../../auth/passwords';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffRole, StaffViewer } from '../../auth/viewer';
import { emailLink } from '../../shared/email-links';
import { isUuid, normalizeEmail } from '../../shared/ids';
import { isoSql } from '../../shared/listing';
import { sqlRows } from '../../db/read';
import { connectionArgs, keysetConnection, orderByOf, type ConnectionArgsInput, type ConnectionView, type KeysetOrder, type ListQuery } from '../../shared/connection';
import { Tenant } from '../tenant/tenant.entity';
import type { AuthService } from './auth.service';
import { User } from './user.entity';
import { StaffMemberNotFoundError } from './user.errors';
import type { AuthPayload, Invitation, StaffMember } from './user.types';

const INVITATION_TTL_MINUTES = 7 * 24 * 60;

function toMember(u: User): StaffMember {
  return {
    id: u.id,
    email: u.email,
    firstName: u.firstName ?? null,
    lastName: u.lastName ?? null,
    role: u.role,
    isActive: u.isActive,
    emailVerified: Boolean(u.emailVerifiedAt),
    createdAt: u.createdAt,
  };
}

/** The workspace's staff as StaffMember rows: the query of both `staffMembers` and `staffMembersConnection`. */
const staffQuery = (viewer: StaffViewer): ListQuery => ({
  columns: `u.id, u.email, u.first_name AS "firstName", u.last_name AS "lastName", u.role, u.is_active AS "isActive",
    u.email_verified_at IS NOT NULL AS "emailVerified", ${isoSql('u.created_at')} AS "createdAt"`,
  from: 'users u',
  where: ['u.tenant_id = ?'],
  params: [viewer.tenantId],
});
/** Oldest account first (index users_tenant_id_created_at_id_index). */
const STAFF_ORDER: KeysetOrder = {
  tag: 'staff:createdAt',
  keys: [
    { sql: 'u.created_at', type: 'timestamp' },
    { sql: 'u.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/**
 * The staff of a workspace: invitations, roles, deactivation. Who may call what is decided by the shield
 * rules (authz/); the rules that depend on the data (same tenant, last ADMIN) live here.
 */
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'background' | 'codes' | 'config' | 'mailer' | 'passwords' | 'sessions'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { auth: AuthService },
  ) {}

  async list(viewer: StaffViewer): Promise<StaffMember[]> {
    const q = staffQuery(viewer);
    return sqlRows<StaffMember>(this.em, `SELECT ${q.columns} FROM ${q.from} WHERE ${q.where.join(' AND ')} ORDER BY ${orderByOf(STAFF_ORDER)}`, q.params);
  }

  /** The same members as a cursor connection (staffMembersConnection), oldest account first. */
  connection(viewer: StaffViewer, args: ConnectionArgsInput): Promise<ConnectionView<StaffMember>> {
    return keysetConnection(this.em, staffQuery(viewer), STAFF_ORDER, connectionArgs(args));
  }

  /** Another tenant's member answers exactly like a missing one. */
  private async memberOf(em: EntityManager, viewer: StaffViewer, userId: string): Promise<User> {
    const user = isUuid(userId) ? await em.findOne(User, { id: userId, tenant: viewer.tenantId }) : null;
    if (!user) throw new StaffMemberNotFoundError();
    return user;
  }

  async invite(viewer: StaffViewer, input: { email: string; role: StaffRole }, client: ClientInfo): Promise<Invitation> {
    const email = normalizeEmail(input.email);
    if (await this.em.count(User, { email })) throw new EmailTakenError();
    let token = '';
    let invitation: Invitation;
    try {
      invitation = await this.em.transactional(async (tx) => {
        const user = tx.create(User, { tenant: tx.getReference(Tenant, viewer.tenantId), email, role: input.role });
        await tx.flush();
        const issued = this.rt.codes.issueToken(tx, 'staff', user.id, 'INVITATION', INVITATION_TTL_MINUTES);
        token = issued.token;
        this.rt.audit.record(tx, {
          action: 'staff.invited',
          tenantId: viewer.tenantId,
          actorKind: 'staff',
          actorId: viewer.userId,
          targetType: 'user',
          targetId: user.id,
          ip: client.ip,
          metadata: { role: input.role },
        });
        return { userId: user.id, email, role: user.role, expiresAt: issued.row.expiresAt };
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new EmailTakenError();
      throw e;
    }
    const tenant = await this.em.findOneOrFail(Tenant, { id: viewer.tenantId });
    const link = emailLink(this.rt.config, 'staff', 'invitation', { token });
    this.rt.background.run('mail.invitation', () =>
      this.rt.mailer.send({
        to: email,
        subject: `You are invited to ${tenant.name}`,
        text: `You have been invited to join ${tenant.name} as ${input.role}.\n\nInvitation token: ${token}\nOr open: ${link}\n\nSet a password to accept. The invitation expires in 7 days.`,
      }),
    );
    return invitation;
  }

  /** Sets the invited member's password, marks the address verified (the link proved it) and signs in. */
  async acceptInvitation(
    input: { token: string; password: string; firstName?: string | null; lastName?: string | null },
    client: ClientInfo,
  ): Promise<AuthPayload> {
    checkPasswordRules(input.password);
    const passwordHash = await this.rt.passwords.hash(input.password);
    const user = await this.em.transactional(async (tx) => {
      const row = await this.rt.codes.findUsableToken(tx, input.token, 'INVITATION', 'staff', true);
      const invited = row ? await tx.findOne(User, { id: row.subjectId, isActive: true, passwordHash: null }) : null;
      if (!row || !invited) throw new InvalidInvitationError();
      row.usedAt = new Date();
      invited.passwordHash = passwordHash;
      invited.emailVerifiedAt = new Date();
      if (input.firstName) invited.firstName = input.firstName.trim();
      if (input.lastName) invited.lastName = input.lastName.trim();
      return invited;
    });
    return this.services.auth.signIn(user, client, 'staff.invitation.accepted');
  }

  /** Changing a role ends the member's sessions, so the new role applies to their next token at once. */
  async changeRole(viewer: StaffViewer, input: { userId: string; role: StaffRole }, client: ClientInfo): Promise<StaffMember> {
    return this.em.transactional(async (tx) => {
      const user = await this.memberOf(tx, viewer, input.userId);
      if (user.role === input.role) return toMember(user);
      if (user.role === 'SUPER_ADMIN') throw new StaffMemberNotFoundError(); // not managed from a workspace
      if (user.role === 'ADMIN') await this.assertAnotherAdmin(tx, viewer.tenantId, user.id);
      const from = user.role;
      user.role = input.role;
      await this.rt.sessions.revokeAllOf(tx, 'staff', user.id, 'role_changed');
      this.rt.audit.record(tx, {
        action: 'staff.role.changed',
        tenantId: viewer.tenantId,
        actorKind: 'staff',
        actorId: viewer.userId,
        targetType: 'user',
        targetId: user.id,
        ip: client.ip,
        metadata: { from, to: input.role },
      });
      return toMember(user);
    });
  }

  async deactivate(viewer: StaffViewer, userId: string, client: ClientInfo): Promise<StaffMember> {
    return this.em.transactional(async (tx) => {
      const user = await this.memberOf(tx, viewer, userId);
      if (user.role === 'SUPER_ADMIN') throw new StaffMemberNotFoundError();
      if (!user.isActive) return toMember(user);
      if (user.role === 'ADMIN') await this.assertAnotherAdmin(tx, viewer.tenantId, user.id);
      user.isActive = false;
      await this.rt.sessions.revokeAllOf(tx, 'staff', user.id, 'deactivated');
      this.rt.audit.record(tx, {
        action: 'staff.deactivated',
        tenantId: viewer.tenantId,
        actorKind: 'staff',
        actorId: viewer.userId,
        targetType: 'user',
        targetId: user.id,
        ip: client.ip,
      });
      return toMember(user);
    });
  }

  /**
   * Refuses to remove the last active ADMIN. The tenant's ADMIN rows are locked first, so two concurrent
   * demotions cannot each see the other as the remaining ADMIN.
   */
  private async assertAnotherAdmin(em: EntityManager, tenantId: string, leavingUserId: string): Promise<void> {
    const admins = await em.execute<{ id: string }[]>(
        "SELECT id FROM users WHERE tenant_id = ? AND role = 'ADMIN' AND is_active ORDER BY id FOR UPDATE",
        [tenantId],
        'all',
        em.getTransactionContext(),
      );
    if (!admins.some((a) => a.id !== leavingUserId)) throw new LastAdminError();
  }
}
