import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer } from '../../auth/viewer';
import { ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { pageArgs, pageInfo } from '../../shared/listing';
import { AUDIT_ORDER, auditEntriesQuery, listAuditEntries, type AuditFilter } from './audit.read';
import { connectionArgs, emptyConnection, keysetConnection, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import type { AuditLogEntry, AuditLogPage } from './audit.types';
import { verifyAuditChain, type ChainAnchor, type ChainVerification } from './audit.service';

/** The audit log's page size when the caller gives none. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The filter as the read model takes it (a blank action is none), or null when it matches nothing: ids that
 * are not even well-formed, like ids of other workspaces or no one. A period that ends before it starts is refused.
 */
function checkedFilter(filter: AuditFilter): AuditFilter | null {
  if (filter.from && filter.to && filter.from >= filter.to) throw ValidationError.field('to', 'must be later than from');
  if ((filter.actorId && !isUuid(filter.actorId)) || (filter.targetId && !isUuid(filter.targetId))) return null;
  return { ...filter, action: filter.action?.trim() || null };
}

/** The audit log of the caller's workspace (ADMIN, by the shield rules); never another tenant's entries. */
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: StaffViewer, filter: AuditFilter, page?: number | null, limit?: number | null): Promise<AuditLogPage> {
    const at = pageArgs(page, limit, AUDIT_PAGE_SIZE);
    const checked = checkedFilter(filter);
    if (!checked) return { items: [], pagination: pageInfo(at, 0) };
    const { items, total } = await listAuditEntries(this.em, viewer.tenantId, checked, at.page, at.limit);
    return { items, pagination: pageInfo(at, total) };
  }

  /** The same log as a cursor connection (auditLogConnection): the same filter and query, newest first. */
  async connection(viewer: StaffViewer, filter: AuditFilter, args: ConnectionArgsInput): Promise<ConnectionView<AuditLogEntry>> {
    const req = connectionArgs(args, AUDIT_PAGE_SIZE);
    const checked = checkedFilter(filter);
    if (!checked) return emptyConnection();
    return keysetConnection(this.em, auditEntriesQuery(viewer.tenantId, checked), AUDIT_ORDER, req);
  }

  /** Recomputes the caller's tenant's hash chain (against an anchor kept elsewhere, if given) and reports the first entry that does not fit. */
  verifyChain(viewer: StaffViewer, anchor: ChainAnchor | null): Promise<ChainVerification> {
    return verifyAuditChain(this.em, viewer.tenantId, anchor);
  }
}
