/**
 * A REST client as a team writes one from a published API document: a base URL, the documented paths, JSON
 * bodies, a Bearer token and the `{ success, message, data | errors }` envelope. Nothing of the server's code
 * or test helpers, so a document test fails where a client written to the document would.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `data` is whatever the document says it is; each test asserts it
export interface DocumentAnswer<T = any> {
  status: number;
  headers: Headers;
  body: { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
}

export function documentClient(baseUrl: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return async <T = any>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<DocumentAnswer<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as DocumentAnswer<T>['body'] };
  };
}
