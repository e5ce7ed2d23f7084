import { randomBytes } from 'node:crypto';
import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  print,
  visit,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { permissions, public_, customerOnly } from '../../src/authz/rules';
import { buildBareSchema } from '../../src/graphql/schema';
import { Session } from '../../src/auth/auth.entities';
import { User } from '../../src/modules/user/user.entity';
import { ROW_ENTRIES } from './authz/matrix';
import { buildWorld, MATRIX_ENV, type Caller, type GqlBody, type World } from './authz/world';
import { createStaff, login } from '../factories/staff';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { restRoutes } from '../../src/rest/routes';
import type { AnyRestRoute } from '../../src/rest/executor';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

/**
 * A SUPER_ADMIN lives in its own (platform) tenant and acts in tenant A with X-Tenant-Id: its requests run under
 * row-level security as tenant A (db/tenant-transaction.ts), where its own users and sessions rows are hidden.
 * Every root field staff may call is called here by such a SUPER_ADMIN, with every field of the answer selected
 * (author names, reporters, assignees...): none may fail with INTERNAL_SERVER_ERROR, and the operations on the
 * caller itself (me, profile, password, sign-out, notification preferences) must act on the SUPER_ADMIN's own rows.
 */

/** Every field of `type` down to `depth` levels (fields with required arguments left out), as GraphQL text. */
function selectAll(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type)) {
    if (depth <= 0) return '{ __typename }';
    return `{ __typename ${type.getTypes().map((t) => `... on ${t.name} ${selectAll(schema, t, depth)}`).join(' ')} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named) || isInterfaceType(named) || isUnionType(named)) {
      if (depth > 0) parts.push(`${field.name} ${selectAll(schema, named, depth - 1)}`);
    } else parts.push(field.name);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The operation with its root field's selection replaced by every field of its type. */
function withFullSelection(schema: GraphQLSchema, query: string): string {
  const doc = parse(query);
  const op = doc.definitions[0] as OperationDefinitionNode;
  const root = op.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  return print(
    visit(doc, {
      Field(node: FieldNode, _key, _parent, path) {
        if (path.length !== 5) return undefined; // root fields only: definitions[0].selectionSet.selections[i]
        const named = getNamedType(root.getFields()[node.name.value].type);
        const full = selectAll(schema, named, 3);
        if (!full) return { ...node, selectionSet: undefined };
        const parsed = parse(`{ x ${full} }`).definitions[0] as OperationDefinitionNode;
        return { ...node, selectionSet: (parsed.selectionSet.selections[0] as FieldNode).selectionSet };
      },
    }),
  );
}

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** A GraphQL multipart request's files (World.gql). */
  files?: Record<string, string>;
}
type Entry = (w: World, self: SelfAdmin) => Call;

interface SelfAdmin {
  user: User;
  email: string;
  password: string;
}

const suffix = () => randomBytes(3).toString('hex');
/** The password a password change in OTHER_ENTRIES sets (each change needs a new one). */
const nextPassword = (self: SelfAdmin) => `${self.password}-n`;

/** The root fields that take no row id (ROW_ENTRIES has the others), with arguments a SUPER_ADMIN may use in A. */
const OTHER_ENTRIES: Record<string, Entry> = {
  'Query.tenants': () => ({ query: '{ tenants { id } }' }),
  'Query.workspaces': () => ({ query: '{ workspaces { id } }' }),
  'Query.me': () => ({ query: '{ me { id } }' }),
  'Query.staffMembers': () => ({ query: '{ staffMembers { id } }' }),
  'Query.staffKbArticles': () => ({ query: '{ staffKbArticles { pagination { total } } }' }),
  'Query.incidents': () => ({ query: '{ incidents { pagination { total } } }' }),
  'Query.incidentCounts': () => ({ query: '{ incidentCounts { status } }' }),
  'Query.incidentRatingSummary': (w) => ({ query: 'query($f: RatingSummaryFilterInput) { incidentRatingSummary(filter: $f) { count } }', variables: { f: { assigneeId: w.staff.ENGINEER.id } } }),
  'Query.slaPolicies': () => ({ query: '{ slaPolicies { priority } }' }),
  'Query.verifyAuditChain': () => ({ query: '{ verifyAuditChain { ok } }' }),
  'Query.customers': () => ({ query: '{ customers { pagination { total } } }' }),
  'Query.organizations': () => ({ query: '{ organizations { pagination { total } } }' }),
  'Query.portalUsers': () => ({ query: '{ portalUsers { pagination { total } } }' }),
  'Query.tenantSettings': () => ({ query: '{ tenantSettings { name } }' }),
  'Query.workspaceSettings': () => ({ query: '{ workspaceSettings { name } }' }),
  'Query.auditLog': () => ({ query: '{ auditLog(limit: 100) { pagination { total } } }' }),
  'Query.notificationPreferences': () => ({ query: '{ notificationPreferences { kind } }' }),
  'Query.onCallRecipients': () => ({ query: '{ onCallRecipients { emails } }' }),
  'Query.deliveries': () => ({ query: '{ deliveries { pagination { total } } }' }),
  'Query.webhookEndpoints': () => ({ query: '{ webhookEndpoints { id } }' }),
  // Cursor connections (issue 15), beside their lists.
  'Query.incidentsConnection': () => ({ query: '{ incidentsConnection(first: 5) { totalCount } }' }),
  'Query.organizationsConnection': () => ({ query: '{ organizationsConnection { totalCount } }' }),
  'Query.portalUsersConnection': () => ({ query: '{ portalUsersConnection { totalCount } }' }),
  'Query.auditLogConnection': () => ({ query: '{ auditLogConnection { totalCount } }' }),
  'Query.deliveriesConnection': () => ({ query: '{ deliveriesConnection { totalCount } }' }),
  'Query.staffMembersConnection': () => ({ query: '{ staffMembersConnection { totalCount } }' }),
  'Query.staffKbArticlesConnection': () => ({ query: '{ staffKbArticlesConnection { totalCount } }' }),
  'Query.workspacesConnection': () => ({ query: '{ workspacesConnection { totalCount } }' }),
  'Mutation.updateProfile': () => ({ query: 'mutation { updateProfile(input: { firstName: "Grace", lastName: "Hopper" }) { id } }' }),
  'Mutation.inviteStaff': () => ({ query: 'mutation($e: String!) { inviteStaff(input: { email: $e, role: ENGINEER }) { email } }', variables: { e: `invited-${suffix()}@example.test` } }),
  'Mutation.createIncident': () => ({
    query: 'mutation { createIncident(input: { type: INCIDENT, title: "Down", description: "All down", priority: HIGH }) { id } }',
  }),
  'Mutation.setSlaPolicy': () => ({ query: 'mutation { setSlaPolicy(input: { priority: LOW, responseMinutes: 60, resolutionMinutes: 600 }) { priority } }' }),
  'Mutation.resetSlaPolicy': () => ({ query: 'mutation { resetSlaPolicy(priority: LOW) { priority } }' }),
  'Mutation.createKbArticle': () => ({
    query: 'mutation($t: String!) { createKbArticle(input: { title: $t, markdown: "Body.", visibility: INTERNAL }) { id } }',
    variables: { t: `By the SUPER_ADMIN ${suffix()}` },
  }),
  // Issue 15, staff incident work: the object-first mutations without a row id.
  'Mutation.incidentCreate': () => ({
    query: 'mutation { incidentCreate(input: { type: INCIDENT, title: "Down", description: "All down", priority: HIGH }) { incident { id } } }',
  }),
  'Mutation.slaPolicySet': () => ({ query: 'mutation { slaPolicySet(input: { priority: LOW, responseMinutes: 60, resolutionMinutes: 600 }) { slaPolicy { priority } } }' }),
  'Mutation.slaPolicyReset': () => ({ query: 'mutation { slaPolicyReset(input: { priority: LOW }) { slaPolicy { priority } } }' }),
  'Mutation.kbArticleCreate': () => ({
    query: 'mutation($t: String!) { kbArticleCreate(input: { title: $t, markdown: "Body.", visibility: INTERNAL }) { article { id } } }',
    variables: { t: `By the SUPER_ADMIN ${suffix()}` },
  }),
  'Mutation.createCustomer': () => ({ query: 'mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', variables: { n: `Org ${suffix()}` } }),
  'Mutation.createPortalUser': () => ({
    query: 'mutation($e: String!) { createPortalUser(input: { email: $e, displayName: "New User" }) { id } }',
    variables: { e: `portal-${suffix()}@client.test` },
  }),
  'Mutation.updateTenantSettings': () => ({ query: 'mutation { updateTenantSettings(input: { allowCustomerSignup: true }) { name } }' }),
  'Mutation.setNotificationPreference': () => ({ query: 'mutation { setNotificationPreference(kind: SLA_BREACH, enabled: false) { kind } }' }),
  'Mutation.setOnCallRecipients': () => ({ query: 'mutation { setOnCallRecipients(emails: ["oncall@example.test"]) { emails } }' }),
  'Mutation.createWebhookEndpoint': () => ({
    query: 'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/sa", eventTypes: ["incident.created"] }) { secret } }',
  }),
  // ---- Issue 15 (administration and sign-in): the new-style mutations without a row id.
  'Mutation.profileUpdate': () => ({ query: 'mutation { profileUpdate(input: { firstName: "Grace", lastName: "Hopper" }) { me { id } } }' }),
  'Mutation.staffInvite': () => ({
    query: 'mutation($e: String!) { staffInvite(input: { email: $e, role: ENGINEER }) { invitation { email } } }',
    variables: { e: `invited-${suffix()}@example.test` },
  }),
  'Mutation.organizationCreate': () => ({ query: 'mutation($n: String!) { organizationCreate(input: { name: $n }) { organization { id } } }', variables: { n: `Org ${suffix()}` } }),
  'Mutation.portalUserCreate': () => ({
    query: 'mutation($e: String!) { portalUserCreate(input: { email: $e, displayName: "New User" }) { portalUser { id } } }',
    variables: { e: `portal-${suffix()}@client.test` },
  }),
  'Mutation.workspaceSettingsUpdate': () => ({ query: 'mutation { workspaceSettingsUpdate(input: { allowCustomerSignup: true }) { settings { name } } }' }),
  'Mutation.notificationPreferenceSet': () => ({ query: 'mutation { notificationPreferenceSet(input: { kind: SLA_BREACH, enabled: false }) { preferences { kind } } }' }),
  'Mutation.onCallRecipientsSet': () => ({ query: 'mutation { onCallRecipientsSet(input: { emails: ["oncall@example.test"] }) { onCallRecipients { isDefault } } }' }),
  'Mutation.webhookEndpointCreate': () => ({
    query: 'mutation { webhookEndpointCreate(input: { url: "http://127.0.0.1:9/sa-new", eventTypes: ["incident.created"] }) { endpoint { id } secret } }',
  }),
  // ---- end of issue 15
  // These act on the caller's session: run last (a password change ends every other session, a sign-out this one).
  'Mutation.changePassword': (_w, self) => ({
    query: 'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }',
    variables: { c: self.password, n: nextPassword(self) },
  }),
  'Mutation.passwordChange': (_w, self) => ({
    query: 'mutation($c: String!, $n: String!) { passwordChange(input: { currentPassword: $c, newPassword: $n }) { changed } }',
    variables: { c: self.password, n: nextPassword(self) },
  }),
  'Mutation.logout': () => ({ query: 'mutation { logout }' }),
  'Mutation.sessionEnd': () => ({ query: 'mutation { sessionEnd { ended } }' }),
};
const LAST = ['Mutation.changePassword', 'Mutation.passwordChange', 'Mutation.logout', 'Mutation.sessionEnd'];

/** Every REST route without a row id in its path that runs a staff operation (the authz matrix calls the others). */
const REST_CALLS: Record<string, (self: SelfAdmin) => { body?: unknown; path?: string }> = {
  'GET /api/v1/auth/me': () => ({}),
  'PUT /api/v1/auth/profile': () => ({ body: { firstName: 'Rest' } }),
  'GET /api/v1/incidents': () => ({}),
  'POST /api/v1/incidents': () => ({ body: { type: 'INCIDENT', title: 'Down', description: 'All down', priority: 'HIGH' } }),
  'GET /api/v1/incidents/counts': () => ({}),
  'GET /api/v1/incidents/ratings/summary': () => ({}),
  'GET /api/v1/kb': () => ({}),
  'POST /api/v1/kb': () => ({ body: { title: `Rest article ${suffix()}`, markdown: 'Body.', visibility: 'INTERNAL' } }),
  'GET /api/v1/sla-policies': () => ({}),
  'PUT /api/v1/sla-policies/:priority': () => ({ path: '/api/v1/sla-policies/low', body: { responseMinutes: 30, resolutionMinutes: 300 } }),
  'DELETE /api/v1/sla-policies/:priority': () => ({ path: '/api/v1/sla-policies/low' }),
  'GET /api/v1/audit-log/verify': () => ({}),
  'GET /api/v1/audit-log': () => ({}),
  'GET /api/v1/customers': () => ({}),
  'POST /api/v1/customers': () => ({ body: { name: `Rest org ${suffix()}` } }),
  'GET /api/v1/portal-users': () => ({}),
  'POST /api/v1/portal-users': () => ({ body: { email: `rest-${suffix()}@client.test`, displayName: 'Rest User' } }),
  'GET /api/v1/settings': () => ({}),
  'PATCH /api/v1/settings': () => ({ body: { allowCustomerSignup: false } }),
  'GET /api/v1/notification-preferences': () => ({}),
  'PUT /api/v1/notification-preferences/:kind': () => ({ path: '/api/v1/notification-preferences/sla_breach', body: { enabled: true } }),
  'GET /api/v1/on-call-recipients': () => ({}),
  'PUT /api/v1/on-call-recipients': () => ({ body: { emails: ['rest-oncall@example.test'] } }),
  'GET /api/v1/deliveries': () => ({}),
  'GET /api/v1/webhooks': () => ({}),
  'POST /api/v1/webhooks': () => ({ body: { url: 'http://127.0.0.1:9/rest', eventTypes: ['incident.created'] } }),
  // Last: the password change ends the other sessions, sign-out this one.
  'POST /api/v1/auth/change-password': (self) => ({ body: { currentPassword: self.password, newPassword: `${self.password}x` } }),
  'POST /api/v1/auth/logout': () => ({}),
};

/** Every root field of Query and Mutation a staff token may reach (not public, not portal-only). */
function staffRootFields(schema: GraphQLSchema): string[] {
  const rules = permissions as Record<string, Record<string, unknown>>;
  return [schema.getQueryType()!, schema.getMutationType()!]
    .flatMap((root) => Object.keys(root.getFields()).map((f) => ({ key: `${root.name}.${f}`, rule: rules[root.name]?.[f] })))
    .filter(({ rule }) => rule !== public_ && rule !== customerOnly)
    .map(({ key }) => key)
    .sort();
}

/** The root fields (`Query.me`) a REST route's operation calls. */
function rootFieldsOf(route: AnyRestRoute): string[] {
  const op = route.operation.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = op.operation === 'query' ? 'Query' : 'Mutation';
  return op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [`${root}.${s.name.value}`] : []));
}

const isServerError = (status: number, codes: unknown[]) => status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('SERVICE_UNAVAILABLE');

describe('row-level security: a SUPER_ADMIN acting in a tenant (X-Tenant-Id) can use every staff operation', () => {
  const schema = buildBareSchema();
  let t: TestApp;
  let w: World;
  let platform: Tenant;
  let self: SelfAdmin;

  interface Signed {
    /** Acting in tenant A. */
    acting: Record<string, string>;
    /** In its own tenant (no X-Tenant-Id). */
    home: Record<string, string>;
    sessionId: string;
    caller: Caller;
  }
  /** A new session of the SUPER_ADMIN (the sign-out and password tests end theirs). */
  async function signIn(): Promise<Signed> {
    const signedIn = await login(t, self.email, self.password);
    const sessionId = (JSON.parse(Buffer.from(signedIn.accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
    const acting = { ...signedIn.auth, 'x-tenant-id': w.A.id };
    return { acting, home: signedIn.auth, sessionId, caller: { name: 'SUPER_ADMIN', kind: 'staff', tenant: 'A', role: 'SUPER_ADMIN', headers: acting } };
  }

  const gql = async (call: Call, headers: Record<string, string>) => {
    const res = call.files
      ? await w.gql(call.query, call.variables ?? {}, { name: 'SUPER_ADMIN', kind: 'staff', tenant: 'A', role: 'SUPER_ADMIN', headers }, call.files)
      : await t.rest<GqlBody>('POST', '/graphql', { query: call.query, variables: call.variables ?? {} }, headers);
    return { status: res.status, text: res.text, body: res.body, codes: (res.body.errors ?? []).map((e) => e.extensions?.code) };
  };
  const sessionRow = async (id: string) => (await t.em().findOneOrFail(Session, { id })).revokedAt;
  const ownRow = () => t.em().findOneOrFail(User, { id: self.user.id });

  beforeAll(async () => {
    t = await startTestApp({
      ...MATRIX_ENV,
      // Every field of every answer is selected: the operation limits are not what this file tests.
      GRAPHQL_MAX_DEPTH: '20',
      GRAPHQL_MAX_TOKENS: '100000',
      GRAPHQL_MAX_COST: '100000000',
      MUTATIONS_PER_VIEWER_PER_MINUTE: '100000',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    w = await buildWorld(t);
    // A SUPER_ADMIN of its own platform tenant whose password this file knows.
    platform = await createTenant(t.em(), { slug: `platform-${suffix()}` });
    const sa = await createStaff(t.em(), t.app.runtime.passwords, { tenant: platform, role: 'SUPER_ADMIN' });
    self = { user: sa.user, email: sa.email, password: sa.password };
  });
  afterAll(() => t?.close());

  it('every staff root field and staff REST route has a call here', () => {
    const rowFields = ROW_ENTRIES.filter((e) => e.access.kind === 'staff').map((e) => e.slot.slice(0, e.slot.indexOf(':')));
    const covered = [...new Set([...rowFields, ...Object.keys(OTHER_ENTRIES)])].sort();
    // A failure here: a new staff operation needs a call in OTHER_ENTRIES (or an entry in the authz matrix).
    expect(covered).toEqual(staffRootFields(schema));

    const staffFields = new Set(staffRootFields(schema));
    const inMatrix = new Set(ROW_ENTRIES.flatMap((e) => Object.keys(e.rest ?? {})));
    const staffRoutes = restRoutes
      .filter((r) => rootFieldsOf(r).every((f) => staffFields.has(f)))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !inMatrix.has(r));
    expect([...new Set(staffRoutes)].sort()).toEqual(Object.keys(REST_CALLS).sort());
  });

  it('no operation answers INTERNAL_SERVER_ERROR or is refused, with every field of the answer selected', async () => {
    const sa = await signIn();
    const calls: { name: string; call: Call }[] = [];
    for (const e of ROW_ENTRIES.filter((x) => x.access.kind === 'staff')) {
      const id = e.fresh ? await e.fresh(w, sa.caller) : e.target(w, sa.caller);
      const op = await e.op(id, w);
      calls.push({ name: e.slot, call: { query: op.query, variables: op.variables, files: op.files } });
    }
    // The password change and sign-out have tests of their own below (they end sessions).
    for (const name of Object.keys(OTHER_ENTRIES).filter((k) => !LAST.includes(k))) calls.push({ name, call: OTHER_ENTRIES[name](w, self) });

    const problems: string[] = [];
    for (const { name, call } of calls) {
      const res = await gql({ ...call, query: withFullSelection(schema, call.query) }, sa.acting);
      if (isServerError(res.status, res.codes)) problems.push(`${name}: ${res.status} ${res.text}`);
      else if (res.codes.length || !res.body.data) problems.push(`${name}: refused ${res.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('me and updateProfile describe and change the SUPER_ADMIN itself, not a row of the acting tenant', async () => {
    const sa = await signIn();
    const me = await gql({ query: '{ me { id email role businessId } }' }, sa.acting);
    expect(me.body).toEqual({ data: { me: { id: self.user.id, email: self.email, role: 'SUPER_ADMIN', businessId: platform.id } } });

    const updated = await gql({ query: 'mutation { updateProfile(input: { firstName: "Acting", lastName: "Admin" }) { id firstName lastName businessId } }' }, sa.acting);
    expect(updated.body).toEqual({ data: { updateProfile: { id: self.user.id, firstName: 'Acting', lastName: 'Admin', businessId: platform.id } } });
    expect(await ownRow()).toMatchObject({ firstName: 'Acting', lastName: 'Admin' });
  });

  it("notification preferences are the SUPER_ADMIN's own, in its own tenant, whether it acts in a tenant or not", async () => {
    const sa = await signIn();
    const set = (enabled: boolean, headers: Record<string, string>) =>
      gql({ query: 'mutation($on: Boolean!) { setNotificationPreference(kind: SLA_BREACH, enabled: $on) { kind enabled isDefault } }', variables: { on: enabled } }, headers);
    const read = async (headers: Record<string, string>) =>
      ((await gql({ query: '{ notificationPreferences { kind enabled } }' }, headers)).body.data?.notificationPreferences as { kind: string; enabled: boolean }[]).find(
        (p) => p.kind === 'SLA_BREACH',
      )?.enabled;

    // Set at home first, so the acting change meets the existing row (an upsert that row-level security would refuse).
    expect((await set(true, sa.home)).codes).toEqual([]);
    const acting = await set(false, sa.acting);
    expect(acting.codes).toEqual([]);
    expect(await read(sa.home)).toBe(false);
    expect(await read(sa.acting)).toBe(false);
    expect((await set(true, sa.acting)).codes).toEqual([]);
    expect(await read(sa.home)).toBe(true);
    const rows = await t.em().getConnection().execute<{ tenant_id: string }[]>('SELECT tenant_id FROM notification_preferences WHERE owner_id = ?', [self.user.id]);
    expect(rows.map((r) => r.tenant_id)).toEqual([platform.id]);
  });

  it('assigning an incident of the acting tenant to the SUPER_ADMIN itself is a coded refusal (it is no member of the tenant)', async () => {
    const sa = await signIn();
    const incident = await w.make.incident();
    const assign = await gql({ query: 'mutation($id: ID!, $a: ID) { assignIncident(id: $id, assigneeId: $a) { id } }', variables: { id: incident.id, a: self.user.id } }, sa.acting);
    expect(assign.codes).toEqual(['STAFF_MEMBER_NOT_FOUND']);
    const create = await gql(
      { query: 'mutation($a: ID) { createIncident(input: { type: INCIDENT, title: "x", description: "y", priority: LOW, assigneeId: $a }) { id } }', variables: { a: self.user.id } },
      sa.acting,
    );
    expect(create.codes).toEqual(['STAFF_MEMBER_NOT_FOUND']);
    // The object-first mutations (issue 15) alike.
    const assignNew = await gql({ query: 'mutation($id: ID!, $a: ID) { incidentAssign(input: { id: $id, assigneeId: $a }) { incident { id } } }', variables: { id: incident.id, a: self.user.id } }, sa.acting);
    expect(assignNew.codes).toEqual(['STAFF_MEMBER_NOT_FOUND']);
    const createNew = await gql(
      { query: 'mutation($a: ID) { incidentCreate(input: { type: INCIDENT, title: "x", description: "y", priority: LOW, assigneeId: $a }) { incident { id } } }', variables: { a: self.user.id } },
      sa.acting,
    );
    expect(createNew.codes).toEqual(['STAFF_MEMBER_NOT_FOUND']);
  });

  // Issue 15: passwordChange and sessionEnd are the new names; each pair runs through the same assertions.
  it.each([
    ['changePassword', 'mutation { changePassword(input: { currentPassword: "not-it-at-all-1A", newPassword: "Another-Strong-Pass-42" }) }', true],
    ['passwordChange', 'mutation { passwordChange(input: { currentPassword: "not-it-at-all-1A", newPassword: "Another-Strong-Pass-42" }) { changed } }', { changed: true }],
  ] as const)('%s changes its own password and ends its other sessions; a wrong current password is a coded refusal', async (name, wrongQuery, answer) => {
    const other = await signIn();
    const sa = await signIn();
    const wrong = await gql({ query: wrongQuery }, sa.acting);
    expect(wrong.codes).toEqual(['VALIDATION_FAILED']);

    const next = nextPassword(self);
    const changed = await gql(OTHER_ENTRIES[`Mutation.${name}`](w, self), sa.acting);
    expect(changed.body).toEqual({ data: { [name]: answer } });
    expect(await sessionRow(other.sessionId)).toBeInstanceOf(Date);
    expect(await sessionRow(sa.sessionId)).toBeNull();
    expect((await gql({ query: '{ me { id } }' }, other.acting)).codes).toEqual(['UNAUTHENTICATED']);
    self.password = next; // what OTHER_ENTRIES sets
    await expect(login(t, self.email, self.password)).resolves.toBeDefined();
  });

  it.each([
    ['logout', 'mutation { logout }', true],
    ['sessionEnd', 'mutation { sessionEnd { ended } }', { ended: true }],
  ] as const)('%s ends its own session (in its own tenant): the token stops working, acting or not', async (name, query, answer) => {
    const sa = await signIn();
    const out = await gql({ query }, sa.acting);
    expect(out.body).toEqual({ data: { [name]: answer } });
    expect(await sessionRow(sa.sessionId)).toBeInstanceOf(Date);
    expect((await gql({ query: '{ me { id } }' }, sa.acting)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await gql({ query: '{ me { id } }' }, sa.home)).codes).toEqual(['UNAUTHENTICATED']);
    const [audit] = await t.em().getConnection().execute<{ tenant_id: string }[]>(
      "SELECT tenant_id FROM audit_log WHERE action = 'auth.logout' AND actor_id = ? ORDER BY created_at DESC LIMIT 1",
      [self.user.id],
    );
    expect(audit?.tenant_id).toBe(platform.id);
  });

  it('over REST, no staff route answers 500 or 503; me, sign-out and the password change act on the SUPER_ADMIN', async () => {
    const sa = await signIn();
    const problems: string[] = [];
    for (const [route, make] of Object.entries(REST_CALLS)) {
      const [method, path] = route.split(' ');
      const req = make(self);
      const res = await t.rest<{ success: boolean; data: unknown }>(method, req.path ?? path, req.body, sa.acting);
      if (res.status >= 400) problems.push(`${route}: ${res.status} ${res.text}`);
      if (route === 'GET /api/v1/auth/me') expect(res.body.data).toMatchObject({ id: self.user.id, businessId: platform.id });
      if (route === 'POST /api/v1/auth/change-password') self.password = `${self.password}x`;
    }
    expect(problems).toEqual([]);
    expect(await sessionRow(sa.sessionId)).toBeInstanceOf(Date);
    await expect(login(t, self.email, self.password)).resolves.toBeDefined();
  });
});
