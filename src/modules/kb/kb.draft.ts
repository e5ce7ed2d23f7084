import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer } from '../../auth/viewer';
import { can } from '../../authz/policies';
import { ForbiddenError } from '../../shared/errors';
import type { AuditService } from '../audit/audit.service';
import { Incident } from '../incident/incident.entity';
import { User } from '../user/user.entity';
import { KbArticle } from './kb.entity';
import { renderMarkdown } from './kb.render';
import { insertArticle } from './kb.service';

/**
 * The customer-visible part of a resolved incident, and nothing else: the draft is built from these fields
 * only, never from the technical description, triage fields or INTERNAL updates.
 */
export interface ResolvedIncidentPublicPart {
  id: string;
  title: string;
  description: string;
  resolutionSummary?: string | null;
}

/** The draft's markdown: the problem as reported and the resolution as told to the customer. */
export function draftMarkdown(incident: ResolvedIncidentPublicPart): string {
  return [
    '## Problem',
    incident.description.trim(),
    '## Resolution',
    incident.resolutionSummary?.trim() || '_Describe the fix._',
  ].join('\n\n');
}

/**
 * Called by IncidentManagementService.changeStatus when an incident is resolved with `createKbDraft`, inside
 * its transaction: creates an INTERNAL DRAFT article prefilled from the incident's public part (INTERNAL,
 * because the description is one customer's own words; staff edit it and choose PUBLIC before publishing).
 * One draft per incident: while a DRAFT from it exists, resolving again creates no second one.
 */
export async function draftFromResolvedIncident(tx: EntityManager, audit: AuditService, viewer: StaffViewer, incident: ResolvedIncidentPublicPart): Promise<string> {
  if (!can(viewer, 'kb.write')) throw new ForbiddenError('Drafting a knowledge-base article needs the ENGINEER role.');
  const existing = await tx.findOne(KbArticle, { tenant: viewer.tenantId, sourceIncident: incident.id, status: 'DRAFT' });
  if (existing) return existing.id;
  const markdown = draftMarkdown(incident);
  const article = await insertArticle(tx, viewer.tenantId, {
    title: incident.title,
    bodyMarkdown: markdown,
    bodyHtml: renderMarkdown(markdown),
    tags: ['from-incident'],
    visibility: 'INTERNAL',
    status: 'DRAFT',
    author: tx.getReference(User, viewer.userId),
    updatedBy: tx.getReference(User, viewer.userId),
    sourceIncident: tx.getReference(Incident, incident.id),
  });
  audit.record(tx, {
    action: 'kb.article_drafted_from_incident',
    tenantId: viewer.tenantId,
    actorKind: 'staff',
    actorId: viewer.userId,
    targetType: 'kb_article',
    targetId: article.id,
    metadata: { incidentId: incident.id, slug: article.slug },
  });
  return article.id;
}
