import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { OauthCompleteInput, OauthStartInput } from './user.inputs';
import { AuthPayload, OAuthStart, OauthCompletePayload, OauthStartPayload } from './user.types';
import { replacedBy } from '../../graphql/replaced-by';

/** Staff sign-in with an OpenID Connect provider (/api/v1/auth/oauth). Thin: one service call each. */
@Resolver()
export class OAuthResolver {
  @Mutation(() => OAuthStart, {
    deprecationReason: replacedBy('oauthStart'),
    description: 'Starts signing in with a provider ("google"): send the browser to authorizationUrl. The provider sends it back to the callback with code and state.',
  })
  oauthLogin(@Arg('provider', () => String, { description: 'The provider: google.' }) provider: string, @Ctx() ctx: Context) {
    return ctx.services.oauth.start(provider);
  }

  @Mutation(() => AuthPayload, {
    deprecationReason: replacedBy('oauthComplete'),
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

  // ---- Issue 15: the new-style mutations, the same service calls.

  @Mutation(() => OauthStartPayload, {
    description: 'Starts signing in with a provider ("google"): send the browser to authorizationUrl. The provider sends it back to the callback with code and state.',
  })
  oauthStart(@Arg('input', { description: 'The provider.' }) input: OauthStartInput, @Ctx() ctx: Context): Promise<OauthStartPayload> {
    return ctx.services.oauth.start(input.provider);
  }

  @Mutation(() => OauthCompletePayload, {
    description:
      'Completes the sign-in with the code and state the provider returned (and iss, when it sends one). Signs in the account with that verified e-mail, or creates one with its own workspace.',
  })
  oauthComplete(@Arg('input', { description: "The parameters of the provider's redirect." }) input: OauthCompleteInput, @Ctx() ctx: Context): Promise<OauthCompletePayload> {
    return ctx.services.oauth.complete({ code: input.code, state: input.state, iss: input.iss }, ctx.client);
  }
}
