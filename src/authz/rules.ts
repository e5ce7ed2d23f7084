import { allow, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { Context } from '../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import { isCustomer, isStaff } from './policies';

/** A rule that answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to the wrong kind of caller. */
const viewerRule = (name: string, policy: (ctx: Context) => boolean) =>
  rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (ctx.viewer.kind === 'anonymous') return new UnauthenticatedError();
    return policy(ctx) || new ForbiddenError();
  });

export const public_ = allow;
export const staffOnly = viewerRule('staffOnly', (ctx) => isStaff(ctx.viewer));
export const customerOnly = viewerRule('customerOnly', (ctx) => isCustomer(ctx.viewer));

/**
 * The permission map: every root field (Query, Mutation, Subscription) and every internal field on an
 * object type has an explicit rule here. Anything missing is denied (fallbackRule), and a test walks the
 * schema to make sure nothing relies on that fallback by accident.
 */
export const permissions: IRules = {
  Query: {
    companies: public_,
  },
};
