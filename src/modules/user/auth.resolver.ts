import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
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
} from './user.inputs';
import { AuthPayload, Me, RegistrationPayload, ResetTokenStatus, TokenPair } from './user.types';

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

  @Mutation(() => Boolean, { description: 'Verifies the e-mail address with the 6-digit code (10 minutes, 5 tries).' })
  verifyEmail(@Arg('input', { description: 'The address and its code.' }) input: VerifyEmailInput, @Ctx() ctx: Context) {
    return ctx.services.auth.verifyEmail(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Sends a new code; at most 3 a minute per address. Same answer for unknown addresses.' })
  resendOtp(@Arg('input', { description: 'The address to send a new code to.' }) input: EmailInput, @Ctx() ctx: Context) {
    return ctx.services.auth.resendOtp(input, ctx.client);
  }

  @Mutation(() => AuthPayload, { description: 'Staff login by e-mail and password: tokens and the staff member.' })
  login(@Arg('input', { description: 'The credentials.' }) input: LoginInput, @Ctx() ctx: Context) {
    return ctx.services.auth.login(input, ctx.client);
  }

  @Mutation(() => TokenPair, { description: 'A new access token. Rotates the refresh token (unless REFRESH_TOKEN_ROTATION leaves GraphQL out); a reused one revokes the session.' })
  refreshToken(@Arg('input', { description: 'The staff refresh token.' }) input: RefreshTokenInput, @Ctx() ctx: Context) {
    return ctx.services.auth.refresh(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session; its tokens stop working at once.' })
  logout(@Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.logout(own.viewer, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Changes the password and ends every other session.' })
  changePassword(@Arg('input', { description: 'The current and the new password.' }) input: ChangePasswordInput, @Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.changePassword(own.viewer, input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'E-mails a reset token. Same answer for unknown addresses.' })
  forgotPassword(@Arg('input', { description: "The account's address." }) input: EmailInput, @Ctx() ctx: Context) {
    return ctx.services.auth.forgotPassword(input, ctx.client);
  }

  @Mutation(() => ResetTokenStatus, { description: 'Whether a reset token is still usable (an unusable one is an error).' })
  validateResetToken(@Arg('input', { description: 'The reset token.' }) input: ResetTokenInput, @Ctx() ctx: Context) {
    return ctx.services.auth.validateResetToken(input);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with a reset token and ends every session.' })
  resetPassword(@Arg('input', { description: 'The reset token and the new password.' }) input: ResetPasswordInput, @Ctx() ctx: Context) {
    return ctx.services.auth.resetPassword(input, ctx.client);
  }

  @Query(() => Me, { description: 'The signed-in staff member.' })
  me(@Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.me(own.viewer);
  }

  @Mutation(() => Me, { description: 'Updates names and phone. The e-mail address cannot be changed here.' })
  updateProfile(@Arg('input', { description: 'What to change.' }) input: UpdateProfileInput, @Ctx() ctx: Context) {
    const own = ownStaffAccount(ctx);
    return own.services.auth.updateProfile(own.viewer, input);
  }
}
