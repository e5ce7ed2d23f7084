import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PasswordHasher } from '../../src/auth/passwords';
import { Customer, CustomerUser, type SharingMode } from '../../src/modules/customer/customer.entity';
import { Incident, IncidentUpdate, type IncidentStatus, type Priority, type Visibility } from '../../src/modules/incident/incident.entity';
import { KbArticle, type ArticleStatus } from '../../src/modules/kb/kb.entity';
import { renderMarkdown } from '../../src/modules/kb/kb.render';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { User } from '../../src/modules/user/user.entity';
import type { TestApp } from '../setup/app';
import { STRONG_PASSWORD } from './staff';

export async function createCustomerOrg(em: EntityManager, tenant: Tenant, sharingMode: SharingMode = 'OWN', name = `Org ${randomBytes(2).toString('hex')}`): Promise<Customer> {
  const org = em.create(Customer, { tenant: em.getReference(Tenant, tenant.id), name, sharingMode });
  await em.flush();
  return org;
}

export interface CustomerFixture {
  user: CustomerUser;
  email: string;
  password: string;
}

export async function createCustomerUser(
  em: EntityManager,
  hasher: PasswordHasher,
  tenant: Tenant,
  options: { org?: Customer | null; email?: string; password?: string; verified?: boolean; name?: string } = {},
): Promise<CustomerFixture> {
  const email = options.email ?? `customer-${randomBytes(4).toString('hex')}@client.test`;
  const password = options.password ?? STRONG_PASSWORD;
  const user = em.create(CustomerUser, {
    tenant: em.getReference(Tenant, tenant.id),
    customer: options.org ? em.getReference(Customer, options.org.id) : null,
    email,
    displayName: options.name ?? 'Max Mustermann',
    passwordHash: await hasher.hash(password),
    emailVerifiedAt: options.verified === false ? null : new Date(),
  });
  await em.flush();
  return { user, email, password };
}

/** Signs a customer in through the OpsWeave door. */
export async function portalLogin(t: TestApp, tenantSlug: string, email: string, password: string): Promise<Record<string, string>> {
  const res = await t.rest<{ data: { accessToken: string } }>('POST', '/api/v1/portal/auth/login', { tenantSlug, email, password });
  if (res.status !== 200) throw new Error(`portal login failed: ${res.status} ${res.text}`);
  return { authorization: `Bearer ${res.body.data.accessToken}` };
}

let counter = 0;
/** An incident written straight to the database, with internal data planted for leak tests. */
export async function createIncident(
  em: EntityManager,
  tenant: Tenant,
  options: {
    reporter?: CustomerUser;
    org?: Customer | null;
    status?: IncidentStatus;
    priority?: Priority;
    techDescription?: string;
    assignee?: User;
    title?: string;
    description?: string;
    resolutionSummary?: string;
    serviceArea?: string;
    parent?: Incident;
  } = {},
): Promise<Incident> {
  const now = new Date();
  counter += 1;
  const incident = em.create(Incident, {
    tenant: em.getReference(Tenant, tenant.id),
    number: `INC-19990101-${String(counter).padStart(4, '0')}-${randomBytes(2).toString('hex')}`.toUpperCase(),
    type: 'INCIDENT',
    title: options.title ?? 'Checkout fails',
    description: options.description ?? 'Getting a 500 error when clicking Pay Now.',
    resolutionSummary: options.resolutionSummary ?? null,
    serviceArea: options.serviceArea ?? null,
    parent: options.parent ?? null,
    techDescription: options.techDescription ?? null,
    priority: options.priority ?? 'HIGH',
    status: options.status ?? 'OPEN',
    source: options.reporter ? 'PORTAL' : 'STAFF',
    reporterCustomer: options.reporter ?? null,
    customer: options.org ?? (options.reporter?.customer ? options.reporter.customer : null),
    assignee: options.assignee ?? null,
    responseDueAt: new Date(now.getTime() + 3600_000),
    resolutionDueAt: new Date(now.getTime() + 8 * 3600_000),
  });
  await em.flush();
  return incident;
}

export async function addUpdate(em: EntityManager, incident: Incident, body: string, visibility: Visibility, author?: User): Promise<IncidentUpdate> {
  const update = em.create(IncidentUpdate, {
    tenant: incident.tenant,
    incident,
    kind: 'COMMENT',
    visibility,
    body,
    authorKind: author ? 'STAFF' : 'SYSTEM',
    authorStaff: author ?? null,
  });
  await em.flush();
  return update;
}

export async function createArticle(
  em: EntityManager,
  tenant: Tenant,
  options: { slug?: string; title: string; markdown: string; category?: string; tags?: string[]; visibility?: Visibility; status?: ArticleStatus },
): Promise<KbArticle> {
  const status = options.status ?? 'PUBLISHED';
  const article = em.create(KbArticle, {
    tenant: em.getReference(Tenant, tenant.id),
    slug: options.slug ?? options.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title: options.title,
    bodyMarkdown: options.markdown,
    bodyHtml: renderMarkdown(options.markdown),
    category: options.category ?? null,
    tags: options.tags ?? [],
    visibility: options.visibility ?? 'PUBLIC',
    status,
    publishedAt: status === 'PUBLISHED' ? new Date() : null,
  });
  await em.flush();
  return article;
}
