import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { AuthPayload, OAuthStart } from './user.types';

/** Staff sign-in with an OpenID Connect provider (/api/v1/auth/oauth). Thin: one service call each. */
@Resolver()
export class OAuthResolver {
  @Mutation(() => OAuthStart, {
    description: 'Starts signing in with a provider ("google"): send the browser to authorizationUrl. The provider sends it back to the callback with code and state.',
  })
  oauthLogin(@Arg('provider', () => String, { description: 'The provider: google.' }) provider: string, @Ctx() ctx: Context) {
    return ctx.services.oauth.start(provider);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Completes the sign-in with the code and state the provider returned (and iss, when it sends one). Signs in the account with that verified e-mail, or creates one with its own workspace.',
  })
  oauthCallback(
    @Arg('code', () => String, { description: "The `code` parameter of the provider's redirect." }) code: string,
    @Arg('state', () => String, { description: "The `state` parameter of the provider's redirect." }) state: string,
    @Arg('iss', () => String, { nullable: true, description: 'The `iss` parameter of the redirect, when the provider sends one.' }) iss: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.oauth.complete({ code, state, iss }, ctx.client);
  }
}
