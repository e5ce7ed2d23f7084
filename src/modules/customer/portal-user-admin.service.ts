import { ForeignKeyConstraintViolationException, LockMode, ref, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { EmailTakenError } from '../../auth/auth.errors';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { ValidationError } from '../../shared/errors';
import { isUuid, normalizeEmail } from '../../shared/ids';
import { notNull, pageArgs, pageInfo } from '../../shared/listing';
import { requiredText } from '../../shared/text';
import { auditStaffChange, changedKeys } from '../audit/staff-audit';
import { Tenant } from '../tenant/tenant.entity';
import { findPortalUser, listPortalUsers, PORTAL_USER_ORDER, portalUsersQuery, type PortalUserFilter } from './customer-admin.read';
import { connectionArgs, emptyConnection, keysetConnection, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import type { PortalUser, PortalUserPage } from './customer-admin.types';
import { Customer, CustomerUser } from './customer.entity';
import { PortalUserInactiveError, PortalUserNotFoundError } from './customer.errors';
import type { PortalPasswordService } from './portal-password.service';

export const DISPLAY_NAME_MAX = 100;

/** The audited fields of a portal user. */
const snapshot = (u: CustomerUser) => ({
  email: u.email,
  displayName: u.displayName,
  customerId: u.customer?.id ?? null,
  isActive: u.isActive,
});

/** An organization id that is not even well-formed matches nothing, like a missing one. */
const customerIdWellFormed = (filter: PortalUserFilter) => !filter.customerId || isUuid(filter.customerId);
/** A list's filter as the read model takes it: a blank search is none. */
const userFilter = (filter: PortalUserFilter): PortalUserFilter => ({ ...filter, q: filter.q?.trim() || null });

const notAnOrganization = () => ValidationError.field('customerId', 'is not a customer organization of this workspace');

/**
 * Portal users administered by staff (MANAGER and above, by the shield rules): create with an invitation
 * e-mail, edit, move between organizations, deactivate (ending their sessions at once), reactivate, send a
 * password reset. Scoped by the viewer's tenant; another tenant's user answers exactly like a missing one.
 */
export class PortalUserAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'background' | 'codes' | 'rateLimits' | 'sessions'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { portalPasswords: PortalPasswordService },
  ) {}

  async list(viewer: StaffViewer, filter: PortalUserFilter, page?: number | null, limit?: number | null): Promise<PortalUserPage> {
    const at = pageArgs(page, limit);
    // An organization id that is not even well-formed matches nothing, like a missing one.
    if (!customerIdWellFormed(filter)) return { items: [], pagination: pageInfo(at, 0) };
    const { items, total } = await listPortalUsers(this.em, viewer.tenantId, userFilter(filter), at.page, at.limit);
    return { items, pagination: pageInfo(at, total) };
  }

  /** The same list as a cursor connection (portalUsersConnection): the same filter and query, by display name. */
  async connection(viewer: StaffViewer, filter: PortalUserFilter, args: ConnectionArgsInput): Promise<ConnectionView<PortalUser>> {
    const req = connectionArgs(args);
    if (!customerIdWellFormed(filter)) return emptyConnection();
    return keysetConnection(this.em, portalUsersQuery(viewer.tenantId, userFilter(filter)), PORTAL_USER_ORDER, req);
  }

  async get(viewer: StaffViewer, id: string): Promise<PortalUser> {
    const user = isUuid(id) ? await findPortalUser(this.em, viewer.tenantId, id) : null;
    if (!user) throw new PortalUserNotFoundError();
    return user;
  }

  /** The user for writing, its row locked until the transaction ends. */
  private async load(tx: EntityManager, viewer: StaffViewer, id: string): Promise<CustomerUser> {
    const user = isUuid(id) ? await tx.findOne(CustomerUser, { id, tenant: viewer.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!user) throw new PortalUserNotFoundError();
    return user;
  }

  /** An organization of the viewer's tenant named in a body: a missing or foreign one is a field error. */
  private async organization(tx: EntityManager, viewer: StaffViewer, id: string): Promise<Customer> {
    const org = isUuid(id) ? await tx.findOne(Customer, { id, tenant: viewer.tenantId }) : null;
    if (!org) throw notAnOrganization();
    return org;
  }

  /**
   * Creates an account without a password and e-mails an invitation; the invitee sets a password with
   * acceptPortalInvitation and is signed in. The e-mail address is unique per tenant (EMAIL_TAKEN).
   */
  async create(viewer: StaffViewer, input: { email: string; displayName: string; customerId?: string | null }, client: ClientInfo): Promise<PortalUser> {
    const email = normalizeEmail(input.email);
    const displayName = requiredText('displayName', input.displayName, DISPLAY_NAME_MAX);
    if (await this.em.count(CustomerUser, { tenant: viewer.tenantId, email })) throw new EmailTakenError();
    let invitation = { token: '', expiresAt: new Date() };
    let id: string;
    try {
      id = await this.em.transactional(async (tx) => {
        const org = input.customerId != null ? await this.organization(tx, viewer, input.customerId) : null;
        const user = tx.create(CustomerUser, { tenant: tx.getReference(Tenant, viewer.tenantId), customer: org, email, displayName });
        await tx.flush();
        invitation = this.services.portalPasswords.issueInvitation(tx, user.id);
        auditStaffChange(this.rt, tx, viewer, client, {
          action: 'portal_user.created',
          targetType: 'portal_user',
          targetId: user.id,
          before: null,
          after: snapshot(user),
          extra: { invitationExpiresAt: invitation.expiresAt.toISOString() },
        });
        return user.id;
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new EmailTakenError(); // lost a race for the address
      if (e instanceof ForeignKeyConstraintViolationException) throw notAnOrganization(); // deleted meanwhile
      throw e;
    }
    const tenant = await this.em.findOneOrFail(Tenant, { id: viewer.tenantId });
    this.services.portalPasswords.mailInvitation(email, tenant.name, invitation.token);
    return this.get(viewer, id);
  }

  /**
   * Renames and/or moves the user: `customerId` moves them to that organization, null takes them out of
   * any. Which tickets they see follows at once (the read model reads the organization at request time).
   */
  async update(viewer: StaffViewer, id: string, input: { displayName?: string | null; customerId?: string | null }, client: ClientInfo): Promise<PortalUser> {
    const rawName = notNull('displayName', input.displayName);
    const displayName = rawName === undefined ? undefined : requiredText('displayName', rawName, DISPLAY_NAME_MAX);
    try {
      await this.em.transactional(async (tx) => {
        const user = await this.load(tx, viewer, id);
        const before = snapshot(user);
        if (displayName !== undefined) user.displayName = displayName;
        if (input.customerId !== undefined) user.customer = input.customerId === null ? null : ref(await this.organization(tx, viewer, input.customerId));
        const after = snapshot(user);
        const changed = changedKeys(before, after);
        if (!changed.length) return;
        const moved = changed.includes('customerId');
        auditStaffChange(this.rt, tx, viewer, client, {
          action: moved && changed.length === 1 ? 'portal_user.moved' : 'portal_user.updated',
          targetType: 'portal_user',
          targetId: user.id,
          before,
          after,
          extra: { changed },
        });
        await tx.flush();
      });
    } catch (e) {
      if (e instanceof ForeignKeyConstraintViolationException) throw notAnOrganization(); // deleted meanwhile
      throw e;
    }
    return this.get(viewer, id);
  }

  /**
   * Deactivates the user and ends every session at once: their access tokens are refused from now on, and
   * unused invitation and reset links stop working. Reactivated, they sign in with their password (or ask
   * for a reset).
   */
  async deactivate(viewer: StaffViewer, id: string, client: ClientInfo): Promise<PortalUser> {
    await this.em.transactional(async (tx) => {
      const user = await this.load(tx, viewer, id);
      if (!user.isActive) return;
      const before = snapshot(user);
      user.isActive = false;
      const sessionsEnded = await this.rt.sessions.revokeAllOf(tx, 'customer', user.id, 'deactivated');
      // Links e-mailed earlier stop working too, also after a reactivation.
      await this.rt.codes.retireTokens(tx, 'customer', user.id, 'PASSWORD_RESET');
      await this.rt.codes.retireTokens(tx, 'customer', user.id, 'INVITATION');
      await this.rt.codes.retireTokens(tx, 'customer', user.id, 'SIGN_IN');
      auditStaffChange(this.rt, tx, viewer, client, {
        action: 'portal_user.deactivated',
        targetType: 'portal_user',
        targetId: user.id,
        before,
        after: snapshot(user),
        extra: { sessionsEnded },
      });
    });
    return this.get(viewer, id);
  }

  async reactivate(viewer: StaffViewer, id: string, client: ClientInfo): Promise<PortalUser> {
    await this.em.transactional(async (tx) => {
      const user = await this.load(tx, viewer, id);
      if (user.isActive) return;
      const before = snapshot(user);
      user.isActive = true;
      auditStaffChange(this.rt, tx, viewer, client, { action: 'portal_user.reactivated', targetType: 'portal_user', targetId: user.id, before, after: snapshot(user) });
    });
    return this.get(viewer, id);
  }

  /**
   * E-mails the user a password reset link (replacing any earlier one); the password stays until they use
   * it. Limited per address like the customer's own request; refused for a deactivated user.
   */
  async sendPasswordReset(viewer: StaffViewer, id: string, client: ClientInfo): Promise<boolean> {
    const { email, token } = await this.em.transactional(async (tx) => {
      const user = await this.load(tx, viewer, id);
      if (!user.isActive) throw new PortalUserInactiveError();
      await this.rt.rateLimits.consumeResetSend(`customer:${user.email}`);
      const issued = await this.services.portalPasswords.issueReset(tx, user.id);
      auditStaffChange(this.rt, tx, viewer, client, {
        action: 'portal_user.password_reset_sent',
        targetType: 'portal_user',
        targetId: user.id,
        before: null,
        after: null,
        extra: { email: user.email },
      });
      return { email: user.email, token: issued };
    });
    const tenant = await this.em.findOneOrFail(Tenant, { id: viewer.tenantId });
    this.rt.background.run('mail.portal_password_reset', () => this.services.portalPasswords.mailReset(email, tenant.name, token));
    return true;
  }
}
