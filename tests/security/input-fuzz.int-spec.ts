import { randomUUID } from 'node:crypto';
import { CONNECTION_CURSOR_MAX } from '../../src/shared/connection';
import { getMetadataStorage as validatorMetadata } from 'class-validator';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { getMetadataStorage as typeGraphQLMetadata } from 'type-graphql';
import { PASSWORD_MAX } from '../../src/auth/passwords';
import { buildBareSchema } from '../../src/graphql/schema';
import { restRoutes } from '../../src/rest/routes';
import { TEXT_LENGTH_RULE } from '../../src/shared/text';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { addUpdate, createArticle, createCustomerOrg, createCustomerUser, createIncident, portalLogin } from '../factories/portal';
import { createStaff, login, STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { changedTables, checksum } from '../setup/db-checksum';
import { TENANT_ROLE } from '../../src/db/tenant-transaction';

/**
 * Input fuzzing of every mutation, found from the schema so that new ones are covered without editing this
 * file: strings over their declared maximum, wrong JSON types, unknown enum values, text PostgreSQL cannot
 * store, and search strings full of SQL and LIKE metacharacters. Every bad input must be refused with a
 * coded error (4xx on REST, `extensions.code` on GraphQL), without a stack trace or a 500, and leave the
 * database exactly as it was (no row of any table written: tests/setup/db-checksum.ts).
 *
 * Deep nesting, alias bombs, batched arrays and oversized bodies are covered by graphql-limits*.ts and
 * body-limit.int-spec.ts; what they leave out is at the end of this file.
 */

type GqlError = { message: string; path?: string[]; extensions?: { code?: string; errors?: { field?: string; code: string; message: string }[]; [k: string]: unknown } };
type GqlBody = { data?: Record<string, unknown> | null; errors?: GqlError[] };
type Envelope = { success: boolean; message: string; data?: unknown; errors?: { code: string; field?: string; message: string }[] };

// ---- the schema's string inputs and their declared maximums ------------------------------------------

interface Leaf {
  root: 'Query' | 'Mutation';
  field: string;
  /** From the argument down through input objects: ['input', 'title']. */
  path: string[];
  type: GraphQLInputType;
  /** The input type declaring it (undefined for a plain argument). */
  owner?: string;
  list: boolean;
}

const schema = buildBareSchema();

function leavesOf(root: 'Query' | 'Mutation'): Leaf[] {
  const out: Leaf[] = [];
  const walk = (field: string, type: GraphQLInputType, path: string[], owner: string | undefined, list: boolean, seen: Set<string>) => {
    let t: GraphQLInputType = type;
    let isList = list;
    while (isNonNullType(t) || isListType(t)) {
      if (isListType(t)) isList = true;
      t = (t as { ofType: GraphQLInputType }).ofType;
    }
    if (isInputObjectType(t)) {
      if (seen.has(t.name)) return;
      for (const f of Object.values(t.getFields())) walk(field, f.type, [...path, f.name], t.name, isList, new Set([...seen, t.name]));
      return;
    }
    out.push({ root, field, path, type: t, owner, list: isList });
  };
  const fields = schema.getType(root) as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
  for (const f of Object.values(fields.getFields())) {
    if (takesFiles(f)) continue;
    for (const a of f.args) walk(f.name, a.type, [a.name], undefined, false, new Set());
  }
  return out;
}

/**
 * Fields taking files (`Upload`) run only as GraphQL multipart requests: sent as JSON here, every case would be
 * refused for its files (UPLOAD_NOT_MULTIPART) before its other inputs are judged. tests/integration/graphql-uploads.int-spec.ts
 * sends them as multipart requests: their refusals, the over-long idempotency key, JSON and WebSocket refused alike.
 */
const takesFiles = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => holdsUpload(a.type, new Set()));
/** An Upload, or an input object holding one (issue 15: incidentFilesAttach takes its files inside `input`). */
function holdsUpload(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (named.name === 'Upload') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  return Object.values(named.getFields()).some((f) => holdsUpload(f.type, new Set([...seen, named.name])));
}

const isString = (l: Leaf) => isScalarType(l.type) && l.type.name === 'String';
const isId = (l: Leaf) => isScalarType(l.type) && l.type.name === 'ID';
const label = (l: Leaf) => `${l.field}(${l.path.join('.')})`;

/** Fields that must match an anchored pattern (a 6-digit code, an E.164 number): bounded by it. */
const patterned = new Set<string>();
/** What the oversize probe sends to such a field: longer than any of those patterns admits. */
const PATTERN_FUZZ_LENGTH = 1000;

/** class-validator's length rules of each input class, by GraphQL type name and field. */
function declaredMaximums(): Map<string, number> {
  const out = new Map<string, number>();
  for (const input of typeGraphQLMetadata().inputTypes) {
    for (const m of validatorMetadata().getTargetValidationMetadatas(input.target, '', true, false)) {
      const pattern = m.name === 'matches' ? (m.constraints[0] as RegExp) : undefined;
      // Anchored, with no unbounded repetition (escaped characters such as `\+` are literals).
      const bare = pattern?.source.replace(/\\./g, 'x').replace(/\{\d+(,\d+)?\}/g, '');
      if (pattern && bare && bare.startsWith('^') && bare.endsWith('$') && !/[*+]|\{\d+,\}/.test(bare)) {
        patterned.add(`${input.name}.${m.propertyName}`);
      }
      // Input length rules are all @TextLength (constraints [min, max]); tests/unit/text.spec.ts checks no other kind is left.
      const max = m.name === TEXT_LENGTH_RULE ? m.constraints[1] : undefined;
      if (typeof max === 'number' && Number.isFinite(max)) out.set(`${input.name}.${m.propertyName}`, Math.min(max, out.get(`${input.name}.${m.propertyName}`) ?? Infinity));
    }
  }
  return out;
}

