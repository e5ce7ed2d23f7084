import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { ClientInfo } from '../../auth/sessions';
import type { CustomerViewer, StaffViewer } from '../../auth/viewer';
import type { Runtime } from '../../runtime';
import { ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { checkLength } from '../../shared/text';
import { CustomerUser } from '../customer/customer.entity';
import { takesPart } from '../participants/participant.read';
import { Incident } from '../incident/incident.entity';
import { IncidentNotFoundError } from '../incident/incident.errors';
import type { IncidentService } from '../incident/incident.service';
import { RATING_COMMENT_MAX } from './satisfaction.inputs';
import { IncidentRating, type RatingSource } from './satisfaction.entity';
import { AlreadyRatedError, InvalidRatingLinkError, RatingNotAllowedError, RatingWindowClosedError, TicketNotResolvedError } from './satisfaction.errors';
import { DAY_MS, ratingLinksOf } from './rating-links';
import { ratingSummary, type RatingSummaryFilter } from './satisfaction.read';
import type { RatingSummary, TicketRating } from './satisfaction.types';

export interface RatingInput {
  score: number;
  comment?: string | null;
}

/** The score and the comment as stored (a blank comment is none), or a field error. */
function checked(input: RatingInput): { score: number; comment: string | null } {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw ValidationError.field('score', 'must be a whole number from 1 to 5');
  const comment = input.comment?.trim() || null;
  if (comment) checkLength('comment', comment, { max: RATING_COMMENT_MAX });
  return { score: input.score, comment };
}

/**
 * Satisfaction ratings (CSAT): once a ticket is resolved, its reporter (and, with CSAT_PARTICIPANTS_MAY_RATE, each
 * of its participants) may rate it once, within
 * CSAT_WINDOW_DAYS of the resolution, from the portal or from the signed link of the resolution e-mail. A
 * rating changes nothing on the ticket (no status, no version, no updatedAt). Staff read them per incident
 * and as summaries.
 */
export class SatisfactionService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Pick<Runtime, 'audit' | 'config'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { incidents: IncidentService },
  ) {}

  /** From the portal: the ticket as the viewer sees it, so another customer's answers like a missing one. */
  async rateTicket(viewer: CustomerViewer, idOrNumber: string, input: RatingInput, client: ClientInfo): Promise<TicketRating> {
    const rating = checked(input);
    const visible = await this.services.incidents.get(viewer, idOrNumber);
    return this.record({ tenantId: viewer.tenantId, customerUserId: viewer.customerUserId, incidentId: visible.id }, rating, 'PORTAL', client);
  }

  /** From the e-mail's link: who rates which ticket comes from the signed token alone. */
  async rateWithLink(input: RatingInput & { token: string }, client: ClientInfo): Promise<TicketRating> {
    const rating = checked(input);
    const claims = ratingLinksOf(this.rt.config).verify(input.token);
    if (!claims) throw new InvalidRatingLinkError();
    // A deactivated account's link is dead, like its sessions.
    if (!(await this.em.count(CustomerUser, { id: claims.customerUserId, tenant: claims.tenantId, isActive: true }))) throw new InvalidRatingLinkError();
    return this.record(claims, rating, 'EMAIL_LINK', client);
  }

  /**
   * Stores the rating with its audit entry, the incident row locked so that two ratings at once queue and the
   * second finds the first (the unique key backs this up). Every refusal leaves the database as it was.
   */
  private async record(
    who: { tenantId: string; customerUserId: string; incidentId: string },
    rating: { score: number; comment: string | null },
    source: RatingSource,
    client: ClientInfo,
  ): Promise<TicketRating> {
    const windowDays = this.rt.config.csat.windowDays;
    try {
      return await this.em.transactional(async (tx) => {
        const incident = await tx.findOne(Incident, { id: who.incidentId, tenant: who.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!incident) throw new IncidentNotFoundError();
        if (incident.reporterCustomer?.id !== who.customerUserId && !(await this.participantMayRate(tx, who))) throw new RatingNotAllowedError();
        if ((incident.status !== 'RESOLVED' && incident.status !== 'CLOSED') || !incident.resolvedAt) throw new TicketNotResolvedError();
        if (await tx.count(IncidentRating, { incident: incident.id, rater: who.customerUserId })) throw new AlreadyRatedError();
        if (incident.resolvedAt.getTime() + windowDays * DAY_MS <= Date.now()) throw new RatingWindowClosedError(windowDays);
        const row = tx.create(IncidentRating, {
          tenant: who.tenantId,
          incident: incident.id,
          rater: who.customerUserId,
          assignee: incident.assignee?.id ?? null,
          score: rating.score,
          comment: rating.comment,
          source,
        });
        this.rt.audit.record(tx, {
          action: 'ticket.rated',
          tenantId: who.tenantId,
          actorKind: 'customer',
          actorId: who.customerUserId,
          targetType: 'incident',
          targetId: incident.id,
          ip: client.ip,
          metadata: { score: rating.score, source, commented: rating.comment !== null },
        });
        await tx.flush();
        return { ticketId: incident.id, score: row.score, comment: row.comment ?? null, createdAt: row.createdAt.toISOString() };
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new AlreadyRatedError(); // rated at the same instant elsewhere
      throw e;
    }
  }

  /** With CSAT_PARTICIPANTS_MAY_RATE, a participant of the ticket (each rates once, like the reporter). */
  private async participantMayRate(tx: EntityManager, who: { tenantId: string; customerUserId: string; incidentId: string }): Promise<boolean> {
    return this.rt.config.csat.participantsMayRate && takesPart(tx, who.tenantId, who.incidentId, who.customerUserId);
  }

  /** An assigneeId that is no id matches nothing, as in every list filter (it names no staff member, like a missing one). */
  summary(viewer: StaffViewer, filter: RatingSummaryFilter): Promise<RatingSummary> {
    if (filter.from && filter.to && filter.from > filter.to) throw ValidationError.field('to', 'must not be before from');
    const nobody = Boolean(filter.assigneeId) && !isUuid(filter.assigneeId);
    return ratingSummary(this.em, viewer, nobody ? { ...filter, assigneeId: null, none: true } : filter);
  }
}
