import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { staffViewer } from '../../graphql/viewer';
import { AuditChainVerificationType } from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditChainVerificationType, { description: "ADMIN: recomputes the workspace's audit log hash chain and reports the first entry that does not fit." })
  verifyAuditChain(@Ctx() ctx: Context) {
    return ctx.services.auditLog.verifyChain(staffViewer(ctx));
  }
}
