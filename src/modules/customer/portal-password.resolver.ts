import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ResetPasswordInput, ResetTokenInput } from '../user/user.inputs';
import { ResetTokenStatus } from '../user/user.types';
import { AcceptPortalInvitationInput } from './customer-admin.inputs';
import { CustomerEmailInput, CustomerPasswordResetInput, CustomerPasswordResetRequestInput, CustomerPasswordResetTokenCheckInput } from './customer.inputs';
import { CustomerPasswordResetPayload, CustomerPasswordResetRequestPayload, CustomerPasswordResetTokenCheckPayload, PortalAuthPayload } from './customer.types';
import { replacedBy } from '../../graphql/replaced-by';

/** Portal passwords from e-mailed tokens (public): invitations and resets. */
@Resolver()
export class PortalPasswordResolver {
  @Mutation(() => PortalAuthPayload, { description: 'Accepts a portal invitation by setting a password; signs in with portal tokens.' })
  acceptPortalInvitation(@Arg('input', { description: 'The invitation token and the new password.' }) input: AcceptPortalInvitationInput, @Ctx() ctx: Context) {
    return ctx.services.portalPasswords.acceptInvitation(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'E-mails a portal password reset token (per company with the address). Same answer for unknown addresses.', deprecationReason: replacedBy('customerPasswordResetRequest') })
  customerForgotPassword(@Arg('input', { description: "The account's address." }) input: CustomerEmailInput, @Ctx() ctx: Context) {
    return ctx.services.portalPasswords.forgotPassword(input, ctx.client);
  }

  @Mutation(() => ResetTokenStatus, { description: 'Whether a portal reset token is still usable (an unusable one is an error).', deprecationReason: replacedBy('customerPasswordResetTokenCheck') })
  validateCustomerResetToken(@Arg('input', { description: 'The reset token.' }) input: ResetTokenInput, @Ctx() ctx: Context) {
    return ctx.services.portalPasswords.validateResetToken(input);
  }

  @Mutation(() => Boolean, { description: 'Sets a new portal password with a reset token and ends every session of the account.', deprecationReason: replacedBy('customerPasswordReset') })
  customerResetPassword(@Arg('input', { description: 'The reset token and the new password.' }) input: ResetPasswordInput, @Ctx() ctx: Context) {
    return ctx.services.portalPasswords.resetPassword(input, ctx.client);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => CustomerPasswordResetRequestPayload, { description: 'E-mails a portal password reset token (per company with the address). Same answer for unknown addresses.' })
  async customerPasswordResetRequest(
    @Arg('input', { description: "The account's address." }) input: CustomerPasswordResetRequestInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPasswordResetRequestPayload> {
    return { sent: await ctx.services.portalPasswords.forgotPassword(input, ctx.client) };
  }

  @Mutation(() => CustomerPasswordResetTokenCheckPayload, { description: 'Whether a portal reset token is still usable (an unusable one is an error).' })
  customerPasswordResetTokenCheck(
    @Arg('input', { description: 'The reset token.' }) input: CustomerPasswordResetTokenCheckInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPasswordResetTokenCheckPayload> {
    return ctx.services.portalPasswords.validateResetToken(input);
  }

  @Mutation(() => CustomerPasswordResetPayload, { description: 'Sets a new portal password with a reset token and ends every session of the account.' })
  async customerPasswordReset(@Arg('input', { description: 'The reset token and the new password.' }) input: CustomerPasswordResetInput, @Ctx() ctx: Context): Promise<CustomerPasswordResetPayload> {
    return { reset: await ctx.services.portalPasswords.resetPassword(input, ctx.client) };
  }
}
