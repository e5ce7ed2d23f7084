import * as Op from '../../generated/operations';
import { bodyAsInput, route, type AnyRestRoute } from '../executor';
import { ok, int, enumValue, bool, bodyWithId, byId, COMPANY_ID } from './values';

/** Workspace administration: SLA policies, audit log, customer organizations, portal users and their passwords, settings. */
export const adminRoutes: readonly AnyRestRoute[] = [
  // SLA policies
  route({ method: 'GET', path: '/api/v1/sla-policies', operation: Op.RestSlaPoliciesDocument, message: 'SLA policies retrieved.', data: (r) => r.slaPolicies }),
  route({
    method: 'PUT',
    path: '/api/v1/sla-policies/:priority',
    operation: Op.RestSetSlaPolicyDocument,
    bodyFields: ['responseMinutes', 'resolutionMinutes'],
    variables: (i) => ({ input: { ...i.body, priority: enumValue(i.params.priority) } as never }),
    message: 'SLA policy saved.',
    data: (r) => r.slaPolicySet.slaPolicies,
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/sla-policies/:priority',
    operation: Op.RestResetSlaPolicyDocument,
    variables: (i) => ({ priority: enumValue(i.params.priority)! }),
    message: 'SLA policy reset to the defaults.',
    data: (r) => r.slaPolicyReset.slaPolicies,
  }),

  // Audit log
  route({
    method: 'GET',
    path: '/api/v1/audit-log/verify',
    operation: Op.RestVerifyAuditChainDocument,
    // ?anchorSequence=&anchorHash=: an earlier head kept outside the database.
    variables: ({ query }) => ({
      anchor: query.anchorSequence !== undefined || query.anchorHash !== undefined ? { sequence: query.anchorSequence ?? '', hash: query.anchorHash ?? '' } : null,
    }),
    message: 'Audit log chain checked.',
    data: (r) => r.verifyAuditChain,
  }),

  // Customer organizations (any staff reads; MANAGER manages)
  route({
    method: 'GET',
    path: '/api/v1/customers',
    operation: Op.RestCustomersDocument,
    variables: (i) => ({ filter: { q: i.query.q }, page: int(i.query.page), limit: int(i.query.limit) }),
    message: 'Customers retrieved.',
    data: (r) => r.organizations,
  }),
  route({
    method: 'POST',
    path: '/api/v1/customers',
    operation: Op.RestCreateCustomerDocument,
    bodyFields: ['name', 'sharingMode'],
    variables: bodyAsInput,
    status: 201,
    message: 'Customer created.',
    data: (r) => r.organizationCreate.organization,
  }),
  route({ method: 'GET', path: '/api/v1/customers/:id', operation: Op.RestCustomerDocument, variables: byId, message: 'Customer retrieved.', data: (r) => r.organization }),
  route({
    method: 'PATCH',
    path: '/api/v1/customers/:id',
    operation: Op.RestUpdateCustomerDocument,
    bodyFields: ['name', 'sharingMode'],
    variables: bodyWithId(),
    message: 'Customer updated.',
    data: (r) => r.organizationUpdate.organization,
  }),
  route({ method: 'DELETE', path: '/api/v1/customers/:id', operation: Op.RestDeleteCustomerDocument, variables: byId, message: 'Customer deleted.', data: (r) => ({ id: r.organizationDelete.deletedId }) }),

  // Portal users (MANAGER)
  route({
    method: 'GET',
    path: '/api/v1/portal-users',
    operation: Op.RestPortalUsersDocument,
    variables: (i) => ({
      filter: { customerId: i.query.customerId, active: bool(i.query.active), q: i.query.q },
      page: int(i.query.page),
      limit: int(i.query.limit),
    }),
    message: 'Portal users retrieved.',
    data: (r) => r.portalUsers,
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal-users',
    operation: Op.RestCreatePortalUserDocument,
    bodyFields: ['email', 'displayName', 'customerId'],
    variables: bodyAsInput,
    status: 201,
    message: 'Portal user created. An invitation is on its way.',
    data: (r) => r.portalUserCreate.portalUser,
  }),
  route({ method: 'GET', path: '/api/v1/portal-users/:id', operation: Op.RestPortalUserDocument, variables: byId, message: 'Portal user retrieved.', data: (r) => r.portalUser }),
  route({
    method: 'PATCH',
    path: '/api/v1/portal-users/:id',
    operation: Op.RestUpdatePortalUserDocument,
    bodyFields: ['displayName', 'customerId'],
    refusedFields: { email: 'cannot be changed; create a new portal user for the new address' },
    variables: bodyWithId(),
    message: 'Portal user updated.',
    data: (r) => r.portalUserUpdate.portalUser,
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal-users/:id/deactivate',
    operation: Op.RestDeactivatePortalUserDocument,
    variables: byId,
    message: 'Portal user deactivated. Their sessions have ended.',
    data: (r) => r.portalUserDeactivate.portalUser,
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal-users/:id/reactivate',
    operation: Op.RestReactivatePortalUserDocument,
    variables: byId,
    message: 'Portal user reactivated.',
    data: (r) => r.portalUserReactivate.portalUser,
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal-users/:id/reset-password',
    operation: Op.RestSendPortalUserPasswordResetDocument,
    variables: byId,
    message: 'A password reset link is on its way to the user.',
    data: ok,
  }),

  // Portal passwords from e-mailed tokens (public)
  route({
    method: 'POST',
    path: '/api/v1/portal/auth/accept-invitation',
    operation: Op.RestAcceptPortalInvitationDocument,
    bodyFields: ['token', 'password'],
    variables: bodyAsInput,
    message: 'Invitation accepted. You are signed in.',
    data: ({ acceptPortalInvitation: { accessToken, refreshToken, account: a } }) => ({
      accessToken,
      refreshToken,
      user: { id: a.id, email: a.email, displayName: a.displayName, customerId: a.customerId, tenantId: a.tenantId },
    }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/customer/forgot-password',
    operation: Op.RestCustomerForgotPasswordDocument,
    bodyFields: ['email', 'companyId'],
    inputNames: COMPANY_ID,
    variables: bodyAsInput,
    message: 'If the address has an account, a reset link is on its way.',
    data: ok,
  }),
  route({
    method: 'POST',
    path: '/api/v1/customer/validate-reset-token',
    operation: Op.RestValidateCustomerResetTokenDocument,
    bodyFields: ['token'],
    variables: bodyAsInput,
    message: 'Reset token is valid.',
    data: (r) => r.customerPasswordResetTokenCheck,
  }),
  route({
    method: 'POST',
    path: '/api/v1/customer/reset-password',
    operation: Op.RestCustomerResetPasswordDocument,
    bodyFields: ['token', 'password'],
    variables: bodyAsInput,
    message: 'Password reset. Sign in with the new password.',
    data: ok,
  }),

  // Workspace settings and audit log (ADMIN)
  route({ method: 'GET', path: '/api/v1/settings', operation: Op.RestTenantSettingsDocument, message: 'Settings retrieved.', data: (r) => r.workspaceSettings }),
  route({
    method: 'PATCH',
    path: '/api/v1/settings',
    operation: Op.RestUpdateTenantSettingsDocument,
    bodyFields: ['name', 'allowCustomerSignup'],
    variables: bodyAsInput,
    message: 'Settings updated.',
    data: (r) => r.workspaceSettingsUpdate.settings,
  }),
  route({
    method: 'GET',
    path: '/api/v1/audit-log',
    operation: Op.RestAuditLogDocument,
    variables: (i) => ({
      filter: { action: i.query.action, actorId: i.query.actorId, targetType: i.query.targetType, targetId: i.query.targetId, from: i.query.from, to: i.query.to },
      page: int(i.query.page),
      limit: int(i.query.limit),
    }),
    message: 'Audit log retrieved.',
    data: (r) => r.auditLog,
  }),
];
