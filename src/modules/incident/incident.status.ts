import type { IncidentStatus } from './incident.entity';

/**
 * The status machine: forward along OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED
 * (skipping steps is allowed up to RESOLVED), back from MITIGATED to INVESTIGATION when a mitigation fails,
 * and reopen from RESOLVED or CLOSED.
 */
export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  OPEN: ['ACKNOWLEDGED', 'INVESTIGATION', 'MITIGATED', 'RESOLVED'],
  ACKNOWLEDGED: ['INVESTIGATION', 'MITIGATED', 'RESOLVED'],
  INVESTIGATION: ['MITIGATED', 'RESOLVED'],
  MITIGATED: ['INVESTIGATION', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: ['OPEN'],
};

export const canTransition = (from: IncidentStatus, to: IncidentStatus): boolean => TRANSITIONS[from].includes(to);

/** The timestamps a transition sets (or clears, on reopen). */
export function stampsFor(from: IncidentStatus, to: IncidentStatus, at: Date): Partial<Record<'acknowledgedAt' | 'resolvedAt' | 'closedAt', Date | null>> {
  if (to === 'OPEN') return { resolvedAt: null, closedAt: null }; // reopened: the first response still counts
  const stamps: Partial<Record<'acknowledgedAt' | 'resolvedAt' | 'closedAt', Date | null>> = {};
  if (from === 'OPEN') stamps.acknowledgedAt = at; // any move out of OPEN is the first response
  if (to === 'RESOLVED') stamps.resolvedAt = at;
  if (to === 'CLOSED') stamps.closedAt = at;
  return stamps;
}