/**
 * Free text the services bound themselves (plain arguments, and the password rules every flow shares),
 * with the limit they enforce. Anything that is neither here nor under a class-validator length rule has
 * no maximum, and the completeness test fails naming it.
 */
const SERVICE_MAXIMUMS: Record<string, number> = {
  'createTicket(idempotencyKey)': 200,
  'addTicketComment(body)': 5000,
  'oauthCallback(code)': 4096,
  'oauthCallback(state)': 200,
  'oauthCallback(iss)': 2000,
  'createWebhookEndpoint(input.url)': 2000,
  'updateWebhookEndpoint(input.url)': 2000,
  'setOnCallRecipients(emails)': 254,
  // Issue 15: the same arguments inside the new-style mutations' inputs, bounded by the same services.
  'oauthComplete(input.code)': 4096,
  'oauthComplete(input.state)': 200,
  'oauthComplete(input.iss)': 2000,
  'webhookEndpointCreate(input.url)': 2000,
  'webhookEndpointUpdate(input.url)': 2000,
  'onCallRecipientsSet(input.emails)': 254,
  'createKbArticle(input.tags)': 50,
  'updateKbArticle(input.tags)': 50,
  // Issue 15: the same inputs, the object-first mutations.
  'kbArticleCreate(input.tags)': 50,
  'kbArticleUpdate(input.tags)': 50,
  // Search and filter arguments of queries.
  'kbArticles(q)': 200,
  'kbArticles(category)': 100,
  'kbArticles(tag)': 50,
  'kbArticlesConnection(q)': 200,
  'kbArticlesConnection(category)': 100,
  'kbArticlesConnection(tag)': 50,
  'deliveries(eventType)': 100,
  'deliveriesConnection(eventType)': 100,
  // List cursors (CURSOR_MAX): longer is not a cursor this server handed out.
  'incidents(after)': 100,
  'tickets(after)': 100,
};
/** Lookup keys: compared with stored values, never stored; an unknown one is "not found", like an id. */
const LOOKUP_KEYS = new Set(['kbArticle(slug)']);
/** Values from a closed list (refused unless they name one), bounded by that list. */
const CLOSED_LISTS = new Set([
  'oauthLogin(provider)',
  'createWebhookEndpoint(input.eventTypes)',
  'updateWebhookEndpoint(input.eventTypes)',
  // Issue 15: the new-style names.
  'oauthStart(input.provider)',
  'webhookEndpointCreate(input.eventTypes)',
  'webhookEndpointUpdate(input.eventTypes)',
]);
const PASSWORD_FIELDS = /^(password|newPassword)$/;

function maximumOf(leaf: Leaf, declared: Map<string, number>): number | undefined {
  const name = leaf.path[leaf.path.length - 1];
  if (leaf.owner && declared.has(`${leaf.owner}.${name}`)) return declared.get(`${leaf.owner}.${name}`);
  if (leaf.owner && PASSWORD_FIELDS.test(name)) return PASSWORD_MAX; // checkPasswordRules, in the service of every flow
  if (leaf.owner && patterned.has(`${leaf.owner}.${name}`)) return PATTERN_FUZZ_LENGTH;
  // Connection cursors (shared/connection.ts): longer is not a cursor this server handed out.
  if (!leaf.owner && leaf.field.endsWith('Connection') && (name === 'after' || name === 'before')) return CONNECTION_CURSOR_MAX;
  return SERVICE_MAXIMUMS[label(leaf)];
}

// ---- the test app and its data -----------------------------------------------------------------------

// Each case sends hundreds of requests and checksums the database around each: minutes on a busy 2-core machine.
jest.setTimeout(240_000);

