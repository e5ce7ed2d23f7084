import { spawn } from 'node:child_process';
import path from 'node:path';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
}

export interface TestOidcProvider {
  /** The issuer URL (http://127.0.0.1:<port>). */
  issuer: string;
  /** Creates or replaces the account `sub` with these claims. */
  putAccount(sub: string, claims: TestAccount): Promise<void>;
  /**
   * Opens the authorization URL like a browser signed in as `sub` (cookies and redirects handled by hand)
   * and returns the URL the provider finally sends the browser to: the app's callback with code and state.
   */
  signIn(authorizationUrl: string, sub: string): Promise<URL>;
  close(): Promise<void>;
}

/** Starts tests/setup/oidc-provider.mjs (the real `oidc-provider`) with one client, for the app under test. */
export async function startOidcProvider(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<TestOidcProvider> {
  const proc = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      OIDC_CLIENT_ID: client.clientId,
      OIDC_CLIENT_SECRET: client.clientSecret,
      OIDC_REDIRECT_URI: client.redirectUri,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let line = '';
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start:\n${output}`)), 15_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      line += chunk.toString();
      if (!line.includes('\n')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line.split('\n')[0]) as { issuer: string }).issuer);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited (${code}):\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  return {
    issuer,
    async putAccount(sub, claims) {
      const res = await fetch(`${issuer}/__test/accounts/${encodeURIComponent(sub)}`, { method: 'PUT', body: JSON.stringify(claims) });
      if (res.status !== 204) throw new Error(`putAccount: ${res.status} ${await res.text()}`);
    },
    async signIn(authorizationUrl, sub) {
      const jar = new Map<string, string>();
      const start = new URL(authorizationUrl);
      start.searchParams.set('login_hint', sub); // the test provider's "login form"
      let url = start;
      for (let hop = 0; hop < 10; hop++) {
        if (url.origin !== new URL(issuer).origin) return url; // left the provider: back at the app
        const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
        for (const set of res.headers.getSetCookie()) {
          const [pair, ...attributes] = set.split(';');
          const name = pair.slice(0, pair.indexOf('=')).trim();
          const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
          if (expired) jar.delete(name);
          else jar.set(name, pair.slice(pair.indexOf('=') + 1).trim());
        }
        const location = res.headers.get('location');
        if (res.status < 300 || res.status >= 400 || !location) {
          throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${(await res.text()).slice(0, 500)}\n${output}`);
        }
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    async close() {
      proc.stdin!.end(); // the provider exits when its standard input closes
      await exited;
    },
  };
}
