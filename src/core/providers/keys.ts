// API keys reach a provider as a value or a lookup (SecretStorage, then the environment) resolved per request,
// so a key set or cleared while the extension runs takes effect on the next request.

import type { ProviderFailure } from '../wire/types';

export type ApiKeyOption = string | (() => Promise<string | undefined> | string | undefined);

export async function resolveKey(key: ApiKeyOption | undefined): Promise<string | undefined> {
  const value = typeof key === 'function' ? await key() : key;
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function missingKeyFailure(name: string): ProviderFailure {
  return { code: 'auth', message: `No ${name} API key is set — run “Hybrid: Set API Key”.`, fix: 'setApiKey' };
}

export function blockedFailure(name: string): ProviderFailure {
  return {
    code: 'blocked',
    message: `Nothing was sent to ${name}: the request did not come through the privacy gate — this is a bug; please report it.`,
    fix: 'showLogs',
  };
}
