import type { NonEmptyArray } from 'type-graphql';
import { TenantResolver } from '../modules/tenant/tenant.resolver';
import { AuthResolver } from '../modules/user/auth.resolver';
import { OAuthResolver } from '../modules/user/oauth.resolver';
import { StaffResolver } from '../modules/user/staff.resolver';
import { PortalAuthResolver } from '../modules/customer/portal-auth.resolver';
import { IncidentResolver } from '../modules/incident/incident.resolver';
import { KbResolver } from '../modules/kb/kb.resolver';
import { IncidentManagementResolver } from '../modules/incident/incident-management.resolver';
import { SlaResolver } from '../modules/incident/sla.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { LiveResolver } from '../modules/live/live.resolver';

/** Every resolver class of the schema. A new module adds its resolver here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [TenantResolver, AuthResolver, OAuthResolver, StaffResolver, PortalAuthResolver, IncidentResolver, IncidentManagementResolver, SlaResolver, KbResolver, NotificationResolver, LiveResolver];
