import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../runtime';
import { lazyMembers, once } from '../shared/lazy';
import { TenantService } from './tenant/tenant.service';
import { AuthService } from './user/auth.service';
import { OAuthService } from './user/oauth.service';
import { StaffService } from './user/staff.service';
import { PortalAuthService } from './customer/portal-auth.service';
import { IncidentService } from './incident/incident.service';
import { KbService } from './kb/kb.service';
import { IncidentManagementService } from './incident/incident-management.service';
import { SlaService } from './incident/sla.service';
import { EzraService } from './ezra/ezra.service';
import { CustomerAdminService } from './customer/customer-admin.service';
import { PortalUserAdminService } from './customer/portal-user-admin.service';
import { PortalPasswordService } from './customer/portal-password.service';
import { PortalSignInService } from './customer/portal-sign-in.service';
import { TenantSettingsService } from './tenant/tenant-settings.service';
import { AuditLogService } from './audit/audit-log.service';
import { DeliveryService } from './notifications/delivery.service';
import { NotificationService } from './notifications/notification.service';
import { WebhookService } from './notifications/webhook.service';
import { LiveService } from './live/live.service';
import { SatisfactionService } from './satisfaction/satisfaction.service';
import { AttachmentService } from './attachment/attachment.service';
import { ParticipantService } from './participants/participant.service';

/**
 * The per-request set of services, each bound to the request's EntityManager and built on first use: a request
 * that reads one incident builds one service. Each service takes only the parts of the runtime it uses and
 * reaches the others it uses through this set (built in turn when it first calls them), never building its own.
 */
export interface Services {
  tenants: TenantService;
  auth: AuthService;
  oauth: OAuthService;
  staff: StaffService;
  portalAuth: PortalAuthService;
  incidents: IncidentService;
  kb: KbService;
  incidentManagement: IncidentManagementService;
  sla: SlaService;
  ezra: EzraService;
  customerAdmin: CustomerAdminService;
  portalUserAdmin: PortalUserAdminService;
  portalPasswords: PortalPasswordService;
  portalSignIn: PortalSignInService;
  tenantSettings: TenantSettingsService;
  auditLog: AuditLogService;
  notifications: NotificationService;
  deliveries: DeliveryService;
  webhooks: WebhookService;
  live: LiveService;
  satisfaction: SatisfactionService;
  attachments: AttachmentService;
  participants: ParticipantService;
}

/** What a request's services are built from (createServices). */
interface Wiring {
  em: EntityManager;
  rt: () => Runtime;
  rlsTenant?: string;
}

const servicesOf = lazyMembers<Wiring, Services>({
  tenants: ({ em }) => new TenantService(em),
  auth: ({ em, rt }, services) => new AuthService(em, rt(), services),
  oauth: ({ em, rt }, services) => new OAuthService(em, rt(), services),
  staff: ({ em, rt }, services) => new StaffService(em, rt(), services),
  portalAuth: ({ em, rt }) => new PortalAuthService(em, rt()),
  incidents: ({ em }) => new IncidentService(em),
  kb: ({ em, rt }) => new KbService(em, rt()),
  incidentManagement: ({ em, rt }, services) => new IncidentManagementService(em, rt(), services),
  sla: ({ em, rt }) => new SlaService(em, rt()),
  ezra: ({ em, rt }, services) => new EzraService(em, rt(), services),
  customerAdmin: ({ em, rt }) => new CustomerAdminService(em, rt()),
  portalUserAdmin: ({ em, rt }, services) => new PortalUserAdminService(em, rt(), services),
  portalPasswords: ({ em, rt }, services) => new PortalPasswordService(em, rt(), services),
  portalSignIn: ({ em, rt }, services) => new PortalSignInService(em, rt(), services),
  tenantSettings: ({ em, rt }) => new TenantSettingsService(em, rt()),
  auditLog: ({ em }) => new AuditLogService(em),
  notifications: ({ em, rt }) => new NotificationService(em, rt()),
  deliveries: ({ em, rt }) => new DeliveryService(em, rt()),
  webhooks: ({ em, rt }) => new WebhookService(em, rt()),
  live: ({ em, rt, rlsTenant }) => new LiveService(em, rt(), rlsTenant),
  satisfaction: ({ em, rt }, services) => new SatisfactionService(em, rt(), services),
  attachments: ({ em, rt }) => new AttachmentService(em, rt()),
  participants: ({ em, rt }, services) => new ParticipantService(em, rt(), services),
});

/**
 * `runtime`: makes the runtime as this request's services see it (graphql/context.ts requestRuntime), called
 * once, when the first service that uses it is built. `rlsTenant`: the tenant the request's database role is
 * confined to (undefined: the owner role).
 */
export function createServices(em: EntityManager, runtime: () => Runtime, rlsTenant?: string): Services {
  return servicesOf({ em, rt: once(runtime), rlsTenant });
}
