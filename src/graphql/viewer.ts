import type { CustomerViewer, StaffViewer } from '../auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { Services } from '../modules/services';
import type { Context } from './context';

/**
 * The staff viewer of a field that shield already restricted to staff: a second line of defence, and the first
 * where shield does not reach (a subscription's `subscribe`). It answers as shield's rules do: no token (or a bad
 * one) UNAUTHENTICATED, a good token of the other kind FORBIDDEN (the client must not refresh it).
 */
export function staffViewer(ctx: Context): StaffViewer {
  if (ctx.viewer.kind === 'staff') return ctx.viewer;
  throw ctx.viewer.kind === 'anonymous' ? (ctx.authError ?? new UnauthenticatedError()) : new ForbiddenError();
}

/** The customer viewer of a customer-only field: as staffViewer, the other way round. */
export function customerViewer(ctx: Context): CustomerViewer {
  if (ctx.viewer.kind === 'customer') return ctx.viewer;
  throw ctx.viewer.kind === 'anonymous' ? (ctx.authError ?? new UnauthenticatedError()) : new ForbiddenError();
}

/** A staff or customer viewer (fields both may call); services scope by its kind. */
export function readViewer(ctx: Context): StaffViewer | CustomerViewer {
  if (ctx.viewer.kind === 'anonymous') throw ctx.authError ?? new UnauthenticatedError();
  return ctx.viewer;
}

/**
 * The viewer and services for fields about the caller's own account (me, profile, password, sign-out,
 * notification preferences). A SUPER_ADMIN acting in another tenant is not a member of it: these act on its
 * own rows in its own tenant (Context.ownAccount), not on the acting tenant.
 */
export function ownAccount(ctx: Context): { viewer: StaffViewer | CustomerViewer; services: Services } {
  return ctx.ownAccount ?? { viewer: readViewer(ctx), services: ctx.services };
}

/** `ownAccount` for staff-only fields. */
export function ownStaffAccount(ctx: Context): { viewer: StaffViewer; services: Services } {
  return ctx.ownAccount ?? { viewer: staffViewer(ctx), services: ctx.services };
}
