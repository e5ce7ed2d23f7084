import type { InputNames, RestInput } from '../executor';

/** How REST inputs (path, query, body, headers) become GraphQL variables; shared by the route files. */
export const ok = () => ({});

/** A numeric query parameter: absent stays absent; anything else goes to GraphQL, which refuses non-integers. */
export const int = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
/** Query-string values for enum variables, spelled as clients like (rest/enums.ts); an empty one is absent. */
export const enumValue = (value: string | undefined) => (value ? (value as never) : undefined);
export const listQuery = (input: RestInput) => ({
  page: int(input.query.page),
  limit: int(input.query.limit),
  status: enumValue(input.query.status),
  priority: enumValue(input.query.priority),
  type: enumValue(input.query.type),
  after: input.query.after,
});
export const idempotencyKey = (input: RestInput) => input.headers['idempotency-key'] || undefined;
/** A boolean query parameter: `true`/`false`; anything else goes to GraphQL, which refuses it with a field error. */
export const bool = (value: string | undefined) => (value === undefined || value === '' ? undefined : value === 'true' ? true : value === 'false' ? false : (value as never));
/** The body's fields and `:id` as the operation's `input` (`key` names the id's field there); the path's id wins. */
export const bodyWithId =
  (key = 'id') =>
  (i: RestInput) => ({ input: { ...i.body, [key]: i.params.id } as never });
export { commentsOf } from '../../modules/incident/incident.timeline';
export const byId = (i: RestInput) => ({ id: i.params.id });
/**
 * The documents' names of the workspace that the portal sign-in inputs call `workspace` (its id or slug):
 * `companyId` at the Scrubbe door, `tenantSlug` at the OpsWeave door (routes' and link pages' inputNames).
 */
export const COMPANY_ID: InputNames = { companyId: 'workspace' };
export const TENANT_SLUG: InputNames = { tenantSlug: 'workspace' };
