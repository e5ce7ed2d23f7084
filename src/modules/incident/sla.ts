import type { EntityManager } from '@mikro-orm/postgresql';
import { SlaPolicy, type Priority } from './incident.entity';

/** Defaults for tenants without a policy row for a priority: response and resolution targets in minutes. */
export const DEFAULT_SLA: Record<Priority, { responseMinutes: number; resolutionMinutes: number }> = {
  CRITICAL: { responseMinutes: 15, resolutionMinutes: 4 * 60 },
  HIGH: { responseMinutes: 60, resolutionMinutes: 8 * 60 },
  MEDIUM: { responseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  LOW: { responseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
};

/** The due times for an incident of this priority opened at `from`, by the tenant's policy. */
export async function slaDueTimes(em: EntityManager, tenantId: string, priority: Priority, from: Date): Promise<{ responseDueAt: Date; resolutionDueAt: Date }> {
  const policy = (await em.findOne(SlaPolicy, { tenant: tenantId, priority })) ?? DEFAULT_SLA[priority];
  return {
    responseDueAt: new Date(from.getTime() + policy.responseMinutes * 60_000),
    resolutionDueAt: new Date(from.getTime() + policy.resolutionMinutes * 60_000),
  };
}
