import { ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';

/**
 * How a portal sign-in input names its workspace: `workspace` (its id or its slug), or the deprecated names the
 * REST documents keep, `companyId` (the Scrubbe door: the id) and `tenantSlug` (the OpsWeave door: the slug).
 */
export interface WorkspaceNames {
  workspace?: string | null;
  companyId?: string | null;
  tenantSlug?: string | null;
}

/**
 * The workspace a request chose. `named` false: none (every workspace where the address has an account).
 * `where`: the id and/or slug it must have (both given: one workspace must have both); null when the names fit
 * no workspace (an id that is no uuid), which answers like an unknown workspace.
 */
export interface WorkspaceChoice {
  named: boolean;
  where: { id?: string; slug?: string } | null;
}

const disagree = (legacy: 'companyId' | 'tenantSlug') =>
  new ValidationError(`workspace and ${legacy} name different workspaces.`, [{ code: 'VALIDATION_FAILED', field: 'workspace', message: `names another workspace than ${legacy}` }]);

/**
 * The one reading of a sign-in input's workspace names. A `workspace` shaped like an id is the id, any other
 * is a slug (a slug has that shape only when its workspace is named like an id). Given with the deprecated
 * name of the same kind, the two must agree, or VALIDATION_FAILED before anything is looked up or counted.
 * An id and a slug are not compared here: that would take a lookup telling a stranger which ids and slugs
 * exist, so they only both have to hold, and a pair of two workspaces answers like an unknown one. Empty
 * strings name nothing, as before.
 */
export function resolveWorkspaceChoice(names: WorkspaceNames): WorkspaceChoice {
  let id = names.companyId || undefined;
  let slug = names.tenantSlug || undefined;
  const { workspace } = names;
  if (workspace && isUuid(workspace)) {
    if (id !== undefined && id.toLowerCase() !== workspace.toLowerCase()) throw disagree('companyId');
    id = workspace;
  } else if (workspace) {
    if (slug !== undefined && slug !== workspace) throw disagree('tenantSlug');
    slug = workspace;
  }
  if (id === undefined && slug === undefined) return { named: false, where: {} };
  if (id !== undefined && !isUuid(id)) return { named: true, where: null };
  return { named: true, where: { ...(id === undefined ? {} : { id: id.toLowerCase() }), ...(slug === undefined ? {} : { slug }) } };
}

/**
 * The choice where the operation needs one workspace (registering, the OpsWeave door's login): none named is
 * VALIDATION_FAILED "workspace is required" (a REST route sends its body's name as `workspace` and answers
 * with that name: inputNames, rest/executor.ts).
 */
export function requireWorkspace(names: WorkspaceNames): WorkspaceChoice {
  const choice = resolveWorkspaceChoice(names);
  if (!choice.named) throw ValidationError.field('workspace', 'is required');
  return choice;
}

/** Whether a workspace is the one chosen (always, when none was named). */
export function isChosen(choice: WorkspaceChoice, tenant: { id: string; slug: string }): boolean {
  if (!choice.where) return false;
  const { id, slug } = choice.where;
  return (id === undefined || tenant.id.toLowerCase() === id) && (slug === undefined || tenant.slug === slug);
}
