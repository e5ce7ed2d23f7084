import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { ClientInfo } from '../../auth/sessions';
import type { StaffViewer } from '../../auth/viewer';
import { isUuid } from '../../shared/ids';
import { ValidationError } from '../../shared/errors';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { EVENT_TYPES } from './kinds';
import { WebhookEndpoint } from './notification.entity';
import { WebhookEndpointNotFoundError, WebhookUrlRefusedError } from './notification.errors';
import type { WebhookEndpointView, WebhookEndpointWithSecret } from './notification.types';
import { checkWebhookUrl, newWebhookSecret } from './webhook';

const MAX_ENDPOINTS = 20;

const view = (e: WebhookEndpoint): WebhookEndpointView => ({
  id: e.id,
  url: e.url,
  eventTypes: e.eventTypes,
  description: e.description ?? null,
  isActive: e.isActive,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

function eventTypes(given: string[]): string[] {
  const list = [...new Set(given.map((t) => t.trim()))];
  if (!list.length) throw ValidationError.field('eventTypes', `must name at least one of ${EVENT_TYPES.join(', ')}`);
  const unknown = list.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown) throw ValidationError.field('eventTypes', `has an unknown event type ${unknown}; known: ${EVENT_TYPES.join(', ')}`);
  return list;
}

/** ADMINs register where the workspace's events go. The secret is shown on creation and rotation only. */
export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'config' | 'webhookSecrets'>,
  ) {}

  private async url(raw: string): Promise<string> {
    const url = raw.trim();
    const problem = await checkWebhookUrl(url, this.rt.config.webhooks.allowPrivateTargets);
    if (problem) throw new WebhookUrlRefusedError(problem);
    return url;
  }

  private async load(tx: EntityManager, viewer: StaffViewer, id: string): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id) ? await tx.findOne(WebhookEndpoint, { id, tenant: viewer.tenantId }) : null;
    if (!endpoint) throw new WebhookEndpointNotFoundError();
    return endpoint;
  }

  private audit(tx: EntityManager, viewer: StaffViewer, client: ClientInfo, action: string, e: WebhookEndpoint, extra: Record<string, unknown> = {}) {
    this.rt.audit.record(tx, {
      action,
      tenantId: viewer.tenantId,
      actorKind: 'staff',
      actorId: viewer.userId,
      targetType: 'webhook_endpoint',
      targetId: e.id,
      ip: client.ip,
      metadata: { url: e.url, eventTypes: e.eventTypes, isActive: e.isActive, ...extra },
    });
  }

  async list(viewer: StaffViewer): Promise<WebhookEndpointView[]> {
    const rows = await this.em.find(WebhookEndpoint, { tenant: viewer.tenantId }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  async create(viewer: StaffViewer, input: { url: string; eventTypes: string[]; description?: string | null }, client: ClientInfo): Promise<WebhookEndpointWithSecret> {
    const types = eventTypes(input.eventTypes);
    const url = await this.url(input.url);
    const secret = newWebhookSecret();
    // The id is chosen here: the stored secret is encrypted for this row (its id and tenant are the AAD).
    const id = randomUUID();
    const endpoint = await this.em.transactional(async (tx) => {
      if ((await tx.count(WebhookEndpoint, { tenant: viewer.tenantId })) >= MAX_ENDPOINTS) {
        throw ValidationError.field('url', `is one too many: a workspace has at most ${MAX_ENDPOINTS} webhook endpoints`);
      }
      const e = tx.create(WebhookEndpoint, {
        id,
        tenant: tx.getReference(Tenant, viewer.tenantId),
        url,
        eventTypes: types,
        encryptedSecret: this.rt.webhookSecrets.seal(secret, { endpointId: id, tenantId: viewer.tenantId }),
        description: input.description?.trim() || null,
        createdBy: tx.getReference(User, viewer.userId),
      });
      await tx.flush();
      this.audit(tx, viewer, client, 'webhook.created', e);
      return e;
    });
    return { endpoint: view(endpoint), secret };
  }

  async update(
    viewer: StaffViewer,
    id: string,
    input: { url?: string | null; eventTypes?: string[] | null; description?: string | null; isActive?: boolean | null },
    client: ClientInfo,
  ): Promise<WebhookEndpointView> {
    const url = input.url != null ? await this.url(input.url) : undefined;
    const types = input.eventTypes != null ? eventTypes(input.eventTypes) : undefined;
    const endpoint = await this.em.transactional(async (tx) => {
      const e = await this.load(tx, viewer, id);
      const before = { url: e.url, eventTypes: e.eventTypes, isActive: e.isActive };
      if (url !== undefined) e.url = url;
      if (types !== undefined) e.eventTypes = types;
      if (input.description !== undefined) e.description = input.description?.trim() || null;
      if (input.isActive != null) e.isActive = input.isActive;
      await tx.flush();
      this.audit(tx, viewer, client, 'webhook.updated', e, { before });
      return e;
    });
    return view(endpoint);
  }

  /** Deletes the endpoint; its deliveries still waiting fail (their endpoint is gone). */
  async remove(viewer: StaffViewer, id: string, client: ClientInfo): Promise<boolean> {
    await this.em.transactional(async (tx) => {
      const e = await this.load(tx, viewer, id);
      this.audit(tx, viewer, client, 'webhook.deleted', e);
      tx.remove(e);
    });
    return true;
  }

  /** A new secret, shown once; the old one stops signing at once. */
  async rotateSecret(viewer: StaffViewer, id: string, client: ClientInfo): Promise<WebhookEndpointWithSecret> {
    const secret = newWebhookSecret();
    const endpoint = await this.em.transactional(async (tx) => {
      const e = await this.load(tx, viewer, id);
      e.encryptedSecret = this.rt.webhookSecrets.seal(secret, { endpointId: e.id, tenantId: viewer.tenantId });
      await tx.flush();
      this.audit(tx, viewer, client, 'webhook.secret_rotated', e);
      return e;
    });
    return { endpoint: view(endpoint), secret };
  }
}
