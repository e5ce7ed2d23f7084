import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer } from '../../auth/viewer';
import { ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { pageArgs, pageInfo } from '../../shared/listing';
import { listAuditEntries, type AuditFilter } from './audit.read';
import type { AuditLogPage } from './audit.types';
import { verifyAuditChain, type ChainAnchor, type ChainVerification } from './audit.service';

/** The audit log's page size when the caller gives none. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log of the caller's workspace (ADMIN, by the shield rules); never another tenant's entries. */
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: StaffViewer, filter: AuditFilter, page?: number | null, limit?: number | null): Promise<AuditLogPage> {
    const at = pageArgs(page, limit, AUDIT_PAGE_SIZE);
    if (filter.from && filter.to && filter.from >= filter.to) throw ValidationError.field('to', 'must be later than from');
    // Ids that are not even well-formed match nothing, like ids of other workspaces or no one.
    if ((filter.actorId && !isUuid(filter.actorId)) || (filter.targetId && !isUuid(filter.targetId))) {
      return { items: [], pagination: pageInfo(at, 0) };
    }
    const { items, total } = await listAuditEntries(this.em, viewer.tenantId, { ...filter, action: filter.action?.trim() || null }, at.page, at.limit);
    return { items, pagination: pageInfo(at, total) };
  }

  /** Recomputes the caller's tenant's hash chain (against an anchor kept elsewhere, if given) and reports the first entry that does not fit. */
  verifyChain(viewer: StaffViewer, anchor: ChainAnchor | null): Promise<ChainVerification> {
    return verifyAuditChain(this.em, viewer.tenantId, anchor);
  }
}
