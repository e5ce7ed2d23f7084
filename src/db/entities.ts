import { ActionToken, OneTimeCode, RateLimitEntry, RefreshToken, Session } from '../auth/auth.entities';
import { OAuthState } from '../auth/oauth-state.entity';
import { AuditChainHead, AuditEntry } from '../modules/audit/audit.entity';
import { Tenant } from '../modules/tenant/tenant.entity';
import { User } from '../modules/user/user.entity';
import { Customer, CustomerUser } from '../modules/customer/customer.entity';
import { Incident, IncidentCounter, IncidentUpdate, SlaPolicy } from '../modules/incident/incident.entity';
import { KbArticle, KbArticleRevision } from '../modules/kb/kb.entity';
import { OutboxEvent } from '../modules/outbox/outbox.entity';
import { IncidentAnalysis } from '../modules/ezra/ezra.entity';
import { IncidentRating } from '../modules/satisfaction/satisfaction.entity';
import { Attachment, AttachmentChunk } from '../modules/attachment/attachment.entity';
import { IncidentParticipant } from '../modules/participants/participant.entity';
import { Delivery, NotificationPreference, OnCallRecipient, QueueWorkerHeartbeat, WebhookEndpoint } from '../modules/notifications/notification.entity';

/** Every ORM entity, listed explicitly so the same list works from TypeScript (tests, scripts) and compiled JS. */
export const entities = [Tenant, User, Session, RefreshToken, OneTimeCode, ActionToken, RateLimitEntry, AuditEntry, AuditChainHead, OAuthState,
  Customer, CustomerUser, Incident, IncidentUpdate, IncidentCounter, SlaPolicy, OutboxEvent, KbArticle, KbArticleRevision, IncidentAnalysis,
  Delivery, WebhookEndpoint, NotificationPreference, OnCallRecipient, QueueWorkerHeartbeat, IncidentRating, Attachment, AttachmentChunk,
  IncidentParticipant];
