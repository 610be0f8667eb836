// "Local means local": the private tier only talks to this machine (or a host the user trusts), and an Ollama
// model that Ollama itself proxies to its cloud (remote_host or remote_model) is not local either (security-facts §2.5).

import type { ProviderFailure } from '../wire/types';

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

/** Where a remote Ollama model runs, for the message: its remote_host, else its remote_model, else "a remote host". */
export function remoteWhere(entry: { remote_host?: unknown; remote_model?: unknown }): string {
  if (typeof entry.remote_host === 'string' && entry.remote_host.trim()) return entry.remote_host;
  if (typeof entry.remote_model === 'string' && entry.remote_model.trim()) return `a remote host (as ${entry.remote_model})`;
  return 'a remote host';
}
