import { randomBytes } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ForbiddenError } from '../../src/shared/errors';
import { customerOnly, incidentReader, permissions, public_, signedIn } from '../../src/authz/rules';
import { User } from '../../src/modules/user/user.entity';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { restRoutes } from '../../src/rest/routes';
import { addUpdate, createArticle, createCustomerOrg, createCustomerUser, createIncident, type CustomerFixture } from '../factories/portal';
import { createStaff, login, STRONG_PASSWORD } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, type Mailbox, type ReceivedMail } from '../setup/mailbox';
import { waitForDeliveries } from '../setup/deliveries';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Headers = Record<string, string>;

/**
 * A customer never sees internal data. Unique markers are planted in every internal value of a workspace
 * (and in everything of other customers, organizations and workspaces); then a portal viewer asks for every
 * field it can reach, every way GraphQL lets it ask, over GraphQL, REST and subscriptions, and reads every
 * e-mail it gets. No marker may come back, errors included; the public values must (so that an empty answer
 * cannot pass).
 *
 * Internal values planted (what a customer must never see):
 * - incidents: techDescription, impactSummary, blastRadius, serviceArea, environment, region, the assignee
 *   (id, names, e-mail), the parent incident (its id, title, description, technical description);
 * - updates: INTERNAL comments (by a responder and by the public-facing engineer), an INTERNAL status note
 *   (on the ticket and on its parent), the assignment and field-change events;
 * - staff: every staff member's e-mail and phone, the responder's and manager's names (they never write
 *   anything PUBLIC, so their names have no public place);
 * - Ezra: ENGINEER, LEADERSHIP and CUSTOMER runs on the ticket, and a provider report planted in one;
 * - knowledge base: an INTERNAL published article, a PUBLIC draft, a PUBLIC archived article, the first
 *   revision of the published PUBLIC article, the INTERNAL draft made when the ticket was resolved;
 * - workspace: on-call recipients (a team list), the audit log (which holds every triage value before and
 *   after), another organization's name, its members' names and e-mails, their tickets, a ticket of a customer
 *   without organization, a staff-only incident, a colleague's e-mail, another workspace's name, staff,
 *   customers, tickets and articles.
 * SLA internals (breach times, state) are not text; the walk checks instead that every internal field of every
 * Incident that comes back is null, and that every update that comes back is PUBLIC.
 */
