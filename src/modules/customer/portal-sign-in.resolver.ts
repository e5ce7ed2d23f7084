import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { CustomerSignInLinkRequestInput, SignInLinkRequestInput, SignInWithLinkInput } from './customer.inputs';
import { CustomerSignInLinkRequestPayload, PortalAuthPayload } from './customer.types';
import { replacedBy } from '../../graphql/replaced-by';

/** Portal sign-in links (public): asking for one by e-mail, and signing in with it. */
@Resolver()
export class PortalSignInResolver {
  @Mutation(() => Boolean, { description: 'E-mails a portal sign-in link (single use, 15 minutes). Same answer for unknown addresses; limited like codes.', deprecationReason: replacedBy('customerSignInLinkRequest') })
  requestSignInLink(@Arg('input', { description: 'The address and, optionally, the workspace.' }) input: SignInLinkRequestInput, @Ctx() ctx: Context) {
    return ctx.services.portalSignIn.requestLink(input, ctx.client);
  }

  @Mutation(() => PortalAuthPayload, { description: 'Signs in with a sign-in link: the same tokens as a password login. The link is spent.' })
  signInWithLink(@Arg('input', { description: "The link's token." }) input: SignInWithLinkInput, @Ctx() ctx: Context) {
    return ctx.services.portalSignIn.redeem(input, ctx.client);
  }

  // ---- Issue 15: the new-style mutations (one `input`, a `<Name>Payload`), the same service calls as the old ones.

  @Mutation(() => CustomerSignInLinkRequestPayload, { description: 'E-mails a portal sign-in link (single use, 15 minutes). Same answer for unknown addresses; limited like codes.' })
  async customerSignInLinkRequest(
    @Arg('input', { description: 'The address and, optionally, the workspace.' }) input: CustomerSignInLinkRequestInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerSignInLinkRequestPayload> {
    return { sent: await ctx.services.portalSignIn.requestLink(input, ctx.client) };
  }
}
