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
    signupWorkspaces: public_,
    tenants: permission('tenant.crossTenant'),
    workspaces: permission('tenant.crossTenant'),
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
    organizations: permission('incident.read'),
    organization: permission('incident.read'),
    portalUsers: permission('portalUser.manage'),
    portalUser: permission('portalUser.manage'),
    tenantSettings: permission('tenant.settings'),
    workspaceSettings: permission('tenant.settings'),
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
    // ---- Issue 15 (administration and sign-in): the new-style mutations, each with its old one's rule.
    // Staff sign-in (public_: run as the owner, and beside tenant mutations each in a part of its own, like the old ones).
    emailVerify: public_,
    emailOtpResend: public_,
    sessionRefresh: public_,
    passwordResetRequest: public_,
    passwordResetTokenCheck: public_,
    passwordReset: public_,
    oauthStart: public_,
    oauthComplete: public_,
    sessionEnd: staffOnly,
    passwordChange: staffOnly,
    profileUpdate: staffOnly,
    // Customer sign-in.
    customerRegister: public_,
    customerEmailVerify: public_,
    customerEmailOtpResend: public_,
    customerSessionRefresh: public_,
    customerPasswordResetRequest: public_,
    customerPasswordResetTokenCheck: public_,
    customerPasswordReset: public_,
    customerSignInLinkRequest: public_,
    customerSessionEnd: customerOnly,
    // Administration.
    staffInvite: staffAdmin,
    staffRoleChange: staffAdmin,
    staffDeactivate: staffAdmin,
    organizationCreate: permission('customer.manage'),
    organizationUpdate: permission('customer.manage'),
    organizationDelete: permission('customer.manage'),
    portalUserCreate: permission('portalUser.manage'),
    portalUserUpdate: permission('portalUser.manage'),
    portalUserDeactivate: permission('portalUser.manage'),
    portalUserReactivate: permission('portalUser.manage'),
    portalUserPasswordResetSend: permission('portalUser.manage'),
    workspaceSettingsUpdate: permission('tenant.settings'),
    notificationPreferenceSet: signedIn,
    onCallRecipientsSet: permission('tenant.settings'),
    deliveryRetry: permission('delivery.manage'),
    webhookEndpointCreate: permission('webhook.manage'),
    webhookEndpointUpdate: permission('webhook.manage'),
    webhookEndpointDelete: permission('webhook.manage'),
    webhookSecretRotate: permission('webhook.manage'),
    // ---- end of issue 15 (administration and sign-in)
    // Issue 15, staff incident work: the object-first mutations, each with the rule of the one it replaces.
    incidentCreate: permission('incident.create'),
    incidentUpdate: permission('incident.update'),
    // RESPONDER may acknowledge; the service refuses them any other status (canChangeStatusTo).
    incidentStatusChange: permission('incident.acknowledge'),
    incidentUpdateAdd: permission('incident.comment'),
    incidentAssign: permission('incident.assign'),
    incidentLink: permission('incident.update'),
    incidentUnlink: permission('incident.update'),
    incidentParticipantAdd: permission('incident.update'),
    incidentParticipantRemove: permission('incident.update'),
    incidentAnalyze: permission('incident.analyze'),
    incidentFilesAttach: permission('incident.comment'),
    slaPolicySet: permission('sla.manage'),
    slaPolicyReset: permission('sla.manage'),
    kbArticleCreate: permission('kb.write'),
    kbArticleUpdate: permission('kb.write'),
    kbArticlePublish: permission('kb.write'),
    kbArticleArchive: permission('kb.write'),
    kbArticleRevisionRestore: permission('kb.write'),
    // --- issue 15, portal types: the portal's new-style mutations (one input, a payload with the portal types), each
    // with its old mutation's rule; the same service calls decide the rest as before.
    ticketCreate: customerOnly,
    ticketCommentAdd: customerOnly,
    ticketParticipantAdd: customerOnly,
    ticketParticipantRemove: customerOnly,
    ticketLeave: customerOnly,
    ticketRate: customerOnly,
    ticketRateWithLink: public_,
    ticketFilesAttach: customerOnly,
  },
  Subscription: {
    incidentUpdated: incidentReader,
    incidentsChanged: incidentReader,
    // issue 15, portal types: the portal's counterparts, answering Ticket.
    ticketUpdated: customerOnly,
    ticketsChanged: customerOnly,
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
  // --- issue 15, portal types (ticket.types.ts): Ticket, TicketUpdate, TicketParticipant, TicketPage hold only what a
  // customer may see and are reached only from customer-only root fields, so their fields need no rule of their own
  // (a ruled field must be nullable: schema.spec.ts), but the resolved, nullable `attachments` is ruled like
  // Incident's (a second line of defence: the portal's files, for portal viewers only).
  Ticket: { attachments: customerOnly },
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
