import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { AuditChainAnchorInput, AuditLogFilterInput } from './audit.inputs';
import { AuditChainVerificationType, AuditLogEntryConnection, AuditLogPage } from './audit.types';
import { ConnectionArgs } from '../../shared/connection.types';
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

  @Query(() => AuditLogEntryConnection, { description: `ADMIN: the workspace's audit log as a cursor connection (first/after, last/before; ${AUDIT_PAGE_SIZE} when neither is given), newest first, filtered like \`auditLog\`.` })
  auditLogConnection(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => AuditLogFilterInput, { nullable: true, description: 'Conditions the entries must meet; none: every entry.' }) filter?: AuditLogFilterInput | null,
  ) {
    return ctx.services.auditLog.connection(staffViewer(ctx), filter ?? {}, args);
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
