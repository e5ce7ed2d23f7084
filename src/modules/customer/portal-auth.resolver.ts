import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { replacedBy } from '../../graphql/replaced-by';
import { customerViewer } from '../../graphql/viewer';
import { RefreshTokenInput } from '../user/user.inputs';
import { TokenPair } from '../user/user.types';
import {
  CustomerEmailInput,
  CustomerEmailOtpResendInput,
  CustomerEmailVerifyInput,
  CustomerLoginInput,
  CustomerRegisterInput,
  CustomerSessionRefreshInput,
  CustomerVerifyEmailInput,
  PortalLoginInput,
  RegisterCustomerInput,
} from './customer.inputs';
import {
  CustomerEmailOtpResendPayload,
  CustomerEmailVerifyPayload,
  CustomerRegisterPayload,
  CustomerRegistration,
  CustomerSessionEndPayload,
  CustomerSessionRefreshPayload,
  PortalAuthPayload,
  PortalMe,
} from './customer.types';

/** Customer portal accounts (/api/v1/customer and /api/v1/portal/auth). */
@Resolver()
export class PortalAuthResolver {
  @Mutation(() => CustomerRegistration, { description: 'Creates a customer account in a company open to sign-up; e-mails a code.', deprecationReason: replacedBy('customerRegister') })
  registerCustomer(@Arg('input', { description: 'The new account.' }) input: RegisterCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.portalAuth.register(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: "Verifies a customer's address with the e-mailed code; true when verified.", deprecationReason: replacedBy('customerEmailVerify') })
  verifyCustomerEmail(@Arg('input', { description: 'The address and its code.' }) input: CustomerVerifyEmailInput, @Ctx() ctx: Context) {
    return ctx.services.portalAuth.verifyEmail(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'At most 3 a minute per address; same answer for unknown addresses.', deprecationReason: replacedBy('customerEmailOtpResend') })
  resendCustomerOtp(@Arg('input', { description: 'The address to send a new code to.' }) input: CustomerEmailInput, @Ctx() ctx: Context) {
    return ctx.services.portalAuth.resendOtp(input, ctx.client);
  }

  @Mutation(() => PortalAuthPayload, { description: 'Customer login (Scrubbe): portal tokens and the account.' })
  customerLogin(@Arg('input', { description: 'The credentials, and the workspace when the address has accounts in several.' }) input: CustomerLoginInput, @Ctx() ctx: Context) {
    return ctx.services.portalAuth.login(input, ctx.client);
  }

  @Mutation(() => PortalAuthPayload, { description: 'Customer login with the workspace required (the portal door).' })
  portalLogin(@Arg('input', { description: 'The workspace and the credentials.' }) input: PortalLoginInput, @Ctx() ctx: Context) {
    return ctx.services.portalAuth.login(input, ctx.client, { workspaceRequired: true });
  }

  @Mutation(() => TokenPair, { description: 'A new portal access token; the refresh token rotates as on refreshToken.', deprecationReason: replacedBy('customerSessionRefresh') })
  customerRefreshToken(@Arg('input', { description: 'The portal refresh token.' }) input: RefreshTokenInput, @Ctx() ctx: Context) {
    return ctx.services.portalAuth.refresh(input, ctx.client);
  }

  @Mutation(() => Boolean, { description: "Ends the signed-in customer's session (its refresh token stops working; its access tokens at once).", deprecationReason: replacedBy('customerSessionEnd') })
  customerLogout(@Ctx() ctx: Context) {
    return ctx.services.portalAuth.logout(customerViewer(ctx), ctx.client);
  }

  @Query(() => PortalMe, { description: 'The signed-in customer.' })
  portalMe(@Ctx() ctx: Context) {
    return ctx.services.portalAuth.me(customerViewer(ctx));
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => CustomerRegisterPayload, { description: 'Creates a customer account in a company open to sign-up; e-mails a code.' })
  async customerRegister(@Arg('input', { description: 'The new account.' }) input: CustomerRegisterInput, @Ctx() ctx: Context): Promise<CustomerRegisterPayload> {
    return { account: await ctx.services.portalAuth.register(input, ctx.client) };
  }

  @Mutation(() => CustomerEmailVerifyPayload, { description: "Verifies a customer's address with the e-mailed code." })
  async customerEmailVerify(@Arg('input', { description: 'The address and its code.' }) input: CustomerEmailVerifyInput, @Ctx() ctx: Context): Promise<CustomerEmailVerifyPayload> {
    return { verified: await ctx.services.portalAuth.verifyEmail(input, ctx.client) };
  }

  @Mutation(() => CustomerEmailOtpResendPayload, { description: 'Sends a customer a new code: at most 3 a minute per address; same answer for unknown addresses.' })
  async customerEmailOtpResend(@Arg('input', { description: 'The address to send a new code to.' }) input: CustomerEmailOtpResendInput, @Ctx() ctx: Context): Promise<CustomerEmailOtpResendPayload> {
    return { sent: await ctx.services.portalAuth.resendOtp(input, ctx.client) };
  }

  @Mutation(() => CustomerSessionRefreshPayload, { description: 'A new portal access token; the refresh token rotates as on sessionRefresh.' })
  customerSessionRefresh(@Arg('input', { description: 'The portal refresh token.' }) input: CustomerSessionRefreshInput, @Ctx() ctx: Context): Promise<CustomerSessionRefreshPayload> {
    return ctx.services.portalAuth.refresh(input, ctx.client);
  }

  @Mutation(() => CustomerSessionEndPayload, { description: "Ends the signed-in customer's session (its refresh token stops working; its access tokens at once)." })
  async customerSessionEnd(@Ctx() ctx: Context): Promise<CustomerSessionEndPayload> {
    return { ended: await ctx.services.portalAuth.logout(customerViewer(ctx), ctx.client) };
  }
}
