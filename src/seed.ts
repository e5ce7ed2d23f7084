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

/** Seeds the demo data (development only, idempotent) and returns lines describing it for the start-up log. */
export async function seedDemo(em: EntityManager, hasher: PasswordHasher): Promise<string[]> {
  const lines: string[] = [];
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    const tenants = new Map<string, Tenant>();
    for (const t of DEMO_TENANTS) {
      const tenant = (await tx.findOne(Tenant, { slug: t.slug })) ?? tx.create(Tenant, t);
      tenants.set(t.slug, tenant);
      lines.push(`tenant ${t.name} (slug ${t.slug}, customer sign-up ${t.allowCustomerSignup ? 'open' : 'closed'})`);
    }
    for (const s of DEMO_STAFF) {
      if (!(await tx.findOne(User, { email: s.email }))) {
        tx.create(User, { ...s, tenant: tenants.get(s.tenant)!, passwordHash, emailVerifiedAt: new Date() });
      }
      lines.push(`staff ${s.email} (${s.role}, ${s.tenant}) password ${DEMO_PASSWORD}`);
    }
    const acme = tenants.get('acme-cloud')!;
    if (!(await tx.count(CustomerUser, { tenant: acme }))) await seedAcmePortal(tx, acme, passwordHash);
    lines.push(`portal customer max@initrode.test (organization Initrode, shares tickets; tenantSlug acme-cloud) password ${DEMO_PASSWORD}`);
    lines.push(`portal customer erika@initrode.test (organization Initrode) password ${DEMO_PASSWORD}`);
  });
  return lines;
}

/** A customer organization, two portal users, a few incidents with public and internal updates, KB articles. */
async function seedAcmePortal(tx: EntityManager, acme: Tenant, passwordHash: string): Promise<void> {
  const org = tx.create(Customer, { tenant: acme, name: 'Initrode', sharingMode: 'ORGANIZATION' });
  const max = tx.create(CustomerUser, { tenant: acme, customer: org, email: 'max@initrode.test', displayName: 'Max Mustermann', passwordHash, emailVerifiedAt: new Date() });
  tx.create(CustomerUser, { tenant: acme, customer: org, email: 'erika@initrode.test', displayName: 'Erika Musterfrau', passwordHash, emailVerifiedAt: new Date() });
  const engineer = await tx.findOneOrFail(User, { email: 'engineer@acme-cloud.test' });
  const demo: { title: string; description: string; priority: Priority; status: Incident['status']; tech?: string; public?: string; internal?: string }[] = [
    { title: 'Unable to complete checkout', description: 'Getting a 500 error when clicking Pay Now.', priority: 'HIGH', status: 'INVESTIGATION', tech: 'Payment gateway timeouts from eu-west-1 pods.', public: 'We are investigating checkout errors.', internal: 'Suspect the gateway connection pool; see runbook PAY-7.' },
    { title: 'Invoice shows the wrong VAT rate', description: 'Our March invoice uses 19% instead of 7%.', priority: 'MEDIUM', status: 'OPEN' },
    { title: 'Dashboard slow in the morning', description: 'Loading takes ~20 s between 8 and 9 am.', priority: 'LOW', status: 'RESOLVED', public: 'Fixed by adding capacity during peak hours.' },
  ];
  for (const d of demo) {
    const now = new Date();
    const incident = tx.create(Incident, {
      tenant: acme,
      number: await nextNumber(tx, acme.id, 'INCIDENT', now),
      type: 'INCIDENT',
      title: d.title,
      description: d.description,
      techDescription: d.tech ?? null,
      priority: d.priority,
      status: d.status,
      source: 'PORTAL',
      reporterCustomer: max,
      customer: org,
      assignee: d.status === 'OPEN' ? null : engineer,
      acknowledgedAt: d.status === 'OPEN' ? null : now,
      resolvedAt: d.status === 'RESOLVED' ? now : null,
      ...(await slaDueTimes(tx, acme.id, d.priority, now)),
    });
    if (d.public) tx.create(IncidentUpdate, { tenant: acme, incident, kind: 'COMMENT', visibility: 'PUBLIC', body: d.public, authorKind: 'STAFF', authorStaff: engineer });
    if (d.internal) tx.create(IncidentUpdate, { tenant: acme, incident, kind: 'COMMENT', visibility: 'INTERNAL', body: d.internal, authorKind: 'STAFF', authorStaff: engineer });
  }
  const articles = [
    { slug: 'reset-your-password', title: 'Reset your password', category: 'Account', tags: ['password', 'login'], markdown: 'Open **Settings → Security** and choose *Reset password*. The link we e-mail you works once, for 30 minutes.' },
    { slug: 'understanding-invoices', title: 'Understanding your invoice', category: 'Billing', tags: ['invoices', 'vat'], markdown: 'Invoices are issued on the 1st of each month. VAT follows your billing address.' },
  ];
  for (const { markdown, ...a } of articles) {
    tx.create(KbArticle, { tenant: acme, ...a, bodyMarkdown: markdown, bodyHtml: renderMarkdown(markdown), visibility: 'PUBLIC', status: 'PUBLISHED', publishedAt: new Date(), author: engineer });
  }
}
