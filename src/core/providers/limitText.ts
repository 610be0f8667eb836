// What a "too large" or "rate limited" refusal says beyond its status, read from the words servers really use, so
// the user learns the figure and the fix: vLLM's max_model_len refusals (also inside LiteLLM's
// ContextWindowExceededError), OpenAI's context-length wording ("your messages resulted in N tokens"), and LiteLLM's v3 rate limiter ("Rate limit exceeded
// for team: …. Limit type: requests.") with its `rate_limit_type` header. Never the limited party's id (a key hash).

import type { ProviderFailure } from '../wire/types';

interface ContextLimit { limit?: number; input?: number; maxTokens?: number; selfHosted: boolean }

const num = (re: RegExp, text: string): number | undefined => {
  const m = re.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
};

/** The figures of a context-length refusal (undefined ones the server did not give). */
export function contextLimitOf(text: string): ContextLimit {
  const limit = num(/maximum context length is ([\d,]+) tokens/i, text) ?? num(/maximum model length of ([\d,]+)/i, text);
  const fromParts = /\(([\d,]+) in the messages, ([\d,]+) in the completion\)/i.exec(text);
  const input = num(/request has ([\d,]+) input tokens/i, text) ?? num(/decoder prompt \(length ([\d,]+)\)/i, text) ?? (fromParts ? Number(fromParts[1]!.replace(/,/g, '')) : undefined)
    ?? num(/messages resulted in ([\d,]+) tokens/i, text);
  const maxTokens = num(/'max_tokens' or 'max_completion_tokens' is too large: ([\d,]+)/i, text) ?? (fromParts ? Number(fromParts[2]!.replace(/,/g, '')) : undefined);
  // vLLM's own vocabulary: the limit is the server's --max-model-len, which an admin can raise.
  const selfHosted = /max_model_len|max-model-len|decoder prompt|hosted_vllm|vllm|'max_tokens' or 'max_completion_tokens'/i.test(text);
  return { ...(limit !== undefined ? { limit } : {}), ...(input !== undefined ? { input } : {}), ...(maxTokens !== undefined ? { maxTokens } : {}), selfHosted };
}

const n = (x: number): string => x.toLocaleString('en-US');

export function tooLargeFailure(model: string, status: number, serverText: string): ProviderFailure {
  const c = contextLimitOf(serverText);
  const server = c.selfHosted ? ' (the server\'s limit is vLLM\'s --max-model-len, which its admin sets)' : '';
  let message = `The request is too large for ${model} (${status}) — attach less context or ask about a smaller selection.`;
  if (c.limit !== undefined && c.maxTokens !== undefined && c.input !== undefined && c.input < c.limit) {
    // The question fits; the room it leaves for the answer does not hold the answer length asked for.
    message = `The request does not fit ${model}'s context of ${n(c.limit)} tokens (${status}): ${n(c.input)} tokens of input leave ${n(c.limit - c.input)} for the answer, and ${n(c.maxTokens)} were asked for — attach less context so the answer has room, or ask the admin to raise vLLM's --max-model-len.`;
  } else if (c.limit !== undefined && c.input !== undefined && c.input > c.limit) {
    message = `The request is too large for ${model} (${status}): ${n(c.input)} tokens of input, ${n(c.input - c.limit)} over its context of ${n(c.limit)} — attach less context or ask about a smaller selection${server}.`;
  } else if (c.limit !== undefined) {
    message = `The request is too large for ${model}'s context of ${n(c.limit)} tokens (${status}) — attach less context or ask about a smaller selection${server}.`;
  }
  return { code: 'tooLarge', status, message };
}

const WHO: Record<string, string> = {
  team: 'your team\'s', api_key: 'your key\'s', key: 'your key\'s', user: 'your user\'s', end_user: 'the end user\'s',
  model_per_key: 'your key\'s per-model', model_per_team: 'your team\'s per-model', model: 'the model\'s', organization: 'your organization\'s',
};
const WHAT: Record<string, string> = { requests: 'requests-per-minute', tokens: 'tokens-per-minute', max_parallel_requests: 'parallel-request' };

/** "your team's requests-per-minute limit" from LiteLLM's rate-limiter refusal, or undefined for any other 429. */
export function rateLimitScope(serverText: string, headers: Headers | undefined): string | undefined {
  const m = /rate limit exceeded for ([a-z_]+):/i.exec(serverText);
  const type = /limit type: ([a-z_]+)/i.exec(serverText)?.[1]?.toLowerCase() ?? headers?.get('rate_limit_type')?.toLowerCase();
  if (!m) return undefined;
  const who = WHO[m[1]!.toLowerCase()] ?? 'a gateway';
  const what = (type && WHAT[type]) ?? 'rate';
  return `${who} ${what} limit on the gateway`;
}
