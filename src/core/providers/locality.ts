// "Local means local": the private tier only talks to this machine (or a host the user trusts), and an Ollama
// model that Ollama itself proxies to its cloud (remote_host) is not local either (security-facts §2.5).

import type { ProviderFailure } from './types';

export function notLocalEndpointFailure(baseUrl: string, setting: string): ProviderFailure {
  return {
    code: 'notLocal',
    message: `${baseUrl} is not on this machine, so private requests are not sent there — use a loopback address in ${setting} or add the host to hybrid.privacy.trustedHosts.`,
    fix: 'openSettings',
  };
}

export function remoteModelFailure(model: string, remoteHost: string): ProviderFailure {
  let host = remoteHost;
  try { host = new URL(remoteHost).host; } catch { /* not a URL: show as is */ }
  return {
    code: 'notLocal',
    message: `The Ollama model ${model} runs on ${host}, not on this machine — pick a local model for private requests (hybrid.local.chatModel / hybrid.local.completionModel).`,
    fix: 'openSettings',
  };
}
