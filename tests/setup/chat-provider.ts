import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as received. */
  body: string;
  json: { model?: string; messages?: { role: string; content: string }[] };
}

export interface ChatProvider {
  /** Base URL for EZRA_PROVIDER_URL, e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** How the next requests are answered: an OpenAI-style answer (default), an HTTP error, or held until released. */
  mode: { kind: 'answer'; content: (req: RecordedRequest) => string } | { kind: 'status'; status: number } | { kind: 'hold' };
  /** Answers every held request. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A real OpenAI-compatible chat-completions endpoint on 127.0.0.1 for tests: records every request body and
 * answers like the real API (`choices[0].message.content`).
 */
export async function startChatProvider(): Promise<ChatProvider> {
  const held: (() => void)[] = [];
  const provider: ChatProvider = {
    baseUrl: '',
    requests: [],
    mode: { kind: 'answer', content: () => 'PROVIDER-REPORT: all good.' },
    release: () => held.splice(0).forEach((answer) => answer()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: RecordedRequest['json'] = {};
      try {
        json = JSON.parse(body) as RecordedRequest['json'];
      } catch {
        /* recorded as it came */
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      provider.requests.push(recorded);
      const mode = provider.mode;
      const answer = () => {
        if (mode.kind === 'status') {
          res.writeHead(mode.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'upstream exploded with SECRET-PROVIDER-DETAIL' } }));
          return;
        }
        const content = mode.kind === 'answer' ? mode.content(recorded) : 'PROVIDER-REPORT: released.';
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: `${json.model ?? 'unknown'}-served`,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      };
      if (mode.kind === 'hold') held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return provider;
}
