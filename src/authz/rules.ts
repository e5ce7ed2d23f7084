import { allow, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { Context } from '../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import { INCIDENT_INTERNAL_FIELDS, INCIDENT_SHARED_RESOLVED_FIELDS, INCIDENT_STAFF_RESOLVED_FIELDS } from '../modules/incident/incident.fields';
import { PARTICIPANT_STAFF_FIELDS } from '../modules/participants/participant.types';
import { CONNECTION_OF_LIST } from '../graphql/connections';
import { can, canListStaff, canManageStaff, isCustomer, isStaff, type Permission } from './policies';

/**
 * A rule for one kind of caller. Anonymous callers get UNAUTHENTICATED (with the reason their token was
 * refused); a valid token of the other kind gets FORBIDDEN, like a role the policy refuses: the token is
 * good (a client must not refresh it or sign out), it just grants nothing here (a portal token on staff
 * fields and the other way round).
 */
const viewerRule = (name: string, kind: 'staff' | 'customer', policy: (ctx: Context) => boolean) =>
  admits(
    kind,
    rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
      if (ctx.viewer.kind === 'anonymous') return ctx.authError ?? new UnauthenticatedError();
      if (ctx.viewer.kind !== kind) return new ForbiddenError();
      return policy(ctx) || new ForbiddenError();
    }),
  );

/** Whose token a rule needs at least: none (`anyone`), a staff or a portal one, or either (`signed-in`). */
export type Caller = 'anyone' | 'staff' | 'customer' | 'signed-in';
const callers = new Map<unknown, Caller>();
function admits<R>(caller: Caller, r: R): R {
  callers.set(r, caller);
  return r;
}

export const public_ = admits('anyone', allow);
export const staffOnly = viewerRule('staffOnly', 'staff', (ctx) => isStaff(ctx.viewer));
export const customerOnly = viewerRule('customerOnly', 'customer', (ctx) => isCustomer(ctx.viewer));
export const staffAdmin = viewerRule('staffAdmin', 'staff', (ctx) => canManageStaff(ctx.viewer));
/** A staff rule for one permission of the matrix (authz/policies.ts). */
const cache = new Map<Permission, ReturnType<typeof viewerRule>>();
export const permission = (p: Permission) => {
  if (!cache.has(p)) cache.set(p, viewerRule(`permission:${p}`, 'staff', (ctx) => can(ctx.viewer, p)));
  return cache.get(p)!;
};
/** Any signed-in caller, staff or portal user: for fields about the caller's own settings. */
export const signedIn = admits(
  'signed-in',
  rule('signedIn', { cache: 'contextual' })((_parent, _args, ctx: Context) => (ctx.viewer.kind === 'anonymous' ? (ctx.authError ?? new UnauthenticatedError()) : true)),
);
/** Staff who may read incidents, or a portal user (whose reads are scoped to its own tickets). */
export const incidentReader = admits(
  'signed-in',
  rule('incidentReader', { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (ctx.viewer.kind === 'anonymous') return ctx.authError ?? new UnauthenticatedError();
    return ctx.viewer.kind === 'customer' || can(ctx.viewer, 'incident.read') || new ForbiddenError();
  }),
);
export const staffMembersReader = viewerRule('staffMembersReader', 'staff', (ctx) => canListStaff(ctx.viewer));

/**
 * The permission map: every root field (Query, Mutation, Subscription) and every internal field on an
 * object type has an explicit rule here. Anything missing is denied (fallbackRule), and a test walks the
 * schema to make sure nothing relies on that fallback by accident.
 */
