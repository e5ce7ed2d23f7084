import type { Config } from '../../config/config';
import type { EzraInput } from './ezra.report';

export type ProviderConfig = NonNullable<Config['ezra']['provider']>;

const AUDIENCE_GUIDE: Record<EzraInput['audience'], string> = {
  ENGINEER:
    'The readers are the engineers working the incident. Be technical and specific: likely causes, what to check next, ' +
    'what fixed the similar incidents, and whether the suggested priority and service area fit.',
  LEADERSHIP:
    'The readers are managers. Cover impact (customers affected, linked reports), the timeline so far and the SLA state, ' +
    'in a few short paragraphs without technical detail.',
  CUSTOMER:
    'The reader is the customer who reported the problem; the report is sent to them as it is. Be plain and courteous, ' +
    'say where things stand and what happens next, and do not speculate about causes.',
};

/** The chat request for one run: instructions for the audience, and the run's structured input as JSON. */
export function providerRequest(model: string, input: EzraInput) {
  return {
    model,
    temperature: 0,
    messages: [
      {
        role: 'system',
        content:
          'You are Ezra, an incident analyst for a support team. Write a report in markdown for the audience named in ' +
          `the input, using only the facts in the JSON input; never invent facts. ${AUDIENCE_GUIDE[input.audience]}`,
      },
      { role: 'user', content: JSON.stringify(input) },
    ],
  };
}

export class ProviderError extends Error {}

const REPORT_MAX = 20_000;

/**
 * Sends a run's input to an OpenAI-compatible chat-completions endpoint (`POST {baseUrl}/chat/completions`)
 * and returns the answer's text. Errors name what went wrong without echoing the provider's body or the key.
 * `stop` (a stopping worker) cuts the call short too; the caller tells that apart by `stop.aborted`.
 */
export async function askProvider(provider: ProviderConfig, input: EzraInput, stop?: AbortSignal): Promise<{ model: string; report: string }> {
  const timeout = AbortSignal.timeout(provider.timeoutMs);
  let res: Response;
  try {
    res = await fetch(`${provider.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(provider.apiKey ? { authorization: `Bearer ${provider.apiKey}` } : {}) },
      body: JSON.stringify(providerRequest(provider.model, input)),
      signal: stop ? AbortSignal.any([timeout, stop]) : timeout,
      redirect: 'error',
    });
  } catch (e) {
    const err = e as Error;
    throw new ProviderError(err.name === 'TimeoutError' ? `The provider did not answer within ${provider.timeoutMs} ms.` : `The provider could not be reached (${err.message}).`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new ProviderError(`The provider answered HTTP ${res.status}.`);
  }
  let body: { model?: unknown; choices?: { message?: { content?: unknown } }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ProviderError('The provider answered with something other than JSON.');
  }
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== 'string' || !content.trim()) throw new ProviderError('The provider\'s answer had no message content.');
  return { model: typeof body.model === 'string' && body.model ? body.model : provider.model, report: content.trim().slice(0, REPORT_MAX) };
}
