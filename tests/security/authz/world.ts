import { randomBytes } from 'node:crypto';
import type { StaffRole, Viewer } from '../../../src/auth/viewer';
import { Customer, CustomerUser, type SharingMode } from '../../../src/modules/customer/customer.entity';
import type { Incident } from '../../../src/modules/incident/incident.entity';
import { KbArticle } from '../../../src/modules/kb/kb.entity';
import { Delivery, WebhookEndpoint } from '../../../src/modules/notifications/notification.entity';
import { Tenant } from '../../../src/modules/tenant/tenant.entity';
import { User } from '../../../src/modules/user/user.entity';
import { createArticle, createCustomerOrg, createCustomerUser, createIncident, addUpdate, portalLogin, type CustomerFixture } from '../../factories/portal';
import { createStaff, login } from '../../factories/staff';
import { createTenant } from '../../factories/tenants';
import { createFailedDelivery, createWebhookRow } from '../../factories/webhooks';
import type { TestApp } from '../../setup/app';

/**
 * The callers of the matrix. Tenant A is the workspace under test; B is another workspace; P is the
 * platform tenant of the SUPER_ADMIN (who acts in A with X-Tenant-Id, or in its own tenant without it).
 */
export const STAFF_ROLES = ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER', 'ADMIN', 'SUPER_ADMIN'] as const satisfies readonly StaffRole[];
export const CUSTOMER_CALLERS = ['owner', 'ownerOwnMode', 'peerShared', 'peerOwn', 'otherOrg', 'noOrg', 'customerB'] as const;
export const CALLERS = [...STAFF_ROLES, 'superAdminHome', 'staffB', ...CUSTOMER_CALLERS, 'anonymous'] as const;
export type CallerName = (typeof CALLERS)[number];
export type CustomerCaller = (typeof CUSTOMER_CALLERS)[number];

export interface Caller {
  name: CallerName;
  kind: 'staff' | 'customer' | 'anonymous';
  /** The tenant the caller acts in. */
  tenant: 'A' | 'B' | 'P' | null;
  role?: StaffRole;
  headers: Record<string, string>;
}

/**
 * Which customer-reported ticket each customer caller is pointed at, and whether it may see it: the row-level
 * rule of incident.read.ts (the reporter; the reporter's organization when it shares; nobody else), written
 * out so a reader can check it (`reporter`: the caller reported it). `shared` is reported by `owner` in an ORGANIZATION-sharing organization;
 * `own` by `ownerOwnMode` in an OWN organization.
 */
export const TICKET_FOR: Record<CustomerCaller, { ticket: 'shared' | 'own'; sees: boolean; reporter?: boolean; why: string }> = {
  owner: { ticket: 'shared', sees: true, reporter: true, why: 'reported it' },
  ownerOwnMode: { ticket: 'own', sees: true, reporter: true, why: 'reported it (OWN organization)' },
  peerShared: { ticket: 'shared', sees: true, why: 'same organization, sharing ORGANIZATION' },
  peerOwn: { ticket: 'own', sees: false, why: 'same organization, sharing OWN' },
  otherOrg: { ticket: 'shared', sees: false, why: 'another organization (which itself shares)' },
  noOrg: { ticket: 'shared', sees: false, why: 'in no organization' },
  customerB: { ticket: 'shared', sees: false, why: 'another tenant' },
};

/** A viewer with the caller's role, for asking the policy functions (ids do not matter to them). */
export const viewerOf = (c: Caller): Viewer =>
  c.kind === 'staff'
    ? { kind: 'staff', role: c.role!, userId: 'u', tenantId: 't', sessionId: 's' }
    : c.kind === 'customer'
      ? { kind: 'customer', customerUserId: 'c', tenantId: 't', customerId: null, sessionId: 's' }
      : { kind: 'anonymous' };

/** The app for a matrix file: no background work that could change rows while the matrix looks at them. */
// The matrix sends each caller a few hundred mutations within a minute or two (old and new names alike): the
// per-viewer mutation budget is rate-limits.int-spec.ts's subject, so it is out of the way here.
/**
 * Each call of the matrix is a document sent once: GRAPHQL_JIT_THRESHOLD 0 runs them compiled by graphql-jit, as
 * the server runs any document sent a second time (jit.int-spec.ts keeps graphql-js's answers the same).
 */
export const MATRIX_ENV = { WORKER_ENABLED: 'false', SLA_CHECK_INTERVAL_MS: '0', EZRA_AUTO_ANALYZE: 'false', MUTATIONS_PER_VIEWER_PER_MINUTE: '100000', GRAPHQL_JIT_THRESHOLD: '0' };

