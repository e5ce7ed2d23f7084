import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { ownStaffAccount } from '../../graphql/viewer';
import {
  ChangePasswordInput,
  EmailInput,
  LoginInput,
  RefreshTokenInput,
  RegisterBusinessInput,
  RegisterDeveloperInput,
  ResetPasswordInput,
  ResetTokenInput,
  UpdateProfileInput,
  VerifyEmailInput,
  EmailOtpResendInput,
  EmailVerifyInput,
  PasswordChangeInput,
  PasswordResetInput,
  PasswordResetRequestInput,
  PasswordResetTokenCheckInput,
  ProfileUpdateInput,
  SessionRefreshInput,
} from './user.inputs';
import {
  AuthPayload,
  EmailOtpResendPayload,
  EmailVerifyPayload,
  Me,
  PasswordChangePayload,
  PasswordResetPayload,
  PasswordResetRequestPayload,
  PasswordResetTokenCheckPayload,
  ProfileUpdatePayload,
  RegistrationPayload,
  ResetTokenStatus,
  SessionEndPayload,
  SessionRefreshPayload,
  TokenPair,
} from './user.types';

/** Staff identity (/api/v1/auth). Thin: arguments in, one service call, result out. */
@Resolver()
export class AuthResolver {
  @Mutation(() => RegistrationPayload, { description: 'Creates a business workspace and its ADMIN owner; e-mails a verification code.' })
  registerBusiness(@Arg('input', { description: "The business and its owner's credentials." }) input: RegisterBusinessInput, @Ctx() ctx: Context) {
    return ctx.services.auth.registerBusiness(input, ctx.client);
  }

