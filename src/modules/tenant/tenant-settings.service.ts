import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { notNull } from '../../shared/listing';
import { requiredText } from '../../shared/text';
import { auditStaffChange, changedKeys } from '../audit/staff-audit';
import { Tenant } from './tenant.entity';
import type { TenantSettings } from './tenant-settings.types';

export const TENANT_NAME_MAX = 100;

const settingsOf = (t: Tenant): TenantSettings => ({ id: t.id, name: t.name, slug: t.slug, allowCustomerSignup: t.allowCustomerSignup, updatedAt: t.updatedAt });
const snapshot = (t: Tenant) => ({ name: t.name, allowCustomerSignup: t.allowCustomerSignup });

/**
 * The caller's own workspace settings (ADMIN, by the shield rules): its display name and whether customers
 * may self-register. Always the tenant of the token; there is no tenant argument to get wrong.
 */
export class TenantSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
  ) {}

  async get(viewer: StaffViewer): Promise<TenantSettings> {
    return settingsOf(await this.em.findOneOrFail(Tenant, { id: viewer.tenantId }));
  }

  /** Changes apply at once: the company list and self-registration read the row on every request. */
  async update(viewer: StaffViewer, input: { name?: string | null; allowCustomerSignup?: boolean | null }, client: ClientInfo): Promise<TenantSettings> {
    const rawName = notNull('name', input.name);
    const name = rawName === undefined ? undefined : requiredText('name', rawName, TENANT_NAME_MAX);
    const allowCustomerSignup = notNull('allowCustomerSignup', input.allowCustomerSignup);
    const tenant = await this.em.transactional(async (tx) => {
      const t = await tx.findOneOrFail(Tenant, { id: viewer.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = snapshot(t);
      if (name !== undefined) t.name = name;
      if (allowCustomerSignup !== undefined) t.allowCustomerSignup = allowCustomerSignup;
      const after = snapshot(t);
      const changed = changedKeys(before, after);
      if (changed.length) {
        auditStaffChange(this.rt, tx, viewer, client, { action: 'tenant.settings.updated', targetType: 'tenant', targetId: t.id, before, after, extra: { changed } });
      }
      return t;
    });
    return settingsOf(tenant);
  }
}
