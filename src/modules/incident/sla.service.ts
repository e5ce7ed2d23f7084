import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { ValidationError } from '../../shared/errors';
import { Tenant } from '../tenant/tenant.entity';
import { PRIORITIES, SlaPolicy, type Priority } from './incident.entity';
import { DEFAULT_SLA } from './sla';

export interface SlaPolicyView {
  priority: Priority;
  responseMinutes: number;
  resolutionMinutes: number;
  /** True when the tenant has not set its own targets for this priority. */
  isDefault: boolean;
}

const MAX_MINUTES = 365 * 24 * 60;

/** SLA targets per tenant and priority: the tenant's own rows over the built-in defaults. */
export class SlaService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit'>,
  ) {}

  async list(viewer: StaffViewer): Promise<SlaPolicyView[]> {
    const rows = await this.em.find(SlaPolicy, { tenant: viewer.tenantId });
    return PRIORITIES.map((priority) => {
      const own = rows.find((r) => r.priority === priority);
      return own
        ? { priority, responseMinutes: own.responseMinutes, resolutionMinutes: own.resolutionMinutes, isDefault: false }
        : { priority, ...DEFAULT_SLA[priority], isDefault: true };
    });
  }

  /** Sets a priority's targets; they apply to incidents created (or re-prioritised) from now on. */
  async set(viewer: StaffViewer, input: { priority: Priority; responseMinutes: number; resolutionMinutes: number }, client: ClientInfo): Promise<SlaPolicyView[]> {
    for (const f of ['responseMinutes', 'resolutionMinutes'] as const) {
      if (!Number.isInteger(input[f]) || input[f] < 1 || input[f] > MAX_MINUTES) throw ValidationError.field(f, `must be a whole number of minutes from 1 to ${MAX_MINUTES}`);
    }
    if (input.resolutionMinutes < input.responseMinutes) throw ValidationError.field('resolutionMinutes', 'must not be shorter than responseMinutes');
    await this.em.transactional(async (tx) => {
      const existing = await tx.findOne(SlaPolicy, { tenant: viewer.tenantId, priority: input.priority });
      const before = existing ? { responseMinutes: existing.responseMinutes, resolutionMinutes: existing.resolutionMinutes } : { ...DEFAULT_SLA[input.priority], isDefault: true };
      const row = existing ?? tx.create(SlaPolicy, { tenant: tx.getReference(Tenant, viewer.tenantId), priority: input.priority, responseMinutes: 0, resolutionMinutes: 0 });
      row.responseMinutes = input.responseMinutes;
      row.resolutionMinutes = input.resolutionMinutes;
      this.rt.audit.record(tx, {
        action: 'sla.policy.set',
        tenantId: viewer.tenantId,
        actorKind: 'staff',
        actorId: viewer.userId,
        targetType: 'sla_policy',
        ip: client.ip,
        metadata: { priority: input.priority, before, after: { responseMinutes: input.responseMinutes, resolutionMinutes: input.resolutionMinutes } },
      });
    });
    return this.list(viewer);
  }

  /** Back to the built-in defaults for a priority. */
  async reset(viewer: StaffViewer, priority: Priority, client: ClientInfo): Promise<SlaPolicyView[]> {
    await this.em.transactional(async (tx) => {
      const existing = await tx.findOne(SlaPolicy, { tenant: viewer.tenantId, priority });
      if (!existing) return;
      this.rt.audit.record(tx, {
        action: 'sla.policy.reset',
        tenantId: viewer.tenantId,
        actorKind: 'staff',
        actorId: viewer.userId,
        targetType: 'sla_policy',
        ip: client.ip,
        metadata: { priority, before: { responseMinutes: existing.responseMinutes, resolutionMinutes: existing.resolutionMinutes }, after: { ...DEFAULT_SLA[priority], isDefault: true } },
      });
      tx.remove(existing);
    });
    return this.list(viewer);
  }
}
