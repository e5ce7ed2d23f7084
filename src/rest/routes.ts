import * as Op from '../generated/operations';
import { bodyAsInput, route, type AnyRestRoute } from './executor';

const ok = () => ({});

/**
 * The REST adapter: each documented /api/v1 path, the GraphQL operation it runs (src/rest/operations/),
 * how the request becomes variables and how the result becomes the envelope's `data`.
 */
export const restRoutes: readonly AnyRestRoute[] = [
  route({ method: 'GET', path: '/api/v1/customer/companies', operation: Op.CompaniesDocument, message: 'Companies retrieved.', data: (r) => r.companies }),

  // Staff identity (scrubbe-auth-api.txt)
  route({
    method: 'POST',
    path: '/api/v1/auth/business/register',
    operation: Op.RestRegisterBusinessDocument,
    bodyFields: ['businessName', 'email', 'password'],
    variables: bodyAsInput,
    status: 201,
    message: 'Registration successful. Check your e-mail for the verification code.',
    data: (r) => r.registerBusiness,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/dev/register',
    operation: Op.RestRegisterDeveloperDocument,
    bodyFields: ['email', 'password'],
    variables: bodyAsInput,
    status: 201,
    message: 'Registration successful. Check your e-mail for the verification code.',
    data: (r) => r.registerDeveloper,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/verify_email',
    operation: Op.RestVerifyEmailDocument,
    bodyFields: ['email', 'otp'],
    variables: bodyAsInput,
    message: 'E-mail verified.',
    data: ok,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/resend_otp',
    operation: Op.RestResendOtpDocument,
    bodyFields: ['email'],
    variables: bodyAsInput,
    message: 'If the address has an account awaiting verification, a new code is on its way.',
    data: ok,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/login',
    operation: Op.RestLoginDocument,
    bodyFields: ['email', 'password'],
    variables: bodyAsInput,
    message: 'Login successful.',
    data: (r) => r.login,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/refresh-token',
    operation: Op.RestRefreshTokenDocument,
    bodyFields: ['refreshToken'],
    variables: bodyAsInput,
    message: 'Token refreshed.',
    data: (r) => r.refreshToken,
  }),
  route({ method: 'POST', path: '/api/v1/auth/logout', operation: Op.RestLogoutDocument, message: 'Logged out successfully.', data: ok }),
  route({
    method: 'POST',
    path: '/api/v1/auth/change-password',
    operation: Op.RestChangePasswordDocument,
    bodyFields: ['currentPassword', 'newPassword'],
    variables: bodyAsInput,
    message: 'Password changed. Other sessions were signed out.',
    data: ok,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/forgot-password',
    operation: Op.RestForgotPasswordDocument,
    bodyFields: ['email'],
    variables: bodyAsInput,
    message: 'If the address has an account, a reset link is on its way.',
    data: ok,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/validate-reset-token',
    operation: Op.RestValidateResetTokenDocument,
    bodyFields: ['token'],
    variables: bodyAsInput,
    message: 'Reset token is valid.',
    data: (r) => r.validateResetToken,
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/reset-password',
    operation: Op.RestResetPasswordDocument,
    bodyFields: ['token', 'password'],
    variables: bodyAsInput,
    message: 'Password reset. Sign in with the new password.',
    data: ok,
  }),
  route({ method: 'GET', path: '/api/v1/auth/me', operation: Op.RestMeDocument, message: 'Profile retrieved.', data: (r) => r.me }),
  route({
    method: 'PUT',
    path: '/api/v1/auth/profile',
    operation: Op.RestUpdateProfileDocument,
    bodyFields: ['firstName', 'lastName', 'phone'],
    refusedFields: { email: 'cannot be changed through this endpoint; contact support to change your login e-mail' },
    variables: bodyAsInput,
    message: 'Profile updated.',
    data: (r) => r.updateProfile,
  }),
];
