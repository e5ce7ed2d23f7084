import type { CustomerViewer, StaffViewer } from '../auth/viewer';
import { UnauthenticatedError } from '../shared/errors';
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
