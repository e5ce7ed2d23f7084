import type { EntityManager } from '@mikro-orm/postgresql';
import type { PasswordHasher } from './auth/passwords';
import type { StaffRole } from './auth/viewer';
import { Tenant } from './modules/tenant/tenant.entity';
import { User } from './modules/user/user.entity';
import { Customer, CustomerUser } from './modules/customer/customer.entity';
import { Incident, IncidentUpdate, type Priority } from './modules/incident/incident.entity';
import { nextNumber } from './modules/incident/incident.service';
import { slaDueTimes } from './modules/incident/sla';
import { KbArticle } from './modules/kb/kb.entity';
import { renderMarkdown } from './modules/kb/kb.render';

/** Shown in the start-up log of development servers only; never used outside `SEED_DEMO`. */
export const DEMO_PASSWORD = 'Demo-Incident-Desk-2026';

/** Demo tenants for development: two open to customer sign-up, one closed. */
const DEMO_TENANTS = [
  { slug: 'acme-cloud', name: 'Acme Cloud', allowCustomerSignup: true },
  { slug: 'globex-support', name: 'Globex Support', allowCustomerSignup: true },
  { slug: 'initech-internal', name: 'Initech Internal', allowCustomerSignup: false },
];

const DEMO_STAFF: { tenant: string; email: string; role: StaffRole; firstName: string; lastName: string }[] = [
  { tenant: 'acme-cloud', email: 'admin@acme-cloud.test', role: 'ADMIN', firstName: 'Alice', lastName: 'Admin' },
  { tenant: 'acme-cloud', email: 'manager@acme-cloud.test', role: 'MANAGER', firstName: 'Max', lastName: 'Manager' },
  { tenant: 'acme-cloud', email: 'engineer@acme-cloud.test', role: 'ENGINEER', firstName: 'Erin', lastName: 'Engineer' },
  { tenant: 'acme-cloud', email: 'viewer@acme-cloud.test', role: 'VIEWER', firstName: 'Vic', lastName: 'Viewer' },
  { tenant: 'globex-support', email: 'admin@globex.test', role: 'ADMIN', firstName: 'Gus', lastName: 'Globex' },
];

/** One sign-in the demo offers, for the start-up table. */
export interface DemoAccount {
  email: string;
  who: string;
  workspace: string;
  door: string;
}

/** Seeds the demo data (development only, idempotent) and returns the accounts it offers (password: DEMO_PASSWORD). */
export async function seedDemo(em: EntityManager, hasher: PasswordHasher): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  // Hashed only when an account is missing: a restart finds them all and starts without argon2's cost.
  let hashing: Promise<string> | undefined;
  const passwordHash = () => (hashing ??= hasher.hash(DEMO_PASSWORD));
  await em.transactional(async (tx) => {
    const tenants = new Map<string, Tenant>();
    for (const t of DEMO_TENANTS) tenants.set(t.slug, (await tx.findOne(Tenant, { slug: t.slug })) ?? tx.create(Tenant, t));
    for (const s of DEMO_STAFF) {
      if (!(await tx.findOne(User, { email: s.email }))) {
        tx.create(User, { ...s, tenant: tenants.get(s.tenant)!, passwordHash: await passwordHash(), emailVerifiedAt: new Date() });
      }
      accounts.push({ email: s.email, who: `staff ${s.role}`, workspace: s.tenant, door: 'POST /api/v1/auth/login' });
    }
    const acme = tenants.get('acme-cloud')!;
    if (!(await tx.count(CustomerUser, { tenant: acme }))) await seedAcmePortal(tx, acme, await passwordHash());
    const portal = 'POST /api/v1/portal/auth/login (tenantSlug acme-cloud)';
    accounts.push({ email: 'max@initrode.test', who: 'customer, Initrode (shares tickets)', workspace: 'acme-cloud', door: portal });
    accounts.push({ email: 'erika@initrode.test', who: 'customer, Initrode', workspace: 'acme-cloud', door: portal });
  });
  return accounts;
}

