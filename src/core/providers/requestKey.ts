// The API key is read once per request and passed along: the router's "is a key set", the provider lookup and the
// SDK call all use that one value. Reading SecretStorage three times per request was slow (each read crosses to
// the OS keychain) and could disagree with itself when the key changed mid-request.
import type { CloudProviderId, KeySource } from '../ports';
import type { ChatProvider } from '../wire/types';

export interface RequestCloud {
  /** Whether a key was found: what the router's health sees for this request. */
  keySet: boolean;
  /** The provider for this request, holding the key that was read (undefined without a key). */
  provider: ChatProvider | undefined;
}

export async function cloudForRequest(
  keys: KeySource, which: CloudProviderId, build: (apiKey: string, fromEnv?: string) => ChatProvider,
): Promise<RequestCloud> {
  const found = keys.lookup ? await keys.lookup(which) : { key: await keys.get(which) };
  const apiKey = found.key?.trim();
  if (!apiKey) return { keySet: false, provider: undefined };
  return { keySet: true, provider: build(apiKey, found.fromEnv) };
}
