import type { CustomerViewer, StaffViewer } from '../auth/viewer';
import { UnauthenticatedError } from '../shared/errors';
import type { Services } from '../modules/services';
import type { Context } from './context';

/** The staff viewer of a field that shield already restricted to staff; a second line of defence. */
export function staffViewer(ctx: Context): StaffViewer {
  if (ctx.viewer.kind !== 'staff') throw ctx.authError ?? new UnauthenticatedError();
  return ctx.viewer;
}

export function customerViewer(ctx: Context): CustomerViewer {
  if (ctx.viewer.kind !== 'customer') throw ctx.authError ?? new UnauthenticatedError();
  return ctx.viewer;
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