/** The demo's sign-ins as a small table for the start-up log, with the workspaces open to customer sign-up. */
export function demoTable(accounts: readonly DemoAccount[]): string {
  const rows = [['account', 'who', 'workspace', 'sign in with'], ...accounts.map((a) => [a.email, a.who, a.workspace, a.door])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd();
  const open = DEMO_TENANTS.filter((t) => t.allowCustomerSignup).map((t) => t.slug);
  return [
    `Demo accounts (password ${DEMO_PASSWORD}):`,
    line(rows[0]),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
    `Workspaces open to customer sign-up: ${open.join(', ')}.`,
  ].join('\n');
}

/** One event of a demo incident's story, `minutes` after it was reported. */
interface DemoEvent {
  minutes: number;
  kind: 'COMMENT' | 'STATUS';
  visibility: 'PUBLIC' | 'INTERNAL';
  body: string;
  status?: Incident['status'];
  by: 'staff' | 'customer';
}

interface DemoIncident {
  title: string;
  description: string;
  priority: Priority;
  tech?: string;
  resolution?: string;
  /** How long ago the customer reported it. */
  reportedHoursAgo: number;
  events: DemoEvent[];
}

const status = (minutes: number, to: Incident['status'], body = `Status changed to ${to}.`): DemoEvent => ({ minutes, kind: 'STATUS', visibility: 'PUBLIC', body, status: to, by: 'staff' });

/** Three tickets whose timelines tell what happened: every status they are in has its event, in order. */
const DEMO_INCIDENTS: DemoIncident[] = [
  {
    title: 'Unable to complete checkout',
    description: 'Getting a 500 error when clicking Pay Now.',
    priority: 'HIGH',
    tech: 'Payment gateway timeouts from eu-west-1 pods.',
    reportedHoursAgo: 3,
    events: [
      status(6, 'ACKNOWLEDGED'),
      { minutes: 18, kind: 'COMMENT', visibility: 'INTERNAL', body: 'Suspect the gateway connection pool; see runbook PAY-7.', by: 'staff' },
      status(25, 'INVESTIGATION', 'We are investigating checkout errors.'),
      { minutes: 40, kind: 'COMMENT', visibility: 'PUBLIC', body: 'It fails for every card we tried.', by: 'customer' },
    ],
  },
  {
    title: 'Invoice shows the wrong VAT rate',
    description: 'Our March invoice uses 19% instead of 7%.',
    priority: 'MEDIUM',
    reportedHoursAgo: 1,
    events: [{ minutes: 10, kind: 'COMMENT', visibility: 'PUBLIC', body: 'It is invoice 2026-0311.', by: 'customer' }],
  },
  {
    title: 'Dashboard slow in the morning',
    description: 'Loading takes ~20 s between 8 and 9 am.',
    priority: 'LOW',
    resolution: 'Fixed by adding capacity during peak hours.',
    reportedHoursAgo: 72,
    events: [
      status(30, 'ACKNOWLEDGED'),
      status(120, 'INVESTIGATION', 'Looking at the morning load.'),
      status(24 * 60, 'MITIGATED', 'Added capacity during peak hours; watching tomorrow morning.'),
      status(48 * 60, 'RESOLVED', 'Status changed to RESOLVED.\n\nResolution: Fixed by adding capacity during peak hours.'),
    ],
  },
];

/** A customer organization, two portal users, three incidents with their timelines, KB articles. */
async function seedAcmePortal(tx: EntityManager, acme: Tenant, passwordHash: string): Promise<void> {
  const org = tx.create(Customer, { tenant: acme, name: 'Initrode', sharingMode: 'ORGANIZATION' });
  const max = tx.create(CustomerUser, { tenant: acme, customer: org, email: 'max@initrode.test', displayName: 'Max Mustermann', passwordHash, emailVerifiedAt: new Date() });
  tx.create(CustomerUser, { tenant: acme, customer: org, email: 'erika@initrode.test', displayName: 'Erika Musterfrau', passwordHash, emailVerifiedAt: new Date() });
  const engineer = await tx.findOneOrFail(User, { email: 'engineer@acme-cloud.test' });
  for (const d of DEMO_INCIDENTS) {
    const reported = new Date(Date.now() - d.reportedHoursAgo * 3_600_000);
    const at = (e: DemoEvent) => new Date(reported.getTime() + e.minutes * 60_000);
    const statuses = d.events.filter((e) => e.kind === 'STATUS');
    const reached = (to: Incident['status']) => statuses.find((e) => e.status === to);
    const last = d.events[d.events.length - 1];
    const incident = tx.create(Incident, {
      tenant: acme,
      number: await nextNumber(tx, acme.id, 'INCIDENT', reported),
      type: 'INCIDENT',
      title: d.title,
      description: d.description,
      techDescription: d.tech ?? null,
      priority: d.priority,
      status: statuses[statuses.length - 1]?.status ?? 'OPEN',
      source: 'PORTAL',
      reporterCustomer: max,
      customer: org,
      assignee: statuses.length ? engineer : null,
      acknowledgedAt: statuses.length ? at(statuses[0]) : null,
      resolvedAt: reached('RESOLVED') ? at(reached('RESOLVED')!) : null,
      resolutionSummary: d.resolution ?? null,
      createdAt: reported,
      updatedAt: last ? at(last) : reported,
      ...(await slaDueTimes(tx, acme.id, d.priority, reported)),
    });
    for (const e of d.events) {
      const author = e.by === 'staff' ? { authorKind: 'STAFF' as const, authorStaff: engineer } : { authorKind: 'CUSTOMER' as const, authorCustomer: max };
      tx.create(IncidentUpdate, { tenant: acme, incident, kind: e.kind, visibility: e.visibility, body: e.body, status: e.status ?? null, createdAt: at(e), ...author });
    }
  }
  const articles = [
    { slug: 'reset-your-password', title: 'Reset your password', category: 'Account', tags: ['password', 'login'], markdown: 'Open **Settings → Security** and choose *Reset password*. The link we e-mail you works once, for 30 minutes.' },
    { slug: 'understanding-invoices', title: 'Understanding your invoice', category: 'Billing', tags: ['invoices', 'vat'], markdown: 'Invoices are issued on the 1st of each month. VAT follows your billing address.' },
  ];
  for (const { markdown, ...a } of articles) {
    tx.create(KbArticle, { tenant: acme, ...a, bodyMarkdown: markdown, bodyHtml: renderMarkdown(markdown), visibility: 'PUBLIC', status: 'PUBLISHED', publishedAt: new Date(), author: engineer });
  }
}
