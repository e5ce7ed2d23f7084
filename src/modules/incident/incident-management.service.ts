import { LockMode, ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { can, canChangeStatusTo } from '../../authz/policies';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { Customer, CustomerUser } from '../customer/customer.entity';
import { draftFromResolvedIncident } from '../kb/kb.draft';
import { CustomerNotFoundError } from '../customer/customer.errors';
import { emitEvent } from '../outbox/outbox.service';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { StaffMemberNotFoundError } from '../user/user.errors';
import { Incident as IncidentEntity, IncidentUpdate, type IncidentSource, type IncidentStatus, type IncidentType, type Priority, type Visibility } from './incident.entity';
import { IncidentNotFoundError, InvalidTransitionError, StaleVersionError } from './incident.errors';
import { countByStatus, emptyIncidentPage, incidentConnection, listIncidents, type IncidentFilter, type IncidentInclude, type IncidentPageView, type IncidentRow, type IncidentSort } from './incident.read';
import { IncidentService, nextNumber, touch } from './incident.service';
import { canTransition, stampsFor, TRANSITIONS } from './incident.status';
import type { Incident, IncidentUpdateView } from './incident.types';
import { slaDueTimes } from './sla';
import { cursorPageArgs } from '../../shared/listing';
import { connectionArgs, emptyConnection, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import { requiredText } from '../../shared/text';

/** Whether the filter's ids are ids: one that is not matches nothing (PostgreSQL would refuse it as a uuid: a 500, not an empty page). */
const idsWellFormed = (filter: IncidentFilter) => (['assigneeId', 'customerId', 'parentId'] as const).every((id) => !filter[id] || isUuid(filter[id]));

/** Fields staff may set on create and update, beyond the portal's. */
const TRIAGE = ['techDescription', 'impactSummary', 'blastRadius', 'serviceArea', 'environment', 'region'] as const;
type Triage = Partial<Record<(typeof TRIAGE)[number], string | null>>;

export interface CreateIncidentInput extends Triage {
  type: IncidentType;
  title: string;
  description: string;
  priority: Priority;
  source?: IncidentSource | null;
  assigneeId?: string | null;
  customerId?: string | null;
  /** Raise it on behalf of this portal user: the ticket is theirs in the portal. */
  reporterCustomerId?: string | null;
}

export interface UpdateIncidentInput extends Triage {
  title?: string | null;
  description?: string | null;
  priority?: Priority | null;
  customerId?: string | null;
}

const optionalText = (field: string, value: string | null | undefined, max = 10_000) =>
  value === undefined ? undefined : value === null || !value.trim() ? null : requiredText(field, value, max);

/** The fields audited before and after a change. */
function snapshot(i: IncidentEntity): Record<string, unknown> {
  return {
    title: i.title,
    description: i.description,
    techDescription: i.techDescription ?? null,
    priority: i.priority,
    status: i.status,
    impactSummary: i.impactSummary ?? null,
    blastRadius: i.blastRadius ?? null,
    serviceArea: i.serviceArea ?? null,
    environment: i.environment ?? null,
    region: i.region ?? null,
    assigneeId: i.assignee?.id ?? null,
    customerId: i.customer?.id ?? null,
    parentId: i.parent?.id ?? null,
    version: i.version,
  };
}

/**
 * The staff side of incidents: create, edit (optimistic locking), the status machine, comments with
 * visibility, assignment. Every change writes an audit entry (before and after) and, where someone outside
 * should hear of it, an outbox event, in the same transaction. Role checks beyond the shield rules (which
 * status a RESPONDER may set) are plain policy functions.
 */
export class IncidentManagementService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { incidents: IncidentService },
  ) {}

  get(viewer: StaffViewer, idOrNumber: string, include?: IncidentInclude): Promise<IncidentRow> {
    return this.services.incidents.get(viewer, idOrNumber, include);
  }

  async list(
    viewer: StaffViewer,
    filter: IncidentFilter,
    page?: number | null,
    limit?: number | null,
    sort?: IncidentSort,
    after?: string | null,
    include?: IncidentInclude,
  ): Promise<IncidentPageView> {
    const at = cursorPageArgs(page, limit, after);
    if (!idsWellFormed(filter)) return emptyIncidentPage(at);
    return listIncidents(this.em, viewer, filter, at, sort, include);
  }

  /** The same list as a cursor connection (incidentsConnection): the same filters, scope and statement. */
  async connection(viewer: StaffViewer, filter: IncidentFilter, args: ConnectionArgsInput, sort?: IncidentSort, include?: IncidentInclude): Promise<ConnectionView<IncidentRow>> {
    const req = connectionArgs(args);
    if (!idsWellFormed(filter)) return emptyConnection();
    return incidentConnection(this.em, viewer, filter, req, sort, include);
  }

  counts(viewer: StaffViewer) {
    return countByStatus(this.em, viewer);
  }

  /**
   * Loads an incident of the viewer's tenant for writing, by id or number (others answer like missing
   * ones), locking its row so concurrent changes queue and then see each other's version.
   */
  private async load(tx: EntityManager, viewer: StaffViewer, idOrNumber: string): Promise<IncidentEntity> {
    const where = isUuid(idOrNumber) ? { id: idOrNumber } : { number: String(idOrNumber).toUpperCase() };
    const incident = await tx.findOne(IncidentEntity, { ...where, tenant: viewer.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!incident) throw new IncidentNotFoundError();
    return incident;
  }

  private async staffMember(tx: EntityManager, viewer: StaffViewer, id: string): Promise<User> {
    const user = isUuid(id) ? await tx.findOne(User, { id, tenant: viewer.tenantId, isActive: true }) : null;
    if (!user) throw new StaffMemberNotFoundError();
    return user;
  }

  private async customerOrg(tx: EntityManager, viewer: StaffViewer, id: string): Promise<Customer> {
    const org = isUuid(id) ? await tx.findOne(Customer, { id, tenant: viewer.tenantId }) : null;
    if (!org) throw new CustomerNotFoundError();
    return org;
  }

  private audit(tx: EntityManager, viewer: StaffViewer, client: ClientInfo, action: string, incident: IncidentEntity, before: Record<string, unknown> | null) {
    this.rt.audit.record(tx, {
      action,
      tenantId: viewer.tenantId,
      actorKind: 'staff',
      actorId: viewer.userId,
      targetType: 'incident',
      targetId: incident.id,
      ip: client.ip,
      metadata: { before, after: snapshot(incident) },
    });
  }

  private event(tx: EntityManager, viewer: StaffViewer, incident: IncidentEntity, kind: IncidentUpdate['kind'], visibility: Visibility, body: string, status?: IncidentStatus) {
    return tx.create(IncidentUpdate, {
      tenant: tx.getReference(Tenant, viewer.tenantId),
      incident,
      kind,
      visibility,
      body,
      status: status ?? null,
      authorKind: 'STAFF',
      authorStaff: tx.getReference(User, viewer.userId),
    });
  }

  async create(viewer: StaffViewer, input: CreateIncidentInput, client: ClientInfo): Promise<Incident> {
    const title = requiredText('title', input.title, 200);
    const description = requiredText('description', input.description, 10_000);
    const id = await this.em.transactional(async (tx) => {
      const reporter = input.reporterCustomerId
        ? isUuid(input.reporterCustomerId)
          ? await tx.findOne(CustomerUser, { id: input.reporterCustomerId, tenant: viewer.tenantId })
          : null
        : null;
      if (input.reporterCustomerId && !reporter) throw ValidationError.field('reporterCustomerId', 'is not a portal user of this workspace');
      const customer = input.customerId ? await this.customerOrg(tx, viewer, input.customerId) : (reporter?.customer ?? null);
      const assignee = input.assigneeId ? await this.staffMember(tx, viewer, input.assigneeId) : null;
      if (assignee && !can(viewer, 'incident.assign')) throw new ForbiddenError('Assigning needs the MANAGER role.');
      const now = new Date();
      const incident = tx.create(IncidentEntity, {
        tenant: tx.getReference(Tenant, viewer.tenantId),
        number: await nextNumber(tx, viewer.tenantId, input.type, now),
        type: input.type,
        title,
        description,
        priority: input.priority,
        status: 'OPEN',
        source: input.source ?? 'STAFF',
        reporterStaff: tx.getReference(User, viewer.userId),
        reporterCustomer: reporter,
        customer,
        assignee,
        createdAt: now,
        updatedAt: now,
        ...Object.fromEntries(TRIAGE.map((f) => [f, optionalText(f, input[f]) ?? null])),
        ...(await slaDueTimes(tx, viewer.tenantId, input.priority, now)),
      });
      await tx.flush();
      this.audit(tx, viewer, client, 'incident.created', incident, null);
      emitEvent(tx, viewer.tenantId, 'incident.created', { incidentId: incident.id, number: incident.number, source: incident.source });
      if (assignee) emitEvent(tx, viewer.tenantId, 'incident.assigned', { incidentId: incident.id, number: incident.number, assigneeId: assignee.id });
      return incident.id;
    });
    return this.get(viewer, id);
  }

  /** Applies the given fields if `version` is still current; a stale version is a conflict, never a lost write. */
  async update(viewer: StaffViewer, idOrNumber: string, version: number, input: UpdateIncidentInput, client: ClientInfo): Promise<Incident> {
    const id = await this.em.transactional(async (tx) => {
      const incident = await this.load(tx, viewer, idOrNumber);
      if (incident.version !== version) throw new StaleVersionError(incident.version);
      const before = snapshot(incident);
      if (input.title != null) incident.title = requiredText('title', input.title, 200);
      if (input.description != null) incident.description = requiredText('description', input.description, 10_000);
      for (const f of TRIAGE) {
        const value = optionalText(f, input[f]);
        if (value !== undefined) incident[f] = value;
      }
      if (input.customerId !== undefined) incident.customer = input.customerId ? ref(await this.customerOrg(tx, viewer, input.customerId)) : null;
      if (input.priority && input.priority !== incident.priority) {
        incident.priority = input.priority;
        // Due times follow the new priority, counted from the opening of the incident.
        Object.assign(incident, await slaDueTimes(tx, viewer.tenantId, input.priority, incident.createdAt));
      }
      const after = snapshot(incident);
      const changed = Object.keys(after).filter((k) => k !== 'version' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (!changed.length) return incident.id;
      this.event(tx, viewer, incident, 'FIELD_CHANGE', 'INTERNAL', `Changed ${changed.join(', ')}.`);
      await tx.flush(); // bumps the version; MikroORM also checks it did not move under us
      this.audit(tx, viewer, client, 'incident.updated', incident, before);
      return incident.id;
    });
    return this.get(viewer, id);
  }

  /**
   * Moves an incident along the status machine. The status event is PUBLIC unless marked internal;
   * resolving needs a resolution summary, which the event carries to the customer. Answers the incident and
   * the id of its status event (incidentStatusChange's payload reads the event only when asked for).
   */
  async changeStatus(
    viewer: StaffViewer,
    idOrNumber: string,
    input: { status: IncidentStatus; note?: string | null; internal?: boolean | null; resolutionSummary?: string | null; version?: number | null; createKbDraft?: boolean | null },
    client: ClientInfo,
  ): Promise<{ incident: Incident; updateId: string }> {
    if (!canChangeStatusTo(viewer, input.status)) throw new ForbiddenError(`Your role may not set the status ${input.status}.`);
    if (input.createKbDraft && input.status !== 'RESOLVED') throw ValidationError.field('createKbDraft', 'applies only when resolving');
    const changed = await this.em.transactional(async (tx) => {
      const incident = await this.load(tx, viewer, idOrNumber);
      if (input.version != null && incident.version !== input.version) throw new StaleVersionError(incident.version);
      const from = incident.status;
      if (!canTransition(from, input.status)) throw new InvalidTransitionError(from, input.status, TRANSITIONS[from]);
      const summary = optionalText('resolutionSummary', input.resolutionSummary, 5000);
      if (input.status === 'RESOLVED' && !summary) throw ValidationError.field('resolutionSummary', 'is required to resolve an incident');
      const before = snapshot(incident);
      const now = new Date();
      incident.status = input.status;
      Object.assign(incident, stampsFor(from, input.status, now));
      if (summary) incident.resolutionSummary = summary;
      const note = optionalText('note', input.note, 5000);
      const body = [note ?? `Status changed to ${input.status}.`, input.status === 'RESOLVED' ? `Resolution: ${summary}` : null].filter(Boolean).join('\n\n');
      const visibility: Visibility = input.internal ? 'INTERNAL' : 'PUBLIC';
      const update = this.event(tx, viewer, incident, 'STATUS', visibility, body, input.status);
      await tx.flush();
      this.audit(tx, viewer, client, 'incident.status_changed', incident, before);
      emitEvent(tx, viewer.tenantId, 'incident.status_changed', { incidentId: incident.id, number: incident.number, from, to: input.status, visibility, updateId: update.id });
      if (visibility === 'PUBLIC') await this.propagateToReports(tx, viewer, incident, summary);
      // A knowledge-base draft from the public part only (never techDescription or INTERNAL updates).
      if (input.createKbDraft) await draftFromResolvedIncident(tx, this.rt.audit, viewer, { id: incident.id, title: incident.title, description: incident.description, resolutionSummary: summary });
      return { id: incident.id, updateId: update.id };
    });
    return { incident: await this.get(viewer, changed.id), updateId: changed.updateId };
  }

  /** A public status change on a parent reaches each linked report as a PUBLIC system update. */
  private async propagateToReports(tx: EntityManager, viewer: StaffViewer, parent: IncidentEntity, summary: string | null | undefined) {
    const children = await tx.find(IncidentEntity, { parent: parent.id, tenant: viewer.tenantId });
    const label = parent.status.charAt(0) + parent.status.slice(1).toLowerCase();
    const body = [`Update from the team: the underlying incident is now ${label}.`, parent.status === 'RESOLVED' && summary ? `Resolution: ${summary}` : null]
      .filter(Boolean)
      .join('\n\n');
    for (const child of children) {
      const update = tx.create(IncidentUpdate, {
        tenant: tx.getReference(Tenant, viewer.tenantId),
        incident: child,
        kind: 'COMMENT',
        visibility: 'PUBLIC',
        body,
        authorKind: 'SYSTEM',
      });
      await tx.flush();
      await touch(tx, viewer.tenantId, child.id);
      emitEvent(tx, viewer.tenantId, 'incident.public_update', { incidentId: child.id, number: child.number, updateId: update.id, fromParent: parent.id });
    }
  }

  /**
   * Links customer reports to one parent incident. One level only: a parent is not itself linked, and a
   * linked report is not a parent.
   */
  async link(viewer: StaffViewer, parentIdOrNumber: string, childIds: string[], client: ClientInfo): Promise<Incident> {
    if (!childIds.length || childIds.length > 500) throw ValidationError.field('childIds', 'must list 1 to 500 incidents');
    const id = await this.em.transactional(async (tx) => {
      const parent = await this.load(tx, viewer, parentIdOrNumber);
      if (parent.parent) throw ValidationError.field('parentId', `is itself linked to another incident; link to that one instead`);
      for (const childId of new Set(childIds)) {
        const child = await this.load(tx, viewer, childId);
        if (child.id === parent.id) throw ValidationError.field('childIds', 'must not include the parent itself');
        if (await tx.count(IncidentEntity, { parent: child.id })) throw ValidationError.field('childIds', `${child.number} has linked reports of its own`);
        if (child.parent?.id === parent.id) continue;
        const before = snapshot(child);
        child.parent = ref(parent);
        this.event(tx, viewer, child, 'FIELD_CHANGE', 'INTERNAL', `Linked to ${parent.number}.`);
        await tx.flush();
        this.audit(tx, viewer, client, 'incident.linked', child, before);
      }
      return parent.id;
    });
    return this.get(viewer, id);
  }

  /** Unlinks a report from its parent (one not linked: nothing changes). Answers it and the parent it had, if any. */
  async unlink(viewer: StaffViewer, childIdOrNumber: string, client: ClientInfo): Promise<{ incident: Incident; formerParentId: string | null }> {
    const done = await this.em.transactional(async (tx) => {
      const child = await this.load(tx, viewer, childIdOrNumber);
      if (!child.parent) return { id: child.id, formerParentId: null };
      const formerParentId = child.parent.id;
      const before = snapshot(child);
      child.parent = null;
      this.event(tx, viewer, child, 'FIELD_CHANGE', 'INTERNAL', 'Unlinked from its parent incident.');
      await tx.flush();
      this.audit(tx, viewer, client, 'incident.unlinked', child, before);
      return { id: child.id, formerParentId };
    });
    return { incident: await this.get(viewer, done.id), formerParentId: done.formerParentId };
  }

  async addUpdate(viewer: StaffViewer, idOrNumber: string, input: { body: string; visibility: Visibility }, client: ClientInfo): Promise<IncidentUpdateView> {
    const body = requiredText('body', input.body, 5000);
    const created = await this.em.transactional(async (tx) => {
      const incident = await this.load(tx, viewer, idOrNumber);
      const update = this.event(tx, viewer, incident, 'COMMENT', input.visibility, body);
      await tx.flush();
      // A comment is activity, not an edit: it touches updatedAt without bumping the version editors hold.
      await touch(tx, viewer.tenantId, incident.id);
      this.audit(tx, viewer, client, 'incident.commented', incident, null);
      if (input.visibility === 'PUBLIC') emitEvent(tx, viewer.tenantId, 'incident.public_update', { incidentId: incident.id, number: incident.number, updateId: update.id });
      return update;
    });
    // A SUPER_ADMIN acting in another tenant (X-Tenant-Id) is not a row of that tenant: row-level security
    // hides it, and the comment shows as the support team's, as it will in every later read.
    const author = await this.em.findOne(User, { id: viewer.userId });
    return {
      id: created.id,
      kind: 'COMMENT',
      body,
      status: null,
      visibility: input.visibility,
      author: { displayName: [author?.firstName, author?.lastName].filter(Boolean).join(' ') || 'Support team', kind: 'STAFF' },
      createdAt: created.createdAt.toISOString(),
    };
  }

  /** Assigns to an active staff member of the tenant, or unassigns with null. */
  async assign(viewer: StaffViewer, idOrNumber: string, assigneeId: string | null, client: ClientInfo): Promise<Incident> {
    const id = await this.em.transactional(async (tx) => {
      const incident = await this.load(tx, viewer, idOrNumber);
      const assignee = assigneeId ? await this.staffMember(tx, viewer, assigneeId) : null;
      if ((incident.assignee?.id ?? null) === (assignee?.id ?? null)) return incident.id;
      const before = snapshot(incident);
      incident.assignee = assignee ? ref(assignee) : null;
      this.event(tx, viewer, incident, 'ASSIGNMENT', 'INTERNAL', assignee ? `Assigned to ${assignee.email}.` : 'Unassigned.');
      await tx.flush();
      this.audit(tx, viewer, client, 'incident.assigned', incident, before);
      if (assignee) emitEvent(tx, viewer.tenantId, 'incident.assigned', { incidentId: incident.id, number: incident.number, assigneeId: assignee.id });
      return incident.id;
    });
    return this.get(viewer, id);
  }
}
