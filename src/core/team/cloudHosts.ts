// Where a team's private tier may never be, whatever trustedHosts says: a model provider's own cloud API (a gateway
// URL or a deployment's api_base that is api.openai.com is the provider, not the team), and a gateway off this machine
// reached in clear text (private code and the virtual key would cross the network readable), unless the admin wrote
// that host with http:// in trustedHosts on purpose.

import { bareHost, isLoopbackHost, trustedHostEntry } from '../route/locality';

/** Hosts (and the domains under them) that are a model provider's public API, with the name a message uses. */
const CLOUD_APIS: ReadonlyArray<[suffix: string, name: string]> = [
  ['api.openai.com', 'OpenAI'], ['openai.azure.com', 'Azure OpenAI'], ['cognitiveservices.azure.com', 'Azure AI'],
  ['services.ai.azure.com', 'Azure AI'], ['api.anthropic.com', 'Anthropic'], ['googleapis.com', 'Google'],
  ['amazonaws.com', 'AWS'], ['api.mistral.ai', 'Mistral'], ['api.groq.com', 'Groq'], ['api.together.xyz', 'Together'],
  ['api.deepseek.com', 'DeepSeek'], ['api.x.ai', 'xAI'], ['api.cohere.com', 'Cohere'], ['api.cohere.ai', 'Cohere'],
  ['openrouter.ai', 'OpenRouter'], ['api.fireworks.ai', 'Fireworks'], ['api.perplexity.ai', 'Perplexity'],
  ['generativelanguage.googleapis.com', 'Google'], ['ollama.com', 'Ollama\'s cloud'], ['api-inference.huggingface.co', 'Hugging Face'],
  ['router.huggingface.co', 'Hugging Face'], ['api.cerebras.ai', 'Cerebras'],
];

/** "OpenAI" when `url`'s host is (under) a provider's public API; undefined otherwise or for a URL that is none. */
export function cloudApiOf(url: string): string | undefined {
  let host: string;
  try { host = new URL(url).hostname.toLowerCase().replace(/\.$/, ''); } catch { return undefined; }
  return CLOUD_APIS.find(([suffix]) => host === suffix || host.endsWith(`.${suffix}`))?.[1];
}

/**
 * Why `hybrid.gateway.baseUrl` cannot be a team gateway: it is a provider's own API (the virtual key would go to
 * that provider, and none of the gateway's routes exist there). undefined for any other URL.
 */
export function gatewayUrlProblem(url: string): string | undefined {
  const provider = cloudApiOf(url);
  if (!provider) return undefined;
  return `hybrid.gateway.baseUrl points at ${provider}'s own API (${hostOf(url)}), not at a team gateway — set it to your LiteLLM proxy's address, and your ${provider} key with "Hybrid: Set API Key" instead`;
}

/**
 * Private content to a gateway at `url`: refused in clear text (http://) off this machine, unless a trustedHosts
 * entry names that host with http:// — the admin's written choice for a network they vouch for.
 */
export function cleartextProblem(url: string, trustedHosts: readonly string[]): string | undefined {
  let u: URL;
  try { u = new URL(url); } catch { return undefined; }
  if (u.protocol !== 'http:' || isLoopbackHost(u.hostname)) return undefined;
  const host = bareHost(u.hostname);
  const chosen = trustedHosts.some((e) => /^\s*http:\/\//i.test(e) && trustedHostEntry(e)?.host === host);
  if (chosen) return undefined;
  return `the gateway ${u.host} is reached over plain http, so private code and your virtual key would cross the network unencrypted — use https:// in hybrid.gateway.baseUrl (or, for a network you vouch for, list the host as http://${u.hostname} in hybrid.privacy.trustedHosts)`;
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
