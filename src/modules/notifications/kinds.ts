import type { NotificationKind, OwnerKind } from './notification.entity';

/** Each kind of notification e-mail: who can receive it, whether it is on by default, what it is. */
export const KIND_INFO: Record<NotificationKind, { owner: OwnerKind; default: boolean; description: string }> = {
  NEW_CUSTOMER_TICKET: { owner: 'STAFF', default: true, description: 'A customer reported a ticket (on-call recipients).' },
  CUSTOMER_COMMENT: { owner: 'STAFF', default: true, description: 'A customer commented on a ticket (on-call recipients).' },
  SLA_BREACH: { owner: 'STAFF', default: true, description: 'A response or resolution target passed (on-call recipients).' },
  INCIDENT_ASSIGNED: { owner: 'STAFF', default: true, description: 'An incident was assigned to you.' },
  TICKET_STATUS_CHANGE: { owner: 'CUSTOMER', default: true, description: 'The status of a ticket you follow changed.' },
  TICKET_PUBLIC_UPDATE: { owner: 'CUSTOMER', default: true, description: 'The support team posted an update on a ticket you follow.' },
  ORGANIZATION_TICKETS: {
    owner: 'CUSTOMER',
    default: false,
    description: "Also follow your organization's tickets that others reported (when your organization shares tickets).",
  },
};

/** The outbox event types, as webhook endpoints subscribe to them. */
export const EVENT_TYPES = [
  'incident.created',
  'incident.created_by_customer',
  'incident.customer_comment',
  'incident.status_changed',
  'incident.public_update',
  'incident.assigned',
  'incident.sla_breached',
  'incident.attachments_added',
  'incident.participant_added',
  'incident.participant_removed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Whether customers who follow a ticket may learn of an event on it: what their own timeline shows (the
 * ticket, public comments and updates, a status change made with a PUBLIC update, files on the ticket or a PUBLIC
 * update), never assignments, SLA
 * breaches or internal status changes. E-mails to customers and portal subscriptions both ask this.
 */
export function isCustomerVisibleEvent(type: string, visibility: unknown): boolean {
  switch (type) {
    case 'incident.created':
    case 'incident.created_by_customer':
    case 'incident.customer_comment':
    case 'incident.public_update':
      return true;
    case 'incident.status_changed':
    case 'incident.attachments_added':
      return visibility === 'PUBLIC';
    default:
      return false;
  }
}