  @Mutation(() => RegistrationPayload, { description: 'Creates a developer account with its own workspace; e-mails a verification code.' })
  registerDeveloper(@Arg('input', { description: "The developer's credentials." }) input: RegisterDeveloperInput, @Ctx() ctx: Context) {
    return ctx.services.auth.registerDeveloper(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Verifies the e-mail address with the 6-digit code (10 minutes, 5 tries).', deprecationReason: replacedBy('emailVerify') })
  verifyEmail(@Arg('input', { description: 'The address and its code.' }) input: VerifyEmailInput, @Ctx() ctx: Context) {
    return ctx.services.auth.verifyEmail(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Sends a new code; at most 3 a minute per address. Same answer for unknown addresses.', deprecationReason: replacedBy('emailOtpResend') })
  resendOtp(@Arg('input', { description: 'The address to send a new code to.' }) input: EmailInput, @Ctx() ctx: Context) {
    return ctx.services.auth.resendOtp(input, ctx.client);
  }

  @Mutation(() => AuthPayload, { description: 'Staff login by e-mail and password: tokens and the staff member.' })
  login(@Arg('input', { description: 'The credentials.' }) input: LoginInput, @Ctx() ctx: Context) {
    return ctx.services.auth.login(input, ctx.client);
  }

  @Mutation(() => TokenPair, { description: 'A new access token. Rotates the refresh token (unless REFRESH_TOKEN_ROTATION leaves GraphQL out); a reused one revokes the session.', deprecationReason: replacedBy('sessionRefresh') })
  refreshToken(@Arg('input', { description: 'The staff refresh token.' }) input: RefreshTokenInput, @Ctx() ctx: Context) {
    return ctx.services.auth.refresh(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session; its tokens stop working at once.', deprecationReason: replacedBy('sessionEnd') })
  logout(@Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.logout(own.viewer, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Changes the password and ends every other session.', deprecationReason: replacedBy('passwordChange') })
  changePassword(@Arg('input', { description: 'The current and the new password.' }) input: ChangePasswordInput, @Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.changePassword(own.viewer, input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'E-mails a reset token. Same answer for unknown addresses.', deprecationReason: replacedBy('passwordResetRequest') })
  forgotPassword(@Arg('input', { description: "The account's address." }) input: EmailInput, @Ctx() ctx: Context) {
    return ctx.services.auth.forgotPassword(input, ctx.client);
  }

  @Mutation(() => ResetTokenStatus, { description: 'Whether a reset token is still usable (an unusable one is an error).', deprecationReason: replacedBy('passwordResetTokenCheck') })
  validateResetToken(@Arg('input', { description: 'The reset token.' }) input: ResetTokenInput, @Ctx() ctx: Context) {
    return ctx.services.auth.validateResetToken(input);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with a reset token and ends every session.', deprecationReason: replacedBy('passwordReset') })
  resetPassword(@Arg('input', { description: 'The reset token and the new password.' }) input: ResetPasswordInput, @Ctx() ctx: Context) {
    return ctx.services.auth.resetPassword(input, ctx.client);
  }

  @Query(() => Me, { description: 'The signed-in staff member.' })
  me(@Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.me(own.viewer);
  }

  @Mutation(() => Me, { description: 'Updates names and phone. The e-mail address cannot be changed here.', deprecationReason: replacedBy('profileUpdate') })
  updateProfile(@Arg('input', { description: 'What to change.' }) input: UpdateProfileInput, @Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.updateProfile(own.viewer, input);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`). Each calls the old one's service
  // method, so rate limits, enumeration resistance, rotation and revocation are the same code.

  @Mutation(() => EmailVerifyPayload, { description: 'Verifies the staff e-mail address with the 6-digit code (10 minutes, 5 tries).' })
  async emailVerify(@Arg('input', { description: 'The address and its code.' }) input: EmailVerifyInput, @Ctx() ctx: Context): Promise<EmailVerifyPayload> {
    return { verified: await ctx.services.auth.verifyEmail(input, ctx.client) };
  }

  @Mutation(() => EmailOtpResendPayload, { description: 'Sends a new code; at most 3 a minute per address (shared with resendOtp). Same answer for unknown addresses.' })
  async emailOtpResend(@Arg('input', { description: 'The address to send a new code to.' }) input: EmailOtpResendInput, @Ctx() ctx: Context): Promise<EmailOtpResendPayload> {
    return { sent: await ctx.services.auth.resendOtp(input, ctx.client) };
  }

  @Mutation(() => SessionRefreshPayload, {
    description: 'A new staff access token. Rotates the refresh token (unless REFRESH_TOKEN_ROTATION leaves GraphQL out); a reused one revokes the session.',
  })
  sessionRefresh(@Arg('input', { description: 'The staff refresh token.' }) input: SessionRefreshInput, @Ctx() ctx: Context): Promise<SessionRefreshPayload> {
    return ctx.services.auth.refresh(input, ctx.client);
  }

  @Mutation(() => SessionEndPayload, { description: 'Ends the current staff session; its tokens stop working at once. Never refused for the mutation rate limit.' })
  async sessionEnd(@Ctx() ctx: Context): Promise<SessionEndPayload> {
    const own = ownStaffAccount(ctx);
    return { ended: await own.services.auth.logout(own.viewer, ctx.client) };
  }

  @Mutation(() => PasswordChangePayload, { description: 'Changes the staff password and ends every other session.' })
  async passwordChange(@Arg('input', { description: 'The current and the new password.' }) input: PasswordChangeInput, @Ctx() ctx: Context): Promise<PasswordChangePayload> {
    const own = ownStaffAccount(ctx);
    return { changed: await own.services.auth.changePassword(own.viewer, input, ctx.client) };
  }

  @Mutation(() => PasswordResetRequestPayload, { description: 'E-mails a staff password-reset token. Same answer for unknown addresses.' })
  async passwordResetRequest(@Arg('input', { description: "The account's address." }) input: PasswordResetRequestInput, @Ctx() ctx: Context): Promise<PasswordResetRequestPayload> {
    return { sent: await ctx.services.auth.forgotPassword(input, ctx.client) };
  }

  @Mutation(() => PasswordResetTokenCheckPayload, { description: 'Whether a staff reset token is still usable (an unusable one is an error).' })
  passwordResetTokenCheck(@Arg('input', { description: 'The reset token.' }) input: PasswordResetTokenCheckInput, @Ctx() ctx: Context): Promise<PasswordResetTokenCheckPayload> {
    return ctx.services.auth.validateResetToken(input);
  }

  @Mutation(() => PasswordResetPayload, { description: 'Sets a new staff password with a reset token and ends every session.' })
  async passwordReset(@Arg('input', { description: 'The reset token and the new password.' }) input: PasswordResetInput, @Ctx() ctx: Context): Promise<PasswordResetPayload> {
    return { reset: await ctx.services.auth.resetPassword(input, ctx.client) };
  }

  @Mutation(() => ProfileUpdatePayload, { description: 'Updates the staff names and phone. The e-mail address cannot be changed here.' })
  async profileUpdate(@Arg('input', { description: 'What to change.' }) input: ProfileUpdateInput, @Ctx() ctx: Context): Promise<ProfileUpdatePayload> {
    const own = ownStaffAccount(ctx);
    return { me: await own.services.auth.updateProfile(own.viewer, input) };
  }
}
