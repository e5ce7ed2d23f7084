import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../runtime';
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
import { TenantSettingsService } from './tenant/tenant-settings.service';
import { AuditLogService } from './audit/audit-log.service';
import { DeliveryService } from './notifications/delivery.service';
import { NotificationService } from './notifications/notification.service';
import { WebhookService } from './notifications/webhook.service';
import { LiveService } from './live/live.service';

/** The per-request set of services, each bound to the request's EntityManager. */
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
  tenantSettings: TenantSettingsService;
  auditLog: AuditLogService;
  notifications: NotificationService;
  deliveries: DeliveryService;
  webhooks: WebhookService;
  live: LiveService;
}

/** `rlsTenant`: the tenant the request's database role is confined to (undefined: the owner role). */
export function createServices(em: EntityManager, runtime: Runtime, rlsTenant?: string): Services {
  return {
    tenants: new TenantService(em),
    auth: new AuthService(em, runtime),
    oauth: new OAuthService(em, runtime),
    staff: new StaffService(em, runtime),
    portalAuth: new PortalAuthService(em, runtime),
    incidents: new IncidentService(em),
    kb: new KbService(em, runtime),
    incidentManagement: new IncidentManagementService(em, runtime),
    sla: new SlaService(em, runtime),
    ezra: new EzraService(em, runtime),
    customerAdmin: new CustomerAdminService(em, runtime),
    portalUserAdmin: new PortalUserAdminService(em, runtime),
    portalPasswords: new PortalPasswordService(em, runtime),
    tenantSettings: new TenantSettingsService(em, runtime),
    auditLog: new AuditLogService(em),
    notifications: new NotificationService(em, runtime),
    deliveries: new DeliveryService(em, runtime),
    webhooks: new WebhookService(em, runtime),
    live: new LiveService(em, runtime, rlsTenant),
  };
}
