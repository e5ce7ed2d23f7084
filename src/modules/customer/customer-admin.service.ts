import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { isUuid } from '../../shared/ids';
import { notNull, pageArgs, pageInfo } from '../../shared/listing';
import { requiredText } from '../../shared/text';
import { auditStaffChange, changedKeys } from '../audit/staff-audit';
import { Tenant } from '../tenant/tenant.entity';
import { customerOrgsQuery, findCustomerOrg, listCustomerOrgs, ORG_ORDER } from './customer-admin.read';
import { connectionArgs, keysetConnection, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import type { CustomerOrganization, CustomerOrganizationPage } from './customer-admin.types';
import { Customer, CustomerUser, type SharingMode } from './customer.entity';
import { CustomerHasPortalUsersError, CustomerNotFoundError } from './customer.errors';

export const ORG_NAME_MAX = 200;

/** A list's filter as the read model takes it: a blank search is none. */
const orgFilter = (filter: { q?: string | null }) => ({ q: filter.q?.trim() || null });

/** The audited fields of an organization. */
const snapshot = (c: Customer) => ({ name: c.name, sharingMode: c.sharingMode });

/**
 * Customer organizations for staff: any staff member reads them, MANAGER and above manage them (shield
 * rules). Everything is scoped by the viewer's tenant; another tenant's organization answers exactly like
 * a missing one. Every change is audited, before and after, in its own transaction.
 */
export class CustomerAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
  ) {}

  async list(viewer: StaffViewer, filter: { q?: string | null }, page?: number | null, limit?: number | null): Promise<CustomerOrganizationPage> {
    const at = pageArgs(page, limit);
    const { items, total } = await listCustomerOrgs(this.em, viewer.tenantId, orgFilter(filter), at.page, at.limit);
    return { items, pagination: pageInfo(at, total) };
  }

  /** The same list as a cursor connection (organizationsConnection): the same query, by name. */
  connection(viewer: StaffViewer, filter: { q?: string | null }, args: ConnectionArgsInput): Promise<ConnectionView<CustomerOrganization>> {
    const req = connectionArgs(args);
    return keysetConnection(this.em, customerOrgsQuery(viewer.tenantId, orgFilter(filter)), ORG_ORDER, req);
  }

  async get(viewer: StaffViewer, id: string): Promise<CustomerOrganization> {
    const org = isUuid(id) ? await findCustomerOrg(this.em, viewer.tenantId, id) : null;
    if (!org) throw new CustomerNotFoundError();
    return org;
  }

  /** The organization for writing, its row locked until the transaction ends. */
  private async load(tx: EntityManager, viewer: StaffViewer, id: string): Promise<Customer> {
    const org = isUuid(id) ? await tx.findOne(Customer, { id, tenant: viewer.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!org) throw new CustomerNotFoundError();
    return org;
  }

  async create(viewer: StaffViewer, input: { name: string; sharingMode?: SharingMode | null }, client: ClientInfo): Promise<CustomerOrganization> {
    const name = requiredText('name', input.name, ORG_NAME_MAX);
    const id = await this.em.transactional(async (tx) => {
      const org = tx.create(Customer, { tenant: tx.getReference(Tenant, viewer.tenantId), name, sharingMode: input.sharingMode ?? 'OWN' });
      await tx.flush();
      auditStaffChange(this.rt, tx, viewer, client, { action: 'customer.created', targetType: 'customer', targetId: org.id, before: null, after: snapshot(org) });
      return org.id;
    });
    return this.get(viewer, id);
  }

  /** Renames or changes the sharing mode; the members' ticket lists follow the new mode at once. */
  async update(
    viewer: StaffViewer,
    id: string,
    input: { name?: string | null; sharingMode?: SharingMode | null },
    client: ClientInfo,
  ): Promise<CustomerOrganization> {
    const rawName = notNull('name', input.name);
    const name = rawName === undefined ? undefined : requiredText('name', rawName, ORG_NAME_MAX);
    const sharingMode = notNull('sharingMode', input.sharingMode);
    await this.em.transactional(async (tx) => {
      const org = await this.load(tx, viewer, id);
      const before = snapshot(org);
      if (name !== undefined) org.name = name;
      if (sharingMode !== undefined) org.sharingMode = sharingMode;
      const after = snapshot(org);
      const changed = changedKeys(before, after);
      if (!changed.length) return;
      auditStaffChange(this.rt, tx, viewer, client, { action: 'customer.updated', targetType: 'customer', targetId: org.id, before, after, extra: { changed } });
    });
    return this.get(viewer, id);
  }

  /**
   * Deletes an organization that has no portal users (else CUSTOMER_HAS_PORTAL_USERS); its incidents stay,
   * without an organization. The row is locked before counting, so a user moved in concurrently is either
   * counted or refused by the foreign key once the organization is gone.
   */
  async delete(viewer: StaffViewer, id: string, client: ClientInfo): Promise<string> {
    return this.em.transactional(async (tx) => {
      const org = await this.load(tx, viewer, id);
      const members = await tx.count(CustomerUser, { tenant: viewer.tenantId, customer: org.id });
      if (members) throw new CustomerHasPortalUsersError(members);
      const before = snapshot(org);
      // Its tickets stay, without an organization. The database no longer does this (ON DELETE SET NULL):
      // Citus refuses that action on a foreign key that holds the tenant (migrations/Migration20261207175000.ts).
      await tx.execute('UPDATE incidents SET customer_id = NULL WHERE tenant_id = ? AND customer_id = ?', [viewer.tenantId, org.id]);
      tx.remove(org);
      auditStaffChange(this.rt, tx, viewer, client, { action: 'customer.deleted', targetType: 'customer', targetId: org.id, before, after: null });
      await tx.flush();
      return org.id;
    });
  }
}