export interface World {
  t: TestApp;
  A: Tenant;
  B: Tenant;
  callers: Record<CallerName, Caller>;
  staff: Record<'ENGINEER' | 'ADMIN', User> & { B: User };
  orgs: { shared: Customer; own: Customer; other: Customer; B: Customer };
  customers: Record<CustomerCaller, CustomerFixture>;
  tickets: { shared: Incident; own: Incident };
  /** Rows of tenant A the id-taking operations act on (refused calls are pointed at these). */
  rows: {
    incidentB: Incident;
    internalNote: string;
    linkChild: Incident;
    linkedChild: Incident;
    draft: KbArticle;
    published: KbArticle;
    internalPublished: KbArticle;
    withRevisions: string;
    articleB: KbArticle;
    deletableOrg: Customer;
    portalUser: CustomerUser;
    inactivePortalUser: CustomerUser;
    staffTarget: User;
    delivery: Delivery;
    webhook: WebhookEndpoint;
    /** Updates of the shared ticket: staff's INTERNAL and PUBLIC ones, and a comment of its reporter (owner). */
    sharedInternalUpdate: string;
    sharedPublicUpdate: string;
    ownerComment: string;
    /** An update of B's incident. */
    updateB: string;
    /** Attachment ids: the owner's on the shared ticket, ownerOwnMode's on the own ticket, staff's on the shared ticket's INTERNAL update. */
    files: { shared: string; own: string; internal: string };
  };
  make: {
    ticket(kind: 'shared' | 'own'): Promise<Incident>;
    incident(): Promise<Incident>;
    linkedChild(): Promise<Incident>;
    article(status: 'DRAFT' | 'PUBLISHED'): Promise<KbArticle>;
    articleWithRevisions(): Promise<string>;
    org(sharingMode?: SharingMode): Promise<Customer>;
    portalUser(active?: boolean): Promise<CustomerUser>;
    staffMember(): Promise<User>;
    delivery(): Promise<Delivery>;
    webhook(): Promise<WebhookEndpoint>;
    /** A file uploaded through the REST file route of `by`'s kind to a ticket (or one of its updates): its attachment id. */
    file(ticket: 'shared' | 'own', by: Caller, updateId?: string): Promise<string>;
  };
  /** The ticket of each file `make.file` uploaded, by attachment id. */
  fileTickets: Map<string, string>;
  /** One row as JSON plus the rows hanging off it, to prove a refused mutation changed nothing. */
  snapshot(table: string, id: string, children?: [table: string, column: string][]): Promise<unknown>;
  /** `files`: a GraphQL multipart request, each file's text by its variable path (`variables.files.0`), whose variable is null. */
  gql(query: string, variables: Record<string, unknown>, caller: Caller, files?: Record<string, string>): Promise<{ status: number; text: string; body: GqlBody }>;
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

const suffix = () => randomBytes(3).toString('hex');

/** Builds the world once per file, through factories and the real server (logins over HTTP). */
export async function buildWorld(t: TestApp): Promise<World> {
  const hasher = t.app.runtime.passwords;
  const em = t.em();
  const A = await createTenant(em, { slug: `authz-a-${suffix()}` });
  const B = await createTenant(em, { slug: `authz-b-${suffix()}` });
  const P = await createTenant(em, { slug: `authz-p-${suffix()}` });

  const staffFixtures = await Promise.all(STAFF_ROLES.map((role) => createStaff(t.em(), hasher, { tenant: role === 'SUPER_ADMIN' ? P : A, role })));
  const staffB = await createStaff(t.em(), hasher, { tenant: B, role: 'ADMIN' });

  const orgs = {
    shared: await createCustomerOrg(em, A, 'ORGANIZATION', 'Shared Org'),
    own: await createCustomerOrg(em, A, 'OWN', 'Own Org'),
    other: await createCustomerOrg(em, A, 'ORGANIZATION', 'Other Org'),
    B: await createCustomerOrg(em, B, 'ORGANIZATION', 'B Org'),
  };
  const orgOf: Record<CustomerCaller, Customer | null> = {
    owner: orgs.shared,
    ownerOwnMode: orgs.own,
    peerShared: orgs.shared,
    peerOwn: orgs.own,
    otherOrg: orgs.other,
    noOrg: null,
    customerB: orgs.B,
  };
  const customers = Object.fromEntries(
    await Promise.all(
      CUSTOMER_CALLERS.map(async (name) => [name, await createCustomerUser(t.em(), hasher, name === 'customerB' ? B : A, { org: orgOf[name], name })] as const),
    ),
  ) as Record<CustomerCaller, CustomerFixture>;

  // Logins over HTTP, in parallel (argon2 runs on libuv's pool).
  const staffAuth = await Promise.all(staffFixtures.map((s) => login(t, s.email, s.password)));
  const staffBAuth = await login(t, staffB.email, staffB.password);
  const customerAuth = await Promise.all(CUSTOMER_CALLERS.map((name) => portalLogin(t, name === 'customerB' ? B.slug : A.slug, customers[name].email, customers[name].password)));

  const callers = {} as Record<CallerName, Caller>;
  STAFF_ROLES.forEach((role, i) => {
    const headers = role === 'SUPER_ADMIN' ? { ...staffAuth[i].auth, 'x-tenant-id': A.id } : staffAuth[i].auth;
    callers[role] = { name: role, kind: 'staff', tenant: 'A', role, headers };
  });
  callers.superAdminHome = { name: 'superAdminHome', kind: 'staff', tenant: 'P', role: 'SUPER_ADMIN', headers: staffAuth[STAFF_ROLES.indexOf('SUPER_ADMIN')].auth };
  callers.staffB = { name: 'staffB', kind: 'staff', tenant: 'B', role: 'ADMIN', headers: staffBAuth.auth };
  CUSTOMER_CALLERS.forEach((name, i) => {
    callers[name] = { name, kind: 'customer', tenant: name === 'customerB' ? 'B' : 'A', headers: customerAuth[i] };
  });
  callers.anonymous = { name: 'anonymous', kind: 'anonymous', tenant: null, headers: {} };

  const engineer = staffFixtures[STAFF_ROLES.indexOf('ENGINEER')].user;
  const admin = staffFixtures[STAFF_ROLES.indexOf('ADMIN')].user;
  const internalNote = `INTERNAL-NOTE-${suffix()}`;
  // Filled below, once `make` can make them; `make.file` reads it.
  const tickets = {} as World['tickets'];
  const fileTickets = new Map<string, string>();

  const make: World['make'] = {
    async ticket(kind) {
      const reporter = kind === 'shared' ? customers.owner.user : customers.ownerOwnMode.user;
      const ticket = await createIncident(t.em(), A, { reporter, org: kind === 'shared' ? orgs.shared : orgs.own, techDescription: 'TECH-SECRET' });
      await addUpdate(t.em(), ticket, 'We are on it.', 'PUBLIC', admin);
      await addUpdate(t.em(), ticket, internalNote, 'INTERNAL', admin);
      return ticket;
    },
    incident: () => createIncident(t.em(), A),
    async linkedChild() {
      const parent = await createIncident(t.em(), A);
      return createIncident(t.em(), A, { parent });
    },
    article: (status) => createArticle(t.em(), A, { title: `Article ${suffix()}`, markdown: 'Body.', status, visibility: 'PUBLIC' }),
    async articleWithRevisions() {
      // Through the API, so the kept revision is written as production writes it.
      const created = await gqlAs<{ createKbArticle: { id: string } }>(
        'mutation($i: CreateKbArticleInput!) { createKbArticle(input: $i) { id } }',
        { i: { title: `Revised ${suffix()}`, markdown: 'First.', visibility: 'INTERNAL' } },
        callers.ADMIN,
      );
      await gqlAs('mutation($id: ID!) { updateKbArticle(id: $id, input: { markdown: "Second." }) { revision } }', { id: created.createKbArticle.id }, callers.ADMIN);
      return created.createKbArticle.id;
    },
    org: (sharingMode = 'OWN') => createCustomerOrg(t.em(), A, sharingMode),
    async portalUser(active = true) {
      const e = t.em();
      const user = e.create(CustomerUser, {
        tenant: e.getReference(Tenant, A.id),
        customer: e.getReference(Customer, orgs.other.id),
        email: `pu-${suffix()}@client.test`,
        displayName: 'Target User',
        isActive: active,
        emailVerifiedAt: new Date(),
      });
      await e.flush();
      return user;
    },
    async staffMember() {
      const e = t.em();
      const user = e.create(User, { tenant: e.getReference(Tenant, A.id), email: `member-${suffix()}@example.test`, role: 'ENGINEER', emailVerifiedAt: new Date() });
      await e.flush();
      return user;
    },
    delivery: () => createFailedDelivery(t.em(), A.id, `oncall-${suffix()}@example.test`),
    async webhook() {
      const { endpoint } = await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, A.id, { url: 'https://hooks.example.test/in', eventTypes: ['incident.created'], description: 'matrix' });
      return endpoint;
    },
    async file(ticket, by, updateId) {
      const id = tickets[ticket].id;
      const form = new FormData();
      if (updateId) form.append('updateId', updateId);
      form.append('file', new Blob([`matrix file ${suffix()}`]), 'matrix.txt');
      const path = by.kind === 'staff' ? `/api/v1/incidents/${id}/attachments` : `/api/v1/portal/tickets/${id}/attachments`;
      const res = await fetch(`${t.url}${path}`, { method: 'POST', body: form, headers: by.headers });
      const body = (await res.json()) as { data?: { attachments: { id: string }[] } };
      if (res.status !== 201 || !body.data) throw new Error(`setup upload failed: ${res.status} ${JSON.stringify(body)}`);
      fileTickets.set(body.data.attachments[0].id, id);
      return body.data.attachments[0].id;
    },
  };

