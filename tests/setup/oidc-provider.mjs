// A real OpenID Connect provider (the `oidc-provider` package, ESM-only) for the OAuth tests, run as a child
// process by tests/setup/oidc.ts. It listens on 127.0.0.1 on a free port, has one confidential client (the
// app under test) and signs in, without a form, the test account named by the authorization request's
// `login_hint`. Tests register accounts with `PUT /__test/accounts/<sub>` (JSON claims).
//
// env: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI. Prints one line `{"issuer": "..."}` when ready;
// exits when its standard input closes (the test process ended, however it ended).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } = process.env;
if (!OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URI) {
  console.error('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are required');
  process.exit(2);
}

/** sub → claims (email, email_verified, given_name, family_name). */
const accounts = new Map();

const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'test-rs256',
  alg: 'RS256',
  use: 'sig',
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [OIDC_REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  // Like Google: the ID token itself carries the e-mail and profile claims.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const claims = accounts.get(sub);
    if (!claims) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...claims }) };
  },
});

/** The "login page": signs in the account named by login_hint, then grants what the client asked for. */
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session, grantId } = details;
  if (prompt.name === 'login') {
    const sub = params.login_hint;
    if (!sub || !accounts.has(sub)) {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: `no test account "${sub}"` }, { mergeWithLastSubmission: false });
    }
    return provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'consent') {
    const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  res.writeHead(501).end(`prompt ${prompt.name} is not handled`);
}

async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

const callback = provider.callback();
server.on('request', (req, res) => {
  const { pathname } = new URL(req.url, issuer);
  const fail = (err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end(String(err?.message ?? err));
  };
  if (pathname.startsWith('/interaction/') && req.method === 'GET') return void interaction(req, res).catch(fail);
  const account = /^\/__test\/accounts\/([^/]+)$/.exec(pathname);
  if (account && req.method === 'PUT') {
    return void readJson(req)
      .then((claims) => {
        accounts.set(decodeURIComponent(account[1]), claims);
        res.writeHead(204).end();
      })
      .catch(fail);
  }
  return callback(req, res);
});

process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