describe('field leaks: a portal viewer sees no internal value, whatever it asks and however', () => {
  let t: TestApp;
  let mail: Mailbox;
  let schema: GraphQLSchema;

  /** name → value, lower case; ids of hidden rows are markers too (UUIDs are unique). */
  const markers = new Map<string, string>();
  const mark = (name: string, value = `leak-${name.toLowerCase()}-${randomBytes(4).toString('hex')}`) => {
    markers.set(name, value.toLowerCase());
    return value;
  };
  /** Values the viewer must see somewhere (the positive side). */
  const PUBLIC = {
    ticketTitle: 'Checkout button spins forever',
    ticketDescription: 'Pressing Pay Now in the shop spins and never finishes.',
    publicComment: 'We are looking into the payment provider timeouts.',
    statusNote: 'Investigating with the payment provider.',
    /** What a PUBLIC status change of the parent adds to the report (the parent's own note stays on the parent). */
    parentNote: 'the underlying incident is now Mitigated',
    resolution: 'Payments work again after the provider fix.',
    /** The last change, on the colleague's ticket: every subscription has heard everything once it hears this. */
    lastNote: 'Invoices are being corrected.',
    engineerName: 'Pat Public',
    colleagueName: 'Carla Colleague',
    colleagueTitle: 'Invoices show the wrong VAT',
    viewerName: 'Vera Viewer',
    orgName: 'Initrode Leaktest',
    kbTitle: 'Paying with a saved card',
    kbBody: 'Open the basket and pick your saved card.',
  };

  const ids: Record<string, string> = {};
  const auth: Record<string, Headers> = {};
  let acme: Tenant;
  let viewer: CustomerFixture;
  let kbPublicSlug: string;

  // ---- which root fields the portal viewer may call, from the shield rules --------------------------------

  const PORTAL_RULES: unknown[] = [public_, customerOnly, signedIn, incidentReader];
  const portalRootFields = (root: 'Query' | 'Mutation' | 'Subscription') =>
    Object.entries((permissions as Record<string, Record<string, unknown>>)[root])
      .filter(([, rule]) => PORTAL_RULES.includes(rule))
      .map(([name]) => name)
      .sort();

  // ---- selection trees generated from the schema ----------------------------------------------------------

  interface Node {
    name: string;
    /** Named type of a composite field (or of a fragment's type condition). */
    typeName?: string;
    children?: Node[];
    /** A type condition for an abstract type's possible type. */
    on?: string;
  }
  const MAX_DEPTH = 7; // the server allows 8 levels; the root field is one

  /** Every field without required arguments, every scalar reachable, every possible type of an abstract type. */
  function selection(type: GraphQLNamedType, depth: number): Node[] {
    if (isAbstractType(type)) {
      return [{ name: '__typename' }, ...schema.getPossibleTypes(type).map((p) => ({ name: '', on: p.name, typeName: p.name, children: selection(p, depth) }))];
    }
    const fields = Object.values((type as GraphQLObjectType).getFields()) as GraphQLField<unknown, unknown>[];
    const out: Node[] = [{ name: '__typename' }];
    for (const f of fields) {
      if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const named = getNamedType(f.type);
      if (isLeafType(named)) out.push({ name: f.name });
      else if (depth < MAX_DEPTH) out.push({ name: f.name, typeName: named.name, children: selection(named, depth + 1) });
    }
    return out;
  }
  const rootNode = (root: GraphQLObjectType, field: string): Node => {
    const f = root.getFields()[field];
    const named = getNamedType(f.type);
    return isLeafType(named) ? { name: field } : { name: field, typeName: named.name, children: selection(named, 2) };
  };

  const leaves = (n: Node): number => (n.children ? n.children.reduce((s, c) => s + leaves(c), 0) : 1);

  /** The four ways of asking: plain, aliased (chunked to the alias limit), inline fragments, named fragments. */
  function documents(kind: 'query' | 'mutation' | 'subscription', root: Node, args: string): string[] {
    const head = (body: string, fragments = '') => `${kind} ${body}${fragments ? `\n${fragments}` : ''}`;
    const plain = (n: Node): string => (n.on ? `... on ${n.on} { ${n.children!.map(plain).join(' ')} }` : n.children ? `${n.name} { ${n.children.map(plain).join(' ')} }` : n.name);
    const out = [head(`{ ${root.name}${args} ${root.children ? `{ ${root.children.map(plain).join(' ')} }` : ''} }`)];

    // Inline fragments: every selection set wrapped in `... on Type`.
    const inline = (n: Node): string => {
      if (!n.children) return n.name;
      const body = `... on ${n.typeName} { ${n.children.map(inline).join(' ')} }`;
      return n.on ? body : `${n.name} { ${body} }`;
    };
    if (root.children) out.push(head(`{ ${root.name}${args} { ... on ${root.typeName} { ${root.children.map(inline).join(' ')} } } }`));

    // Named fragments: one per selection set.
    if (root.children) {
      const fragments: string[] = [];
      const named = (n: Node): string => {
        if (!n.children) return n.name;
        const name = `F${fragments.length}`;
        fragments.push('');
        const index = fragments.length - 1;
        fragments[index] = `fragment ${name} on ${n.typeName} { ${n.children.map(named).join(' ')} }`;
        return n.on ? `...${name}` : `${n.name} { ...${name} }`;
      };
      const body = `{ r: ${root.name}${args} { ...Root } }`;
      const rootFragment = `fragment Root on ${root.typeName} { ${root.children.map(named).join(' ')} }`;
      out.push(head(body, [rootFragment, ...fragments].join('\n')));
    }

    // Aliases: every leaf under an alias, 14 leaves a document (the root's alias makes 15, the limit).
    if (root.children) {
      const total = leaves(root);
      for (let start = 0; start < total; start += 14) {
        let i = 0;
        const keep = (n: Node): string | null => {
          if (!n.children) {
            const mine = i >= start && i < start + 14;
            const alias = `a${i}`;
            i += 1;
            return mine ? `${alias}: ${n.name}` : null;
          }
          const kids = n.children.map(keep).filter((s): s is string => s !== null);
          if (!kids.length) return null;
          return n.on ? `... on ${n.on} { ${kids.join(' ')} }` : `${n.name} { ${kids.join(' ')} }`;
        };
        const kids = root.children.map(keep).filter((s): s is string => s !== null);
        out.push(head(`{ r: ${root.name}${args} { ${kids.join(' ')} } }`));
      }
    }
    return out;
  }

  /** Dummy arguments of the right types for public mutations that are not probed with real values. */
  function dummy(type: GraphQLInputType): string {
    if (isNonNullType(type)) return dummy(type.ofType);
    if (isListType(type)) return `[${dummy(type.ofType)}]`;
    if (isEnumType(type)) return type.getValues()[0].name;
    if (isInputObjectType(type)) {
      const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
      return `{ ${required.map((f) => `${f.name}: ${dummy(f.type)}`).join(', ')} }`;
    }
    if (isScalarType(type)) {
      if (type.name === 'Int' || type.name === 'Float') return '1';
      if (type.name === 'Boolean') return 'false';
      if (type.name === 'ID') return '"00000000-0000-4000-8000-000000000000"';
    }
    return '"x"';
  }

  // ---- checks ----------------------------------------------------------------------------------------------

  /** The markers found in a text that the request itself did not contain (an echoed argument is no leak). */
  const leaksIn = (text: string, request = ''): string[] => {
    const body = text.toLowerCase();
    const asked = request.toLowerCase();
    return [...markers].filter(([, value]) => body.includes(value) && !asked.includes(value)).map(([name]) => name);
  };
  // Incident's ruled fields but those a portal viewer may read (attachments: the visible ones, checked by their markers).
  const INTERNAL_INCIDENT_FIELDS = Object.entries((permissions as Record<string, Record<string, unknown>>).Incident)
    .filter(([, rule]) => rule !== incidentReader)
    .map(([field]) => field);
  /** Structural checks on a parsed answer: every Incident's internal fields null, every update PUBLIC. */
  const structuralLeaks = (value: unknown, path = '$'): string[] => {
    if (Array.isArray(value)) return value.flatMap((v, i) => structuralLeaks(v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return [];
    const o = value as Record<string, unknown>;
    const found: string[] = [];
    if (o.__typename === 'Incident' || 'techDescription' in o) {
      for (const f of INTERNAL_INCIDENT_FIELDS) if (o[f] !== undefined && o[f] !== null) found.push(`${path}.${f}`);
    }
    if (o.__typename === 'IncidentUpdate' && o.visibility !== undefined && o.visibility !== 'PUBLIC') found.push(`${path}.visibility=${String(o.visibility)}`);
    return [...found, ...Object.entries(o).flatMap(([k, v]) => structuralLeaks(v, `${path}.${k}`))];
  };

  /** Everything the viewer received, for the positive checks. */
  const seen: string[] = [];
  const problems: { where: string; leaks: string[] }[] = [];
  beforeEach(() => {
    seen.length = 0;
    problems.length = 0;
  });
  const inspect = (where: string, text: string, request = '') => {
    seen.push(text);
    const found = leaksIn(text, request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const shape = structuralLeaks(parsed);
    if (found.length || shape.length) problems.push({ where, leaks: [...found, ...shape] });
  };

  // ---- subscriptions and e-mails during the staff's changes ------------------------------------------------

  type Received = { data?: unknown; errors?: unknown[] };
  const subscriptions: { name: string; query: string; received: Received[]; failures: unknown[] }[] = [];
  const clients: Client[] = [];

  const settle = () => waitForDeliveries(t, 30000);
  const ok = async <T = unknown>(p: Promise<{ status: number; text: string; body: unknown }>, status = [200, 201]) => {
    const res = await p;
    if (!status.includes(res.status)) throw new Error(`setup call failed: ${res.status} ${res.text}`);
    return (res.body as Envelope<T>).data;
  };

  beforeAll(async () => {
    mail = await startMailbox();
    // The walk sends a few hundred mutations as one viewer: a per-viewer mutation limit must not cut it short.
    // It sends each document once: GRAPHQL_JIT_THRESHOLD 0 runs them compiled, as any document sent twice runs.
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100', MUTATIONS_PER_VIEWER_PER_MINUTE: '100000', GRAPHQL_JIT_THRESHOLD: '0' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;

    // Workspace, organizations, customers.
    acme = await createTenant(em, { slug: 'leak-acme', name: 'Leak Acme', allowCustomerSignup: true });
    const org = await createCustomerOrg(em, acme, 'ORGANIZATION', PUBLIC.orgName);
    const otherOrg = await createCustomerOrg(em, acme, 'ORGANIZATION', mark('otherOrgName'));
    viewer = await createCustomerUser(em, hasher, acme, { org, name: PUBLIC.viewerName, email: 'vera@initrode-leak.test' });
    const colleague = await createCustomerUser(em, hasher, acme, { org, name: PUBLIC.colleagueName, email: mark('colleagueEmail', `leak-colleague-${randomBytes(3).toString('hex')}@initrode-leak.test`) });
    ids.colleagueUser = colleague.user.id;
    const stranger = await createCustomerUser(em, hasher, acme, { org: otherOrg, name: mark('strangerName'), email: mark('strangerEmail', `leak-stranger-${randomBytes(3).toString('hex')}@other.test`) });
    const loner = await createCustomerUser(em, hasher, acme, { org: null, name: mark('lonerName'), email: mark('lonerEmail', `leak-loner-${randomBytes(3).toString('hex')}@other.test`) });

    // Staff: the engineer writes PUBLIC updates, so their display name is public; nothing else about staff is.
    const staffMember = async (role: 'ENGINEER' | 'RESPONDER' | 'MANAGER' | 'ADMIN', key: string, names?: [string, string]) => {
      const s = await createStaff(em, hasher, { tenant: acme, role, email: mark(`${key}Email`, `leak-${key.toLowerCase()}-${randomBytes(3).toString('hex')}@staff.test`) });
      const phone = mark(`${key}Phone`, `+1415${String(1000000 + (parseInt(randomBytes(3).toString('hex'), 16) % 8999999))}`);
      await em.nativeUpdate(User, { id: s.user.id }, {
        phone,
        firstName: names ? names[0] : mark(`${key}FirstName`),
        lastName: names ? names[1] : mark(`${key}LastName`),
      });
      markers.set(`${key}Id`, s.user.id);
      auth[key] = (await login(t, s.email, s.password)).auth;
      return s;
    };
    await staffMember('ENGINEER', 'engineer', PUBLIC.engineerName.split(' ') as [string, string]);
    markers.delete('engineerId'); // an author's id is never shown, but it is not secret either; keep the check to values
    const responder = await staffMember('RESPONDER', 'responder');
    await staffMember('MANAGER', 'manager');
    await staffMember('ADMIN', 'admin');

    // Another workspace: everything of it is hidden.
    const other = await createTenant(em, { slug: `leak-other-${randomBytes(2).toString('hex')}`, name: mark('otherTenantName') });
    markers.set('otherTenantId', other.id);
    const otherStaff = await createStaff(em, hasher, { tenant: other, role: 'ADMIN', email: mark('otherStaffEmail', `leak-otherstaff-${randomBytes(3).toString('hex')}@other.test`) });
    const otherCustomer = await createCustomerUser(em, hasher, other, { org: await createCustomerOrg(em, other, 'ORGANIZATION', mark('otherTenantOrg')), name: mark('otherTenantCustomer') });
    const otherIncident = await createIncident(em, other, {
      reporter: otherCustomer.user,
      title: mark('otherTenantTitle'),
      description: mark('otherTenantDescription'),
      techDescription: mark('otherTenantTech'),
      assignee: otherStaff.user,
    });
    markers.set('otherTenantIncidentId', otherIncident.id);
    markers.set('otherTenantIncidentNumber', otherIncident.number.toLowerCase());
    await addUpdate(em, otherIncident, mark('otherTenantPublicUpdate'), 'PUBLIC');
    await createArticle(em, other, { title: mark('otherTenantKbTitle'), markdown: `${mark('otherTenantKbBody')} zebracorn`, slug: mark('otherTenantKbSlug') });

    // Tickets of others in this workspace.
    const hiddenTicket = async (key: string, options: Parameters<typeof createIncident>[2]) => {
      const i = await createIncident(em, acme, { title: mark(`${key}Title`), description: mark(`${key}Description`), techDescription: mark(`${key}Tech`), ...options });
      markers.set(`${key}Id`, i.id);
      markers.set(`${key}Number`, i.number.toLowerCase());
      await addUpdate(em, i, mark(`${key}PublicUpdate`), 'PUBLIC');
      return i;
    };
    await hiddenTicket('strangerTicket', { reporter: stranger.user });
    await hiddenTicket('lonerTicket', { reporter: loner.user });
    await hiddenTicket('staffOnlyIncident', { assignee: responder.user });

    // Knowledge base: one public article (its first revision held a marker), and hidden ones.
    const kb = await ok<{ id: string; slug: string }>(
      t.rest('POST', '/api/v1/kb', { title: mark('kbFirstTitle'), slug: 'paying-with-a-saved-card', markdown: `${mark('kbFirstRevision')} zebracorn`, visibility: 'PUBLIC', category: 'Payments', tags: ['cards'] }, auth.engineer),
    );
    await ok(t.rest('PATCH', `/api/v1/kb/${kb.id}`, { title: PUBLIC.kbTitle, markdown: PUBLIC.kbBody }, auth.engineer));
    await ok(t.rest('POST', `/api/v1/kb/${kb.id}/publish`, undefined, auth.engineer));
    kbPublicSlug = kb.slug;
    for (const [key, visibility, status] of [
      ['kbInternal', 'INTERNAL', 'PUBLISHED'],
      ['kbDraft', 'PUBLIC', 'DRAFT'],
      ['kbArchived', 'PUBLIC', 'ARCHIVED'],
    ] as const) {
      await createArticle(em, acme, {
        title: mark(`${key}Title`),
        slug: mark(`${key}Slug`),
        markdown: `${mark(`${key}Body`)} zebracorn`,
        category: mark(`${key}Category`),
        tags: [mark(`${key}Tag`)],
        visibility,
        status,
      });
    }

    // On-call recipients: a team list outside the tool.
    await ok(t.rest('PUT', '/api/v1/on-call-recipients', { emails: [mark('oncallList', `leak-oncall-${randomBytes(3).toString('hex')}@lists.acme.test`)] }, auth.admin));

    // The viewer and a colleague who follows the organization's tickets by e-mail.
    auth.viewer = await portalHeaders(viewer.email, viewer.password);
    auth.colleague = await portalHeaders(colleague.email, colleague.password);
    await ok(t.rest('PUT', '/api/v1/notification-preferences/ORGANIZATION_TICKETS', { enabled: true }, auth.colleague));

    // The viewer's ticket and the colleague's (the organization shares, so the viewer sees it too).
    const ticket = await ok<{ id: string; number: string }>(
      t.rest('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: PUBLIC.ticketTitle, description: PUBLIC.ticketDescription, priority: 'HIGH' }, auth.viewer),
    );
    ids.ticket = ticket.id;
    ids.ticketNumber = ticket.number;
    const colleagueTicket = await ok<{ id: string }>(
      t.rest('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: PUBLIC.colleagueTitle, description: 'The VAT rate on invoices is 0%.', priority: 'LOW' }, auth.colleague),
    );
    ids.colleagueTicket = colleagueTicket.id;
    // The colleague's comment names them by display name: public within the organization.
    await ok(t.rest('POST', `/api/v1/portal/tickets/${colleagueTicket.id}/comments`, { body: 'Still wrong on the March invoice.' }, auth.colleague));

    // Schema, as the server answers it to the viewer.
    const introspection = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), undefined, auth.viewer);
    if (!introspection.data) throw new Error(`introspection failed: ${JSON.stringify(introspection.errors)}`);
    schema = buildClientSchema(introspection.data);

    // Subscriptions open before the changes: every field, every way of asking.
    const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: auth.viewer.authorization }, retryAttempts: 0, lazy: true });
    clients.push(client);
    const subscriptionType = schema.getSubscriptionType()!;
    const subscribeAll = (field: string, args: string, label: string) => {
      for (const [i, query] of documents('subscription', rootNode(subscriptionType, field), args).entries()) {
        const s = { name: `${label} #${i}`, query, received: [] as Received[], failures: [] as unknown[] };
        subscriptions.push(s);
        client.subscribe({ query }, { next: (r) => void s.received.push(r as Received), error: (e) => void s.failures.push(e), complete: () => undefined });
      }
    };
    const before = t.app.runtime.live.subscribers;
    subscribeAll('incidentsChanged', '', 'incidentsChanged');
    subscribeAll('incidentUpdated', `(id: "${ticket.number}")`, 'incidentUpdated(own)');
    subscribeAll('incidentUpdated', `(id: "${colleagueTicket.id}")`, 'incidentUpdated(colleague)');
    // The portal's own (Ticket): the same walk.
    subscribeAll('ticketsChanged', '', 'ticketsChanged');
    subscribeAll('ticketUpdated', `(id: "${ticket.number}")`, 'ticketUpdated(own)');
    subscribeAll('ticketUpdated', `(id: "${colleagueTicket.id}")`, 'ticketUpdated(colleague)');
    for (const hidden of ['strangerTicketId', 'staffOnlyIncidentId', 'otherTenantIncidentId']) {
      for (const [field, internal] of [['incidentUpdated', 'techDescription '], ['ticketUpdated', '']]) {
        const s = { name: `${field}(${hidden})`, query: '', received: [] as Received[], failures: [] as unknown[] };
        s.query = `subscription { ${field}(id: "${markers.get(hidden)}") { __typename id title description ${internal}updates { body visibility } } }`;
        subscriptions.push(s);
        client.subscribe({ query: s.query }, { next: (r) => void s.received.push(r as Received), error: (e) => void s.failures.push(e), complete: () => undefined });
      }
    }
    const open = subscriptions.filter((s) => !s.name.includes('Id)')).length; // the refused ones never open
    await until(() => t.app.runtime.live.subscribers >= before + open, 'the subscriptions to open');

    // The staff's internal and public changes to the viewer's ticket.
    const current = await ok<{ version: number }>(t.rest('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.engineer));
    await ok(
      t.rest(
        'PATCH',
        `/api/v1/incidents/${ticket.id}`,
        {
          version: current.version,
          techDescription: mark('techDescription'),
          impactSummary: mark('impactSummary'),
          blastRadius: mark('blastRadius'),
          serviceArea: mark('serviceArea'),
          environment: mark('environment'),
          region: mark('region'),
        },
        auth.engineer,
      ),
    );
    await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/assign`, { assigneeId: responder.user.id }, auth.manager));
    await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: mark('responderInternalComment'), visibility: 'INTERNAL' }, auth.responder));
    const internalUpdate = await ok<{ id: string }>(t.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: mark('engineerInternalComment'), visibility: 'INTERNAL' }, auth.engineer));
    // A file on that INTERNAL update: its id, name and bytes are internal (attachments, rest/attachments.ts).
    const form = new FormData();
    form.append('updateId', internalUpdate.id);
    form.append('file', new Blob(['internal attachment bytes']), `${mark('internalAttachmentName')}.txt`);
    const attached = await ok<{ attachments: { id: string }[] }>(
      fetch(`${t.url}/api/v1/incidents/${ticket.id}/attachments`, { method: 'POST', body: form, headers: auth.engineer }).then(async (r) => {
        const text = await r.text();
        return { status: r.status, text, body: JSON.parse(text) as unknown };
      }),
    );
    markers.set('internalAttachmentId', attached.attachments[0].id);
    await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: PUBLIC.publicComment, visibility: 'PUBLIC' }, auth.engineer));
    await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'ACKNOWLEDGED', note: mark('internalStatusNote'), internal: true }, auth.engineer));
    await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'INVESTIGATION', note: PUBLIC.statusNote }, auth.engineer));
    for (const audience of ['ENGINEER', 'LEADERSHIP', 'CUSTOMER']) {
      await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/analysis`, { audience }, auth.engineer));
    }
    await t.em().getConnection().execute(`UPDATE incident_analyses SET provider_report = ? WHERE incident_id = ? AND audience = 'ENGINEER'`, [mark('ezraProviderReport'), ticket.id]);

    // A parent incident gathering the report: its own text is internal, its PUBLIC status note reaches the ticket.
    const parent = await ok<{ id: string; number: string }>(
      t.rest('POST', '/api/v1/incidents', { title: mark('parentTitle'), description: mark('parentDescription'), techDescription: mark('parentTech'), priority: 'CRITICAL' }, auth.engineer),
    );
    markers.set('parentId', parent.id);
    markers.set('parentNumber', parent.number.toLowerCase());
    await ok(t.rest('POST', `/api/v1/incidents/${parent.id}/links`, { childIds: [ticket.id] }, auth.engineer));
    await ok(t.rest('POST', `/api/v1/incidents/${parent.id}/status`, { status: 'ACKNOWLEDGED', note: mark('parentInternalNote'), internal: true }, auth.engineer));
    await ok(t.rest('POST', `/api/v1/incidents/${parent.id}/status`, { status: 'MITIGATED', note: mark('parentPublicNote') }, auth.engineer));

    // The colleague's ticket gets internal data too.
    const colleagueCurrent = await ok<{ version: number }>(t.rest('GET', `/api/v1/incidents/${colleagueTicket.id}`, undefined, auth.engineer));
    await ok(t.rest('PATCH', `/api/v1/incidents/${colleagueTicket.id}`, { version: colleagueCurrent.version, techDescription: mark('colleagueTicketTech') }, auth.engineer));
    await ok(t.rest('POST', `/api/v1/incidents/${colleagueTicket.id}/updates`, { body: mark('colleagueTicketInternal'), visibility: 'INTERNAL' }, auth.responder));

    // The viewer's own changes reach the subscriptions too: the colleague added to its ticket (participants show
    // display names only; the colleague's e-mail is a marker) and removed again, and a comment of its own.
    await ok(t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/participants`, { userId: ids.colleagueUser }, auth.viewer));
    await ok(t.rest('DELETE', `/api/v1/portal/tickets/${ticket.id}/participants/${ids.colleagueUser}`, undefined, auth.viewer));
    await ok(t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Any news on the payment provider?' }, auth.viewer));

    // Resolved with a knowledge-base draft (INTERNAL) made from it.
    await ok(t.rest('POST', `/api/v1/incidents/${ticket.id}/status`, { status: 'RESOLVED', resolutionSummary: PUBLIC.resolution, createKbDraft: true }, auth.engineer));

    // The last change each subscription hears: the resolution of the viewer's ticket, then a public note on
    // the colleague's. A subscription hears its events in order, and the subscriptions of one field (#0, #1,
    // ...: the same viewer, other selections) hear the same events: once #0 of a field shows its last one
    // and every other has heard as many, whatever the changes could have leaked to any of them is here.
    await ok(t.rest('POST', `/api/v1/incidents/${colleagueTicket.id}/updates`, { body: PUBLIC.lastNote, visibility: 'PUBLIC' }, auth.engineer));
    await settle();
    const opened = subscriptions.filter((s) => !s.name.includes('Id)'));
    const firstOf = (s: (typeof subscriptions)[number]) => subscriptions.find((x) => x.name === s.name.replace(/#\d+$/, '#0'))!;
    const last = (name: string) => (name.startsWith('incidentUpdated(own)') || name.startsWith('ticketUpdated(own)') ? PUBLIC.resolution : PUBLIC.lastNote);
    await until(() => opened.every((s) => s !== firstOf(s) || JSON.stringify(s.received).includes(last(s.name))), 'the last change to reach every first subscription');
    await until(() => opened.every((s) => s.received.length >= firstOf(s).received.length), 'every subscription to hear as many');
    // The subscriptions test reads what they heard during the changes above, the staff's and the viewer's own.
    // Closed now: the walk's hundreds of mutations would each run every one of these whole-schema selections
    // again (that was most of this file's time).
    for (const c of clients.splice(0)) await c.dispose();
  }, 120000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.close();
    await mail.close();
  });

  async function portalHeaders(email: string, password: string): Promise<Headers> {
    const res = await t.rest<Envelope<{ accessToken: string }>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'leak-acme', email, password });
    if (res.status !== 200) throw new Error(`portal login failed: ${res.text}`);
    return { authorization: `Bearer ${res.body.data.accessToken}` };
  }
  async function portalSession(): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await t.rest<Envelope<{ accessToken: string; refreshToken: string }>>('POST', '/api/v1/portal/auth/login', { tenantSlug: 'leak-acme', email: viewer.email, password: viewer.password });
    return res.body.data;
  }

  /** Ids the viewer may name (its own and its organization's tickets) and ones it may not. */
  const ticketIds = () => [
    ids.ticket,
    ids.ticketNumber,
    ids.colleagueTicket,
    ...['strangerTicketId', 'strangerTicketNumber', 'lonerTicketId', 'staffOnlyIncidentId', 'staffOnlyIncidentNumber', 'parentId', 'parentNumber', 'otherTenantIncidentId', 'otherTenantIncidentNumber'].map(
      (k) => markers.get(k)!,
    ),
  ];
  /** The viewer's own and organization's tickets, and one of another customer, of staff only and of another workspace. */
  const someTicketIds = () => [ids.ticket, ids.colleagueTicket, ...['strangerTicketId', 'staffOnlyIncidentId', 'otherTenantIncidentId'].map((k) => markers.get(k)!)];
  const kbSlugs = () => [kbPublicSlug, ...['kbInternalSlug', 'kbDraftSlug', 'kbArchivedSlug', 'otherTenantKbSlug'].map((k) => markers.get(k)!)];

  type Variant = () => Promise<{ args: string; headers?: Headers }>;
  const plain = (args: string): Variant => async () => ({ args });

  /** Real argument values for the root fields a portal viewer calls; the rest of the public ones get dummies. */
  const probes = (): Record<string, Variant[]> => ({
    companies: [plain('')],
    portalMe: [plain('')],
    notificationPreferences: [plain('')],
    ticket: ticketIds().map((id) => plain(`(id: "${id}")`)),
    // 10 a page: every field of 10 tickets (their updates, comments and participants lists, and the updates'
    // connection of 20, included) stays within GRAPHQL_MAX_COST.
    tickets: ['', '(status: RESOLVED)', '(status: OPEN)', '(type: INCIDENT)'].map((a) => plain(a ? a.replace(')', ', limit: 10)') : '(limit: 10)')),
    ticketsConnection: ['', '(status: RESOLVED)', '(status: OPEN)', '(type: INCIDENT)'].map((a) => plain(a ? a.replace(')', ', first: 10)') : '(first: 10)')),
    kbArticles: [plain('(limit: 50)'), plain('(q: "zebracorn", limit: 50)'), plain('(q: "card", limit: 50)'), plain('(q: "Paying savd card", limit: 50)'), plain(`(category: "${markers.get('kbInternalCategory')}")`), plain(`(tag: "${markers.get('kbDraftTag')}")`)],
    kbArticle: kbSlugs().map((slug) => plain(`(slug: "${slug}")`)),
    createTicket: [plain(`(input: { type: INCIDENT, title: "Walk ticket", description: "Created by the walk.", priority: LOW })`)],
    addTicketComment: ticketIds().map((id) => plain(`(ticketId: "${id}", body: "A comment from the walk.")`)),
    // The colleague as a participant (their e-mail is a marker: participants show display names only), then removed.
    addTicketParticipant: ticketIds().map((id) => plain(`(ticketId: "${id}", userId: "${ids.colleagueUser}")`)),
    removeTicketParticipant: ticketIds().map((id) => plain(`(ticketId: "${id}", userId: "${ids.colleagueUser}")`)),
    leaveTicket: ticketIds().map((id) => plain(`(ticketId: "${id}")`)),
    // The portal's new-style mutations (issue 15), with the same real values inside `input`: the viewer's own and
    // organization's tickets, and a hidden one of each kind (the old mutations above walk every id already).
    ticketCreate: [plain(`(input: { type: INCIDENT, title: "Walk ticket", description: "Created by the walk.", priority: LOW })`)],
    ticketCommentAdd: someTicketIds().map((id) => plain(`(input: { ticketId: "${id}", body: "A comment from the walk." })`)),
    ticketParticipantAdd: someTicketIds().map((id) => plain(`(input: { ticketId: "${id}", userId: "${ids.colleagueUser}" })`)),
    ticketParticipantRemove: someTicketIds().map((id) => plain(`(input: { ticketId: "${id}", userId: "${ids.colleagueUser}" })`)),
    ticketLeave: someTicketIds().map((id) => plain(`(input: { ticketId: "${id}" })`)),
    setNotificationPreference: [plain('(kind: TICKET_PUBLIC_UPDATE, enabled: true)')],
    portalLogin: [plain(`(input: { tenantSlug: "leak-acme", email: "${viewer.email}", password: "${viewer.password}" })`)],
    customerLogin: [plain(`(input: { email: "${viewer.email}", password: "${viewer.password}", companyId: "${acme.id}" })`)],
    customerRefreshToken: [async () => ({ args: `(input: { refreshToken: "${(await portalSession()).refreshToken}" })` })],
    // A throw-away session, so the viewer's own stays signed in.
    customerLogout: [async () => ({ args: '', headers: { authorization: `Bearer ${(await portalSession()).accessToken}` } })],
    registerCustomer: [plain(`(input: { email: "${viewer.email}", password: "${STRONG_PASSWORD}", name: "Again", companyId: "${acme.id}" })`)],
    // Issue 15 (sign-in and administration): the new names, probed as their old ones.
    notificationPreferenceSet: [plain('(input: { kind: TICKET_PUBLIC_UPDATE, enabled: true })')],
    customerSessionRefresh: [async () => ({ args: `(input: { refreshToken: "${(await portalSession()).refreshToken}" })` })],
    customerSessionEnd: [async () => ({ args: '', headers: { authorization: `Bearer ${(await portalSession()).accessToken}` } })],
    customerRegister: [plain(`(input: { email: "${viewer.email}", password: "${STRONG_PASSWORD}", name: "Again", companyId: "${acme.id}" })`)],
  });

  it('every root field the portal viewer may call, by every way of asking, over GraphQL', async () => {
    const given = probes();
    const called: string[] = [];
    for (const kind of ['query', 'mutation'] as const) {
      const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of portalRootFields(kind === 'query' ? 'Query' : 'Mutation')) {
        const f = root.getFields()[field];
        expect(f).toBeDefined();
        let variants = given[field];
        if (!variants) {
          // Public operations about someone's credentials (staff sign-in, resets, ...): the caller's own input.
          // They are still asked for everything, with arguments of the right types, and their errors read.
          const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
          variants = [plain(required.length ? `(${required.map((a) => `${a.name}: ${dummy(a.type)}`).join(', ')})` : '')];
        }
        for (const variant of variants) {
          const node = rootNode(root, field);
          for (const doc of documents(kind, node, '{ARGS}')) {
            const { args, headers } = await variant();
            const query = doc.replace('{ARGS}', args);
            const res = await t.rest('POST', '/graphql', { query }, headers ?? auth.viewer);
            const errors = (res.body as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
            // The generated documents must be valid, within the server's limits and not rate limited, or the walk
            // proves nothing; and nothing the viewer can ask may break the server.
            const limitErrors = errors.filter((e) => /QUERY_TOO|TOO_MANY|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|INTERNAL_SERVER_ERROR|RATE_LIMITED/.test(String(e.extensions?.code)));
            expect({ query, limitErrors }).toEqual({ query, limitErrors: [] });
            inspect(`graphql ${field}`, res.text, query);
            called.push(field);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // The walk reached every portal field and every ticket the viewer may see, with their public content.
    expect([...new Set(called)].sort()).toEqual([...portalRootFields('Query'), ...portalRootFields('Mutation')].sort());
    const all = seen.join('\n');
    for (const value of [PUBLIC.ticketTitle, PUBLIC.ticketDescription, PUBLIC.publicComment, PUBLIC.statusNote, PUBLIC.parentNote, PUBLIC.resolution, PUBLIC.engineerName, PUBLIC.colleagueTitle, PUBLIC.colleagueName, PUBLIC.viewerName, PUBLIC.orgName, PUBLIC.kbTitle, PUBLIC.kbBody]) {
      expect({ value, found: all.includes(value) }).toEqual({ value, found: true });
    }
    // The walk grew with the portal types' mutations (issue 15): more than jest's default minute on a busy machine.
  }, 120000);

  it('every other root field (staff operations) refuses the portal viewer outright, before anything runs', async () => {
    const refused: string[] = [];
    for (const kind of ['query', 'mutation'] as const) {
      const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      const allowed = portalRootFields(kind === 'query' ? 'Query' : 'Mutation');
      for (const f of Object.values(root.getFields()).filter((x) => !allowed.includes(x.name))) {
        const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
        // A small page (a list's limit, a connection's first), so every field of it stays within the cost limit.
        const page = f.args.filter((a) => a.name === 'limit' || a.name === 'first').map((a) => `${a.name}: 5`);
        const all = [...required.map((a) => `${a.name}: ${dummy(a.type)}`), ...page];
        const args = all.length ? `(${all.join(', ')})` : '';
        const [query] = documents(kind, rootNode(root, f.name), args);
        const res = await t.rest<{ data: unknown; errors?: { message: string; extensions?: { code?: string } }[] }>('POST', '/graphql', { query }, auth.viewer);
        inspect(`graphql ${f.name}`, res.text, query);
        expect({ field: f.name, data: res.body.data, errors: res.body.errors?.map((e) => [e.extensions?.code, e.message]) }).toEqual({
          field: f.name,
          data: { [f.name]: null },
          errors: [['FORBIDDEN', new ForbiddenError().message]],
        });
        refused.push(f.name);
      }
    }
    expect(problems).toEqual([]);
    expect(refused.length).toBeGreaterThan(50);
  });

  it('the documents really are generated from the schema, and within its limits', () => {
    const q = schema.getQueryType()!;
    const docs = documents('query', rootNode(q, 'ticket'), '(id: "x")');
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const doc of docs) {
      const op = parse(doc).definitions[0] as OperationDefinitionNode;
      expect(op.operation).toBe('query');
    }
    // Every scalar of Ticket is asked for, and TicketUpdate's through updates.
    for (const f of Object.keys((schema.getType('Ticket') as GraphQLObjectType).getFields())) expect(docs[0]).toMatch(new RegExp(`\\b${f}\\b`));
    expect(docs[0]).toMatch(/updates \{[^}]*author \{/);
    expect(docs.some((d) => d.includes('... on Ticket'))).toBe(true);
    expect(docs.some((d) => d.includes('fragment F0 on'))).toBe(true);
    // Incident still reaches portal viewers (the deprecated createTicket, the shared subscriptions): its every scalar,
    // the internal ones included, is asked for there.
    const created = documents('mutation', rootNode(schema.getMutationType()!, 'createTicket'), '(input: { title: "x", description: "x", priority: LOW })');
    for (const f of Object.keys((schema.getType('Incident') as GraphQLObjectType).getFields())) expect(created[0]).toMatch(new RegExp(`\\b${f}\\b`));
    expect(created.some((d) => d.includes('... on Incident'))).toBe(true);
    expect(created.some((d) => /a\d+: techDescription/.test(d))).toBe(true);
  });

  it('every portal and /api/v1/customer REST route', async () => {
    const routeOf = (r: (typeof restRoutes)[number]) => `${r.method} ${r.path}`;
    const portalRoutes = restRoutes
      .filter((r) => {
        if (r.path.startsWith('/api/v1/portal/') || r.path.startsWith('/api/v1/customer/')) return true;
        // Elsewhere: routes whose every root field a portal viewer may call (its own notification settings).
        const op = r.operation.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
        const rootName = op.operation === 'query' ? 'Query' : op.operation === 'mutation' ? 'Mutation' : 'Subscription';
        const allowed = portalRootFields(rootName);
        const fields = op.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : ''));
        const rules = (permissions as Record<string, Record<string, unknown>>)[rootName];
        return fields.every((f) => allowed.includes(f) && rules[f] !== public_);
      })
      .map(routeOf);

    type Call = { method: string; path: string; body?: unknown; headers?: Headers };
    const get = (path: string): Call => ({ method: 'GET', path });
    const fresh = async () => ({ authorization: `Bearer ${(await portalSession()).accessToken}` });
    const calls: Record<string, () => Promise<Call[]>> = {
      'GET /api/v1/customer/companies': async () => [get('/api/v1/customer/companies')],
      'POST /api/v1/customer/register': async () => [
        { method: 'POST', path: '/api/v1/customer/register', body: { email: viewer.email, password: STRONG_PASSWORD, name: 'Again', companyId: acme.id } },
        { method: 'POST', path: '/api/v1/customer/register', body: { email: `walk-${randomBytes(3).toString('hex')}@client.test`, password: STRONG_PASSWORD, name: 'New', companyId: markers.get('otherTenantId') } },
      ],
      'POST /api/v1/customer/verify_email': async () => [{ method: 'POST', path: '/api/v1/customer/verify_email', body: { email: viewer.email, otp: '000000', companyId: acme.id } }],
      'POST /api/v1/customer/resend_otp': async () => [{ method: 'POST', path: '/api/v1/customer/resend_otp', body: { email: viewer.email, companyId: acme.id } }],
      'POST /api/v1/customer/login': async () => [{ method: 'POST', path: '/api/v1/customer/login', body: { email: viewer.email, password: viewer.password } }],
      'POST /api/v1/customer/refresh-token': async () => [{ method: 'POST', path: '/api/v1/customer/refresh-token', body: { refreshToken: (await portalSession()).refreshToken } }],
      'POST /api/v1/portal/auth/refresh-token': async () => [{ method: 'POST', path: '/api/v1/portal/auth/refresh-token', body: { refreshToken: (await portalSession()).refreshToken } }],
      'POST /api/v1/customer/logout': async () => [{ method: 'POST', path: '/api/v1/customer/logout', headers: await fresh() }],
      'POST /api/v1/portal/auth/logout': async () => [{ method: 'POST', path: '/api/v1/portal/auth/logout', headers: await fresh() }],
      'POST /api/v1/customer/create-incident': async () => [{ method: 'POST', path: '/api/v1/customer/create-incident', body: { summary: 'Walk', description: 'From the REST walk.', priority: 'LOW' } }],
      'GET /api/v1/customer/get-incident/:id': async () => ticketIds().map((id) => get(`/api/v1/customer/get-incident/${id}`)),
      'GET /api/v1/customer/get-incidents': async () => ['?limit=100', '?status=resolved&limit=100', '?priority=high'].map((q) => get(`/api/v1/customer/get-incidents${q}`)),
      'POST /api/v1/portal/auth/login': async () => [{ method: 'POST', path: '/api/v1/portal/auth/login', body: { tenantSlug: 'leak-acme', email: viewer.email, password: viewer.password } }],
      'GET /api/v1/portal/auth/me': async () => [get('/api/v1/portal/auth/me')],
      'GET /api/v1/portal/tickets': async () => ['?limit=100', '?status=resolved&limit=100', '?type=incident'].map((q) => get(`/api/v1/portal/tickets${q}`)),
      'GET /api/v1/portal/tickets/:id': async () => ticketIds().map((id) => get(`/api/v1/portal/tickets/${id}`)),
      'POST /api/v1/portal/tickets': async () => [{ method: 'POST', path: '/api/v1/portal/tickets', body: { type: 'INCIDENT', title: 'Walk', description: 'From the REST walk.', priority: 'LOW' } }],
      'POST /api/v1/portal/tickets/:id/comments': async () => ticketIds().map((id) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/comments`, body: { body: 'From the REST walk.' } })),
      'GET /api/v1/portal/kb': async () => ['', '?q=zebracorn', '?q=card', `?category=${markers.get('kbInternalCategory')}`, `?tag=${markers.get('kbArchivedTag')}`].map((q) => get(`/api/v1/portal/kb${q}`)),
      'GET /api/v1/portal/kb/:slug': async () => kbSlugs().map((slug) => get(`/api/v1/portal/kb/${slug}`)),
      'POST /api/v1/portal/auth/accept-invitation': async () => [{ method: 'POST', path: '/api/v1/portal/auth/accept-invitation', body: { token: 'inv_nothing-here-at-all-000000', password: STRONG_PASSWORD } }],
      'POST /api/v1/customer/forgot-password': async () => [{ method: 'POST', path: '/api/v1/customer/forgot-password', body: { email: viewer.email } }],
      'POST /api/v1/customer/validate-reset-token': async () => [{ method: 'POST', path: '/api/v1/customer/validate-reset-token', body: { token: 'rst_nothing-here-at-all-000000' } }],
      'POST /api/v1/customer/reset-password': async () => [{ method: 'POST', path: '/api/v1/customer/reset-password', body: { token: 'rst_nothing-here-at-all-000000', password: STRONG_PASSWORD } }],
      'POST /api/v1/customer/sign-in-link': async () => [{ method: 'POST', path: '/api/v1/customer/sign-in-link', body: { email: viewer.email } }],
      'POST /api/v1/portal/auth/sign-in-link': async () => [{ method: 'POST', path: '/api/v1/portal/auth/sign-in-link', body: { tenantSlug: 'leak-acme', email: viewer.email } }],
      'POST /api/v1/customer/sign-in-link/redeem': async () => [{ method: 'POST', path: '/api/v1/customer/sign-in-link/redeem', body: { token: 'sgn_nothing-here-at-all-000000' } }],
      'POST /api/v1/portal/auth/sign-in-link/redeem': async () => [{ method: 'POST', path: '/api/v1/portal/auth/sign-in-link/redeem', body: { tenantSlug: 'leak-acme', token: 'sgn_nothing-here-at-all-000000' } }],
      'POST /api/v1/portal/tickets/:id/rating': async () => ticketIds().map((id) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/rating`, body: { score: 3, comment: 'From the REST walk.' } })),
      'POST /api/v1/customer/incidents/:id/rating': async () => ticketIds().map((id) => ({ method: 'POST', path: `/api/v1/customer/incidents/${id}/rating`, body: { score: 3 } })),
      'GET /api/v1/portal/tickets/:id/participants': async () => ticketIds().map((id) => get(`/api/v1/portal/tickets/${id}/participants`)),
      'POST /api/v1/portal/tickets/:id/participants': async () => ticketIds().map((id) => ({ method: 'POST', path: `/api/v1/portal/tickets/${id}/participants`, body: { userId: ids.colleagueUser } })),
      'DELETE /api/v1/portal/tickets/:id/participants/:userId': async () =>
        [ids.colleagueUser, viewer.user.id].flatMap((user) => ticketIds().map((id) => ({ method: 'DELETE', path: `/api/v1/portal/tickets/${id}/participants/${user}` }))),
      'GET /api/v1/portal/colleagues': async () => [get('/api/v1/portal/colleagues')],
      'GET /api/v1/notification-preferences': async () => [get('/api/v1/notification-preferences')],
      'PUT /api/v1/notification-preferences/:kind': async () => [{ method: 'PUT', path: '/api/v1/notification-preferences/TICKET_PUBLIC_UPDATE', body: { enabled: true } }],
    };
    // Every portal route has calls here: a new route makes this fail until it is walked too.
    expect(portalRoutes.filter((r) => !calls[r])).toEqual([]);

    const statuses: Record<string, number[]> = {};
    for (const r of portalRoutes) {
      for (const c of await calls[r]()) {
        const res = await t.rest(c.method, c.path, c.body, c.headers ?? auth.viewer);
        (statuses[r] ??= []).push(res.status);
        inspect(`REST ${c.method} ${c.path}`, res.text, `${c.path} ${JSON.stringify(c.body ?? {})}`);
      }
    }
    expect(problems).toEqual([]);
    // The viewer's own and organization's tickets answered, the others 404 like missing ones.
    expect(statuses['GET /api/v1/portal/tickets/:id']).toEqual([200, 200, 200, ...Array(9).fill(404)]);
    expect(statuses['GET /api/v1/portal/kb/:slug']).toEqual([200, 404, 404, 404, 404]);
    const all = seen.join('\n');
    for (const value of [PUBLIC.ticketTitle, PUBLIC.publicComment, PUBLIC.parentNote, PUBLIC.engineerName, PUBLIC.colleagueTitle, PUBLIC.kbTitle, PUBLIC.kbBody, PUBLIC.orgName]) {
      expect({ value, found: all.includes(value) }).toEqual({ value, found: true });
    }
  });

  it("graphql-ws subscriptions while the staff made internal and public changes", () => {
    for (const s of subscriptions) inspect(`subscription ${s.name}`, JSON.stringify({ received: s.received, failures: s.failures.map(String) }), s.query);
    expect(problems).toEqual([]);
    const byName = (name: string) => subscriptions.find((s) => s.name === name)!;
    // Every generated subscription was accepted and heard the changes (none refused by the limits).
    for (const s of subscriptions.filter((x) => ['incidentsChanged', 'incidentUpdated(own)', 'ticketsChanged', 'ticketUpdated(own)'].some((prefix) => x.name.startsWith(prefix)))) {
      expect({ name: s.name, failures: s.failures, heard: s.received.length >= 3 }).toEqual({ name: s.name, failures: [], heard: true });
    }
    for (const name of ['incidentsChanged #0', 'ticketsChanged #0']) {
      const own = JSON.stringify(byName(name).received);
      for (const value of [PUBLIC.ticketTitle, PUBLIC.publicComment, PUBLIC.statusNote, PUBLIC.parentNote, PUBLIC.resolution, PUBLIC.engineerName]) {
        expect({ name, value, found: own.includes(value) }).toEqual({ name, value, found: true });
      }
    }
    // Tickets of others cannot be followed: refused as missing.
    for (const hidden of ['strangerTicketId', 'staffOnlyIncidentId', 'otherTenantIncidentId']) {
      for (const field of ['incidentUpdated', 'ticketUpdated']) expect(JSON.stringify(byName(`${field}(${hidden})`).received)).toMatch(/INCIDENT_NOT_FOUND/);
    }
  });

  it('every e-mail a customer received during the changes', () => {
    const customerAddresses = [viewer.email, markers.get('colleagueEmail')!];
    const theirs = mail.messages.filter((m) => m.to.some((to) => customerAddresses.includes(to)));
    const text = (m: ReceivedMail) => [m.subject, m.text, m.html].join('\n');
    for (const m of theirs) inspect(`e-mail to ${m.to.join(',')}: ${m.subject}`, text(m));
    expect(problems).toEqual([]);
    // They did get the public news, by e-mail: the reporter and the following colleague both.
    for (const who of customerAddresses) {
      const all = theirs.filter((m) => m.to.includes(who)).map(text).join('\n');
      expect({ who, comment: all.includes(PUBLIC.publicComment), resolved: all.includes(PUBLIC.resolution) }).toEqual({ who, comment: true, resolved: true });
    }
  });

  it('the markers are really in the database, where staff see them (the check is not vacuous)', async () => {
    const dump = JSON.stringify(
      await t
        .em()
        .getConnection()
        .execute(
          `SELECT (SELECT json_agg(i) FROM incidents i) AS incidents, (SELECT json_agg(u) FROM incident_updates u) AS updates,
                  (SELECT json_agg(a) FROM incident_analyses a) AS analyses, (SELECT json_agg(k) FROM kb_articles k) AS kb,
                  (SELECT json_agg(r) FROM kb_article_revisions r) AS revisions, (SELECT json_agg(l) FROM audit_log l) AS audit,
                  (SELECT json_agg(s) FROM users s) AS users, (SELECT json_agg(c) FROM customer_portal_users c) AS customers,
                  (SELECT json_agg(o) FROM customers o) AS orgs, (SELECT json_agg(t) FROM tenants t) AS tenants,
                  (SELECT json_agg(r) FROM notification_oncall_recipients r) AS oncall`,
        ),
    ).toLowerCase();
    expect([...markers].filter(([, v]) => !dump.includes(v)).map(([k]) => k)).toEqual([]);
    const staffView = await t.rest('GET', `/api/v1/incidents/${ids.ticket}`, undefined, auth.engineer);
    expect(leaksIn(staffView.text)).toEqual(expect.arrayContaining(['techDescription', 'responderInternalComment', 'internalStatusNote', 'responderEmail']));
  });
});
