import { allow, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { Context } from '../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import { canListStaff, canManageStaff, isCustomer, isStaff } from './policies';

/** Anonymous callers get UNAUTHENTICATED (with the reason their token was refused); others a policy answer. */
const viewerRule = (name: string, policy: (ctx: Context) => boolean) =>
  rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (ctx.viewer.kind === 'anonymous') return ctx.authError ?? new UnauthenticatedError();
    return policy(ctx) || new ForbiddenError();
  });

export const public_ = allow;
export const staffOnly = viewerRule('staffOnly', (ctx) => isStaff(ctx.viewer));
export const customerOnly = viewerRule('customerOnly', (ctx) => isCustomer(ctx.viewer));
export const staffAdmin = viewerRule('staffAdmin', (ctx) => canManageStaff(ctx.viewer));
export const staffMembersReader = viewerRule('staffMembersReader', (ctx) => canListStaff(ctx.viewer));

/**
 * The permission map: every root field (Query, Mutation, Subscription) and every internal field on an
 * object type has an explicit rule here. Anything missing is denied (fallbackRule), and a test walks the
 * schema to make sure nothing relies on that fallback by accident.
 */
export const permissions: IRules = {
  Query: {
    companies: public_,
    me: staffOnly,
    staffMembers: staffMembersReader,
  },
  Mutation: {
    registerBusiness: public_,
    registerDeveloper: public_,
    verifyEmail: public_,
    resendOtp: public_,
    login: public_,
    refreshToken: public_,
    forgotPassword: public_,
    validateResetToken: public_,
    resetPassword: public_,
    acceptInvitation: public_,
    oauthLogin: public_,
    oauthCallback: public_,
    logout: staffOnly,
    changePassword: staffOnly,
    updateProfile: staffOnly,
    inviteStaff: staffAdmin,
    changeStaffRole: staffAdmin,
    deactivateStaff: staffAdmin,
  },
};
