import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { ClientInfo } from '../../auth/sessions';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import type { Runtime } from '../../runtime';
import { ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { CustomerUser } from '../customer/customer.entity';
import { PortalUserNotFoundError } from '../customer/customer.errors';
import { Incident } from '../incident/incident.entity';
import { IncidentNotFoundError } from '../incident/incident.errors';
import type { IncidentService } from '../incident/incident.service';
import { emitEvent } from '../outbox/outbox.service';
import { Tenant } from '../tenant/tenant.entity';
import { IncidentParticipant } from './participant.entity';
import { ParticipantChangeNotAllowedError } from './participant.errors';
import { colleaguesOf, participantsFor } from './participant.read';
import type { ParticipantView, PortalColleague } from './participant.types';

/** Who changes the participants: the ticket's reporter, a participant leaving, or staff (ENGINEER and up). */
type Actor = { kind: 'customer'; viewer: CustomerViewer } | { kind: 'staff'; viewer: StaffViewer };
const byOf = (actor: Actor) => (actor.kind === 'staff' ? 'STAFF' : 'CUSTOMER');

/**
 * Ticket participants: the reporter of a ticket adds colleagues of the ticket's organization (active portal
 * users of its customer, in its tenant); staff add and remove any of them; a participant leaves. A ticket
 * without an organization has its reporter only: nobody can be added. Participants see the ticket and comment
 * on it whatever the organization's sharing mode, and receive its customer notifications (customerMaySee in
 * incident.read.ts, the one home of that rule). Adding someone twice changes nothing (idempotent), so does
 * removing someone who does not take part; each actual change leaves an audit entry and an outbox event
 * (`incident.participant_added` / `_removed`, for webhooks).
 *
 * Refusals: a ticket the caller may not see answers INCIDENT_NOT_FOUND, exactly like a missing one; a user who
 * is not an active colleague of the ticket's organization (another organization, another workspace, none)
 * answers PORTAL_USER_NOT_FOUND, like a missing user; a portal user who sees the ticket but did not report it
 * gets PARTICIPANT_CHANGE_NOT_ALLOWED for anyone but themselves.
 */
export class ParticipantService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { incidents: IncidentService },
  ) {}

  /** Whom a portal user may add: the active users of their own organization. */
  colleagues(viewer: CustomerViewer): Promise<PortalColleague[]> {
    return colleaguesOf(this.em, viewer);
  }

  addByCustomer(viewer: CustomerViewer, idOrNumber: string, userId: string, client: ClientInfo): Promise<ParticipantView[]> {
    return this.add({ kind: 'customer', viewer }, idOrNumber, userId, client);
  }

  addByStaff(viewer: StaffViewer, idOrNumber: string, userId: string, client: ClientInfo): Promise<ParticipantView[]> {
    return this.add({ kind: 'staff', viewer }, idOrNumber, userId, client);
  }

  /**
   * The participants afterwards, as the caller sees them, and whether the caller left (removed themselves while taking
   * part): then no list, the ticket is no longer theirs to see (even when their organization still shows it them).
   */
  removeByCustomer(viewer: CustomerViewer, idOrNumber: string, userId: string, client: ClientInfo): Promise<{ participants: ParticipantView[]; left: boolean }> {
    return this.remove({ kind: 'customer', viewer }, idOrNumber, userId, client);
  }

  async removeByStaff(viewer: StaffViewer, idOrNumber: string, userId: string, client: ClientInfo): Promise<ParticipantView[]> {
    return (await this.remove({ kind: 'staff', viewer }, idOrNumber, userId, client)).participants;
  }

  /**
   * A participant leaves a ticket: true if they took part and no longer do; false if they did not take part
   * (nothing changes: the reporter, whose ticket it stays, or a colleague who sees it through the organization).
   */
  async leave(viewer: CustomerViewer, idOrNumber: string, client: ClientInfo): Promise<boolean> {
    return (await this.change({ kind: 'customer', viewer }, idOrNumber, viewer.customerUserId, client)).removed;
  }

  private async add(actor: Actor, idOrNumber: string, userId: string, client: ClientInfo): Promise<ParticipantView[]> {
    const { viewer } = actor;
    const visible = await this.services.incidents.get(viewer, idOrNumber);
    await this.em.transactional(async (tx) => {
      const incident = await this.locked(tx, viewer.tenantId, visible.id);
      if (actor.kind === 'customer' && incident.reporterCustomer?.id !== actor.viewer.customerUserId) throw new ParticipantChangeNotAllowedError();
      if (!isUuid(userId)) throw new PortalUserNotFoundError();
      const user = await tx.findOne(CustomerUser, { id: userId.toLowerCase(), tenant: viewer.tenantId, isActive: true });
      // Only a colleague of the ticket's organization: none without one; another organization's or workspace's user is a missing one.
      if (!user || !incident.customer || user.customer?.id !== incident.customer.id) throw new PortalUserNotFoundError();
      if (user.id === incident.reporterCustomer?.id) throw ValidationError.field('userId', "is the ticket's reporter, who takes part already");
      if (await tx.count(IncidentParticipant, { tenant: viewer.tenantId, incident: incident.id, customerUser: user.id })) return; // already: nothing to do
      tx.create(IncidentParticipant, {
        tenant: tx.getReference(Tenant, viewer.tenantId),
        incident: incident.id,
        customerUser: user.id,
        addedByKind: actor.kind === 'staff' ? 'STAFF' : 'CUSTOMER',
        addedById: actor.kind === 'staff' ? actor.viewer.userId : actor.viewer.customerUserId,
      });
      this.audit(tx, actor, 'ticket.participant_added', incident.id, user.id, client);
      emitEvent(tx, viewer.tenantId, 'incident.participant_added', { incidentId: incident.id, number: incident.number, participantId: user.id, by: byOf(actor) });
      await tx.flush();
    });
    return (await participantsFor(this.em, viewer, [visible.id])).get(visible.id) ?? [];
  }

  private async remove(actor: Actor, idOrNumber: string, userId: string, client: ClientInfo): Promise<{ participants: ParticipantView[]; left: boolean }> {
    const { incidentId, left } = await this.change(actor, idOrNumber, userId, client);
    if (left) return { participants: [], left };
    return { participants: (await participantsFor(this.em, actor.viewer, [incidentId])).get(incidentId) ?? [], left };
  }

  /** Removes a participant (the caller themselves: leaving). Removing someone who does not take part changes nothing. */
  private async change(actor: Actor, idOrNumber: string, userId: string, client: ClientInfo): Promise<{ incidentId: string; removed: boolean; left: boolean }> {
    const { viewer } = actor;
    const visible = await this.services.incidents.get(viewer, idOrNumber);
    const leaving = actor.kind === 'customer' && userId.trim().toLowerCase() === actor.viewer.customerUserId;
    const removed = await this.em.transactional(async (tx) => {
      const incident = await this.locked(tx, viewer.tenantId, visible.id);
      if (actor.kind === 'customer' && !leaving && incident.reporterCustomer?.id !== actor.viewer.customerUserId) throw new ParticipantChangeNotAllowedError();
      const id = userId.trim().toLowerCase();
      if (!isUuid(id)) return false; // no id of anyone: nobody by it takes part, as with an unknown one
      const row = await tx.findOne(IncidentParticipant, { tenant: viewer.tenantId, incident: incident.id, customerUser: id });
      if (!row) return false; // not (or no longer) a participant: nothing to do
      tx.remove(row);
      this.audit(tx, actor, leaving ? 'ticket.participant_left' : 'ticket.participant_removed', incident.id, row.customerUser.id, client);
      emitEvent(tx, viewer.tenantId, 'incident.participant_removed', { incidentId: incident.id, number: incident.number, participantId: row.customerUser.id, by: byOf(actor), left: leaving });
      await tx.flush();
      return true;
    });
    // Whoever left no longer sees the ticket (unless through their organization): they get no list.
    return { incidentId: visible.id, removed, left: leaving && removed };
  }

  /** The incident row, locked: concurrent changes of one ticket's participants queue. */
  private async locked(tx: EntityManager, tenantId: string, id: string): Promise<Incident> {
    const incident = await tx.findOne(Incident, { id, tenant: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!incident) throw new IncidentNotFoundError();
    return incident;
  }

  private audit(tx: EntityManager, actor: Actor, action: string, incidentId: string, participantId: string, client: ClientInfo): void {
    this.rt.audit.record(tx, {
      action,
      tenantId: actor.viewer.tenantId,
      actorKind: actor.kind,
      actorId: actor.kind === 'staff' ? actor.viewer.userId : actor.viewer.customerUserId,
      targetType: 'incident',
      targetId: incidentId,
      ip: client.ip,
      metadata: { participantId },
    });
  }
}