export const permissions: IRules = {
  Query: {
    companies: public_,
    tenants: permission('tenant.crossTenant'),
    me: staffOnly,
    staffMembers: staffMembersReader,
    portalMe: customerOnly,
    ticket: customerOnly,
    tickets: customerOnly,
    kbArticles: customerOnly,
    kbArticle: customerOnly,
    staffKbArticles: permission('kb.read'),
    staffKbArticle: permission('kb.read'),
    kbArticleRevisions: permission('kb.read'),
    incident: permission('incident.read'),
    incidents: permission('incident.read'),
    incidentCounts: permission('incident.read'),
    slaPolicies: permission('incident.read'),
    incidentAnalysis: permission('incident.read'),
    incidentAnalyses: permission('incident.read'),
    verifyAuditChain: permission('audit.read'),
    // Administration: customers are read by any staff, managed by MANAGER; settings and audit are ADMIN's.
    customers: permission('incident.read'),
    customer: permission('incident.read'),
    portalUsers: permission('portalUser.manage'),
    portalUser: permission('portalUser.manage'),
    tenantSettings: permission('tenant.settings'),
    auditLog: permission('audit.read'),
    notificationPreferences: signedIn,
    onCallRecipients: permission('tenant.settings'),
    deliveries: permission('delivery.manage'),
    webhookEndpoints: permission('webhook.manage'),
    incidentRatingSummary: permission('incident.read'),
    // Whom a portal user may add to a ticket: their own organization's active users, id and display name only.
    portalColleagues: customerOnly,
  },
  Mutation: {
    registerBusiness: public_,
    registerDeveloper: public_,
    verifyEmail: public_,
    resendOtp: public_,
    login: public_,
    refreshToken: public_,
    forgotPassword: public_,
    validateResetToken: public_,
    resetPassword: public_,
    acceptInvitation: public_,
    oauthLogin: public_,
    oauthCallback: public_,
    logout: staffOnly,
    changePassword: staffOnly,
    updateProfile: staffOnly,
    inviteStaff: staffAdmin,
    changeStaffRole: staffAdmin,
    deactivateStaff: staffAdmin,
    registerCustomer: public_,
    verifyCustomerEmail: public_,
    resendCustomerOtp: public_,
    customerLogin: public_,
    portalLogin: public_,
    customerRefreshToken: public_,
    customerLogout: customerOnly,
    createTicket: customerOnly,
    addTicketComment: customerOnly,
    createIncident: permission('incident.create'),
    updateIncident: permission('incident.update'),
    // RESPONDER may acknowledge; the service refuses them any other status (canChangeStatusTo).
    changeIncidentStatus: permission('incident.acknowledge'),
    addIncidentUpdate: permission('incident.comment'),
    assignIncident: permission('incident.assign'),
    linkIncidents: permission('incident.update'),
    unlinkIncident: permission('incident.update'),
    setSlaPolicy: permission('sla.manage'),
    resetSlaPolicy: permission('sla.manage'),
    createKbArticle: permission('kb.write'),
    updateKbArticle: permission('kb.write'),
    publishKbArticle: permission('kb.write'),
    archiveKbArticle: permission('kb.write'),
    restoreKbArticleRevision: permission('kb.write'),
    analyzeIncident: permission('incident.analyze'),
    createCustomer: permission('customer.manage'),
    updateCustomer: permission('customer.manage'),
    deleteCustomer: permission('customer.manage'),
    createPortalUser: permission('portalUser.manage'),
    updatePortalUser: permission('portalUser.manage'),
    deactivatePortalUser: permission('portalUser.manage'),
    reactivatePortalUser: permission('portalUser.manage'),
    sendPortalUserPasswordReset: permission('portalUser.manage'),
    acceptPortalInvitation: public_,
    customerForgotPassword: public_,
    validateCustomerResetToken: public_,
    customerResetPassword: public_,
    requestSignInLink: public_,
    signInWithLink: public_,
    updateTenantSettings: permission('tenant.settings'),
    setNotificationPreference: signedIn,
    setOnCallRecipients: permission('tenant.settings'),
    retryDelivery: permission('delivery.manage'),
    createWebhookEndpoint: permission('webhook.manage'),
    updateWebhookEndpoint: permission('webhook.manage'),
    deleteWebhookEndpoint: permission('webhook.manage'),
    rotateWebhookSecret: permission('webhook.manage'),
    // Only the reporter rates (the service checks it); the link carries who and which ticket, signed.
    rateTicket: customerOnly,
    rateTicketWithLink: public_,
    // Participants: the service lets the reporter add and remove, a participant leave (PARTICIPANT_CHANGE_NOT_ALLOWED
    // otherwise), on a ticket the caller sees (INCIDENT_NOT_FOUND otherwise); staff who may update incidents.
    addTicketParticipant: customerOnly,
    removeTicketParticipant: customerOnly,
    leaveTicket: customerOnly,
    addIncidentParticipant: permission('incident.update'),
    removeIncidentParticipant: permission('incident.update'),
    // File uploads (GraphQL multipart requests): who may upload at the REST file routes (policies.ts attachmentAccess);
    // the service decides which tickets and updates (INCIDENT_NOT_FOUND, like a missing one, for what the caller cannot see).
    attachTicketFiles: customerOnly,
    attachIncidentFiles: permission('incident.comment'),
  },
  Subscription: {
    incidentUpdated: incidentReader,
    incidentsChanged: incidentReader,
  },
  // Internal fields: never for portal viewers (the read model does not select them for customers either).
  // The list is the incident module's (incident.fields.ts), the same one the read model leaves out.
  // Ratings are staff data too: customers never see one, their own included (they get theirs from rateTicket).
  Incident: Object.fromEntries([
    ...INCIDENT_INTERNAL_FIELDS.map((field) => [field, staffOnly]),
    ...INCIDENT_STAFF_RESOLVED_FIELDS.map((field) => [field, permission('incident.read')]),
    ...INCIDENT_SHARED_RESOLVED_FIELDS.map((field) => [field, incidentReader]),
  ]),
  // Incident.participants itself is no internal field (both kinds of reader get it, like updates): not ruled, as the
  // parent incident is. A participant's e-mail and who added them when are staff data (the read model selects NULL
  // for portal viewers).
  Participant: Object.fromEntries(PARTICIPANT_STAFF_FIELDS.map((field) => [field, staffOnly])),
};

// Cursor connections (issue 15): each has exactly the rule of the list it sits beside (graphql/connections.ts).
for (const [connection, list] of Object.entries(CONNECTION_OF_LIST)) {
  const query = permissions.Query as Record<string, unknown>;
  if (!query[list]) throw new Error(`The connection ${connection} sits beside ${list}, which has no rule`);
  query[connection] = query[list];
}

/**
 * Whose token a root field needs ("Mutation", "login" → anyone), read from its rule: what the OpenAPI document
 * declares as each route's security. Undefined for a field without a rule (denied to all).
 */
export function callerOf(type: 'Query' | 'Mutation' | 'Subscription', field: string): Caller | undefined {
  return callers.get((permissions as Record<string, Record<string, unknown> | undefined>)[type]?.[field]);
}

/** Root fields anyone may call ("Mutation.login"): sign-in, sign-up, codes, resets, the company list. */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(
  ['Query', 'Mutation', 'Subscription'].flatMap((type) =>
    Object.entries((permissions[type] ?? {}) as Record<string, unknown>)
      .filter(([, r]) => r === public_)
      .map(([field]) => `${type}.${field}`),
  ),
);
