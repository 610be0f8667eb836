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

/**
 * A key that cannot go into an HTTP header (a typographic quote, a line break or a space pasted with it, e.g. from
 * the environment) makes fetch throw a TypeError about "ByteString"s that names neither the key nor the fix.
 * `where` says where the key came from when it is not the key command's.
 */
export function keyShapeFailure(name: string, key: string, where?: string): ProviderFailure | undefined {
  if (!/[^\x21-\x7e]/.test(key)) return undefined;
  return {
    code: 'auth',
    message: `The ${name} API key contains a character no API key has (a space, a line break or a typographic quote from copying?) — ${where ?? 'run “Hybrid: Set API Key” and paste it again'}.`,
    fix: where ? 'showLogs' : 'setApiKey',
  };
}

export function blockedFailure(name: string): ProviderFailure {
  return {
    code: 'blocked',
    message: `Nothing was sent to ${name}: the request did not come through the privacy gate — this is a bug; please report it.`,
    fix: 'showLogs',
  };
}