describe('input fuzzing: every bad input is a coded 4xx, never a 500, and changes nothing', () => {
  let t: TestApp;
  let tenant: Tenant;
  const auth: Record<'staff' | 'portal' | 'none', Record<string, string>> = { staff: {}, portal: {}, none: {} };
  /** Real ids, so that a service reaches its own checks instead of stopping at "not found". */
  const ids: Record<string, string> = {};
  let incidentVersion = 1;

  beforeAll(async () => {
    t = await startTestApp({
      // Nothing in the background may write while the database is compared.
      WORKER_ENABLED: 'false',
      SLA_CHECK_INTERVAL_MS: '0',
      EZRA_AUTO_ANALYZE: 'false',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      OTP_RESEND_PER_MINUTE: '100',
      REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
      LOGIN_FAILURES_PER_IP_PER_HOUR: '1000000',
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '100000',
      // Hundreds of refused mutations from one viewer: far below any per-viewer mutation limit (main has one).
      MUTATIONS_PER_VIEWER_PER_MINUTE: '1000000',
    });
    const em = t.em();
    tenant = await createTenant(em, { allowCustomerSignup: true });
    // SUPER_ADMIN: every staff field is within its reach (workspacesConnection's cursors too), in its own workspace.
    const admin = await createStaff(em, t.app.runtime.passwords, { role: 'SUPER_ADMIN', tenant });
    auth.staff = (await login(t, admin.email, admin.password)).auth;
    const org = await createCustomerOrg(em, tenant, 'ORGANIZATION');
    const customer = await createCustomerUser(em, t.app.runtime.passwords, tenant, { org });
    auth.portal = await portalLogin(t, tenant.slug, customer.email, customer.password);
    const managed = await createCustomerUser(em, t.app.runtime.passwords, tenant, { org });
    const ticket = await createIncident(em, tenant, { reporter: customer.user });
    await addUpdate(em, ticket, 'We are looking into it.', 'PUBLIC', admin.user);
    const article = await createArticle(em, tenant, { title: 'Reset your password', markdown: 'Open settings.', status: 'DRAFT' });
    const hook = await t.gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", eventTypes: ["incident.created"] }) { endpoint { id } } }',
      undefined,
      auth.staff,
    );
    Object.assign(ids, {
      incident: ticket.id,
      staff: admin.user.id,
      org: org.id,
      portalUser: managed.user.id,
      article: article.id,
      webhook: hook.data?.createWebhookEndpoint.endpoint.id ?? '00000000-0000-4000-8000-000000000000',
      tenant: tenant.id,
    });
    incidentVersion = ticket.version ?? 1;
  });
  afterAll(() => t.close());

  /** The id an argument named `name` of `field` should carry to get past "not found". */
  const idFor = (field: string, name: string): string => {
    if (name === 'companyId') return ids.tenant;
    if (name === 'customerId') return ids.org;
    if (name === 'reporterCustomerId') return ids.portalUser;
    if (name === 'userId' || name === 'assigneeId') return ids.staff;
    if (/ticketId|parentId|childIds|incidentId/.test(name)) return ids.incident;
    // Case-insensitive: the object-first names (issue 15) begin with the object (kbArticleUpdate, incidentUpdate).
    if (/kb/i.test(field)) return ids.article;
    // Issue 15: the new-style names put the object first.
    if (/^organization/.test(field)) return ids.org;
    if (/^portalUser/.test(field)) return ids.portalUser;
    if (/^webhook/.test(field)) return ids.webhook;
    if (/Customer$/.test(field)) return ids.org;
    if (/PortalUser/.test(field)) return ids.portalUser;
    if (/Webhook/.test(field)) return ids.webhook;
    if (/incident/i.test(field)) return ids.incident;
    return '00000000-0000-4000-8000-000000000000';
  };

  const SAMPLE_STRINGS: Record<string, unknown> = {
    email: 'fuzz@example.test',
    password: STRONG_PASSWORD,
    currentPassword: STRONG_PASSWORD,
    newPassword: 'Another-Horse-Battery-77',
    otp: '123456',
    phone: '+14155550123',
    url: 'http://127.0.0.1:9/other',
    eventTypes: ['incident.created'],
    emails: ['oncall@example.test'],
    provider: 'google',
    slug: 'fuzz-slug',
    tenantSlug: 'fuzz-tenant',
    tags: ['fuzz'],
  };

  /**
   * Issue 15: `workspace` is nullable (the deprecated companyId/tenantSlug may name it instead), yet registration and
   * the portal door need one to get past their first check: sent (the fuzz tenant's id) unless the probe is on one
   * of the deprecated names, which are then judged on their own, as before.
   */
  const namesWorkspace = (at: string[] | undefined) => !!at && (at[0] === 'companyId' || at[0] === 'tenantSlug');

  /** A plausible value for an input type, with `at` (a path below it) replaced by `replacement`. */
  function valueFor(field: string, type: GraphQLInputType, path: string[], at: string[] | undefined, replacement: unknown): unknown {
    if (at && at.length === 0) return replacement;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      const name = path[path.length - 1];
      if (at) return [valueFor(field, nullable.ofType, path, at, replacement)];
      if (name in SAMPLE_STRINGS) return SAMPLE_STRINGS[name];
      return [valueFor(field, nullable.ofType, path, undefined, undefined)];
    }
    const named = getNamedType(type);
    const name = path[path.length - 1];
    if (isInputObjectType(named)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(named.getFields()) as GraphQLInputField[]) {
        const below = at && at[0] === f.name ? at.slice(1) : undefined;
        if (below || isNonNullType(f.type) || (f.name === 'workspace' && !namesWorkspace(at))) out[f.name] = valueFor(field, f.type, [...path, f.name], below, replacement);
      }
      return out;
    }
    if (isEnumType(named)) return named.getValues()[0].value;
    if (named.name === 'Int') return name === 'version' ? incidentVersion : name.endsWith('Minutes') ? 60 : 1;
    if (named.name === 'Boolean') return false;
    if (named.name === 'ID') return idFor(field, name);
    if (named.name === 'String') return name === 'workspace' ? ids.tenant : ((SAMPLE_STRINGS[name] as string | undefined) ?? 'fuzz');
    return new Date().toISOString(); // DateTime
  }

  /** An operation calling `field` with every argument as a variable, and the variables for one leaf replaced. */
  function operationFor(leaf: Leaf, replacement: unknown): { query: string; variables: Record<string, unknown> } {
    const rootType = schema.getType(leaf.root) as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
    const f = rootType.getFields()[leaf.field];
    const args = f.args.filter((a: GraphQLArgument) => a.name === leaf.path[0] || isNonNullType(a.type));
    const variables: Record<string, unknown> = {};
    for (const a of args) variables[a.name] = valueFor(leaf.field, a.type, [a.name], a.name === leaf.path[0] ? leaf.path.slice(1) : undefined, replacement);
    const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(f.type);
    const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
    return { query: `${leaf.root === 'Query' ? 'query' : 'mutation'}${defs ? ` (${defs})` : ''} { ${leaf.field}${call ? `(${call})` : ''}${selection} }`, variables };
  }

  /**
   * A probe's fingerprint before: the one taken after the probe before it in the same test, as nothing else writes
   * in between (no worker, the background work drained), or a fresh one. Half the fingerprints of thousands.
   */
  let lastFingerprint: Record<string, string> | undefined;
  beforeEach(() => {
    lastFingerprint = undefined;
  });
  const fingerprintBefore = async () => lastFingerprint ?? (await checksum(t));
  /** The tables written since `before`, once the background work the probe started is done. */
  const writtenSince = async (before: Record<string, string>) => {
    await t.app.runtime.background.drain();
    return changedTables(before, (lastFingerprint = await checksum(t)));
  };

  /** Which kind of caller each field's rule lets through (staff, then portal, then anonymous), learnt once. */
  const callerOf = new Map<string, 'staff' | 'portal' | 'none'>();

  /**
   * Sends one bad value as the right kind of caller and reports any table that changed meanwhile (after the
   * background work the request started), so that a refusal that still wrote something names its culprit.
   */
  async function send(leaf: Leaf, replacement: unknown): Promise<{ status: number; body: GqlBody; text: string; changed: string[] }> {
    const { query, variables } = operationFor(leaf, replacement);
    const before = await fingerprintBefore();
    let last: { status: number; body: GqlBody; text: string } | undefined;
    const known = callerOf.get(leaf.field);
    for (const who of known ? [known] : (['staff', 'portal', 'none'] as const)) {
      const res = await t.rest<GqlBody>('POST', '/graphql', { query, variables }, auth[who]);
      last = { status: res.status, body: res.body, text: res.text };
      const code = res.body.errors?.[0]?.extensions?.code;
      if (code !== 'UNAUTHENTICATED' && code !== 'FORBIDDEN') {
        if (res.status === 200 || code !== 'VALIDATION_FAILED') callerOf.set(leaf.field, who); // reached the rules
        break;
      }
    }
    return { ...last!, changed: await writtenSince(before) };
  }

  /** A refusal: errors, each coded and not an internal one, no stack trace, no data for the field. */
  function expectCodedRefusal(leaf: Leaf, res: { status: number; body: GqlBody; text: string; changed: string[] }, what: string) {
    const where = `${label(leaf)} with ${what}: ${res.status} ${res.text.slice(0, 300)}`;
    if (res.status >= 500 || !res.body.errors?.length) throw new Error(`not refused: ${where}`);
    for (const e of res.body.errors) {
      if (!e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR') throw new Error(`uncoded or internal error: ${where}`);
    }
    if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|"stack"|"debug"/.test(res.text)) throw new Error(`stack trace in the answer: ${where}`);
    if (res.body.data?.[leaf.field] != null) throw new Error(`answered with data: ${where}`);
    if (res.changed.length) throw new Error(`changed ${res.changed.join(', ')}: ${where}`);
  }

  const mutationLeaves = leavesOf('Mutation');
  const queryLeaves = leavesOf('Query');
  const declared = declaredMaximums();
  const freeText = (l: Leaf) => isString(l) && !CLOSED_LISTS.has(label(l)) && !LOOKUP_KEYS.has(label(l));


  it('finds the mutations to fuzz in the schema', () => {
    expect(mutationLeaves.filter(isString).length).toBeGreaterThan(60);
    expect(new Set(mutationLeaves.map((l) => l.field)).size).toBeGreaterThan(50);
  });

  it('the database fingerprint sees every kind of write: an insert, an update to the same values, a delete', async () => {
    const conn = t.em().getConnection();
    const seen = async (sql: string) => {
      const before = await checksum(t);
      await conn.execute(sql);
      return changedTables(before, await checksum(t));
    };
    expect(await seen(`INSERT INTO rate_limits (key, points) VALUES ('fingerprint:probe', 1)`)).toEqual(['rate_limits']);
    expect(await seen(`UPDATE rate_limits SET points = points WHERE key = 'fingerprint:probe'`)).toEqual(['rate_limits']);
    expect(await seen(`DELETE FROM rate_limits WHERE key = 'fingerprint:probe'`)).toEqual(['rate_limits']);
    expect(await seen(`SELECT 1`)).toEqual([]);
    // As the app's requests write: under a request's role, in a transaction; one rolled back wrote nothing.
    const asRequest = (end: 'COMMIT' | 'ROLLBACK') =>
      `BEGIN; SELECT set_config('role', '${TENANT_ROLE}', true), set_config('app.tenant_id', '${tenant.id}', true);
       UPDATE incidents SET title = title WHERE id = '${ids.incident}'; ${end};`;
    expect(await seen(asRequest('ROLLBACK'))).toEqual([]);
    expect(await seen(asRequest('COMMIT'))).toEqual(['incidents']);
    // The per-viewer mutation counters are left out, and only they.
    expect(await seen(`INSERT INTO rate_limits (key, points) VALUES ('mutation_viewer:fingerprint', 1)`)).toEqual([]);
    expect(await seen(`DELETE FROM rate_limits WHERE key = 'mutation_viewer:fingerprint'`)).toEqual([]);
    // ... but another row turned into one is a write.
    expect(await seen(`INSERT INTO rate_limits (key, points) VALUES ('fingerprint:renamed', 1)`)).toEqual(['rate_limits']);
    expect(await seen(`UPDATE rate_limits SET key = 'mutation_viewer:renamed' WHERE key = 'fingerprint:renamed'`)).toEqual(['rate_limits']);
    expect(await seen(`DELETE FROM rate_limits WHERE key = 'mutation_viewer:renamed'`)).toEqual([]);
    expect(await seen(`TRUNCATE rate_limits`)).toEqual(['rate_limits']);
  });

  it('every free-text input, of every mutation and query, has a maximum length', () => {
    const unbounded = [...mutationLeaves, ...queryLeaves].filter((l) => freeText(l) && maximumOf(l, declared) === undefined).map(label);
    expect(unbounded).toEqual([]);
  });

  describe.each(['Mutation', 'Query'] as const)('%s string inputs', (root) => {
    const leaves = () => (root === 'Mutation' ? mutationLeaves : queryLeaves);

    it('over the maximum: VALIDATION_FAILED naming the field', async () => {
      const problems: string[] = [];
      for (const leaf of leaves().filter(freeText)) {
        const max = maximumOf(leaf, declared)!;
        const name = leaf.path[leaf.path.length - 1];
        // An e-mail address must still look like one, or only its format would be refused.
        const value = /email/i.test(name) ? `${'a'.repeat(64)}@${`${'b'.repeat(60)}.`.repeat(Math.ceil((max - 64) / 61))}test` : 'x'.repeat(max + 1);
        const res = await send(leaf, value);
        try {
          expectCodedRefusal(leaf, res, `${value.length} characters`);
          const fields = res.body.errors!.flatMap((e) => [...(e.extensions?.errors ?? []).map((x) => x.field), e.extensions?.code]);
          if (!fields.includes(name) && !res.body.errors!.some((e) => new RegExp(`\\b${name}\\b`).test(e.message))) {
            throw new Error(`refused, but not for ${name}: ${res.text.slice(0, 300)}`);
          }
        } catch (e) {
          problems.push((e as Error).message);
        }
      }
      expect(problems).toEqual([]);
    });

    it('ids far too long: answered exactly like a well-formed id that does not exist, never a 500', async () => {
      // An id is opaque: one that cannot exist is one more unknown id. Whatever an unknown id does (a
      // login with an unknown company is still a failed login, counted and audited) it may do, no more.
      const problems: string[] = [];
      for (const leaf of leaves().filter((l) => isId(l) || LOOKUP_KEYS.has(label(l)))) {
        const absurd = await send(leaf, 'f'.repeat(10_000));
        const unknown = await send(leaf, isId(leaf) ? randomUUID() : `no-such-${randomUUID()}`);
        const codes = (r: typeof absurd) => (r.body.errors ?? []).map((e) => e.extensions?.code);
        if (absurd.status >= 500 || codes(absurd).includes('INTERNAL_SERVER_ERROR') || /"stack"|"debug"/.test(absurd.text)) {
          problems.push(`${label(leaf)}: ${absurd.status} ${absurd.text.slice(0, 200)}`);
        } else if (JSON.stringify(codes(absurd)) !== JSON.stringify(codes(unknown)) || absurd.status !== unknown.status) {
          problems.push(`${label(leaf)}: ${absurd.status} ${codes(absurd)} but an unknown id gets ${unknown.status} ${codes(unknown)}`);
        } else if (absurd.changed.some((table) => !unknown.changed.includes(table))) {
          problems.push(`${label(leaf)}: changed ${absurd.changed} where an unknown id changes ${unknown.changed}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('text PostgreSQL cannot store (NUL, lone surrogates): VALIDATION_FAILED, never "invalid byte sequence"', async () => {
      const problems: string[] = [];
      for (const leaf of leaves().filter((l) => isString(l) || isId(l))) {
        for (const [what, value] of [['a NUL byte', 'fuzz\u0000x'], ['a lone high surrogate', 'fuzz\ud800x'], ['a lone low surrogate', '\udc00fuzz']] as const) {
          const res = await send(leaf, value);
          try {
            expectCodedRefusal(leaf, res, what);
            expect(res.body.errors![0].extensions?.code).toBe('VALIDATION_FAILED');
            expect(res.status).toBe(400);
          } catch (e) {
            problems.push(`${label(leaf)} with ${what}: ${(e as Error).message.split('\n')[0]}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('wrong JSON types and unknown enum values: 400 VALIDATION_FAILED naming the field', async () => {
      const problems: string[] = [];
      for (const leaf of leaves()) {
        const named = getNamedType(leaf.type);
        const wrong: [string, unknown][] = isEnumType(named)
          ? [['an unknown enum value', 'NOT_A_VALUE'], ['a number', 1]]
          : named.name === 'Int'
            ? [['a string', 'twelve'], ['a fraction', 1.5], ['a number over 32 bits', 2 ** 40]]
            : named.name === 'Boolean'
              ? [['a string', 'yes']]
              : named.name === 'DateTime'
                ? [['not a date', 'yesterday']]
                : named.name === 'ID'
                  ? [['an object', { $gt: '' }], ['a boolean', true]] // an integer is a valid ID (GraphQL spec)
                  : [['a number', 12345], ['an object', { $gt: '' }], ['a boolean', true]];
        for (const [what, value] of wrong) {
          const res = await send(leaf, value);
          try {
            expectCodedRefusal(leaf, res, what);
            expect(res.status).toBe(400);
            expect(res.body.errors![0].extensions?.code).toBe('VALIDATION_FAILED');
            expect(res.body.errors![0].extensions?.errors?.[0].field).toBe(leaf.path[leaf.path.length - 1]);
            expect(res.text).not.toContain('$gt'); // the value is not echoed
          } catch (e) {
            problems.push(`${label(leaf)} with ${what}: ${(e as Error).message.split('\n')[0]} ${res.text.slice(0, 200)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  // ---- REST: every route with a body, every field -------------------------------------------------

  /** A plausible value for a route's path parameter, so that the body is what gets judged. */
  const paramFor = (path: string, name: string): string => {
    if (name === 'priority') return 'HIGH';
    if (name === 'revision') return '1';
    if (name === 'kind') return 'SLA_BREACH';
    if (name === 'slug') return 'reset-your-password';
    if (path.startsWith('/api/v1/kb')) return ids.article;
    if (path.startsWith('/api/v1/customers')) return ids.org;
    if (path.startsWith('/api/v1/portal-users')) return ids.portalUser;
    if (path.startsWith('/api/v1/webhooks')) return ids.webhook;
    if (/incident|ticket/.test(path)) return ids.incident;
    return randomUUID();
  };

  async function restSend(method: string, path: string, body: unknown): Promise<{ status: number; body: Envelope; text: string; changed: string[] }> {
    const url = path.replace(/:(\w+)/g, (_m, name: string) => paramFor(path, name));
    const before = await fingerprintBefore();
    let last: { status: number; body: Envelope; text: string } | undefined;
    for (const who of ['staff', 'portal', 'none'] as const) {
      const res = await t.rest<Envelope>(method, url, body, { ...auth[who], 'idempotency-key': randomUUID() });
      last = { status: res.status, body: res.body, text: res.text };
      if (res.status !== 401 && res.status !== 403) break;
    }
    return { ...last!, changed: await writtenSince(before) };
  }

  const expectEnvelopeRefusal = (res: { status: number; body: Envelope; text: string; changed: string[] }, where: string): string | undefined => {
    if (res.status < 400 || res.status >= 500) return `${where}: ${res.status} ${res.text.slice(0, 200)}`;
    if (res.body.success !== false || !res.body.errors?.length || res.body.errors.some((e) => !e.code || e.code === 'INTERNAL_SERVER_ERROR')) return `${where}: not a coded envelope: ${res.text.slice(0, 200)}`;
    if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|"stack"/.test(res.text)) return `${where}: stack trace in ${res.text.slice(0, 200)}`;
    if (res.changed.length) return `${where}: changed ${res.changed.join(', ')}`;
    return undefined;
  };

  const bodyRoutes = restRoutes.filter((r) => r.bodyFields?.length);

  it('REST: every body field of every route, far too long or of the wrong JSON type: a coded 4xx envelope, nothing written', async () => {
    expect(bodyRoutes.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const r of bodyRoutes) {
      for (const field of r.bodyFields!) {
        // Longer than any declared maximum (the largest is a KB article's 100000), and wrong for any non-string.
        for (const [what, value] of [['100001 characters', 'x'.repeat(100_001)], ['an object', { $ne: null }], ['a nested array', [[['x']]]]] as const) {
          const res = await restSend(r.method, r.path, { [field]: value });
          const problem = expectEnvelopeRefusal(res, `${r.method} ${r.path} ${field} as ${what}`);
          if (problem) problems.push(problem);
          // Errors name the fields as the body has them, also where the operation's input names one otherwise (inputNames).
          const strange = res.body.errors?.filter((e) => e.field !== undefined && !r.bodyFields!.includes(e.field.replace(/[[.].*/, ''))) ?? [];
          if (strange.length) problems.push(`${r.method} ${r.path} ${field} as ${what}: names ${strange.map((e) => e.field).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('REST: bodies that are not a JSON object, not JSON, or not UTF-8: 400, nothing written', async () => {
    const problems: string[] = [];
    const raw = async (path: string, payload: string | Buffer) => {
      const before = await fingerprintBefore();
      const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth.staff }, body: payload });
      const text = await res.text();
      return { status: res.status, text, body: JSON.parse(text) as Envelope & GqlBody, changed: await writtenSince(before) };
    };
    const incidentBody = (title: Buffer) =>
      Buffer.concat([Buffer.from('{"title":"'), title, Buffer.from('","description":"d","priority":"LOW"}')]);
    const cases: [string, string | Buffer][] = [
      ['an array', '[{"title":"t"}]'],
      ['a string', '"title"'],
      ['a number', '42'],
      ['broken JSON', '{"title": "t",'],
      ['a 1000-deep array', `${'['.repeat(1000)}${']'.repeat(1000)}`],
      ['__proto__ pollution', '{"title":"t","description":"d","priority":"LOW","__proto__":{"isAdmin":true}}'],
      // "/" as an overlong 2-byte sequence; an encoded surrogate (CESU-8); a lone continuation byte.
      ['overlong UTF-8', incidentBody(Buffer.from([0x41, 0xc0, 0xaf, 0x42]))],
      ['an encoded surrogate', incidentBody(Buffer.from([0xed, 0xa0, 0x80]))],
      ['a stray continuation byte', incidentBody(Buffer.from([0x80]))],
    ];
    for (const [what, payload] of cases) {
      const res = await raw('/api/v1/incidents', payload);
      if (res.status !== 400 || res.body.success !== false || !res.body.errors?.[0]?.code || res.changed.length) problems.push(`REST ${what}: ${res.status} ${res.changed} ${res.text.slice(0, 200)}`);
    }
    // The same bytes inside a GraphQL request.
    const gqlBody = (title: Buffer) =>
      Buffer.concat([Buffer.from('{"query":"mutation ($t: String!) { createIncident(input: { title: $t, description: \\"d\\", priority: LOW }) { id } }","variables":{"t":"'), title, Buffer.from('"}}')]);
    for (const [what, bytes] of [['overlong UTF-8', [0xc0, 0xaf]], ['an encoded surrogate', [0xed, 0xa0, 0x80]]] as const) {
      const res = await raw('/graphql', gqlBody(Buffer.from(bytes)));
      if (res.status !== 400 || res.body.errors?.[0]?.extensions?.code !== 'BAD_REQUEST' || res.changed.length) problems.push(`GraphQL ${what}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    // Valid UTF-8 of the same shape goes through (the check refuses bad bytes, not non-ASCII).
    const ok = await raw('/api/v1/incidents', incidentBody(Buffer.from('Caf\u00e9 \u{1F600}', 'utf8')));
    expect(ok.status).toBe(201);
    expect(problems).toEqual([]);
  });

  it('a huge batched array to /graphql: 400 with a code, nothing run', async () => {
    const before = await checksum(t);
    const op = { query: 'mutation { forgotPassword(input: { email: "batch@example.test" }) }' };
    const res = await t.rest<GqlBody>('POST', '/graphql', Array.from({ length: 5000 }, () => op));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBeDefined();
    expect(changedTables(before, await checksum(t))).toEqual([]);
  });

  it('variables nested far deeper than any input type: a coded 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
    const body = `{"query":"mutation ($e: [String!]!) { setOnCallRecipients(emails: $e) { isDefault } }","variables":{"e":${deep}}}`;
    const res = await t.rest<GqlBody>('POST', '/graphql', body, { ...auth.staff, 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.text).not.toMatch(/Maximum call stack|RangeError/);
  });

  // ---- valid Unicode goes through untouched -------------------------------------------------------

  it('right-to-left overrides, zero-width and combining characters, and 4-byte emoji are stored and read back as sent', async () => {
    const samples = {
      rtl: 'invoice \u202Efdp.exe\u202C done',
      zeroWidth: 'pass\u200Bword\u200D\uFEFF reset',
      combining: 'Cafe\u0301 Z\u0351\u0352\u0353algo',
      emoji: 'Checkout \u{1F525}\u{1F4A5} \u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
    };
    for (const [what, text] of Object.entries(samples)) {
      const created = await t.gql<{ createIncident: { id: string; title: string; description: string } }>(
        'mutation ($i: CreateIncidentInput!) { createIncident(input: $i) { id title description } }',
        { i: { title: text, description: text, priority: 'LOW' } },
        auth.staff,
      );
      expect({ what, errors: created.errors }).toEqual({ what, errors: undefined });
      expect(created.data!.createIncident).toMatchObject({ title: text, description: text });
      const comment = await t.gql<{ addTicketComment: { body: string } }>('mutation ($b: String!, $id: ID!) { addTicketComment(ticketId: $id, body: $b) { body } }', { b: text, id: ids.incident }, auth.portal);
      expect(comment.data?.addTicketComment.body).toBe(text);
    }
  });

  it('a title of 200 four-byte emoji is 200 characters: accepted, as 201 of them are refused', async () => {
    const title = (n: number) => '\u{1F600}'.repeat(n);
    const create = (n: number) =>
      t.gql<{ createIncident: { title: string } }>('mutation ($i: CreateIncidentInput!) { createIncident(input: $i) { title } }', { i: { title: title(n), description: 'd', priority: 'LOW' } }, auth.staff);
    expect((await create(200)).data?.createIncident.title).toBe(title(200));
    const over = await create(201);
    expect(over.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const ticket = await t.gql<{ createTicket: { title: string } }>('mutation ($i: CreateTicketInput!) { createTicket(input: $i) { title } }', { i: { title: title(200), description: 'd', priority: 'LOW' } }, auth.portal);
    expect(ticket.errors).toBeUndefined();
  });

  it('the longest e-mail address the validation accepts works everywhere it is a key (rate limits included)', async () => {
    // 64 + 1 + 189 = 254 characters: the most RFC 5321 allows, and what the inputs accept.
    const email = `${'a'.repeat(64)}@${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(60)}.test`;
    expect(email).toHaveLength(254);
    const problems: string[] = [];
    for (const [path, body] of [
      ['/api/v1/auth/resend_otp', { email }],
      ['/api/v1/auth/forgot-password', { email }],
      ['/api/v1/auth/login', { email, password: 'Wrong-Password-1' }],
      ['/api/v1/customer/resend_otp', { email }],
      ['/api/v1/customer/forgot-password', { email }],
      ['/api/v1/customer/login', { email, password: 'Wrong-Password-1' }],
    ] as const) {
      const res = await t.rest<Envelope>('POST', path, body);
      if (res.status >= 500) problems.push(`${path}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    // And the failed logins were counted against the account (they went uncounted when the key did not fit).
    const counted = await t.em().getConnection().execute<{ n: string }[]>("SELECT count(*) AS n FROM rate_limits WHERE key LIKE 'login_fail_account:sha256:%'");
    expect(Number(counted[0].n)).toBe(2); // one staff, one customer
  });

  // ---- search: SQL and LIKE metacharacters are taken literally ------------------------------------

  describe('search arguments take SQL and LIKE metacharacters literally', () => {
    const META = ['%', '_', "'", '\\', ';--', "' OR '1'='1", '%_%', '\\%', '[a-z]', '*'];
    const titles = ['Discount 100% off', 'price_list is empty', "O'Brien cannot log in", 'Path C:\\temp fails', 'drop;-- table', 'Plain report', 'Regex [a-z] broken', 'Stars * everywhere'];
    let incidents: { id: string; title: string; description: string; number: string }[];

    beforeAll(async () => {
      for (const title of titles) await createIncident(t.em(), tenant, { title, description: `About: ${title.toLowerCase()}` });
      for (const name of titles) await createCustomerOrg(t.em(), tenant, 'OWN', name);
      for (const title of titles.slice(0, 4)) {
        await createArticle(t.em(), tenant, { slug: `a-${randomUUID().slice(0, 8)}`, title, markdown: `How to deal with ${title}.`, status: 'PUBLISHED' });
      }
      const all = await t.gql<{ incidents: { items: { id: string; title: string; description: string; number: string }[] } }>(
        '{ incidents(limit: 100) { items { id title description number } } }',
        undefined,
        auth.staff,
      );
      incidents = all.data!.incidents.items;
    });

    const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

    it.each(META)('staff incident list, q = %s: exactly the incidents containing it, over GraphQL and REST', async (q) => {
      const expected = incidents.filter((i) => contains(i.title, q) || contains(i.description, q) || contains(i.number, q)).map((i) => i.id).sort();
      const gql = await t.gql<{ incidents: { items: { id: string }[] } }>('query ($q: String) { incidents(filter: { q: $q }, limit: 100) { items { id } } }', { q }, auth.staff);
      expect(gql.errors).toBeUndefined();
      expect(gql.data!.incidents.items.map((i) => i.id).sort()).toEqual(expected);
      const rest = await t.rest<Envelope & { data: { items: { id: string }[] } }>('GET', `/api/v1/incidents?limit=100&q=${encodeURIComponent(q)}`, undefined, auth.staff);
      expect(rest.status).toBe(200);
      expect(rest.body.data.items.map((i) => i.id).sort()).toEqual(expected);
    });

    it.each(META)('customer organization list, q = %s: exactly the names containing it', async (q) => {
      const rest = await t.rest<Envelope & { data: { items: { name: string }[] } }>('GET', `/api/v1/customers?limit=100&q=${encodeURIComponent(q)}`, undefined, auth.staff);
      expect(rest.status).toBe(200);
      expect(rest.body.data.items.every((c) => contains(c.name, q))).toBe(true);
      expect(rest.body.data.items.length).toBe(titles.filter((n) => contains(n, q)).length);
    });

    it.each(META)('portal users and audit log, q / action = %s: no error, nothing matched by wildcard', async (q) => {
      const users = await t.rest<Envelope & { data: { items: { email: string; displayName: string }[] } }>('GET', `/api/v1/portal-users?q=${encodeURIComponent(q)}`, undefined, auth.staff);
      expect(users.status).toBe(200);
      expect(users.body.data.items.every((u) => contains(u.email, q) || contains(u.displayName, q))).toBe(true);
      const audit = await t.rest<Envelope & { data: { items: { action: string }[] } }>('GET', `/api/v1/audit-log?action=${encodeURIComponent(q)}`, undefined, auth.staff);
      expect(audit.status).toBe(200);
      expect(audit.body.data.items.every((a) => a.action.startsWith(q))).toBe(true);
    });

    it.each(META)('knowledge-base search, staff and portal, q = %s: no error, no article matched by a wildcard', async (q) => {
      for (const [path, who] of [['/api/v1/kb', 'staff'], ['/api/v1/portal/kb', 'portal']] as const) {
        const res = await t.rest<Envelope & { data: { items: { title: string }[] } }>('GET', `${path}?q=${encodeURIComponent(q)}`, undefined, auth[who]);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        // Full-text search has no wildcards: punctuation alone matches no article, and words match as words.
        const words = q.match(/[a-z0-9]{2,}/gi) ?? [];
        if (!words.length) expect(res.body.data.items).toEqual([]);
      }
      const gql = await t.gql('query ($q: String) { kbArticles(q: $q) { items { id } } }', { q }, auth.portal);
      expect(gql.errors).toBeUndefined();
    });

    it('a NUL byte in a search is a 400, not PostgreSQL\'s "invalid byte sequence"; invalid percent-encoded UTF-8 is no 500', async () => {
      for (const [path, who] of [['/api/v1/kb', 'staff'], ['/api/v1/portal/kb', 'portal'], ['/api/v1/incidents', 'staff'], ['/api/v1/customers', 'staff']] as const) {
        const nul = await t.rest<Envelope>('GET', `${path}?q=a%00b`, undefined, auth[who]);
        expect({ path, status: nul.status, code: nul.body.errors?.[0].code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
        // An encoded surrogate (not UTF-8): the query-string parser never yields a lone surrogate from it,
        // so it is searched for as text, like any other string that matches nothing.
        const surrogate = await t.rest<Envelope & { data: { items: unknown[] } }>('GET', `${path}?q=%ED%A0%80`, undefined, auth[who]);
        expect({ path, status: surrogate.status }).toEqual({ path, status: 200 });
        expect(surrogate.body.data.items).toEqual([]);
      }
    });
  });
});
