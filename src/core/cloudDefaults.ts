// The cloud model used when the user has not named one: it follows hybrid.cloud.provider, so switching the provider
// to OpenAI never sends a Claude model id to OpenAI (a 404 card on the first question).

type CloudProviderKind = 'anthropic' | 'openai';

export const DEFAULT_CLOUD_MODEL: Readonly<Record<CloudProviderKind, string>> = Object.freeze({
  anthropic: 'claude-sonnet-5',
  openai: 'gpt-5.4',
});

const PROVIDER_NAME: Readonly<Record<CloudProviderKind, string>> = { anthropic: 'Anthropic', openai: 'OpenAI' };

/** The model hybrid.cloud.model means when unset (or unusable): the provider's current default. */
export function defaultCloudModel(provider: CloudProviderKind): string {
  return DEFAULT_CLOUD_MODEL[provider] ?? DEFAULT_CLOUD_MODEL.anthropic;
}

interface CloudChoice { 'cloud.provider': CloudProviderKind; 'cloud.model': string }

/**
 * Said once when a provider switch moved the default model along (the user never named one), so the model that
 * answers next is not a surprise: "Hybrid: cloud provider is now OpenAI; questions go to gpt-5.4 …".
 */
export function followedProvider(before: CloudChoice, after: CloudChoice): string | undefined {
  if (before['cloud.provider'] === after['cloud.provider']) return undefined;
  if (before['cloud.model'] !== defaultCloudModel(before['cloud.provider']) || after['cloud.model'] !== defaultCloudModel(after['cloud.provider'])) return undefined;
  const name = PROVIDER_NAME[after['cloud.provider']];
  return `Hybrid: cloud provider is now ${name}; cloud questions go to ${after['cloud.model']} (the default for ${name}, as hybrid.cloud.model is not set). Set hybrid.cloud.model to choose another model.`;
}

/** The status bar tooltip's line naming the model cloud questions go to, and whether it is the provider's default. */
export function cloudModelLine(s: CloudChoice): string {
  const name = PROVIDER_NAME[s['cloud.provider']] ?? s['cloud.provider'];
  const dflt = s['cloud.model'] === defaultCloudModel(s['cloud.provider']);
  return `Cloud model: ${s['cloud.model']} (${dflt ? `the default for ${name}` : name})`;
}