  const gql: World['gql'] = async (query, variables, caller, files) => {
    if (!files) {
      const res = await t.rest<GqlBody>('POST', '/graphql', { query, variables }, caller.headers);
      return { status: res.status, text: res.text, body: res.body };
    }
    const paths = Object.keys(files);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables }));
    form.append('map', JSON.stringify(Object.fromEntries(paths.map((path, i) => [String(i), [path]]))));
    paths.forEach((path, i) => form.append(String(i), new Blob([files[path]]), 'matrix.txt'));
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: { ...caller.headers, 'apollo-require-preflight': 'true' } });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as GqlBody };
  };
  async function gqlAs<T>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> {
    const res = await gql(query, variables, caller);
    if (res.body.errors?.length || !res.body.data) throw new Error(`setup call failed: ${res.text}`);
    return res.body.data as T;
  }

  Object.assign(tickets, { shared: await make.ticket('shared'), own: await make.ticket('own') });
  const updateOf = async (visibility: string) =>
    (await t.em().getConnection().execute<{ id: string }[]>('SELECT id FROM incident_updates WHERE incident_id = ? AND visibility = ? ORDER BY created_at LIMIT 1', [tickets.shared.id, visibility]))[0].id;
  const sharedInternalUpdate = await updateOf('INTERNAL');
  const sharedPublicUpdate = await updateOf('PUBLIC');
  const ownerComment = (await gqlAs<{ addTicketComment: { id: string } }>('mutation($t: ID!) { addTicketComment(ticketId: $t, body: "Mine.") { id } }', { t: tickets.shared.id }, callers.owner)).addTicketComment.id;
  // An Ezra run on the shared ticket, so incidentAnalysis has something to return to those allowed to read it.
  await gqlAs('mutation($id: ID!) { analyzeIncident(id: $id) { id } }', { id: tickets.shared.id }, callers.ADMIN);

  const incidentB = await createIncident(t.em(), B, { reporter: customers.customerB.user, org: orgs.B });
  const rows: World['rows'] = {
    incidentB,
    internalNote,
    linkChild: await make.incident(),
    linkedChild: await make.linkedChild(),
    draft: await make.article('DRAFT'),
    published: await make.article('PUBLISHED'),
    internalPublished: await createArticle(t.em(), A, { title: `Internal ${suffix()}`, markdown: 'Staff only.', status: 'PUBLISHED', visibility: 'INTERNAL' }),
    withRevisions: await make.articleWithRevisions(),
    articleB: await createArticle(t.em(), B, { title: `Theirs ${suffix()}`, markdown: 'Other tenant.', status: 'PUBLISHED', visibility: 'PUBLIC' }),
    deletableOrg: await make.org(),
    portalUser: await make.portalUser(true),
    inactivePortalUser: await make.portalUser(false),
    staffTarget: await make.staffMember(),
    delivery: await make.delivery(),
    webhook: await make.webhook(),
    sharedInternalUpdate,
    sharedPublicUpdate,
    ownerComment,
    updateB: (await addUpdate(t.em(), incidentB, 'Theirs.', 'PUBLIC', staffB.user)).id,
    files: {
      shared: await make.file('shared', callers.owner),
      own: await make.file('own', callers.ownerOwnMode),
      internal: await make.file('shared', callers.ADMIN, sharedInternalUpdate),
    },
  };

  const snapshot: World['snapshot'] = async (table, id, children = []) => {
    const conn = t.em().getConnection();
    const [row] = await conn.execute<{ row: unknown }[]>(`SELECT row_to_json(x) AS row FROM ${table} x WHERE x.id = ?`, [id]);
    const counts: Record<string, number> = {};
    for (const [child, column] of children) {
      const [{ n }] = await conn.execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${child} WHERE ${column} = ?`, [id]);
      counts[`${child}.${column}`] = Number(n);
    }
    const [{ n: audits }] = await conn.execute<{ n: string }[]>('SELECT count(*) AS n FROM audit_log WHERE target_id = ?', [id]);
    return { row: row?.row ?? null, counts, audits: Number(audits) };
  };

  return { t, A, B, callers, staff: { ENGINEER: engineer, ADMIN: admin, B: staffB.user }, orgs, customers, tickets, rows, make, fileTickets, snapshot, gql };
}
