import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { AuditChainAnchorInput, AuditLogFilterInput } from './audit.inputs';
import { AuditChainVerificationType, AuditLogPage } from './audit.types';
import { LimitArg, PageArg } from '../../shared/listing';
import { AUDIT_PAGE_SIZE } from './audit-log.service';

@Resolver()
export class AuditResolver {
  @Query(() => AuditLogPage, { description: 'ADMIN: the workspace\'s audit log, newest first.' })
  auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditLogFilterInput, { nullable: true, description: 'Conditions the entries must meet; none: every entry.' }) filter?: AuditLogFilterInput | null,
    @PageArg() page?: number | null,
    @LimitArg(AUDIT_PAGE_SIZE) limit?: number | null,
  ) {
    return ctx.services.auditLog.list(staffViewer(ctx), filter ?? {}, page, limit);
  }

  @Query(() => AuditChainVerificationType, { description: "ADMIN: recomputes the workspace's audit log hash chain and reports the first entry that does not fit." })
  verifyAuditChain(
    @Ctx() ctx: Context,
    @Arg('anchor', () => AuditChainAnchorInput, { nullable: true, description: 'An earlier head kept outside the database: the entry at its position must still have its hash.' })
    anchor?: AuditChainAnchorInput | null,
  ) {
    return ctx.services.auditLog.verifyChain(staffViewer(ctx), anchor ?? null);
  }
}
