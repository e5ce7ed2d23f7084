import type { NonEmptyArray } from 'type-graphql';
import { TenantResolver } from '../modules/tenant/tenant.resolver';
import { TenantsAdminResolver } from '../modules/tenant/tenants-admin.resolver';
import { AuthResolver } from '../modules/user/auth.resolver';
import { OAuthResolver } from '../modules/user/oauth.resolver';
import { StaffResolver } from '../modules/user/staff.resolver';
import { PortalAuthResolver } from '../modules/customer/portal-auth.resolver';
import { IncidentResolver } from '../modules/incident/incident.resolver';
import { TicketResolver } from '../modules/incident/ticket.resolver';
import { KbResolver } from '../modules/kb/kb.resolver';
import { IncidentManagementResolver } from '../modules/incident/incident-management.resolver';
import { SlaResolver } from '../modules/incident/sla.resolver';
import { EzraResolver } from '../modules/ezra/ezra.resolver';
import { CustomerAdminResolver } from '../modules/customer/customer-admin.resolver';
import { PortalUserAdminResolver } from '../modules/customer/portal-user-admin.resolver';
import { PortalPasswordResolver } from '../modules/customer/portal-password.resolver';
import { PortalSignInResolver } from '../modules/customer/portal-sign-in.resolver';
import { TenantSettingsResolver } from '../modules/tenant/tenant-settings.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import { SatisfactionResolver } from '../modules/satisfaction/satisfaction.resolver';
import { IncidentAttachmentsResolver } from '../modules/attachment/attachment.resolver';
import { ParticipantResolver } from '../modules/participants/participant.resolver';
// Issue 15, staff incident work: the payloads' on-demand fields.
import { INCIDENT_PAYLOAD_RESOLVERS } from '../modules/incident/incident-management.payloads';
import { PARTICIPANT_PAYLOAD_RESOLVERS } from '../modules/participants/participant.staff-mutations';

/** Every resolver class of the schema. A new module adds its resolver here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  TenantResolver,
  TenantsAdminResolver,
  AuthResolver,
  OAuthResolver,
  StaffResolver,
  PortalAuthResolver,
  IncidentResolver,
  TicketResolver,
  IncidentManagementResolver,
  SlaResolver,
  KbResolver,
  EzraResolver,
  CustomerAdminResolver,
  PortalUserAdminResolver,
  PortalPasswordResolver,
  PortalSignInResolver,
  TenantSettingsResolver,
  AuditResolver,
  NotificationResolver,
  LiveResolver,
  SatisfactionResolver,
  IncidentAttachmentsResolver,
  ParticipantResolver,
  // Issue 15, staff incident work: the payloads' on-demand fields.
  ...INCIDENT_PAYLOAD_RESOLVERS,
  ...PARTICIPANT_PAYLOAD_RESOLVERS,
];
